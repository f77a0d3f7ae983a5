import type { ColumnType, Generated } from 'kysely';
import type { ConstraintKind, ConstraintStatus, Dimension, Phase, RiskClass, Severity } from '@handoff/core';

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
  schema_migrations: SchemaMigrationsTable;
}
