import { sql, type Kysely, type Selectable } from 'kysely';
import { ACTIVE_STATUSES, type ConstraintKind, type ConstraintStatus, type Dimension, type Phase, type Severity } from '@handoff/core';
import type { DB, GatePlansTable } from '../schema.js';

/**
 * What the timeline reads: the programs it projects, their phase plans, the active constraints that can
 * reach them (transitively through dependencies, across programs) and the workspace's lateness history.
 * Each is one query whatever the size of the graph: the reach is a recursive CTE, not a loop of queries.
 */

export type GatePlanRow = Selectable<GatePlansTable>;

/** A program as the timeline needs it. */
export interface TimelineProgramRow {
  id: string;
  key: string;
  name: string;
  phase: Phase;
  target_production_date: string | null;
}

/** A constraint as the timeline needs it, with its ref parts, owner and dependencies. */
export interface TimelineConstraintRow {
  id: string;
  program_id: string;
  program_key: string;
  number: number;
  title: string;
  kind: ConstraintKind;
  dimension: Dimension;
  status: ConstraintStatus;
  severity: Severity;
  deadline: string;
  blocks_gate: Phase;
  owner_id: string;
  owner_name: string;
  owner_email: string;
  /** Ids it depends on (sorted); empty for a closed constraint, which passes nothing on. */
  depends_on: string[];
}

/** Whole days a group of resolved constraints of one class was resolved after its deadline (negative: early). */
export interface LatenessRow {
  kind: ConstraintKind;
  dimension: Dimension;
  late_days: number;
  n: number;
}

const ACTIVE = [...ACTIVE_STATUSES];
const NO_ID = '00000000-0000-0000-0000-000000000000';

export function listTimelinePrograms(db: Kysely<DB>, workspaceId: string, ids: readonly string[]): Promise<TimelineProgramRow[]> {
  return db
    .selectFrom('programs')
    .select(['id', 'key', 'name', 'phase', 'target_production_date'])
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', ids.length > 0 ? [...ids] : [NO_ID])
    .orderBy('key')
    .execute();
}

/**
 * The active constraints of `programIds` and, transitively, every constraint an active one depends on
 * (closed ones included, as the ends of the chains), ordered by program key and number so that the
 * forecast draws in a stable order.
 */
export async function loadReachingConstraints(db: Kysely<DB>, workspaceId: string, programIds: readonly string[]): Promise<TimelineConstraintRow[]> {
  const rows = await db
    .withRecursive('reach(id)', (qc) => qc
      .selectFrom('constraints')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('program_id', 'in', programIds.length > 0 ? [...programIds] : [NO_ID])
      .where('status', 'in', ACTIVE)
      .union(qc
        .selectFrom('reach as r')
        .innerJoin('constraints as c', 'c.id', 'r.id')
        .innerJoin('constraint_dependencies as d', 'd.constraint_id', 'r.id')
        .where('c.status', 'in', ACTIVE)
        .select('d.depends_on_id as id')))
    .selectFrom('reach as r')
    .innerJoin('constraints as c', 'c.id', 'r.id')
    .innerJoin('programs as p', 'p.id', 'c.program_id')
    .innerJoin('people as o', 'o.id', 'c.owner_id')
    .select([
      'c.id', 'c.program_id', 'p.key as program_key', 'c.number', 'c.title', 'c.kind', 'c.dimension', 'c.status', 'c.severity',
      'c.deadline', 'c.blocks_gate', 'c.owner_id', 'o.name as owner_name', 'o.email as owner_email',
      sql<string[]>`case when c.status in ('open', 'in_progress') then coalesce((select array_agg(d.depends_on_id::text
        order by d.depends_on_id::text) from constraint_dependencies d where d.constraint_id = c.id), '{}'::text[])
        else '{}'::text[] end`.as('depends_on'),
    ])
    .orderBy('p.key')
    .orderBy('c.number')
    .execute();
  return rows;
}

/** Programs with a gate `constraintId` can reach: its own and those of its active dependents, transitively. */
export async function reachedProgramIds(db: Kysely<DB>, workspaceId: string, constraintId: string): Promise<string[]> {
  const rows = await db
    .withRecursive('down(id)', (qc) => qc
      .selectFrom('constraints')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', constraintId)
      .union(qc
        .selectFrom('down as r')
        .innerJoin('constraint_dependencies as d', 'd.depends_on_id', 'r.id')
        .innerJoin('constraints as c', 'c.id', 'd.constraint_id')
        .where('c.status', 'in', ACTIVE)
        .select('d.constraint_id as id')))
    .selectFrom('down as r')
    .innerJoin('constraints as c', 'c.id', 'r.id')
    .select('c.program_id')
    .distinct()
    .execute();
  return rows.map((r) => r.program_id);
}

export function listGatePlans(db: Kysely<DB>, workspaceId: string, programIds: readonly string[]): Promise<GatePlanRow[]> {
  return db
    .selectFrom('gate_plans')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('program_id', 'in', programIds.length > 0 ? [...programIds] : [NO_ID])
    .execute();
}

export async function upsertGatePlan(db: Kysely<DB>, row: GatePlanRow): Promise<void> {
  await db
    .insertInto('gate_plans')
    .values(row)
    .onConflict((oc) => oc.columns(['program_id', 'gate']).doUpdateSet({ planned_date: row.planned_date, updated_at: row.updated_at }))
    .execute();
}

export async function deleteGatePlan(db: Kysely<DB>, workspaceId: string, programId: string, gate: Phase): Promise<void> {
  await db.deleteFrom('gate_plans').where('workspace_id', '=', workspaceId).where('program_id', '=', programId).where('gate', '=', gate).execute();
}

/**
 * The workspace's lateness history in one grouped query: for each resolved constraint, its resolution
 * date in the workspace's time zone minus its deadline. Accepted constraints are left out: accepting a
 * risk is a decision, not a resolution, and says nothing about how long the work takes.
 */
export function latenessHistory(db: Kysely<DB>, workspaceId: string, timeZone: string): Promise<LatenessRow[]> {
  const lateDays = sql<number>`((c.resolved_at at time zone ${timeZone})::date - c.deadline)`;
  return db
    .selectFrom('constraints as c')
    .select(['c.kind', 'c.dimension', lateDays.as('late_days'), sql<number>`count(*)::int`.as('n')])
    .where('c.workspace_id', '=', workspaceId)
    .where('c.status', '=', 'resolved')
    .where('c.resolved_at', 'is not', null)
    // By position: the time zone is a parameter, so the expression written twice would not match.
    .groupBy([sql`1`, sql`2`, sql`3`])
    .orderBy(sql`1`)
    .orderBy(sql`2`)
    .orderBy(sql`3`)
    .execute();
}
