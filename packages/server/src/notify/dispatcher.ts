import type { Clock, Deps } from '../context.js';
import { findChannelForDelivery } from '../db/repos/channels.repo.js';
import { claimDue, failAbandoned, markAttemptFailed, markSent, type OutboxRow } from '../db/repos/outbox.repo.js';
import type { OutboxChannel } from '../db/schema.js';
import { SendError, type OutgoingMessage } from './channels/channel.js';
import { createEmailChannel } from './channels/email.js';
import { sendSlack } from './channels/slack.js';
import { sendTeams } from './channels/teams.js';
import { assertPublicWebhook } from './channels/webhook-address.js';
import { outgoingMessage } from './message.js';
import { DEFAULT_MAIL_FROM, DEFAULT_PUBLIC_URL } from './notify-config.js';
import { readPayload } from './payload.js';

/*
 * Delivery guarantees. Enqueueing is exactly-once: outbox rows are written in the transaction of the
 * event and keyed uniquely. Sending is at-least-once: a row is marked sent only after the receiver
 * accepted it (SMTP 250 after DATA, webhook 2xx), so a crash between "accepted" and "marked" sends it
 * again once its lease lapses. Exactly-once delivery would need the receiver in our transaction, which
 * SMTP and webhooks cannot offer; instead every attempt of a row carries the same idempotency key (as
 * the e-mail Message-ID and the `Idempotency-Key` header) so receivers that de-duplicate see it once.
 * A row is never lost: claimed rows are `sending` with a lease, and a lapsed lease makes them due again.
 */

/** First retry delay; doubles with every failed attempt up to BACKOFF_CAP_MS. */
export const BACKOFF_BASE_MS = 30_000;
export const BACKOFF_CAP_MS = 3_600_000;
/** Attempts before a delivery is `failed` (about five hours of retrying); POST …/retry starts afresh. */
export const MAX_ATTEMPTS = 12;
/** How long a claim holds: far above the longest send (SMTP timeouts 10+10+30 s, webhooks 15 s) times a batch. */
export const LEASE_MS = 15 * 60_000;

/** Delay before the next attempt after `attempts` failed ones: 30 s, 1 min, 2 min … capped at 1 h. */
export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1), BACKOFF_CAP_MS);
}

export interface DispatchResult {
  sent: number;
  /** Failed this time, tried again later. */
  retrying: number;
  /** Failed for good (permanent refusal or out of attempts). */
  failed: number;
}

export interface Dispatcher {
  /** Sends every due delivery (at most `maxPerPass`), in batches of `batchSize`. */
  dispatchDue(): Promise<DispatchResult>;
  /** Releases the SMTP transport. */
  close(): void;
}

export interface DispatcherOptions {
  readonly batchSize?: number;
  readonly maxPerPass?: number;
}

type Outcome = keyof DispatchResult;

/**
 * The outbox's send side. Each row goes claim (short statement, lease) → send (no transaction open,
 * so a slow SMTP server never holds a lock or PGlite's single session) → mark sent or failed.
 * E-mail rows are left queued while no SMTP server is configured.
 */
export function createDispatcher(deps: Pick<Deps, 'database' | 'clock' | 'notify'>, options: DispatcherOptions = {}): Dispatcher {
  const { db } = deps.database;
  const clock: Clock = deps.clock;
  const publicUrl = deps.notify?.publicUrl ?? DEFAULT_PUBLIC_URL;
  const email = deps.notify?.smtpUrl
    ? createEmailChannel({
        smtpUrl: deps.notify.smtpUrl,
        mailFrom: deps.notify.mailFrom ?? DEFAULT_MAIL_FROM,
        messageIdDomain: new URL(publicUrl).hostname || 'localhost',
      })
    : undefined;
  const channels: OutboxChannel[] = email ? ['email', 'slack', 'teams'] : ['slack', 'teams'];
  const batchSize = options.batchSize ?? 10;
  const maxPerPass = options.maxPerPass ?? 200;

  async function send(row: OutboxRow, message: OutgoingMessage): Promise<void> {
    if (row.channel === 'email') {
      if (!email) throw new SendError('no SMTP server configured', false);
      return email.send(row.target, message);
    }
    const channel = row.channel_id ? await findChannelForDelivery(db, row.channel_id) : undefined;
    if (!channel || !channel.enabled) throw new SendError('the channel is disabled', true);
    if (!deps.notify?.allowPrivateWebhooks) await assertPublicWebhook(channel.webhook_url);
    return (row.channel === 'slack' ? sendSlack : sendTeams)(channel.webhook_url, message);
  }

  async function deliver(row: OutboxRow): Promise<Outcome> {
    let failure: SendError | undefined;
    try {
      await send(row, outgoingMessage(row.idempotency_key, readPayload(row.payload), publicUrl));
    } catch (error) {
      // Anything not a SendError (an unreadable payload, a bug) would fail the same way again.
      failure = error instanceof SendError ? error : new SendError(error instanceof Error ? error.message : String(error), true);
    }
    // Marking is outside the try: if the database fails here the row stays leased and is retried later.
    const now = clock.now();
    if (!failure) {
      await markSent(db, row.id, row.attempts, now);
      return 'sent';
    }
    const giveUp = failure.permanent || row.attempts >= MAX_ATTEMPTS;
    await markAttemptFailed(db, row.id, row.attempts, {
      status: giveUp ? 'failed' : 'pending',
      nextAttemptAt: new Date(now.getTime() + backoffMs(row.attempts)),
      error: failure.message.slice(0, 1000),
      now,
    });
    return giveUp ? 'failed' : 'retrying';
  }

  return {
    async dispatchDue() {
      const result: DispatchResult = { sent: 0, retrying: 0, failed: 0 };
      result.failed += await failAbandoned(db, clock.now(), MAX_ATTEMPTS);
      for (let done = 0; done < maxPerPass; ) {
        const now = clock.now();
        const rows = await claimDue(db, {
          now,
          leaseUntil: new Date(now.getTime() + LEASE_MS),
          limit: Math.min(batchSize, maxPerPass - done),
          channels,
        });
        if (rows.length === 0) break;
        for (const row of rows) result[await deliver(row)] += 1;
        done += rows.length;
      }
      return result;
    },
    close: () => email?.close(),
  };
}
