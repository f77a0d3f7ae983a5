import type { ColumnType, Generated } from 'kysely';
import type {
  ConstraintKind, ConstraintStatus, Dimension, Phase, ReviewDecision, RiskClass, Severity,
} from '@handoff/core';
import type { NotificationKind } from '../notify/notification.js';
import type { JsonColumn, Timestamp } from './schema-columns.js';
import type {
  AlertEventsTable, CostItemsTable, CostModelsTable, GateOverridesTable, GatePlansTable, GovernanceRolesTable, MonitorReadingsTable,
  MonitorsTable, ProgramRolesTable, ReadinessAssessmentsTable, ReadinessCriteriaTable,
} from './schema-readiness.js';
import type {
  AccountsTable, ApiTokensTable, AuditLogTable, ProgramMembersTable, SessionsTable, SignInAttemptsTable,
} from './schema-security.js';

/** The readiness, ownership, monitor, plan and economics tables live in schema-readiness.ts; importers keep using this module. */
export type * from './schema-readiness.js';
export type * from './schema-security.js';


export interface WorkspacesTable {
  id: string;
  slug: string;
  name: string;
  time_zone: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface PeopleTable {
  id: string;
  workspace_id: string;
  name: string;
  email: string;
  title: string | null;
  board_member: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface ProgramsTable {
  id: string;
  workspace_id: string;
  key: string;
  name: string;
  description: string;
  business_unit: string | null;
  phase: Phase;
  sponsor_id: string | null;
  target_production_date: string | null;
  risk_class: RiskClass;
  next_constraint_number: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface ConstraintsTable {
  id: string;
  workspace_id: string;
  program_id: string;
  number: number;
  title: string;
  description: string;
  kind: ConstraintKind;
  dimension: Dimension;
  owner_id: string;
  deadline: string;
  status: ConstraintStatus;
  severity: Severity;
  blocks_gate: Phase;
  last_reviewed_at: Timestamp | null;
  resolved_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
  /** The readiness criterion whose gap this constraint closes (0007). */
  criterion_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** The monitor whose breach opened this risk constraint (0008); at most one constraint per monitor. */
  monitor_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** When the monitor last recovered (alert resolved or readings back within threshold). */
  recovered_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface ConstraintDependenciesTable {
  workspace_id: string;
  constraint_id: string;
  depends_on_id: string;
}

export interface HistoryTable {
  id: Generated<number>;
  workspace_id: string;
  entity_type: string;
  entity_id: string;
  change_id: string;
  field: string;
  /** JSON text on write (see `toJson`), parsed value on read. */
  before: ColumnType<unknown, string | null, string | null>;
  after: ColumnType<unknown, string | null, string | null>;
  reason: string | null;
  actor: string;
  at: Timestamp;
}

export interface EscalationPoliciesTable {
  id: string;
  workspace_id: string;
  program_id: string | null;
  /** JSON text on write, parsed value on read; parse through the contract's EscalationLevel. */
  levels: ColumnType<unknown, string, string>;
  acknowledgement_hold_days: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface ConstraintEscalationsTable {
  constraint_id: string;
  workspace_id: string;
  cycle: Generated<number>;
  policy: ColumnType<unknown, string | null, string | null>;
  done: ColumnType<number[], number[] | undefined, number[]>;
  level: Generated<number>;
  next_level_at: Timestamp | null;
  acknowledged_by: string | null;
  acknowledged_at: Timestamp | null;
  paused_at: Timestamp | null;
  paused_reason: string | null;
  paused_ms: Generated<number>;
  updated_at: Timestamp;
}

export interface EscalationEventsTable {
  id: Generated<number>;
  workspace_id: string;
  constraint_id: string;
  cycle: number;
  level: number;
  level_name: string;
  kind: 'notified' | 'skipped';
  recipients: ColumnType<string[], string[], string[]>;
  vacant: ColumnType<string[], string[], string[]>;
  fired_at: Timestamp;
}

export interface DecisionsTable {
  id: string;
  workspace_id: string;
  program_id: string;
  constraint_id: string | null;
  source: 'escalation' | 'manual';
  escalation_cycle: number | null;
  title: string;
  context: string;
  options: ColumnType<unknown, string, string>;
  recommendation: string;
  due_date: string;
  status: 'pending' | 'decided' | 'withdrawn';
  outcome: string | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
  /** What taking the decision changed (0009); null before the decision or when it changed nothing. */
  effect: ColumnType<unknown, string | null | undefined, string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}


export type OutboxChannel = 'email' | 'slack' | 'teams';
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'cancelled';
export type WebhookKind = 'slack' | 'teams';

export interface NotificationChannelsTable {
  id: string;
  workspace_id: string;
  program_id: string | null;
  kind: WebhookKind;
  name: string;
  webhook_url: string;
  enabled: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface OutboxTable {
  id: string;
  workspace_id: string;
  channel: OutboxChannel;
  target: string;
  recipient_id: string | null;
  channel_id: string | null;
  event_key: string;
  kind: NotificationKind;
  idempotency_key: string;
  /** { subject, text, link, facts }; parse through OutboxPayload (notify/payload.ts) on read. */
  payload: JsonColumn;
  status: OutboxStatus;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  lease_until: Timestamp | null;
  last_error: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  sent_at: Timestamp | null;
}

export interface InboxItemsTable {
  id: string;
  workspace_id: string;
  person_id: string;
  notification_key: string;
  event_key: string;
  kind: NotificationKind;
  subject: string;
  text: string;
  link: string | null;
  facts: JsonColumn;
  created_at: Timestamp;
  read_at: Timestamp | null;
}

export interface CalendarFeedsTable {
  id: string;
  workspace_id: string;
  scope: 'person' | 'program';
  /** Set when scope is person (and only then). */
  person_id: string | null;
  /** Set when scope is program (and only then). */
  program_id: string | null;
  /** SHA-256 of the secret URL token, lower-case hex; the token itself is never stored. */
  token_hash: string;
  label: string | null;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
  last_used_at: Timestamp | null;
}

export interface DigestsTable {
  workspace_id: string;
  person_id: string;
  week_start: string;
  sent_at: Timestamp;
}

export interface ReviewsTable {
  id: string;
  workspace_id: string;
  program_id: string;
  reviewer_id: string;
  note: string | null;
  created_at: Timestamp;
}

export interface ReviewItemsTable {
  review_id: string;
  workspace_id: string;
  constraint_id: string;
  position: number;
  decision: ReviewDecision;
  note: string | null;
  new_deadline: string | null;
  reason: string | null;
  /** Constraint snapshots; parse through the contract's ReviewSnapshot on read. */
  before: JsonColumn;
  after: JsonColumn;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: Timestamp;
}

export interface DB {
  workspaces: WorkspacesTable;
  people: PeopleTable;
  programs: ProgramsTable;
  constraints: ConstraintsTable;
  constraint_dependencies: ConstraintDependenciesTable;
  history: HistoryTable;
  escalation_policies: EscalationPoliciesTable;
  constraint_escalations: ConstraintEscalationsTable;
  escalation_events: EscalationEventsTable;
  decisions: DecisionsTable;
  notification_channels: NotificationChannelsTable;
  outbox: OutboxTable;
  inbox_items: InboxItemsTable;
  calendar_feeds: CalendarFeedsTable;
  reviews: ReviewsTable;
  review_items: ReviewItemsTable;
  digests: DigestsTable;
  readiness_criteria: ReadinessCriteriaTable;
  readiness_assessments: ReadinessAssessmentsTable;
  gate_overrides: GateOverridesTable;
  governance_roles: GovernanceRolesTable;
  program_roles: ProgramRolesTable;
  monitors: MonitorsTable;
  monitor_readings: MonitorReadingsTable;
  alert_events: AlertEventsTable;
  gate_plans: GatePlansTable;
  cost_models: CostModelsTable;
  cost_items: CostItemsTable;
  accounts: AccountsTable;
  sessions: SessionsTable;
  sign_in_attempts: SignInAttemptsTable;
  api_tokens: ApiTokensTable;
  program_members: ProgramMembersTable;
  audit_log: AuditLogTable;
  schema_migrations: SchemaMigrationsTable;
}
