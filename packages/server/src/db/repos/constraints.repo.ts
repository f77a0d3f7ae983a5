import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import { ACTIVE_STATUSES, type ConstraintKind, type ConstraintStatus, type DependencyEdge, type Dimension } from '@handoff/core';
import type { ConstraintsTable, DB } from '../schema.js';
import { likePattern } from '../paging.js';
import { isUuid } from './programs.repo.js';

export type ConstraintRow = Selectable<ConstraintsTable>;

/** A constraint with what its presenter needs: program key, owner, dependencies (sorted ids). */
export interface ConstraintView extends ConstraintRow {
  program_key: string;
  owner_name: string;
  owner_email: string;
  depends_on: string[];
  esc_cycle: number | null;
  esc_level: number | null;
  esc_level_name: string | null;
  esc_next_level_at: Date | null;
  esc_ack_by: string | null;
  esc_ack_name: string | null;
  esc_ack_email: string | null;
  esc_ack_at: Date | null;
  esc_paused_at: Date | null;
  esc_paused_reason: string | null;
}

export function insertConstraint(db: Kysely<DB>, row: Insertable<ConstraintsTable>): Promise<ConstraintRow> {
  return db.insertInto('constraints').values(row).returningAll().executeTakeFirstOrThrow();
}

const REF = /^([A-Za-z][A-Za-z0-9]{1,11})-(\d{1,9})$/;

/** A constraint id by id or ref (`CLAIMS-12`), or undefined. `forUpdate` locks the row. */
export async function findConstraintId(db: Kysely<DB>, workspaceId: string, idOrRef: string, forUpdate = false): Promise<ConstraintRow | undefined> {
  let q = db.selectFrom('constraints as c').selectAll('c').where('c.workspace_id', '=', workspaceId);
  if (isUuid(idOrRef)) {
    q = q.where('c.id', '=', idOrRef);
  } else {
    const m = REF.exec(idOrRef);
    if (!m) return undefined;
    const [, key = '', num = '0'] = m;
    q = q
      .innerJoin('programs as p', 'p.id', 'c.program_id')
      .where('p.key', '=', key.toUpperCase())
      .where('c.number', '=', Number(num));
  }
  if (forUpdate) q = q.forUpdate(['c']);
  return q.executeTakeFirst();
}

export interface ConstraintFilter {
  ids?: readonly string[];
  program?: string;
  status?: ConstraintStatus;
  active?: boolean;
  owner?: string;
  dimension?: Dimension;
  kind?: ConstraintKind;
  /** Only overdue (true) or only not overdue (false), judged against `today`. */
  overdue?: boolean;
  /**
   * Only stale (true) or only not stale (false): active and last reviewed (never reviewed: created)
   * before `cutoff`, which the caller computes with the core's `staleCutoff` so both agree on the rule.
   */
  stale?: { readonly value: boolean; readonly cutoff: Date };
  q?: string;
  /** Only constraints whose escalation reached a level in its current cycle (true) or did not (false). */
  escalated?: boolean;
  /** Only constraints whose current escalation level has this name (case-insensitive). */
  escalationLevel?: string;
  /** Only constraints that depend on this constraint id (its dependents). */
  dependsOn?: string;
  /** Only constraints this constraint id depends on. */
  dependencyOf?: string;
  after?: readonly [string, string];
  limit: number;
}

const ACTIVE = [...ACTIVE_STATUSES];

/** The name of the level a constraint's current escalation cycle last reached (the event at its highest level); null if none. */
const CURRENT_LEVEL_NAME = sql<string | null>`(select ev.level_name from escalation_events ev where ev.constraint_id = c.id and ev.cycle = e.cycle
  order by ev.level desc limit 1)`;

