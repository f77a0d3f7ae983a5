import type { ProgramAccess } from '@handoff/contract';
import { useApi } from '../api/use-api.js';

const NOTHING: Omit<ProgramAccess, 'programId'> = { update: false, lead: false, member: false, requestDecision: false, overrideGate: false };

/**
 * What the signed-in account may do on a program, as the API answers it (GET /api/programs/{id}/access, decided by
 * the rules it enforces): the screens offer exactly those writes, never hide information, and judge no rule
 * themselves. Nothing is offered while the answer loads or when it fails.
 */
export function useProgramAccess(programId: string): Omit<ProgramAccess, 'programId'> {
  const loaded = useApi<ProgramAccess>(`/api/programs/${encodeURIComponent(programId)}/access`);
  return loaded.state === 'ready' ? loaded.data : NOTHING;
}
