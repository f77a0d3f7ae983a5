import type { ColumnType, Generated } from 'kysely';
import type {
  AssessmentStatus, ConstraintKind, ConstraintStatus, Dimension, MonitorDirection, MonitorState, Phase, ReviewDecision, RiskClass, Severity,
} from '@handoff/core';
import type { NotificationKind } from '../notify/notification.js';

/** Column types as read (Date for timestamptz, string for date) and as written. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;

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

/** A jsonb column: JSON text on write, the parsed value (unknown until checked) on read. */
type JsonColumn = ColumnType<unknown, string, string>;

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

export interface ReadinessCriteriaTable {
  id: string;
  workspace_id: string;
  code: string;
  dimension: Dimension;
  text: string;
  guidance: string;
  required: boolean;
  gate: Phase;
  /** [{ framework, id }]; parse through the contract's CriterionRef. */
  refs: JsonColumn;
  retired_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface ReadinessAssessmentsTable {
  id: Generated<number>;
  workspace_id: string;
  program_id: string;
  criterion_id: string;
  batch_id: string;
  status: AssessmentStatus;
  evidence: string;
  /** string[] of URLs. */
  links: JsonColumn;
  assessed_by: string;
  assessed_at: Timestamp;
}

export interface GateOverridesTable {
  id: string;
  workspace_id: string;
  program_id: string;
  from_phase: Phase;
  to_phase: Phase;
  decided_by: string;
  reason: string;
  unmet: JsonColumn;
  created_at: Timestamp;
}

export interface GovernanceRolesTable {
  workspace_id: string;
  key: string;
  name: string;
  description: string;
  required: boolean;
  retired_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProgramRolesTable {
  workspace_id: string;
  program_id: string;
  role_key: string;
  person_id: string;
  assigned_at: Timestamp;
}

export interface MonitorsTable {
  id: string;
  workspace_id: string;
  program_id: string;
  key: string;
  name: string;
  metric: string;
  unit: string;
  direction: MonitorDirection;
  warning_threshold: number | null;
  breach_threshold: number;
  window_minutes: number;
  owner_role: string;
  deadline_days: number;
  severity: Severity;
  dimension: Dimension;
  /** Record<string, string> of Alertmanager label matchers. */
  alert_labels: JsonColumn;
  state: MonitorState;
  state_since: Timestamp | null;
  last_value: number | null;
  last_observed_at: Timestamp | null;
  retired_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface MonitorReadingsTable {
  id: Generated<number>;
  workspace_id: string;
  monitor_id: string;
  observed_at: Timestamp;
  value: number;
  source: 'api' | 'alertmanager' | 'import';
  received_at: Timestamp;
}

export interface AlertEventsTable {
  workspace_id: string;
  fingerprint: string;
  starts_at: Timestamp;
  status: 'firing' | 'resolved';
  monitor_id: string | null;
  alertname: string;
  labels: JsonColumn;
  received_at: Timestamp;
}

export interface GatePlansTable {
  workspace_id: string;
  program_id: string;
  gate: Phase;
  planned_date: string;
  updated_at: Timestamp;
}

/** Money and rates are numeric columns, read as exact decimal strings. */
export interface CostModelsTable {
  workspace_id: string;
  program_id: string;
  currency: string;
  horizon_months: Generated<number>;
  discount_rate: ColumnType<string, string | undefined, string>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface CostItemsTable {
  id: string;
  workspace_id: string;
  program_id: string;
  side: 'cost' | 'benefit';
  label: string;
  category: string;
  scope: 'pilot' | 'production';
  recurrence: 'one-off' | 'monthly' | 'yearly';
  amount: string;
  start_month: Generated<number>;
  end_month: number | null;
  retired_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
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
  schema_migrations: SchemaMigrationsTable;
}
