import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { AccountRole } from '@handoff/core';
import type { AccountsTable, DB } from '../schema.js';
import type { Timestamp } from '../schema-columns.js';

/** Migration 0012_oidc: sign-ins started at the provider and not yet finished. */
export interface OidcLoginsTable {
  id_hash: string;
  state: string;
  nonce: string;
  code_verifier: string;
  redirect_uri: string;
  return_to: string;
  created_at: Timestamp;
  used_at: Timestamp | null;
}

type OidcDB = DB & { oidc_logins: OidcLoginsTable };
export type OidcLoginRow = Selectable<OidcLoginsTable>;
export type OidcAccountRow = Pick<Selectable<AccountsTable>, 'id' | 'workspace_id' | 'email' | 'role' | 'oidc_issuer' | 'oidc_subject' | 'disabled_at'>;

// The table is private to single sign-on, so its type is added here rather than to the shared DB map.
function withOidc(db: Kysely<DB>): Kysely<OidcDB> {
  return db.withTables<{ oidc_logins: OidcLoginsTable }>();
}

export async function insertOidcLogin(db: Kysely<DB>, row: Insertable<OidcLoginsTable>): Promise<void> {
  await withOidc(db).insertInto('oidc_logins').values(row).execute();
}

/**
 * Marks a pending sign-in used and returns it, only if it was unused and started after `notBefore`: a
 * login is consumed by the first callback that names it, whatever that callback's outcome.
 */
export function consumeOidcLogin(db: Kysely<DB>, idHash: string, now: Date, notBefore: Date): Promise<OidcLoginRow | undefined> {
  return withOidc(db).updateTable('oidc_logins').set({ used_at: now })
    .where('id_hash', '=', idHash).where('used_at', 'is', null).where('created_at', '>', notBefore)
    .returningAll().executeTakeFirst();
}

/** Removes pending sign-ins started before `before` (used or not): they can no longer finish. */
export async function deleteOidcLoginsBefore(db: Kysely<DB>, before: Date): Promise<void> {
  await withOidc(db).deleteFrom('oidc_logins').where('created_at', '<', before).execute();
}

const ACCOUNT_COLUMNS = ['id', 'workspace_id', 'email', 'role', 'oidc_issuer', 'oidc_subject', 'disabled_at'] as const;

/** The account linked to a provider's subject (instance-wide: the pair is unique). */
export function findAccountByOidc(db: Kysely<DB>, issuer: string, subject: string): Promise<OidcAccountRow | undefined> {
  return db.selectFrom('accounts').select(ACCOUNT_COLUMNS)
    .where('oidc_issuer', '=', issuer).where('oidc_subject', '=', subject).executeTakeFirst();
}

/** The account with an e-mail, compared case-insensitively (instance-wide: e-mail is unique). */
export function findAccountByEmailAnyWorkspace(db: Kysely<DB>, email: string): Promise<OidcAccountRow | undefined> {
  return db.selectFrom('accounts').select(ACCOUNT_COLUMNS)
    .where(sql<string>`lower(email)`, '=', email.toLowerCase()).executeTakeFirst();
}

/** Records the provider's identity on an account matched by e-mail. */
export async function linkOidcIdentity(db: Kysely<DB>, accountId: string, issuer: string, subject: string, now: Date): Promise<void> {
  await db.updateTable('accounts')
    .set((eb) => ({ oidc_issuer: issuer, oidc_subject: subject, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', accountId).execute();
}

/** A new account that signs in only through single sign-on (no password). */
export async function insertOidcAccount(db: Kysely<DB>, row: {
  id: string; workspaceId: string; email: string; personId: string | null; role: AccountRole; issuer: string; subject: string; now: Date;
}): Promise<OidcAccountRow> {
  return db.insertInto('accounts').values({
    id: row.id, workspace_id: row.workspaceId, email: row.email, person_id: row.personId, role: row.role, password_hash: null,
    oidc_issuer: row.issuer, oidc_subject: row.subject, disabled_at: null, created_at: row.now, updated_at: row.now,
  }).returning(ACCOUNT_COLUMNS).executeTakeFirstOrThrow();
}
