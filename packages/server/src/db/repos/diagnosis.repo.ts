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
 * One grouped query over the constraints of `programIds`, a row per program that has any (absent: all
 * zero). `today` is the workspace-local date (overdue: deadline before it), `staleBefore` the review cutoff
 * (review.ts `staleCutoff`), `quietSince` the instant before which an active constraint with no history
 * entry since counts as not moving.
 */
export async function constraintSignalsMany(
  db: Kysely<DB>, workspaceId: string, programIds: readonly string[], today: string, staleBefore: Date, quietSince: Date,
): Promise<Map<string, ConstraintSignals>> {
  if (programIds.length === 0) return new Map();
  const active = sql<boolean>`c.status in (${sql.join(ACTIVE_STATUSES)})`;
  // Served by the history_by_entity index, one probe per active constraint.
  const lastChange = sql<Date | null>`(select max(h.at) from history h
    where h.workspace_id = ${workspaceId} and h.entity_type = 'constraint' and h.entity_id = c.id)`;
  const rows = await db.selectFrom('constraints as c')
    .select([
      'c.program_id',
      sql<number>`count(*)::int`.as('total'),
      sql<number>`count(*) filter (where ${active})::int`.as('active'),
      sql<number>`count(*) filter (where ${active} and coalesce(${lastChange}, c.created_at) < ${quietSince})::int`.as('quiet'),
      sql<number>`count(*) filter (where ${active} and c.deadline < ${today})::int`.as('overdue'),
      sql<number>`count(*) filter (where ${active} and coalesce(c.last_reviewed_at, c.created_at) < ${staleBefore})::int`.as('stale'),
      sql<number>`count(*) filter (where c.last_reviewed_at is not null)::int`.as('reviewed'),
    ])
    .where('c.workspace_id', '=', workspaceId)
    .where(sql<boolean>`c.program_id = any(${[...programIds]}::uuid[])`)
    .groupBy('c.program_id')
    .execute();
  return new Map(rows.map((row) => [row.program_id, {
    total: row.total, active: row.active, withoutOwnerMovement: row.quiet, overdue: row.overdue, stale: row.stale, everReviewed: row.reviewed,
  }]));
}

/** A program's constraint signals (see constraintSignalsMany). */
export async function constraintSignals(
  db: Kysely<DB>, workspaceId: string, programId: string, today: string, staleBefore: Date, quietSince: Date,
): Promise<ConstraintSignals> {
  const found = (await constraintSignalsMany(db, workspaceId, [programId], today, staleBefore, quietSince)).get(programId);
  return found ?? NO_CONSTRAINTS;
}

/** The signals of a program without constraints. */
export const NO_CONSTRAINTS: ConstraintSignals = { total: 0, active: 0, withoutOwnerMovement: 0, overdue: 0, stale: 0, everReviewed: 0 };

/** Escalation levels ever fired for a program's constraints, board decisions they raised, acknowledgements. */
export interface EscalationSignals {
  readonly levelsFired: number;
  readonly boardLevel: number;
  readonly acknowledged: number;
}

/** Escalation signals of `programIds`, three grouped queries; a program missing from the map has none. */
export async function escalationSignalsMany(db: Kysely<DB>, workspaceId: string, programIds: readonly string[]): Promise<Map<string, EscalationSignals>> {
  if (programIds.length === 0) return new Map();
  const ids = sql<boolean>`c.program_id = any(${[...programIds]}::uuid[])`;
  const [fired, board, acknowledged] = await Promise.all([
    db.selectFrom('escalation_events as e').innerJoin('constraints as c', 'c.id', 'e.constraint_id')
      .select(['c.program_id', sql<number>`count(*)::int`.as('n')])
      .where('e.workspace_id', '=', workspaceId).where(ids).where('e.kind', '=', 'notified')
      .groupBy('c.program_id').execute(),
    db.selectFrom('decisions').select(['program_id', sql<number>`count(*)::int`.as('n')])
      .where('workspace_id', '=', workspaceId).where(sql<boolean>`program_id = any(${[...programIds]}::uuid[])`).where('source', '=', 'escalation')
      .groupBy('program_id').execute(),
    db.selectFrom('constraint_escalations as x').innerJoin('constraints as c', 'c.id', 'x.constraint_id')
      .select(['c.program_id', sql<number>`count(*)::int`.as('n')])
      .where('x.workspace_id', '=', workspaceId).where(ids).where('x.acknowledged_at', 'is not', null)
      .groupBy('c.program_id').execute(),
  ]);
  const count = (rows: readonly { program_id: string | null; n: number }[]) => new Map(rows.map((r) => [r.program_id, r.n]));
  const [f, b, a] = [count(fired), count(board), count(acknowledged)];
  return new Map(programIds.map((id) => [id, { levelsFired: f.get(id) ?? 0, boardLevel: b.get(id) ?? 0, acknowledged: a.get(id) ?? 0 }]));
}

/** A program's escalation signals (see escalationSignalsMany). */
export async function escalationSignals(db: Kysely<DB>, workspaceId: string, programId: string): Promise<EscalationSignals> {
  return (await escalationSignalsMany(db, workspaceId, [programId])).get(programId) ?? { levelsFired: 0, boardLevel: 0, acknowledged: 0 };
}

/** The active monitors of `programIds` with what the diagnosis needs of each, by program then key. */
export function activeMonitorsMany(db: Kysely<DB>, workspaceId: string, programIds: readonly string[]) {
  return db.selectFrom('monitors')
    .select(['id', 'program_id', 'metric', 'state', 'owner_role'])
    .where('workspace_id', '=', workspaceId).where(sql<boolean>`program_id = any(${[...programIds]}::uuid[])`).where('retired_at', 'is', null)
    .orderBy('program_id').orderBy('key')
    .execute();
}

/** The program's active monitors with what the diagnosis needs of each. */
export function activeMonitors(db: Kysely<DB>, workspaceId: string, programId: string) {
  return activeMonitorsMany(db, workspaceId, [programId]);
}

/** Readings of `monitorIds` observed at or after `since`: values per monitor, oldest first. */
export async function readingValuesSinceMany(db: Kysely<DB>, monitorIds: readonly string[], since: Date): Promise<Map<string, number[]>> {
  const values = new Map<string, number[]>();
  if (monitorIds.length === 0) return values;
  const rows = await db.selectFrom('monitor_readings').select(['monitor_id', 'value'])
    .where(sql<boolean>`monitor_id = any(${[...monitorIds]}::uuid[])`).where('observed_at', '>=', since)
    .orderBy('monitor_id').orderBy('observed_at').orderBy('id')
    .execute();
  for (const r of rows) {
    const list = values.get(r.monitor_id);
    if (list) list.push(r.value);
    else values.set(r.monitor_id, [r.value]);
  }
  return values;
}
