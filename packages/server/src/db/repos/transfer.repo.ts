import { sql, type Kysely, type Selectable } from 'kysely';
import type {
  AlertEventsTable, ConstraintDependenciesTable, ConstraintEscalationsTable, ConstraintsTable, CostItemsTable, CostModelsTable, DB,
  DecisionsTable, DigestsTable, EscalationEventsTable, EscalationPoliciesTable, GateOverridesTable, GatePlansTable, GovernanceRolesTable,
  HistoryTable, InboxItemsTable, MonitorReadingsTable, MonitorsTable, NotificationChannelsTable, PeopleTable, ProgramRolesTable,
  ProgramsTable, ReadinessAssessmentsTable, ReadinessCriteriaTable, ReviewItemsTable, ReviewsTable,
} from '../schema.js';
import type { WorkspaceRow } from './workspaces.repo.js';

/**
 * Every stored row of one workspace, each list in a deterministic order: by id; history, escalation
 * events, assessments and monitor readings by sequence number; rows keyed by another row by that key
 * (escalations by constraint, digests by person then week, review items by review then position, role
 * holders by program then role, plan dates by program then gate, cost models by program); governance
 * roles by key; alert events by fingerprint, start, status.
 * Text keys sort by code point (collation "C"), so the order is the same on every database.
 * Outbox and calendar feeds are not read: the transfer document does not carry them.
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
  criteria: Selectable<ReadinessCriteriaTable>[];
  assessments: Selectable<ReadinessAssessmentsTable>[];
  gateOverrides: Selectable<GateOverridesTable>[];
  governanceRoles: Selectable<GovernanceRolesTable>[];
  programRoles: Selectable<ProgramRolesTable>[];
  monitors: Selectable<MonitorsTable>[];
  monitorReadings: Selectable<MonitorReadingsTable>[];
  alertEvents: Selectable<AlertEventsTable>[];
  gatePlans: Selectable<GatePlansTable>[];
  costModels: Selectable<CostModelsTable>[];
  costItems: Selectable<CostItemsTable>[];
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
    criteria: await db.selectFrom('readiness_criteria').selectAll().where('workspace_id', '=', w).orderBy('id').execute(),
    assessments: await db.selectFrom('readiness_assessments').selectAll().where('workspace_id', '=', w).orderBy('id').execute(),
    gateOverrides: await db.selectFrom('gate_overrides').selectAll().where('workspace_id', '=', w).orderBy('id').execute(),
    governanceRoles: await db.selectFrom('governance_roles').selectAll().where('workspace_id', '=', w).orderBy(sql`key collate "C"`).execute(),
    programRoles: await db.selectFrom('program_roles').selectAll().where('workspace_id', '=', w)
      .orderBy('program_id').orderBy(sql`role_key collate "C"`).execute(),
    monitors: await db.selectFrom('monitors').selectAll().where('workspace_id', '=', w).orderBy('id').execute(),
    monitorReadings: await db.selectFrom('monitor_readings').selectAll().where('workspace_id', '=', w).orderBy('id').execute(),
    alertEvents: await db.selectFrom('alert_events').selectAll().where('workspace_id', '=', w)
      .orderBy(sql`fingerprint collate "C"`).orderBy('starts_at').orderBy('status').execute(),
    gatePlans: await db.selectFrom('gate_plans').selectAll().where('workspace_id', '=', w).orderBy('program_id').orderBy(sql`gate collate "C"`).execute(),
    costModels: await db.selectFrom('cost_models').selectAll().where('workspace_id', '=', w).orderBy('program_id').execute(),
    costItems: await db.selectFrom('cost_items').selectAll().where('workspace_id', '=', w).orderBy('id').execute(),
  };
}

/**
 * Every table that holds rows of a workspace, with the words an error message uses for it.
 * readiness_criteria is not here: only criteria something refers to count (see heldWorkspaceRows).
 */
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
  readiness_assessments: 'readiness assessments',
  gate_overrides: 'gate overrides',
  governance_roles: 'governance roles',
  program_roles: 'role holders',
  monitors: 'monitors',
  monitor_readings: 'monitor readings',
  alert_events: 'alert events',
  gate_plans: 'plan dates',
  cost_models: 'cost models',
  cost_items: 'cost items',
} as const;

/**
 * How many rows the workspace holds, by kind (labelled for people), listing only kinds it has any of.
 * Readiness criteria that no assessment, constraint or history entry refers to are not counted: they
 * are the library a new workspace is seeded with, not data of its own.
 */
export async function heldWorkspaceRows(db: Kysely<DB>, workspaceId: string): Promise<{ kind: string; count: number }[]> {
  const held: { kind: string; count: number }[] = [];
  const criteria = await db
    .selectFrom('readiness_criteria')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('id', 'not in', unreferencedCriterionIds(db, workspaceId))
    .executeTakeFirstOrThrow();
  if (Number(criteria.n) > 0) held.push({ kind: 'readiness criteria in use', count: Number(criteria.n) });
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

/** The workspace's criteria that no assessment, constraint or history entry refers to. */
function unreferencedCriterionIds(db: Kysely<DB>, workspaceId: string) {
  return db
    .selectFrom('readiness_criteria as rc')
    .select('rc.id')
    .where('rc.workspace_id', '=', workspaceId)
    .where(({ not, or, exists, selectFrom }) => not(or([
      exists(selectFrom('readiness_assessments as a').select('a.id').whereRef('a.criterion_id', '=', 'rc.id')),
      exists(selectFrom('constraints as c').select('c.id').whereRef('c.criterion_id', '=', 'rc.id')),
      exists(selectFrom('history as h').select('h.id').whereRef('h.entity_id', '=', 'rc.id')),
    ])));
}

/** Deletes the workspace's unreferenced criteria (an import replacing the seeded library); returns how many. */
export async function deleteUnreferencedCriteria(db: Kysely<DB>, workspaceId: string): Promise<number> {
  const result = await db
    .deleteFrom('readiness_criteria')
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', unreferencedCriterionIds(db, workspaceId))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
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
