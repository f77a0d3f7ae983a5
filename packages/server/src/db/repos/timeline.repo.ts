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
 * (closed ones included, as the ends of chains), ordered by program key and number. Two queries: the ids
 * first, then the rows by id. The recursive step is a LATERAL subquery fenced with OFFSET 0 so that
 * PostgreSQL keeps it a per-row index probe: flattened, the planner misjudges the recursion's size and
 * hash-joins full scans of both tables (docs/BENCHMARKS.md).
 */
export async function loadReachingConstraints(db: Kysely<DB>, workspaceId: string, programIds: readonly string[]): Promise<TimelineConstraintRow[]> {
  if (programIds.length === 0) return [];
  const reached = await sql<{ id: string }>`with recursive reach(id) as (
      select c.id from constraints c
      where c.workspace_id = ${workspaceId} and c.program_id = any(${[...programIds]}::uuid[]) and c.status in (${sql.join(ACTIVE)})
    union
      select x.id from reach r cross join lateral (
        select d.depends_on_id as id from constraints c join constraint_dependencies d on d.constraint_id = c.id
        where c.id = r.id and c.status in (${sql.join(ACTIVE)}) offset 0) x
    ) select id from reach`.execute(db);
  const ids = reached.rows.map((r) => r.id);
  if (ids.length === 0) return [];
  return constraintRows(db)
    .where('c.workspace_id', '=', workspaceId)
    .where(sql<boolean>`c.id = any(${ids}::uuid[])`)
    .select(sql<string[]>`case when c.status in (${sql.join(ACTIVE)}) then coalesce((select array_agg(d.depends_on_id::text
        order by d.depends_on_id::text) from constraint_dependencies d where d.constraint_id = c.id), '{}'::text[])
        else '{}'::text[] end`.as('depends_on'))
    .orderBy('p.key')
    .orderBy('c.number')
    .execute();
}

/**
 * The whole workspace's timeline graph in one query: every active constraint and every closed one an
 * active one depends on, the union of all programs' reaches. Dependencies come from one grouped scan
 * rather than a probe per row. Same order and row shape as `loadReachingConstraints`.
 */
export function loadWorkspaceConstraints(db: Kysely<DB>, workspaceId: string): Promise<TimelineConstraintRow[]> {
  const deps = db.selectFrom('constraint_dependencies as d')
    .innerJoin('constraints as a', 'a.id', 'd.constraint_id')
    .select(['d.constraint_id', sql<string[]>`array_agg(d.depends_on_id::text order by d.depends_on_id::text)`.as('ids')])
    .where('d.workspace_id', '=', workspaceId)
    .where('a.status', 'in', ACTIVE)
    .groupBy('d.constraint_id');
  const dependedOn = db.selectFrom('constraint_dependencies as d')
    .innerJoin('constraints as a', 'a.id', 'd.constraint_id')
    .select('d.depends_on_id')
    .where('d.workspace_id', '=', workspaceId)
    .where('a.status', 'in', ACTIVE);
  return constraintRows(db)
    .leftJoin(deps.as('deps'), 'deps.constraint_id', 'c.id')
    .select(sql<string[]>`coalesce(deps.ids, '{}'::text[])`.as('depends_on'))
    .where('c.workspace_id', '=', workspaceId)
    .where((eb) => eb.or([eb('c.status', 'in', ACTIVE), eb('c.id', 'in', dependedOn)]))
    .orderBy('p.key')
    .orderBy('c.number')
    .execute();
}

/** The constraint columns both loads share (without `depends_on`). */
function constraintRows(db: Kysely<DB>) {
  return db.selectFrom('constraints as c')
    .innerJoin('programs as p', 'p.id', 'c.program_id')
    .innerJoin('people as o', 'o.id', 'c.owner_id')
    .select([
      'c.id', 'c.program_id', 'p.key as program_key', 'c.number', 'c.title', 'c.kind', 'c.dimension', 'c.status', 'c.severity',
      'c.deadline', 'c.blocks_gate', 'c.owner_id', 'o.name as owner_name', 'o.email as owner_email',
    ]);
}

/** Programs with a gate `constraintId` can reach: its own and those of its active dependents, transitively. */
export async function reachedProgramIds(db: Kysely<DB>, workspaceId: string, constraintId: string): Promise<string[]> {
  const rows = await sql<{ program_id: string }>`with recursive down(id) as (
      select c.id from constraints c where c.workspace_id = ${workspaceId} and c.id = ${constraintId}
    union
      select x.id from down r cross join lateral (
        select d.constraint_id as id from constraint_dependencies d join constraints c on c.id = d.constraint_id
        where d.depends_on_id = r.id and c.status in (${sql.join(ACTIVE)}) offset 0) x
    ) select distinct c.program_id from down r join constraints c on c.id = r.id`.execute(db);
  return rows.rows.map((r) => r.program_id);
}

/** Every program of the workspace as the timeline needs it, by key. */
export function listAllTimelinePrograms(db: Kysely<DB>, workspaceId: string): Promise<TimelineProgramRow[]> {
  return db.selectFrom('programs').select(['id', 'key', 'name', 'phase', 'target_production_date']).where('workspace_id', '=', workspaceId).orderBy('key').execute();
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
