import { sql, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { ConstraintKind, ConstraintStatus, Phase, Severity } from '@handoff/core';
import type { ConstraintEscalationsTable, DB, EscalationEventsTable } from '../schema.js';

export type EscalationRow = Selectable<ConstraintEscalationsTable>;
export type EscalationEventRow = Selectable<EscalationEventsTable>;

/** Creates the escalation state of a new constraint (cycle 1, nothing fired). */
export async function insertEscalation(db: Kysely<DB>, row: { constraint_id: string; workspace_id: string; next_level_at: Date | null; updated_at: Date }): Promise<void> {
  await db.insertInto('constraint_escalations').values(row).onConflict((oc) => oc.column('constraint_id').doNothing()).execute();
}

export function findEscalation(db: Kysely<DB>, workspaceId: string, constraintId: string, forUpdate = false): Promise<EscalationRow | undefined> {
  let q = db.selectFrom('constraint_escalations').selectAll().where('workspace_id', '=', workspaceId).where('constraint_id', '=', constraintId);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function updateEscalation(db: Kysely<DB>, constraintId: string, fields: Updateable<ConstraintEscalationsTable> & { updated_at: Date }): Promise<void> {
  await db.updateTable('constraint_escalations').set(fields).where('constraint_id', '=', constraintId).execute();
}

/** A due escalation with what the sweep needs to plan it. */
export interface DueEscalation extends EscalationRow {
  deadline: string;
  status: ConstraintStatus;
  title: string;
  kind: ConstraintKind;
  severity: Severity;
  blocks_gate: Phase;
  number: number;
  owner_id: string;
  owner_name: string;
  program_id: string;
  program_key: string;
  program_name: string;
  sponsor_id: string | null;
  time_zone: string;
}

function contextQuery(db: Kysely<DB>) {
  return db
    .selectFrom('constraint_escalations as e')
    .innerJoin('constraints as c', 'c.id', 'e.constraint_id')
    .innerJoin('programs as p', 'p.id', 'c.program_id')
    .innerJoin('people as o', 'o.id', 'c.owner_id')
    .innerJoin('workspaces as w', 'w.id', 'e.workspace_id')
    .selectAll('e')
    .select([
      'c.deadline', 'c.status', 'c.title', 'c.kind', 'c.severity', 'c.blocks_gate', 'c.number', 'c.owner_id',
      'o.name as owner_name', 'p.id as program_id', 'p.key as program_key', 'p.name as program_name', 'p.sponsor_id',
      'w.time_zone',
    ]);
}

/**
 * Claims up to `limit` escalations due at `at`, in one set-based query, locking them so a concurrent
 * sweeper skips them (SKIP LOCKED) instead of waiting or firing them twice.
 */
export function claimDueEscalations(db: Kysely<DB>, at: Date, limit: number): Promise<DueEscalation[]> {
  return contextQuery(db)
    .where('e.next_level_at', '<=', at)
    .where('e.paused_at', 'is', null)
    .where('c.status', 'in', ['open', 'in_progress'])
    .orderBy('e.next_level_at')
    .limit(limit)
    .forUpdate(['e'])
    .skipLocked()
    .execute();
}

/** One constraint's escalation with its context, locked for update. */
export function findEscalationContext(db: Kysely<DB>, workspaceId: string, constraintId: string): Promise<DueEscalation | undefined> {
  return contextQuery(db).where('e.workspace_id', '=', workspaceId).where('e.constraint_id', '=', constraintId).forUpdate(['e']).executeTakeFirst();
}

/** Active constraints whose escalation follows the current policy (no snapshot yet), in a program or all. */
export async function unsnapshottedActive(db: Kysely<DB>, workspaceId: string, programIds: readonly string[] | null): Promise<string[]> {
  let q = db
    .selectFrom('constraint_escalations as e')
    .innerJoin('constraints as c', 'c.id', 'e.constraint_id')
    .select('e.constraint_id')
    .where('e.workspace_id', '=', workspaceId)
    .where('e.policy', 'is', null)
    .where('c.status', 'in', ['open', 'in_progress']);
  if (programIds) q = q.where('c.program_id', 'in', programIds.length > 0 ? [...programIds] : ['00000000-0000-0000-0000-000000000000']);
  return (await q.execute()).map((r) => r.constraint_id);
}

/** Records a fired (or skipped) level; false when that level already fired this cycle (exactly once). */
export async function insertEscalationEvent(db: Kysely<DB>, row: Omit<EscalationEventRow, 'id'>): Promise<boolean> {
  const inserted = await db
    .insertInto('escalation_events')
    .values(row)
    .onConflict((oc) => oc.columns(['constraint_id', 'cycle', 'level']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** People the current cycle's levels reached. */
export async function cycleRecipients(db: Kysely<DB>, constraintId: string, cycle: number): Promise<string[]> {
  const rows = await db.selectFrom('escalation_events').select('recipients').where('constraint_id', '=', constraintId).where('cycle', '=', cycle).execute();
  return [...new Set(rows.flatMap((r) => r.recipients))];
}

/** Board members of a workspace (ids), by name. */
export async function boardMemberIds(db: Kysely<DB>, workspaceId: string): Promise<string[]> {
  const rows = await db.selectFrom('people').select('id').where('workspace_id', '=', workspaceId).where('board_member', '=', true).orderBy('name').orderBy('id').execute();
  return rows.map((r) => r.id);
}

/** An active escalation for listing: state plus constraint, owner and the last event. */
export interface ActiveEscalationRow extends EscalationRow {
  ref_key: string;
  number: number;
  title: string;
  program_id: string;
  deadline: string;
  owner_id: string;
  owner_name: string;
  owner_email: string;
  ack_name: string | null;
  ack_email: string | null;
  last_fired_at: Date;
  recipients: string[];
  level_name: string | null;
}

export interface ActiveEscalationFilter {
  person?: string;
  program?: string;
  minLevel?: number;
  after?: readonly [string, string];
  limit: number;
}

/** Escalations that have fired at least one level this cycle on active constraints, most recent first. */
export function listActiveEscalations(db: Kysely<DB>, workspaceId: string, f: ActiveEscalationFilter): Promise<ActiveEscalationRow[]> {
  let q = db
    .selectFrom('constraint_escalations as e')
    .innerJoin('constraints as c', 'c.id', 'e.constraint_id')
    .innerJoin('programs as p', 'p.id', 'c.program_id')
    .innerJoin('people as o', 'o.id', 'c.owner_id')
    .leftJoin('people as a', 'a.id', 'e.acknowledged_by')
    .innerJoin(
      (eb) => eb.selectFrom('escalation_events as ev')
        .select(['ev.constraint_id', 'ev.cycle'])
        .select((x) => x.fn.max('ev.fired_at').as('last_fired_at'))
        .groupBy(['ev.constraint_id', 'ev.cycle'])
        .as('last'),
      (join) => join.onRef('last.constraint_id', '=', 'e.constraint_id').onRef('last.cycle', '=', 'e.cycle'),
    )
    .selectAll('e')
    .select([
      'p.key as ref_key', 'c.number', 'c.title', 'c.program_id', 'c.deadline', 'c.owner_id', 'o.name as owner_name', 'o.email as owner_email',
      'a.name as ack_name', 'a.email as ack_email', 'last.last_fired_at',
      sql<string[]>`(select coalesce(array_agg(distinct r.id::text), '{}'::text[]) from escalation_events ev2
        cross join lateral unnest(ev2.recipients) as r(id) where ev2.constraint_id = e.constraint_id and ev2.cycle = e.cycle)`.as('recipients'),
      sql<string | null>`(select ev.level_name from escalation_events ev where ev.constraint_id = e.constraint_id
        and ev.cycle = e.cycle order by ev.level desc limit 1)`.as('level_name'),
    ])
    .where('e.workspace_id', '=', workspaceId)
    .where('c.status', 'in', ['open', 'in_progress']);
  if (f.program) q = q.where('c.program_id', '=', f.program);
  if (f.minLevel !== undefined) q = q.where('e.level', '>=', f.minLevel);
  if (f.person) {
    const person = f.person;
    q = q.where((eb) => eb.or([
      eb('c.owner_id', '=', person),
      sql<boolean>`exists (select 1 from escalation_events ev3 where ev3.constraint_id = e.constraint_id and ev3.cycle = e.cycle
        and ${person}::uuid = any(ev3.recipients))`,
    ]));
  }
  if (f.after) {
    const [firedAt, id] = f.after;
    q = q.where((eb) => eb(eb.refTuple('last.last_fired_at', 'e.constraint_id'), '<', eb.tuple(new Date(firedAt), id)));
  }
  return q.orderBy('last.last_fired_at', 'desc').orderBy('e.constraint_id', 'desc').limit(f.limit).execute()
    .then((rows) => rows.map((r) => ({ ...r, recipients: (r.recipients ?? []).filter((x): x is string => typeof x === 'string') })));
}

/**
 * Gives every active constraint without escalation state (bulk-imported, restored, or older than
 * escalation itself) a clock in cycle 1, due for a first look at `at`: one set-based statement.
 */
export async function backfillEscalations(db: Kysely<DB>, at: Date): Promise<number> {
  const result = await db
    .insertInto('constraint_escalations')
    .columns(['constraint_id', 'workspace_id', 'next_level_at', 'updated_at'])
    .expression((eb) =>
      eb.selectFrom('constraints as c')
        .select((x) => ['c.id', 'c.workspace_id', x.val(at).as('next_level_at'), x.val(at).as('updated_at')])
        .where('c.status', 'in', ['open', 'in_progress'])
        .where((x) => x.not(x.exists(x.selectFrom('constraint_escalations as e').select('e.constraint_id').whereRef('e.constraint_id', '=', 'c.id')))),
    )
    .onConflict((oc) => oc.column('constraint_id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n);
}