/** Constraint views by deadline then id (keyset pagination). `today` is the workspace-local date. */
export function listConstraintViews(db: Kysely<DB>, workspaceId: string, today: string, f: ConstraintFilter): Promise<ConstraintView[]> {
  let q = db
    .selectFrom('constraints as c')
    .innerJoin('programs as p', 'p.id', 'c.program_id')
    .innerJoin('people as o', 'o.id', 'c.owner_id')
    .leftJoin('constraint_escalations as e', 'e.constraint_id', 'c.id')
    .leftJoin('people as a', 'a.id', 'e.acknowledged_by')
    .selectAll('c')
    .select(['p.key as program_key', 'o.name as owner_name', 'o.email as owner_email'])
    .select([
      'e.cycle as esc_cycle', 'e.level as esc_level', 'e.next_level_at as esc_next_level_at', 'e.acknowledged_by as esc_ack_by',
      'a.name as esc_ack_name', 'a.email as esc_ack_email', 'e.acknowledged_at as esc_ack_at', 'e.paused_at as esc_paused_at',
      'e.paused_reason as esc_paused_reason',
      CURRENT_LEVEL_NAME.as('esc_level_name'),
    ])
    .select(
      sql<string[]>`coalesce((select array_agg(d.depends_on_id::text order by d.depends_on_id::text)
        from constraint_dependencies d where d.constraint_id = c.id), '{}'::text[])`.as('depends_on'),
    )
    .where('c.workspace_id', '=', workspaceId);
  if (f.ids) q = q.where('c.id', 'in', f.ids.length > 0 ? [...f.ids] : ['00000000-0000-0000-0000-000000000000']);
  if (f.program) q = q.where('c.program_id', '=', f.program);
  if (f.status) q = q.where('c.status', '=', f.status);
  if (f.active !== undefined) q = q.where('c.status', f.active ? 'in' : 'not in', ACTIVE);
  if (f.owner) q = q.where('c.owner_id', '=', f.owner);
  if (f.dimension) q = q.where('c.dimension', '=', f.dimension);
  if (f.kind) q = q.where('c.kind', '=', f.kind);
  if (f.overdue === true) q = q.where('c.status', 'in', ACTIVE).where('c.deadline', '<', today);
  if (f.overdue === false) q = q.where((eb) => eb.or([eb('c.status', 'not in', ACTIVE), eb('c.deadline', '>=', today)]));
  if (f.stale) {
    const { value, cutoff } = f.stale;
    q = value
      ? q.where('c.status', 'in', ACTIVE).where((eb) => eb(eb.fn.coalesce('c.last_reviewed_at', 'c.created_at'), '<', cutoff))
      : q.where((eb) => eb.or([eb('c.status', 'not in', ACTIVE), eb(eb.fn.coalesce('c.last_reviewed_at', 'c.created_at'), '>=', cutoff)]));
  }
  if (f.q) {
    const p = likePattern(f.q);
    q = q.where((eb) =>
      eb.or([
        eb('c.title', 'ilike', p),
        eb('c.description', 'ilike', p),
        eb(sql<string>`p.key || '-' || c.number`, 'ilike', p),
      ]),
    );
  }
  if (f.escalated === true) q = q.where('e.level', '>=', 0);
  if (f.escalated === false) q = q.where((eb) => eb.or([eb('e.level', 'is', null), eb('e.level', '<', 0)]));
  if (f.escalationLevel !== undefined) {
    q = q.where('e.level', '>=', 0).where(sql<string>`lower(${CURRENT_LEVEL_NAME})`, '=', f.escalationLevel.toLowerCase());
  }
  if (f.dependsOn !== undefined) {
    const target = f.dependsOn;
    q = q.where('c.id', 'in', (eb) => eb.selectFrom('constraint_dependencies as d').select('d.constraint_id').where('d.depends_on_id', '=', target));
  }
  if (f.dependencyOf !== undefined) {
    const source = f.dependencyOf;
    q = q.where('c.id', 'in', (eb) => eb.selectFrom('constraint_dependencies as d').select('d.depends_on_id').where('d.constraint_id', '=', source));
  }
  if (f.after) {
    const [deadline, id] = f.after;
    q = q.where((eb) => eb(eb.refTuple('c.deadline', 'c.id'), '>', eb.tuple(deadline, id)));
  }
  return q.orderBy('c.deadline').orderBy('c.id').limit(f.limit).execute();
}

export function updateConstraint(
  db: Kysely<DB>,
  workspaceId: string,
  id: string,
  fields: Updateable<ConstraintsTable> & { updated_at: Date },
): Promise<ConstraintRow> {
  return db
    .updateTable('constraints')
    .set((eb) => ({ ...fields, version: eb('version', '+', 1) }))
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The ids among `ids` that are constraints of the workspace. */
export async function existingConstraintIds(db: Kysely<DB>, workspaceId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('constraints').select('id').where('workspace_id', '=', workspaceId).where('id', 'in', [...ids]).execute();
  return new Set(rows.map((r) => r.id));
}

/** Every dependency edge of the workspace (for the cycle check). */
export async function dependencyEdges(db: Kysely<DB>, workspaceId: string): Promise<DependencyEdge[]> {
  const rows = await db
    .selectFrom('constraint_dependencies')
    .select(['constraint_id', 'depends_on_id'])
    .where('workspace_id', '=', workspaceId)
    .execute();
  return rows.map((r) => ({ from: r.constraint_id, to: r.depends_on_id }));
}

/** The sorted dependency ids of one constraint. */
export async function dependenciesOf(db: Kysely<DB>, constraintId: string): Promise<string[]> {
  const rows = await db.selectFrom('constraint_dependencies').select('depends_on_id').where('constraint_id', '=', constraintId).execute();
  return rows.map((r) => r.depends_on_id).sort();
}

/** Replaces the dependencies of one constraint. */
export async function replaceDependencies(db: Kysely<DB>, workspaceId: string, constraintId: string, dependsOn: readonly string[]): Promise<void> {
  await db.deleteFrom('constraint_dependencies').where('constraint_id', '=', constraintId).execute();
  if (dependsOn.length === 0) return;
  await db
    .insertInto('constraint_dependencies')
    .values(dependsOn.map((d) => ({ workspace_id: workspaceId, constraint_id: constraintId, depends_on_id: d })))
    .execute();
}

/** Serialises dependency edits of a workspace so two concurrent edits cannot together close a cycle. */
export async function lockDependencyGraph(db: Kysely<DB>, workspaceId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`deps:${workspaceId}`}))`.execute(db);
}

/** Human refs (KEY-N) of the given constraint ids, keyed by id. */
export async function constraintRefs(db: Kysely<DB>, workspaceId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('constraints as c')
    .innerJoin('programs as p', 'p.id', 'c.program_id')
    .select(['c.id', 'p.key', 'c.number'])
    .where('c.workspace_id', '=', workspaceId)
    .where('c.id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, `${r.key}-${r.number}`]));
}
