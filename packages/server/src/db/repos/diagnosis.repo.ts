import { sql, type Kysely } from 'kysely';
import { ACTIVE_STATUSES } from '@handoff/core';
import type { DB } from '../schema.js';

/** Counts over a program's constraint library, as the diagnosis reads them. */
export interface ConstraintSignals {
  readonly total: number;
  readonly active: number;
  readonly withoutOwnerMovement: number;
  readonly overdue: number;
  readonly stale: number;
  readonly everReviewed: number;
}

/**
 * One query over the program's constraints. `today` is the workspace-local date (overdue: deadline
 * before it), `staleBefore` the review cutoff (review.ts `staleCutoff`), `quietSince` the instant before
 * which an active constraint with no history entry since counts as not moving.
 */
export async function constraintSignals(
  db: Kysely<DB>, workspaceId: string, programId: string, today: string, staleBefore: Date, quietSince: Date,
): Promise<ConstraintSignals> {
  const active = sql<boolean>`c.status in (${sql.join(ACTIVE_STATUSES)})`;
  // Served by the history_by_entity index, one probe per active constraint.
  const lastChange = sql<Date | null>`(select max(h.at) from history h
    where h.workspace_id = ${workspaceId} and h.entity_type = 'constraint' and h.entity_id = c.id)`;
  const row = await db.selectFrom('constraints as c')
    .select([
      sql<number>`count(*)::int`.as('total'),
      sql<number>`count(*) filter (where ${active})::int`.as('active'),
      sql<number>`count(*) filter (where ${active} and coalesce(${lastChange}, c.created_at) < ${quietSince})::int`.as('quiet'),
      sql<number>`count(*) filter (where ${active} and c.deadline < ${today})::int`.as('overdue'),
      sql<number>`count(*) filter (where ${active} and coalesce(c.last_reviewed_at, c.created_at) < ${staleBefore})::int`.as('stale'),
      sql<number>`count(*) filter (where c.last_reviewed_at is not null)::int`.as('reviewed'),
    ])
    .where('c.workspace_id', '=', workspaceId)
    .where('c.program_id', '=', programId)
    .executeTakeFirstOrThrow();
  return {
    total: row.total, active: row.active, withoutOwnerMovement: row.quiet, overdue: row.overdue, stale: row.stale, everReviewed: row.reviewed,
  };
}

/** Escalation levels ever fired for the program's constraints, board decisions they raised, acknowledgements. */
export async function escalationSignals(db: Kysely<DB>, workspaceId: string, programId: string): Promise<{ levelsFired: number; boardLevel: number; acknowledged: number }> {
  const [fired, board, acknowledged] = await Promise.all([
    db.selectFrom('escalation_events as e').innerJoin('constraints as c', 'c.id', 'e.constraint_id')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('e.workspace_id', '=', workspaceId).where('c.program_id', '=', programId).where('e.kind', '=', 'notified')
      .executeTakeFirstOrThrow(),
    db.selectFrom('decisions').select(sql<number>`count(*)::int`.as('n'))
      .where('workspace_id', '=', workspaceId).where('program_id', '=', programId).where('source', '=', 'escalation')
      .executeTakeFirstOrThrow(),
    db.selectFrom('constraint_escalations as x').innerJoin('constraints as c', 'c.id', 'x.constraint_id')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('x.workspace_id', '=', workspaceId).where('c.program_id', '=', programId).where('x.acknowledged_at', 'is not', null)
      .executeTakeFirstOrThrow(),
  ]);
  return { levelsFired: fired.n, boardLevel: board.n, acknowledged: acknowledged.n };
}

/** The program's active monitors with what the diagnosis needs of each. */
export function activeMonitors(db: Kysely<DB>, workspaceId: string, programId: string) {
  return db.selectFrom('monitors')
    .select(['id', 'metric', 'state', 'owner_role'])
    .where('workspace_id', '=', workspaceId).where('program_id', '=', programId).where('retired_at', 'is', null)
    .orderBy('key')
    .execute();
}

/** Readings of one monitor observed at or after `since`, oldest first (values only). */
export async function readingValuesSince(db: Kysely<DB>, monitorId: string, since: Date): Promise<number[]> {
  const rows = await db.selectFrom('monitor_readings').select('value')
    .where('monitor_id', '=', monitorId).where('observed_at', '>=', since)
    .orderBy('observed_at').orderBy('id')
    .execute();
  return rows.map((r) => r.value);
}
