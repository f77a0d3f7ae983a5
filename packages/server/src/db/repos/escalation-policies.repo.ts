import type { Kysely, Selectable } from 'kysely';
import type { DB, EscalationPoliciesTable } from '../schema.js';

export type PolicyRow = Selectable<EscalationPoliciesTable>;

/** The workspace default (programId null) or a program's override. */
export function findPolicy(db: Kysely<DB>, workspaceId: string, programId: string | null, forUpdate = false): Promise<PolicyRow | undefined> {
  let q = db.selectFrom('escalation_policies').selectAll().where('workspace_id', '=', workspaceId);
  q = programId === null ? q.where('program_id', 'is', null) : q.where('program_id', '=', programId);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** Every policy row of a workspace (default and overrides). */
export function listPolicies(db: Kysely<DB>, workspaceId: string): Promise<PolicyRow[]> {
  return db.selectFrom('escalation_policies').selectAll().where('workspace_id', '=', workspaceId).execute();
}

export async function insertPolicy(db: Kysely<DB>, row: { id: string; workspace_id: string; program_id: string | null; levels: string; acknowledgement_hold_days: number; created_at: Date }): Promise<PolicyRow> {
  return db.insertInto('escalation_policies').values({ ...row, updated_at: row.created_at }).returningAll().executeTakeFirstOrThrow();
}

export async function updatePolicy(db: Kysely<DB>, id: string, levels: string, holdDays: number, now: Date): Promise<PolicyRow> {
  return db
    .updateTable('escalation_policies')
    .set((eb) => ({ levels, acknowledgement_hold_days: holdDays, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
