import type { Insertable, Kysely } from 'kysely';
import type { Phase } from '@handoff/core';
import type { DB, GateOverridesTable } from '../schema.js';

/** Records a phase change let through with the gate closed. */
export async function insertGateOverride(db: Kysely<DB>, row: Insertable<GateOverridesTable>): Promise<void> {
  await db.insertInto('gate_overrides').values(row).execute();
}

/** A gate override with the name of who decided it. */
export interface GateOverrideView {
  id: string;
  program_id: string;
  from_phase: Phase;
  to_phase: Phase;
  reason: string;
  /** jsonb [{ dimension, criteria, vacantRoles? }]; parse before use. */
  unmet: unknown;
  created_at: Date;
  decided_by: string;
  decider_name: string;
  decider_email: string;
}

/** A program's gate overrides, oldest first, after the (created_at, id) keyset cursor. */
export function listGateOverrides(
  db: Kysely<DB>,
  workspaceId: string,
  programId: string,
  after: readonly [string, string] | undefined,
  limit: number,
): Promise<GateOverrideView[]> {
  let q = db
    .selectFrom('gate_overrides as o')
    .innerJoin('people as p', 'p.id', 'o.decided_by')
    .select([
      'o.id', 'o.program_id', 'o.from_phase', 'o.to_phase', 'o.reason', 'o.unmet', 'o.created_at', 'o.decided_by',
      'p.name as decider_name', 'p.email as decider_email',
    ])
    .where('o.workspace_id', '=', workspaceId)
    .where('o.program_id', '=', programId);
  if (after) {
    const [createdAt, id] = after;
    q = q.where((eb) => eb(eb.refTuple('o.created_at', 'o.id'), '>', eb.tuple(new Date(createdAt), id)));
  }
  return q.orderBy('o.created_at').orderBy('o.id').limit(limit).execute();
}
