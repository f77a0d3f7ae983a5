import { sql, type Insertable, type Kysely } from 'kysely';
import type { DB, SessionsTable } from '../schema.js';

export async function insertSession(db: Kysely<DB>, row: Insertable<SessionsTable>): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

/** Ends one session (sign-out); false when it had already ended. */
export async function endSessionById(db: Kysely<DB>, workspaceId: string, sessionId: string, at: Date): Promise<boolean> {
  const r = await db.updateTable('sessions').set({ ended_at: at })
    .where('workspace_id', '=', workspaceId).where('id', '=', sessionId).where('ended_at', 'is', null).executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/** Ends every live session of an account (password changed, account disabled or its role changed). */
export async function endAccountSessions(db: Kysely<DB>, workspaceId: string, accountId: string, at: Date): Promise<number> {
  const r = await db.updateTable('sessions').set({ ended_at: at })
    .where('workspace_id', '=', workspaceId).where('account_id', '=', accountId).where('ended_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/**
 * Appends an event that is not a row change (sign-in, sign-out, a failed CSRF check) to the workspace's
 * audit chain, with the transaction's audit context, through the same SQL function the triggers use.
 */
export async function appendAuditEvent(db: Kysely<DB>, event: { workspaceId: string; action: string; entity: string; entityId: string | null; detail: unknown }): Promise<void> {
  await sql`select audit_append(${event.workspaceId}::uuid, ${event.action}, ${event.entity}, ${event.entityId}, null, ${JSON.stringify(event.detail)}::jsonb)`.execute(db);
}
