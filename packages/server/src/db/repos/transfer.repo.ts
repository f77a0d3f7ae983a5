import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type {
  ConstraintDependenciesTable, ConstraintEscalationsTable, ConstraintsTable, DB, DecisionsTable, DigestsTable, EscalationEventsTable,
  EscalationPoliciesTable, HistoryTable, InboxItemsTable, NotificationChannelsTable, PeopleTable, ProgramsTable, ReviewItemsTable, ReviewsTable,
} from '../schema.js';
import type { WorkspaceRow } from './workspaces.repo.js';

/**
 * Every stored row of one workspace, each list in a deterministic order: by id; history and escalation
 * events by sequence number; rows keyed by another row by that key (escalations by constraint, digests
 * by person then week, review items by review then position). Outbox and calendar feeds are not read:
 * the transfer document does not carry them.
 */
export interface WorkspaceRows {
  workspace: WorkspaceRow;
  people: Selectable<PeopleTable>[];
  programs: Selectable<ProgramsTable>[];
  constraints: Selectable<ConstraintsTable>[];
  dependencies: Selectable<ConstraintDependenciesTable>[];
  history: Selectable<HistoryTable>[];
  escalationPolicies: Selectable<EscalationPoliciesTable>[];
  escalations: Selectable<ConstraintEscalationsTable>[];
  escalationEvents: Selectable<EscalationEventsTable>[];
  decisions: Selectable<DecisionsTable>[];
  notificationChannels: Selectable<NotificationChannelsTable>[];
  inboxItems: Selectable<InboxItemsTable>[];
  digests: Selectable<DigestsTable>[];
  reviews: Selectable<ReviewsTable>[];
  reviewItems: Selectable<ReviewItemsTable>[];
}

/** Reads a whole workspace. Run it in a transaction so the lists are one consistent snapshot. */
export async function readWorkspaceRows(db: Kysely<DB>, workspaceId: string): Promise<WorkspaceRows | undefined> {
  const workspace = await db.selectFrom('workspaces').selectAll().where('id', '=', workspaceId).executeTakeFirst();
  if (!workspace) return undefined;
  const w = workspaceId;
  return {
    workspace,
    people: await db.selectFrom('people').selectAll().where('workspace_id', '=', w).orderBy('id').execute(),
    programs: await db.selectFrom('programs').selectAll().where('workspace_id', '=', w).orderBy('id').execute(),
    constraints: await db.selectFrom('constraints').selectAll().where('workspace_id', '=', w).orderBy('id').execute(),
    dependencies: await db.selectFrom('constraint_dependencies').selectAll().where('workspace_id', '=', w).orderBy('constraint_id').orderBy('depends_on_id').execute(),
    history: await db.selectFrom('history').selectAll().where('workspace_id', '=', w).orderBy('id').execute(),
    escalationPolicies: await db.selectFrom('escalation_policies').selectAll().where('workspace_id', '=', w).orderBy('id').execute(),
    escalations: await db.selectFrom('constraint_escalations').selectAll().where('workspace_id', '=', w).orderBy('constraint_id').execute(),
    escalationEvents: await db.selectFrom('escalation_events').selectAll().where('workspace_id', '=', w).orderBy('id').execute(),
    decisions: await db.selectFrom('decisions').selectAll().where('workspace_id', '=', w).orderBy('id').execute(),
    notificationChannels: await db.selectFrom('notification_channels').selectAll().where('workspace_id', '=', w).orderBy('id').execute(),
    inboxItems: await db.selectFrom('inbox_items').selectAll().where('workspace_id', '=', w).orderBy('id').execute(),
    digests: await db.selectFrom('digests').selectAll().where('workspace_id', '=', w).orderBy('person_id').orderBy('week_start').execute(),
    reviews: await db.selectFrom('reviews').selectAll().where('workspace_id', '=', w).orderBy('id').execute(),
    reviewItems: await db.selectFrom('review_items').selectAll().where('workspace_id', '=', w).orderBy('review_id').orderBy('position').execute(),
  };
}

/** Every table that holds rows of a workspace, with the words an error message uses for it. */
const TENANT_TABLES = {
  people: 'people',
  programs: 'programs',
  constraints: 'constraints',
  history: 'history entries',
  escalation_policies: 'escalation policies',
  constraint_escalations: 'escalation clocks',
  escalation_events: 'escalation events',
  decisions: 'decisions',
  notification_channels: 'notification channels',
  inbox_items: 'inbox items',
  digests: 'digests',
  reviews: 'reviews',
  outbox: 'outbox messages',
  calendar_feeds: 'calendar feeds',
} as const;

