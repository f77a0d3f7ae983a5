import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.js';

/**
 * Set-wide reads behind many programs' readiness at once (the portfolio's diagnoses): the same rows the
 * per-program reads give (assessments.repo `latestResults`, program-roles.repo holdings, cost models),
 * for a list of programs in one query each.
 */

/** The latest status of each criterion of each program at or before `asOf` (last by assessed_at, id). */
export function latestStatusesMany(db: Kysely<DB>, workspaceId: string, programIds: readonly string[], asOf: Date) {
  return db
    .selectFrom('readiness_assessments as a')
    .innerJoin('people as p', 'p.id', 'a.assessed_by')
    .distinctOn(['a.program_id', 'a.criterion_id'])
    .select(['a.program_id', 'a.criterion_id', 'a.status'])
    .where('a.workspace_id', '=', workspaceId)
    .where(sql<boolean>`a.program_id = any(${[...programIds]}::uuid[])`)
    .where('a.assessed_at', '<=', asOf)
    .orderBy('a.program_id')
    .orderBy('a.criterion_id')
    .orderBy('a.assessed_at', 'desc')
    .orderBy('a.id', 'desc')
    .execute();
}

/** Stored role holdings (outcome-owner is the sponsor, not stored) of `programIds`. */
export function roleHoldingsMany(db: Kysely<DB>, workspaceId: string, programIds: readonly string[]) {
  return db
    .selectFrom('program_roles as r')
    .innerJoin('people as p', 'p.id', 'r.person_id')
    .select(['r.program_id', 'r.role_key', 'r.assigned_at', 'p.id'])
    .where('r.workspace_id', '=', workspaceId)
    .where(sql<boolean>`r.program_id = any(${[...programIds]}::uuid[])`)
    .execute();
}

/** Which of `programIds` have a cost model. */
export async function programsWithCostModel(db: Kysely<DB>, workspaceId: string, programIds: readonly string[]): Promise<Set<string>> {
  const rows = await db.selectFrom('cost_models').select('program_id')
    .where('workspace_id', '=', workspaceId).where(sql<boolean>`program_id = any(${[...programIds]}::uuid[])`)
    .execute();
  return new Set(rows.map((r) => r.program_id));
}
