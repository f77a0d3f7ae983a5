import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import { ACTIVE_STATUSES, type ReviewDecision } from '@handoff/core';
import type { DB, ReviewItemsTable, ReviewsTable } from '../schema.js';
import type { HistoryRow } from './history.repo.js';

export type ReviewRow = Selectable<ReviewsTable>;

/** A review with its program key and reviewer, as the presenter needs. */
export interface ReviewView extends ReviewRow {
  program_key: string;
  reviewer_name: string;
  reviewer_email: string;
}

/** A review item with the ref and title of its constraint. */
export interface ReviewItemView extends Selectable<ReviewItemsTable> {
  ref: string;
  title: string;
}

export async function insertReview(db: Kysely<DB>, row: Insertable<ReviewsTable>): Promise<void> {
  await db.insertInto('reviews').values(row).execute();
}

export async function insertReviewItems(db: Kysely<DB>, rows: readonly Insertable<ReviewItemsTable>[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('review_items').values([...rows]).execute();
}

function reviewQuery(db: Kysely<DB>, workspaceId: string) {
  return db
    .selectFrom('reviews as r')
    .innerJoin('programs as p', 'p.id', 'r.program_id')
    .innerJoin('people as v', 'v.id', 'r.reviewer_id')
    .selectAll('r')
    .select(['p.key as program_key', 'v.name as reviewer_name', 'v.email as reviewer_email'])
    .where('r.workspace_id', '=', workspaceId);
}

export function findReview(db: Kysely<DB>, workspaceId: string, id: string): Promise<ReviewView | undefined> {
  return reviewQuery(db, workspaceId).where('r.id', '=', id).executeTakeFirst();
}

/** The latest review of a program, or undefined when it was never reviewed. */
export function lastProgramReview(db: Kysely<DB>, workspaceId: string, programId: string): Promise<ReviewView | undefined> {
  return reviewQuery(db, workspaceId).where('r.program_id', '=', programId).orderBy('r.created_at', 'desc').orderBy('r.id', 'desc').limit(1).executeTakeFirst();
}

/** Reviews of a program, newest first (keyset on created_at, id). */
export function listProgramReviews(
  db: Kysely<DB>, workspaceId: string, programId: string, after: readonly [string, string] | undefined, limit: number,
): Promise<ReviewView[]> {
  let q = reviewQuery(db, workspaceId).where('r.program_id', '=', programId);
  if (after) {
    const [createdAt, id] = after;
    q = q.where((eb) => eb(eb.refTuple('r.created_at', 'r.id'), '<', eb.tuple(new Date(createdAt), id)));
  }
  return q.orderBy('r.created_at', 'desc').orderBy('r.id', 'desc').limit(limit).execute();
}

/** The items of one review, in the order they were applied. */
export function listReviewItems(db: Kysely<DB>, reviewId: string): Promise<ReviewItemView[]> {
  return db
    .selectFrom('review_items as i')
    .innerJoin('constraints as c', 'c.id', 'i.constraint_id')
    .innerJoin('programs as p', 'p.id', 'c.program_id')
    .selectAll('i')
    .select([sql<string>`p.key || '-' || c.number`.as('ref'), 'c.title'])
    .where('i.review_id', '=', reviewId)
    .orderBy('i.position')
    .execute();
}

/** How many items of each review took each decision. */
export async function reviewDecisionCounts(db: Kysely<DB>, reviewIds: readonly string[]): Promise<{ review_id: string; decision: ReviewDecision; n: number }[]> {
  if (reviewIds.length === 0) return [];
  return db
    .selectFrom('review_items')
    .select(['review_id', 'decision', sql<number>`count(*)::int`.as('n')])
    .where('review_id', 'in', [...reviewIds])
    .groupBy(['review_id', 'decision'])
    .execute();
}

/** A history entry of a constraint with how many entries it has since its last review. */
export interface ChangeRow extends HistoryRow {
  total: number;
}

/**
 * History of the given active constraints since each one's last review (strictly after it; since
 * creation when never reviewed): the `perConstraint` most recent entries of each, oldest first, each
 * row carrying the constraint's total count of such entries.
 */
export async function changesSinceLastReview(db: Kysely<DB>, workspaceId: string, constraintIds: readonly string[], perConstraint: number): Promise<ChangeRow[]> {
  if (constraintIds.length === 0) return [];
  const ranked = db
    .selectFrom('history as h')
    .innerJoin('constraints as c', (j) => j.onRef('c.id', '=', 'h.entity_id').on('h.entity_type', '=', 'constraint'))
    .selectAll('h')
    .select([
      sql<number>`row_number() over (partition by h.entity_id order by h.id desc)`.as('rank'),
      sql<number>`(count(*) over (partition by h.entity_id))::int`.as('total'),
    ])
    .where('h.workspace_id', '=', workspaceId)
    .where('c.workspace_id', '=', workspaceId)
    .where('c.id', 'in', [...constraintIds])
    .where('c.status', 'in', [...ACTIVE_STATUSES])
    .where((eb) => eb.or([eb('c.last_reviewed_at', 'is', null), eb('h.at', '>', eb.ref('c.last_reviewed_at'))]));
  const rows = await db
    .selectFrom(ranked.as('x'))
    .selectAll('x')
    .where('x.rank', '<=', perConstraint)
    .orderBy('x.entity_id')
    .orderBy('x.id')
    .execute();
  return rows.map(({ rank: _rank, ...row }) => row);
}
