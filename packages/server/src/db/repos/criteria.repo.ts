import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import { DIMENSIONS, PHASES, type Dimension, type Phase } from '@handoff/core';
import type { DB, ReadinessCriteriaTable } from '../schema.js';
import { isUuid } from './programs.repo.js';

export type CriterionRow = Selectable<ReadinessCriteriaTable>;

/** Position of the dimension in DIMENSIONS (1-based): lists go by dimension in vocabulary order, then code. Built from the fixed vocabulary, never from input. */
const DIMENSION_RANK = sql<number>`(case ${sql.raw(DIMENSIONS.map((d, i) => `when dimension = '${d}' then ${i + 1}`).join(' '))} end)`;

/** The 1-based rank of a dimension, as DIMENSION_RANK computes it in SQL (for cursors). */
export function dimensionRank(dimension: Dimension): number {
  return DIMENSIONS.indexOf(dimension) + 1;
}

/** A criterion by id or code (codes are upper case); `forUpdate` locks the row. */
export function findCriterion(db: Kysely<DB>, workspaceId: string, idOrCode: string, forUpdate = false): Promise<CriterionRow | undefined> {
  let q = db.selectFrom('readiness_criteria').selectAll().where('workspace_id', '=', workspaceId);
  q = isUuid(idOrCode) ? q.where('id', '=', idOrCode) : q.where('code', '=', idOrCode.toUpperCase());
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export interface CriteriaFilter {
  dimension?: Dimension;
  /** Only criteria whose gate is this one or earlier. */
  appliesTo?: Phase;
  includeRetired: boolean;
  /** Keyset: after (dimension rank, code). */
  after?: readonly [number, string];
  limit: number;
}

/** Criteria by dimension (vocabulary order) then code. */
export function listCriteria(db: Kysely<DB>, workspaceId: string, f: CriteriaFilter): Promise<CriterionRow[]> {
  let q = db.selectFrom('readiness_criteria').selectAll().where('workspace_id', '=', workspaceId);
  if (f.dimension) q = q.where('dimension', '=', f.dimension);
  if (f.appliesTo) q = q.where('gate', 'in', PHASES.slice(0, PHASES.indexOf(f.appliesTo) + 1));
  if (!f.includeRetired) q = q.where('retired_at', 'is', null);
  if (f.after) {
    const [rank, code] = f.after;
    q = q.where(sql<boolean>`(${DIMENSION_RANK}, code) > (${rank}, ${code})`);
  }
  return q.orderBy(DIMENSION_RANK).orderBy('code').limit(f.limit).execute();
}

/** Every criterion of the workspace, retired ones included (readiness judges retirement at its own instant). */
export function allCriteria(db: Kysely<DB>, workspaceId: string): Promise<CriterionRow[]> {
  return db.selectFrom('readiness_criteria').selectAll().where('workspace_id', '=', workspaceId).orderBy(DIMENSION_RANK).orderBy('code').execute();
}

/** How many criteria the workspace has ever had (retired ones count). */
export async function countCriteria(db: Kysely<DB>, workspaceId: string): Promise<number> {
  const row = await db.selectFrom('readiness_criteria').select(sql<number>`count(*)::int`.as('n')).where('workspace_id', '=', workspaceId).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Inserts criteria, skipping codes the workspace already has (so concurrent seeds are harmless). Returns the rows inserted. */
export async function insertCriteriaIfMissing(db: Kysely<DB>, rows: readonly Insertable<ReadinessCriteriaTable>[]): Promise<CriterionRow[]> {
  if (rows.length === 0) return [];
  return db.insertInto('readiness_criteria').values([...rows])
    .onConflict((oc) => oc.columns(['workspace_id', 'code']).doNothing())
    .returningAll()
    .execute();
}

/** Criteria of the workspace with these codes, locked for the rest of the transaction. */
export function criteriaByCodes(db: Kysely<DB>, workspaceId: string, codes: readonly string[]): Promise<CriterionRow[]> {
  if (codes.length === 0) return Promise.resolve([]);
  return db.selectFrom('readiness_criteria').selectAll().where('workspace_id', '=', workspaceId).where('code', 'in', [...codes]).forUpdate().execute();
}

/** Criteria of the workspace by id or code; the caller matches each reference against `id` and `code`. */
export function criteriaByIdsOrCodes(db: Kysely<DB>, workspaceId: string, refs: readonly string[]): Promise<CriterionRow[]> {
  const ids = refs.filter(isUuid);
  const codes = refs.filter((r) => !isUuid(r)).map((r) => r.toUpperCase());
  if (ids.length === 0 && codes.length === 0) return Promise.resolve([]);
  return db.selectFrom('readiness_criteria').selectAll().where('workspace_id', '=', workspaceId)
    .where((eb) => eb.or([
      ...(ids.length > 0 ? [eb('id', 'in', ids)] : []),
      ...(codes.length > 0 ? [eb('code', 'in', codes)] : []),
    ]))
    .execute();
}

/** Serialises writers of the workspace's library (import, create) so codes never collide mid-transaction. */
export async function lockLibrary(db: Kysely<DB>, workspaceId: string): Promise<void> {
  await db.selectFrom('workspaces').select('id').where('id', '=', workspaceId).forUpdate().execute();
}

/** Writes the given fields and bumps the version. */
export function updateCriterion(
  db: Kysely<DB>,
  workspaceId: string,
  id: string,
  fields: Updateable<ReadinessCriteriaTable> & { updated_at: Date },
): Promise<CriterionRow> {
  return db
    .updateTable('readiness_criteria')
    .set((eb) => ({ ...fields, version: eb('version', '+', 1) }))
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
