import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { AccountsTable, DB } from '../schema.js';

export type AccountRow = Selectable<AccountsTable>;

/** An account with the person it acts as (null when none is linked). */
export interface AccountView extends AccountRow {
  person_name: string | null;
  person_email: string | null;
}

function selectView(db: Kysely<DB>) {
  return db.selectFrom('accounts as a')
    .leftJoin('people as p', (j) => j.onRef('p.id', '=', 'a.person_id').onRef('p.workspace_id', '=', 'a.workspace_id'))
    .selectAll('a')
    .select(['p.name as person_name', 'p.email as person_email']);
}

export async function insertAccount(db: Kysely<DB>, row: Insertable<AccountsTable>): Promise<void> {
  await db.insertInto('accounts').values(row).execute();
}

export function findAccountView(db: Kysely<DB>, workspaceId: string, id: string): Promise<AccountView | undefined> {
  return selectView(db).where('a.workspace_id', '=', workspaceId).where('a.id', '=', id).executeTakeFirst();
}

/** The account row locked for an update, in the caller's workspace. */
export function findAccountForUpdate(db: Kysely<DB>, workspaceId: string, id: string): Promise<AccountRow | undefined> {
  return db.selectFrom('accounts').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).forUpdate().executeTakeFirst();
}

/** The account with this e-mail anywhere in the instance (e-mail is unique across workspaces; any letter case). */
export function findAccountByEmail(db: Kysely<DB>, email: string): Promise<AccountRow | undefined> {
  return db.selectFrom('accounts').selectAll().where(sql<string>`lower(email)`, '=', email.toLowerCase()).executeTakeFirst();
}

/** Accounts of a workspace by e-mail then id, after a cursor. */
export function listAccountViews(db: Kysely<DB>, workspaceId: string, after: readonly [string, string] | undefined, limit: number): Promise<AccountView[]> {
  let q = selectView(db).where('a.workspace_id', '=', workspaceId);
  if (after) q = q.where((eb) => eb.or([eb('a.email', '>', after[0]), eb.and([eb('a.email', '=', after[0]), eb('a.id', '>', after[1])])]));
  return q.orderBy('a.email').orderBy('a.id').limit(limit).execute();
}

/** Applies a change and bumps the version (audited by the row trigger). */
export async function updateAccount(db: Kysely<DB>, workspaceId: string, id: string, patch: Updateable<AccountsTable>): Promise<void> {
  await db.updateTable('accounts').set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

/** Replaces a hash made with old parameters; not a change of the account (no new version). */
export async function replacePasswordHash(db: Kysely<DB>, id: string, hash: string): Promise<void> {
  await db.updateTable('accounts').set({ password_hash: hash }).where('id', '=', id).execute();
}

/** Enabled admins of a workspace other than `exceptId`: a change may not leave the workspace without one. */
export async function otherEnabledAdmins(db: Kysely<DB>, workspaceId: string, exceptId: string): Promise<number> {
  const row = await db.selectFrom('accounts').select((eb) => eb.fn.countAll<string>().as('n'))
    .where('workspace_id', '=', workspaceId).where('role', '=', 'admin').where('disabled_at', 'is', null).where('id', '<>', exceptId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A live session's CSRF token and latest end, for GET /api/me. */
export function findSessionInfo(db: Kysely<DB>, workspaceId: string, sessionId: string): Promise<{ csrf_token: string; expires_at: Date } | undefined> {
  return db.selectFrom('sessions').select(['csrf_token', 'expires_at'])
    .where('workspace_id', '=', workspaceId).where('id', '=', sessionId).where('ended_at', 'is', null).executeTakeFirst();
}

/** Ends every live session of an account except `keepSessionId` (the one changing its password). */
export async function endOtherSessions(db: Kysely<DB>, workspaceId: string, accountId: string, keepSessionId: string | null, at: Date): Promise<number> {
  let q = db.updateTable('sessions').set({ ended_at: at })
    .where('workspace_id', '=', workspaceId).where('account_id', '=', accountId).where('ended_at', 'is', null);
  if (keepSessionId !== null) q = q.where('id', '<>', keepSessionId);
  return Number((await q.executeTakeFirst()).numUpdatedRows);
}

/** Records one sign-in attempt (never the password). */
export async function recordSignInAttempt(db: Kysely<DB>, attempt: { email: string; ip: string | null; succeeded: boolean; at: Date }): Promise<void> {
  await db.insertInto('sign_in_attempts').values(attempt).execute();
}

/**
 * Times of the failed attempts since `since` for one e-mail (`by: 'email'`) or from one address (`by: 'ip'`),
 * newest first, at most `limit`. A failure no longer counts once the same e-mail later signed in successfully
 * from the same address: a success clears its own address's failures, never another's.
 */
export async function recentFailures(db: Kysely<DB>, by: 'email' | 'ip', value: string, since: Date, limit: number): Promise<Date[]> {
  let q = db.selectFrom('sign_in_attempts as f').select('f.at')
    .where('f.succeeded', '=', false).where('f.at', '>', since)
    .where(({ not, exists, selectFrom }) => not(exists(
      selectFrom('sign_in_attempts as s').select(sql`1`.as('x'))
        .where('s.succeeded', '=', true)
        .whereRef(sql`lower(s.email)`, '=', sql`lower(f.email)`)
        .where(sql<boolean>`s.ip is not distinct from f.ip`)
        .whereRef('s.id', '>', 'f.id'),
    )));
  q = by === 'email' ? q.where(sql<string>`lower(f.email)`, '=', value.toLowerCase()) : q.where('f.ip', '=', value);
  const rows = await q.orderBy('f.id', 'desc').limit(limit).execute();
  return rows.map((r) => r.at);
}

/** A program member with the person's name and e-mail. */
export interface MemberRow {
  person_id: string;
  name: string;
  email: string;
  added_at: Date;
}

export function listMembers(db: Kysely<DB>, workspaceId: string, programId: string): Promise<MemberRow[]> {
  return db.selectFrom('program_members as m')
    .innerJoin('people as p', (j) => j.onRef('p.id', '=', 'm.person_id').onRef('p.workspace_id', '=', 'm.workspace_id'))
    .select(['m.person_id', 'p.name', 'p.email', 'm.added_at'])
    .where('m.workspace_id', '=', workspaceId).where('m.program_id', '=', programId)
    .orderBy('p.name').orderBy('p.id').execute();
}

/** Adds a member; false when the person already was one (nothing changes). */
export async function insertMember(db: Kysely<DB>, row: { workspace_id: string; program_id: string; person_id: string; added_at: Date }): Promise<boolean> {
  const r = await db.insertInto('program_members').values(row).onConflict((oc) => oc.columns(['program_id', 'person_id']).doNothing()).executeTakeFirst();
  return (r.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

/** Removes a member; false when the person was not one. */
export async function deleteMember(db: Kysely<DB>, workspaceId: string, programId: string, personId: string): Promise<boolean> {
  const r = await db.deleteFrom('program_members')
    .where('workspace_id', '=', workspaceId).where('program_id', '=', programId).where('person_id', '=', personId).executeTakeFirst();
  return r.numDeletedRows > 0n;
}
