import type { OwnershipMap, Program } from '@handoff/contract';
import { useApi } from '../api/use-api.js';
import type { SessionInfo } from '../session.js';
import { useSession } from '../session.js';

/**
 * Which program writes the screens offer the signed-in account, as docs/SECURITY.md (contract access.ts) grants
 * them: `update` (PATCH the program: edit, move its phase) for admins, executives and an owner who leads it;
 * `lead` (roles, plan) for admins and an executive or owner who leads it. To lead is to hold one of its
 * governance roles, the sponsor's (outcome owner) included. The server still decides; this only hides buttons
 * the server would refuse, never information.
 */
export interface ProgramAccess {
  readonly update: boolean;
  readonly lead: boolean;
}

/** The access of `session` on the program whose ownership map is `map` (null while it loads: nothing beyond the role). */
export function programAccess(session: SessionInfo, map: OwnershipMap | null): ProgramAccess {
  if (session.role === 'admin') return { update: true, lead: true };
  const leads = session.personId !== null && (map?.roles.some((r) => r.holder?.id === session.personId) ?? false);
  const leader = leads && (session.role === 'executive' || session.role === 'owner');
  return { update: session.role === 'executive' || leader, lead: leader };
}

/** The signed-in account's access on one program, from its ownership map. */
export function useProgramAccess(programId: string): ProgramAccess {
  const session = useSession();
  const map = useApi<OwnershipMap>(`/api/programs/${programId}/roles`);
  return programAccess(session, map.state === 'ready' ? map.data : null);
}

/** Whether the signed-in person may override a closed gate: the program's sponsor, or a board member. */
export function mayOverride(session: SessionInfo, program: Program, boardMember: boolean): boolean {
  return session.personId !== null && (program.sponsor?.id === session.personId || boardMember);
}
