import type { ColumnType, Generated } from 'kysely';
import type { AccountRole, TokenScope } from '@handoff/core';
import type { JsonColumn, Timestamp } from './schema-columns.js';

/** Tables of migration 0010_security (docs/SECURITY.md). */

export interface AccountsTable {
  id: string;
  workspace_id: string;
  email: string;
  person_id: string | null;
  role: AccountRole;
  password_hash: string | null;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  disabled_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface SessionsTable {
  id: string;
  workspace_id: string;
  account_id: string;
  secret_hash: string;
  csrf_token: string;
  method: 'password' | 'oidc';
  ip: string | null;
  user_agent: string | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ended_at: Timestamp | null;
}

export interface SignInAttemptsTable {
  id: Generated<number>;
  email: string;
  ip: string | null;
  succeeded: boolean;
  at: Timestamp;
}

export interface ApiTokensTable {
  id: string;
  workspace_id: string;
  name: string;
  prefix: string;
  secret_hash: string;
  scopes: ColumnType<TokenScope[], TokenScope[], TokenScope[]>;
  /** Null when the local operator created the token (migration 0013). */
  created_by: string | null;
  /** The local operator's label when created_by is null (migration 0013: one of the two is set). */
  created_by_label: string | null;
  created_at: Timestamp;
  expires_at: Timestamp | null;
  revoked_at: Timestamp | null;
  revoked_by: string | null;
  last_used_at: Timestamp | null;
  last_used_ip: string | null;
}

export interface ProgramMembersTable {
  workspace_id: string;
  program_id: string;
  person_id: string;
  added_at: Timestamp;
}

/** Append-only; rows are written by the audit_append SQL function and sealed at commit, never by the server directly. */
export interface AuditLogTable {
  id: Generated<number>;
  /** Position in the workspace's chain (1, 2, 3 …); null only inside the writing transaction. */
  seq: number | null;
  workspace_id: string;
  at: Timestamp;
  actor: string;
  account_id: string | null;
  token_id: string | null;
  ip: string | null;
  request: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before: JsonColumn | null;
  after: JsonColumn | null;
  prev_hash: string | null;
  hash: string | null;
}
