import { ownershipMap, phaseIndex, programReadiness, type Phase, type ProgramReadiness } from '@handoff/core';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { allCriteria } from '../db/repos/criteria.repo.js';
import { latestStatusesMany, programsWithCostModel, roleHoldingsMany } from '../db/repos/diagnosis-readiness.repo.js';
import { listActiveRoles } from '../db/repos/governance-roles.repo.js';
import type { ProgramRow } from '../db/repos/programs.repo.js';
import { economicGaps } from './economics.service.js';
import { ECONOMICS_FROM_GATE } from './readiness-state.js';

/** What the diagnosis needs of a program's current readiness. */
export interface DiagnosisReadiness {
  readonly readiness: ProgramReadiness;
  /** Whether any criterion was ever assessed for the program (before now). */
  readonly assessed: boolean;
  /** Required roles nobody holds (program-roles.repo `listVacantRoles`). */
  readonly vacantRoles: readonly string[];
  /** The workspace's active required custom roles. */
  readonly requiredCustomRoles: number;
}

/**
 * Current readiness of many programs, each for its own gate, scored as readiness-state.ts `loadReadiness`
 * scores one (`current`: vacant roles and the economics' pilot-economics flag count), from set-wide reads:
 * criteria, latest statuses, custom roles, role holdings and which programs have a cost model. The
 * economics are computed per program (economics.service `economicGaps`) only where they are judged and a
 * cost model exists; without one the gap is known without a read.
 */
export async function readinessMany(
  db: Kysely<DB>, workspaceId: string, programs: readonly { program: ProgramRow; gate: Phase }[], now: Date,
): Promise<Map<string, DiagnosisReadiness>> {
  const ids = programs.map((p) => p.program.id);
  const [criteria, latest, customRoles, holdings, withModel] = await Promise.all([
    allCriteria(db, workspaceId),
    latestStatusesMany(db, workspaceId, ids, now),
    listActiveRoles(db, workspaceId),
    roleHoldingsMany(db, workspaceId, ids),
    programsWithCostModel(db, workspaceId, ids),
  ]);
  const scored = criteria.map((c) => ({
    id: c.id, code: c.code, dimension: c.dimension, required: c.required, gate: c.gate,
    retired: c.retired_at !== null && c.retired_at.getTime() <= now.getTime(),
  }));
  const judged = programs.filter((p) => phaseIndex(p.gate) >= phaseIndex(ECONOMICS_FROM_GATE));
  const economic = new Map(await Promise.all(judged.map(async ({ program }) => [
    program.id, withModel.has(program.id) ? await economicGaps(db, workspaceId, program.id) : ['no cost model'],
  ] as const)));
  const latestOf = byProgram(latest);
  const heldOf = byProgram(holdings);
  const result = new Map<string, DiagnosisReadiness>();
  for (const { program, gate } of programs) {
    const mine = latestOf.get(program.id) ?? [];
    const held = (heldOf.get(program.id) ?? []).map((h) => ({ roleKey: h.role_key, holder: h.id, since: h.assigned_at }));
    const vacantRoles = [...ownershipMap(customRoles, held, program.sponsor_id).gaps];
    const readiness = programReadiness({
      gate, criteria: scored, results: new Map(mine.map((r) => [r.criterion_id, r.status])), vacantRoles, conditions: { economic: economic.get(program.id) ?? [] },
    });
    result.set(program.id, { readiness, assessed: mine.length > 0, vacantRoles, requiredCustomRoles: customRoles.filter((r) => r.required).length });
  }
  return result;
}

function byProgram<T extends { program_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.program_id);
    if (group) group.push(row);
    else groups.set(row.program_id, [row]);
  }
  return groups;
}
