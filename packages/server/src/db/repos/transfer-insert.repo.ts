import { sql, type Insertable, type Kysely } from 'kysely';
import type {
  AlertEventsTable, ConstraintDependenciesTable, ConstraintEscalationsTable, ConstraintsTable, CostItemsTable, CostModelsTable, DB,
  DecisionsTable, DigestsTable, EscalationEventsTable, EscalationPoliciesTable, GateOverridesTable, GatePlansTable, GovernanceRolesTable,
  HistoryTable, InboxItemsTable, MonitorReadingsTable, MonitorsTable, NotificationChannelsTable, PeopleTable, ProgramRolesTable,
  ProgramsTable, ReadinessAssessmentsTable, ReadinessCriteriaTable, ReviewItemsTable, ReviewsTable,
} from '../schema.js';

/*
 * Writing a restored workspace. Rows keep their ids, so the identity sequences shared by every
 * workspace of the database are checked before and moved forward after.
 */

/** The tables whose ids come from an identity sequence shared by every workspace of the database. */
export const SEQUENCED_TABLES = ['history', 'escalation_events', 'readiness_assessments', 'monitor_readings'] as const;
export type SequencedTable = (typeof SEQUENCED_TABLES)[number];

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
  criteria: Insertable<ReadinessCriteriaTable>[];
  assessments: Insertable<ReadinessAssessmentsTable>[];
  gateOverrides: Insertable<GateOverridesTable>[];
  governanceRoles: Insertable<GovernanceRolesTable>[];
  programRoles: Insertable<ProgramRolesTable>[];
  monitors: Insertable<MonitorsTable>[];
  monitorReadings: Insertable<MonitorReadingsTable>[];
  alertEvents: Insertable<AlertEventsTable>[];
  gatePlans: Insertable<GatePlansTable>[];
  costModels: Insertable<CostModelsTable>[];
  costItems: Insertable<CostItemsTable>[];
}

/**
 * Inserts restored rows with their own ids, parents before children (criteria and monitors before the
 * constraints that name them), then moves each identity sequence that got rows past its largest id
 * so later writes do not collide with restored rows.
 */
export async function insertWorkspaceRows(db: Kysely<DB>, rows: WorkspaceInserts): Promise<void> {
  // 200 rows × at most 18 columns stays far below PostgreSQL's 65 535 bind parameters per statement.
  const insert = async <T extends keyof DB>(table: T, values: readonly Insertable<DB[T]>[]): Promise<void> => {
    for (const chunk of chunks(values, 200)) await db.insertInto(table).values(chunk).execute();
  };
  await insert('people', rows.people);
  await insert('programs', rows.programs);
  await insert('readiness_criteria', rows.criteria);
  await insert('monitors', rows.monitors);
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
  await insert('readiness_assessments', rows.assessments);
  await insert('gate_overrides', rows.gateOverrides);
  await insert('governance_roles', rows.governanceRoles);
  await insert('program_roles', rows.programRoles);
  await insert('monitor_readings', rows.monitorReadings);
  await insert('alert_events', rows.alertEvents);
  await insert('gate_plans', rows.gatePlans);
  await insert('cost_models', rows.costModels);
  await insert('cost_items', rows.costItems);
  const restored: Record<SequencedTable, number> = {
    history: rows.history.length,
    escalation_events: rows.escalationEvents.length,
    readiness_assessments: rows.assessments.length,
    monitor_readings: rows.monitorReadings.length,
  };
  for (const table of SEQUENCED_TABLES) {
    if (restored[table] === 0) continue;
    await sql`select setval(pg_get_serial_sequence(${table}, 'id'), (select max(id) from ${sql.table(table)}))`.execute(db);
  }
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
