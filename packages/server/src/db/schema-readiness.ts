import type { ColumnType, Generated } from 'kysely';
import type { AssessmentStatus, Dimension, MonitorDirection, MonitorState, Phase, Severity } from '@handoff/core';
import type { JsonColumn, Timestamp } from './schema-columns.js';

/** Tables of readiness, the ownership map, monitors, phase plans and economics (migrations 0007–0009). */

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