/** How many rows the workspace holds, by kind (labelled for people), listing only kinds it has any of. */
export async function heldWorkspaceRows(db: Kysely<DB>, workspaceId: string): Promise<{ kind: string; count: number }[]> {
  const held: { kind: string; count: number }[] = [];
  for (const [table, kind] of Object.entries(TENANT_TABLES)) {
    if (!isTenantTable(table)) continue;
    const row = await db
      .selectFrom(table)
      .select(sql<number>`count(*)::int`.as('n'))
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirstOrThrow();
    const count = Number(row.n);
    if (count > 0) held.push({ kind, count });
  }
  return held;
}

function isTenantTable(name: string): name is keyof typeof TENANT_TABLES {
  return Object.hasOwn(TENANT_TABLES, name);
}

/** Locks the workspace row until the transaction ends, so two imports cannot interleave. */
export async function lockWorkspace(db: Kysely<DB>, workspaceId: string): Promise<void> {
  await db.selectFrom('workspaces').select('id').where('id', '=', workspaceId).forUpdate().execute();
}

export async function setWorkspaceSettings(db: Kysely<DB>, workspaceId: string, name: string, timeZone: string, at: Date): Promise<void> {
  await db
    .updateTable('workspaces')
    .set((eb) => ({ name, time_zone: timeZone, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', workspaceId)
    .execute();
}

/** The tables whose ids come from an identity sequence shared by every workspace of the database. */
export type SequencedTable = 'history' | 'escalation_events';

/** Sequence numbers among `ids` already used in `table` (by any workspace: the sequence is global). */
export async function takenSequenceIds(db: Kysely<DB>, table: SequencedTable, ids: readonly number[]): Promise<number[]> {
  const taken: number[] = [];
  for (const chunk of chunks(ids, 1000)) {
    const rows = await db.selectFrom(table).select('id').where('id', 'in', chunk).execute();
    taken.push(...rows.map((r) => Number(r.id)));
  }
  return taken;
}

/** The rows of a workspace to insert, parents before children. */
export interface WorkspaceInserts {
  people: Insertable<PeopleTable>[];
  programs: Insertable<ProgramsTable>[];
  constraints: Insertable<ConstraintsTable>[];
  dependencies: Insertable<ConstraintDependenciesTable>[];
  history: Insertable<HistoryTable>[];
  escalationPolicies: Insertable<EscalationPoliciesTable>[];
  escalations: Insertable<ConstraintEscalationsTable>[];
  escalationEvents: Insertable<EscalationEventsTable>[];
  decisions: Insertable<DecisionsTable>[];
  notificationChannels: Insertable<NotificationChannelsTable>[];
  inboxItems: Insertable<InboxItemsTable>[];
  digests: Insertable<DigestsTable>[];
  reviews: Insertable<ReviewsTable>[];
  reviewItems: Insertable<ReviewItemsTable>[];
}

/**
 * Inserts restored rows with their own ids, parents before children, then moves the history and
 * escalation-event sequences past their largest ids so later writes do not collide with restored rows.
 */
export async function insertWorkspaceRows(db: Kysely<DB>, rows: WorkspaceInserts): Promise<void> {
  // 200 rows × at most 18 columns stays far below PostgreSQL's 65 535 bind parameters per statement.
  const insert = async <T extends keyof DB>(table: T, values: readonly Insertable<DB[T]>[]): Promise<void> => {
    for (const chunk of chunks(values, 200)) await db.insertInto(table).values(chunk).execute();
  };
  await insert('people', rows.people);
  await insert('programs', rows.programs);
  await insert('constraints', rows.constraints);
  await insert('constraint_dependencies', rows.dependencies);
  await insert('history', rows.history);
  await insert('escalation_policies', rows.escalationPolicies);
  await insert('constraint_escalations', rows.escalations);
  await insert('escalation_events', rows.escalationEvents);
  await insert('decisions', rows.decisions);
  await insert('notification_channels', rows.notificationChannels);
  await insert('inbox_items', rows.inboxItems);
  await insert('digests', rows.digests);
  await insert('reviews', rows.reviews);
  await insert('review_items', rows.reviewItems);
  if (rows.history.length > 0) {
    await sql`select setval(pg_get_serial_sequence('history', 'id'), (select max(id) from history))`.execute(db);
  }
  if (rows.escalationEvents.length > 0) {
    await sql`select setval(pg_get_serial_sequence('escalation_events', 'id'), (select max(id) from escalation_events))`.execute(db);
  }
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
