import type { ConstraintPage, OwnershipMap, ProgramMemberList } from '@handoff/contract';
import { useApi } from '../api/use-api.js';
import { programAccess } from '../screens/program-access.js';
import { useSession } from '../session.js';

/**
 * Which of a program's readiness and economics writes the signed-in account may make, as contract access.ts rules
 * them: `lead` for `program-lead` routes (assessments, the cost model and its items; decided by program-access.ts),
 * `member` for `program-member` routes (a constraint opened from a readiness gap). Only decides which controls to
 * offer: the server still checks.
 */
export interface ProgramWriteAccess {
  readonly lead: boolean;
  readonly member: boolean;
}

/**
 * `member` adds to `lead` a contributor who is a member of the program (core access.ts: listed, or owning one of
 * its constraints); those two facts are fetched only for a contributor. False while loading.
 */
export function useProgramWriteAccess(programId: string): ProgramWriteAccess {
  const session = useSession();
  const contributor = session.role === 'contributor' && session.personId !== null;
  const map = useApi<OwnershipMap>(`/api/programs/${programId}/roles`);
  const members = useApi<ProgramMemberList>(contributor ? `/api/programs/${programId}/members` : null);
  const owned = useApi<ConstraintPage>(contributor ? `/api/programs/${programId}/constraints?owner=${session.personId}&limit=1` : null);
  const { lead } = programAccess(session, map.state === 'ready' ? map.data : null);
  const listed = members.state === 'ready' && members.data.items.some((m) => m.person.id === session.personId);
  const owns = owned.state === 'ready' && owned.data.items.length > 0;
  return { lead, member: lead || (contributor && (listed || owns)) };
}
