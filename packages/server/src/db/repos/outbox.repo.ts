import type { Insertable, Kysely, Selectable } from 'kysely';
import type { DB, OutboxChannel, OutboxStatus, OutboxTable } from '../schema.js';

export type OutboxRow = Selectable<OutboxTable>;

/** An outbox row with its recipient's name and its webhook channel's name, for the API. */
export interface OutboxView extends OutboxRow {
  recipient_name: string | null;
  recipient_email: string | null;
  channel_name: string | null;
}

/** Adds deliveries; a row whose idempotency key exists is skipped (enqueuing is idempotent). */
export async function insertOutboxRows(db: Kysely<DB>, rows: readonly Insertable<OutboxTable>[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('outbox').values([...rows]).onConflict((oc) => oc.column('idempotency_key').doNothing()).execute();
}

export interface Claim {
  readonly now: Date;
  /** Until when the claimed rows are this sender's; after that another pass may take them again. */
  readonly leaseUntil: Date;
  readonly limit: number;
  readonly channels: readonly OutboxChannel[];
}

/**
 * Claims up to `limit` due rows in one statement: pending rows whose next attempt is due, and rows
 * left `sending` by a sender whose lease lapsed (it crashed or hung). Each claim counts as an attempt
 * up front, so a message that kills its sender still runs out of attempts. SKIP LOCKED lets several
 * dispatchers on one PostgreSQL share the work without waiting on or double-claiming a row.
 */
export async function claimDue(db: Kysely<DB>, c: Claim): Promise<OutboxRow[]> {
  if (c.channels.length === 0) return [];
  const rows = await db
    .updateTable('outbox')
    .set((eb) => ({ status: 'sending' as const, attempts: eb('attempts', '+', 1), lease_until: c.leaseUntil, updated_at: c.now }))
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('outbox')
        .select('id')
        .where('channel', 'in', [...c.channels])
        .where((w) =>
          w.or([
            w.and([w('status', '=', 'pending'), w('next_attempt_at', '<=', c.now)]),
            w.and([w('status', '=', 'sending'), w('lease_until', '<=', c.now)]),
          ]),
        )
        .orderBy('next_attempt_at')
        .orderBy('id')
        .limit(c.limit)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .execute();
  return rows.sort((a, b) => a.next_attempt_at.getTime() - b.next_attempt_at.getTime() || a.id.localeCompare(b.id));
}

/** Gives up on rows whose sender died during their last allowed attempt (nothing else would end them). */
export async function failAbandoned(db: Kysely<DB>, now: Date, maxAttempts: number): Promise<number> {
  const result = await db
    .updateTable('outbox')
    .set((eb) => ({
      status: 'failed' as const,
      lease_until: null,
      updated_at: now,
      last_error: eb.fn.coalesce('last_error', eb.val('the sender stopped during the last attempt')),
    }))
    .where('status', '=', 'sending')
    .where('lease_until', '<=', now)
    .where('attempts', '>=', maxAttempts)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Records a successful send. `attempts` is the claim's fencing token: when this sender's lease lapsed
 * and another pass re-claimed the row, the counts differ and the row is left to that pass.
 */
export async function markSent(db: Kysely<DB>, id: string, attempts: number, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set({ status: 'sent', sent_at: now, lease_until: null, updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .where('attempts', '=', attempts)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export interface FailedAttempt {
  readonly status: 'pending' | 'failed';
  readonly nextAttemptAt: Date;
  readonly error: string;
  readonly now: Date;
}

/** Records a failed send (fenced like `markSent`): back to pending with a later attempt, or failed. */
export async function markAttemptFailed(db: Kysely<DB>, id: string, attempts: number, f: FailedAttempt): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set({ status: f.status, next_attempt_at: f.nextAttemptAt, last_error: f.error, lease_until: null, updated_at: f.now })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .where('attempts', '=', attempts)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

function views(db: Kysely<DB>, workspaceId: string) {
  return db
    .selectFrom('outbox as o')
    .leftJoin('people as r', 'r.id', 'o.recipient_id')
    .leftJoin('notification_channels as c', 'c.id', 'o.channel_id')
    .selectAll('o')
    .select(['r.name as recipient_name', 'r.email as recipient_email', 'c.name as channel_name'])
    .where('o.workspace_id', '=', workspaceId);
}

export interface OutboxFilter {
  status?: OutboxStatus;
  channel?: OutboxChannel;
  recipientId?: string;
  /** Created-at and id of the last row of the previous page. */
  after?: readonly [Date, string];
  limit: number;
}

/** Deliveries of the workspace, newest first (keyset pagination on created_at, id). */
export function listOutbox(db: Kysely<DB>, workspaceId: string, f: OutboxFilter): Promise<OutboxView[]> {
  let q = views(db, workspaceId);
  if (f.status) q = q.where('o.status', '=', f.status);
  if (f.channel) q = q.where('o.channel', '=', f.channel);
  if (f.recipientId) q = q.where('o.recipient_id', '=', f.recipientId);
  if (f.after) {
    const [createdAt, id] = f.after;
    q = q.where((eb) => eb(eb.refTuple('o.created_at', 'o.id'), '<', eb.tuple(createdAt, id)));
  }
  return q.orderBy('o.created_at', 'desc').orderBy('o.id', 'desc').limit(f.limit).execute();
}

export function findOutboxView(db: Kysely<DB>, workspaceId: string, id: string): Promise<OutboxView | undefined> {
  return views(db, workspaceId).where('o.id', '=', id).executeTakeFirst();
}

export function findOutboxRow(db: Kysely<DB>, workspaceId: string, id: string, forUpdate = false): Promise<OutboxRow | undefined> {
  let q = db.selectFrom('outbox').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** Makes a pending or failed row due now with a fresh set of attempts. */
export async function requeue(db: Kysely<DB>, workspaceId: string, id: string, now: Date): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ status: 'pending', attempts: 0, next_attempt_at: now, lease_until: null, updated_at: now })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('status', 'in', ['pending', 'failed'])
    .execute();
}

/** How many rows wait for a later attempt (pending) or were given up (failed), over all workspaces. */
export async function countUnsent(db: Kysely<DB>): Promise<{ pending: number; failed: number }> {
  const rows = await db
    .selectFrom('outbox')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', 'in', ['pending', 'failed'])
    .groupBy('status')
    .execute();
  const count = (s: OutboxStatus): number => Number(rows.find((r) => r.status === s)?.n ?? 0);
  return { pending: count('pending'), failed: count('failed') };
}

/**
 * Cancels e-mails not yet sent to `recipientId` whose event key starts with `eventKeyPrefix` (the
 * escalation reminders of a constraint whose owner changed). Kept, marked cancelled with the reason.
 */
export async function cancelPendingEmails(db: Kysely<DB>, workspaceId: string, recipientId: string, eventKeyPrefix: string, reason: string, now: Date): Promise<number> {
  const result = await db
    .updateTable('outbox')
    .set({ status: 'cancelled', last_error: reason, updated_at: now })
    .where('workspace_id', '=', workspaceId)
    .where('recipient_id', '=', recipientId)
    .where('channel', '=', 'email')
    .where('status', 'in', ['pending', 'failed'])
    .where('event_key', 'like', `${eventKeyPrefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
