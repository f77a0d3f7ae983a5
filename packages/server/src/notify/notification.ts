import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/** What a notification is about. */
export type NotificationKind = 'escalation' | 'assignment' | 'deadline-change' | 'decision-request' | 'digest' | 'reassessment';

/**
 * A message to one person about one event. Written in the same transaction as the change that caused
 * it and fanned out to that person's channels (e-mail, in-app inbox) and to the program's and
 * workspace's webhook channels (once per event, not per recipient).
 */
export interface Notification {
  readonly workspaceId: string;
  /** Identifies the event (e.g. `esc:<constraint>:<cycle>:<level>`): webhooks receive each event once. */
  readonly eventKey: string;
  /** Unique per event and recipient: enqueuing the same key again is a no-op (idempotency). */
  readonly key: string;
  readonly kind: NotificationKind;
  readonly recipientId: string;
  /** The program concerned, for program-level webhook channels; null for workspace-wide messages. */
  readonly programId: string | null;
  readonly subject: string;
  /** Plain-text body: what is blocked, who owns it, how late, the level, and the link. */
  readonly text: string;
  /** Path in the app, e.g. `/constraints/CLAIMS-12`; channels prefix the public base URL. */
  readonly link: string | null;
  /** Structured facts for webhook cards (ref, owner, daysOverdue, level …). */
  readonly facts: Readonly<Record<string, string | number | null>>;
  readonly createdAt: Date;
  /** Personal messages (the weekly digest) go to the person only, never to shared webhook channels. */
  readonly personal?: boolean;
}

/** Writes a notification's outbox rows and inbox item inside the caller's transaction. */
export type EnqueueNotification = (trx: Kysely<DB>, notification: Notification) => Promise<void>;
