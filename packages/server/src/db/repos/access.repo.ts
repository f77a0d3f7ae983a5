import { sql, type Kysely } from 'kysely';
import type { AccountRole, TokenScope } from '@handoff/core';
import type { DB } from '../schema.js';
import { findConstraintId } from './constraints.repo.js';
import { findProgram, isUuid } from './programs.repo.js';

/** A live session with its account and workspace, found by the SHA-256 of the cookie's secret. */
export interface SessionPrincipalRow {
  session_id: string;
  workspace_id: string;
  time_zone: string;
  account_id: string;
  email: string;
  role: AccountRole;
  person_id: string | null;
  csrf_token: string;
  last_seen_at: Date;
  created_at: Date;
  expires_at: Date;
}

export function findSessionBySecret(db: Kysely<DB>, secretHash: string): Promise<SessionPrincipalRow | undefined> {
  return db.selectFrom('sessions as s')
    .innerJoin('accounts as a', 'a.id', 's.account_id')
    .innerJoin('workspaces as w', 'w.id', 's.workspace_id')
    .select(['s.id as session_id', 's.workspace_id', 'w.time_zone', 'a.id as account_id', 'a.email', 'a.role', 'a.person_id',
      's.csrf_token', 's.last_seen_at', 's.created_at', 's.expires_at'])
    .where('s.secret_hash', '=', secretHash).where('s.ended_at', 'is', null).where('a.disabled_at', 'is', null)
    .executeTakeFirst();
}

/** Records that a session was used (the idle clock restarts); not audited, sessions are bookkeeping. */
export async function touchSession(db: Kysely<DB>, sessionId: string, at: Date): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', sessionId).execute();
}

/** Ends a session that expired (idle or absolute); it never comes back. */
export async function endSession(db: Kysely<DB>, sessionId: string, at: Date): Promise<void> {
  await db.updateTable('sessions').set({ ended_at: at }).where('id', '=', sessionId).where('ended_at', 'is', null).execute();
}

/** An unrevoked API token with its workspace, found by the SHA-256 of its secret. */
export interface TokenPrincipalRow {
  token_id: string;
  workspace_id: string;
  time_zone: string;
  name: string;
  scopes: TokenScope[];
  expires_at: Date | null;
  last_used_at: Date | null;
}

export function findTokenBySecret(db: Kysely<DB>, secretHash: string): Promise<TokenPrincipalRow | undefined> {
  return db.selectFrom('api_tokens as t')
    .innerJoin('workspaces as w', 'w.id', 't.workspace_id')
    .select(['t.id as token_id', 't.workspace_id', 'w.time_zone', 't.name', 't.scopes', 't.expires_at', 't.last_used_at'])
    .where('t.secret_hash', '=', secretHash).where('t.revoked_at', 'is', null)
    .executeTakeFirst();
}

/** Records a token's last use (not audited: bookkeeping, see migration 0010). */
export async function touchToken(db: Kysely<DB>, tokenId: string, at: Date, ip: string | null): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: at, last_used_ip: ip }).where('id', '=', tokenId).execute();
}

/** True when the instance has at least one account (the first start has none). */
export async function anyAccount(db: Kysely<DB>): Promise<boolean> {
  return (await db.selectFrom('accounts').select('id').limit(1).executeTakeFirst()) !== undefined;
}

/** Whether `personId` leads the program (sponsor or governance role holder) and whether they belong to it. */
export async function programAccessFacts(db: Kysely<DB>, workspaceId: string, programId: string, personId: string): Promise<{ leads: boolean; member: boolean }> {
  const row = await db.selectFrom('programs as p')
    .select((eb) => [
      eb.or([
        eb('p.sponsor_id', '=', personId),
        eb.exists(eb.selectFrom('program_roles as r').select(sql`1`.as('x')).whereRef('r.program_id', '=', 'p.id').where('r.person_id', '=', personId)),
      ]).as('leads'),
      eb.or([
        eb.exists(eb.selectFrom('program_members as m').select(sql`1`.as('x')).whereRef('m.program_id', '=', 'p.id').where('m.person_id', '=', personId)),
        eb.exists(eb.selectFrom('constraints as c').select(sql`1`.as('x')).whereRef('c.program_id', '=', 'p.id').where('c.owner_id', '=', personId)),
      ]).as('listed'),
    ])
    .where('p.workspace_id', '=', workspaceId).where('p.id', '=', programId)
    .executeTakeFirst();
  const leads = row?.leads === true;
  return { leads, member: leads || row?.listed === true };
}

/** The program a route's resource belongs to (and, for a constraint, its owner and whether it is escalated to `personId`). */
export interface ResourceOwner {
  programId: string | null;
  constraintOwnerId: string | null;
  personId: string | null;
}

export async function programOf(db: Kysely<DB>, workspaceId: string, idOrKey: string): Promise<string | null> {
  return (await findProgram(db, workspaceId, idOrKey))?.id ?? null;
}

export async function constraintOf(db: Kysely<DB>, workspaceId: string, idOrRef: string): Promise<{ id: string; programId: string; ownerId: string } | null> {
  const row = await findConstraintId(db, workspaceId, idOrRef);
  return row ? { id: row.id, programId: row.program_id, ownerId: row.owner_id } : null;
}

/** True when the constraint's current escalation cycle has notified `personId` at any level. */
export async function escalatedTo(db: Kysely<DB>, workspaceId: string, constraintId: string, personId: string): Promise<boolean> {
  const row = await db.selectFrom('escalation_events as e')
    .innerJoin('constraint_escalations as ce', (j) => j.onRef('ce.constraint_id', '=', 'e.constraint_id').onRef('ce.cycle', '=', 'e.cycle'))
    .select('e.id')
    .where('e.workspace_id', '=', workspaceId).where('e.constraint_id', '=', constraintId)
    .where(sql<boolean>`${personId}::uuid = any(e.recipients)`)
    .limit(1).executeTakeFirst();
  return row !== undefined;
}

/** The program of a monitor, cost item or review by id (null when there is none in the workspace). */
export async function programOfChild(db: Kysely<DB>, workspaceId: string, table: 'monitors' | 'cost_items' | 'reviews', id: string): Promise<string | null> {
  if (!isUuid(id)) return null;
  const row = await db.selectFrom(table).select('program_id').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  return row?.program_id ?? null;
}

/** The person a calendar feed belongs to (null for a program feed or none). */
export async function calendarFeedPerson(db: Kysely<DB>, workspaceId: string, id: string): Promise<string | null> {
  if (!isUuid(id)) return null;
  const row = await db.selectFrom('calendar_feeds').select('person_id').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  return row?.person_id ?? null;
}
