import { z } from '@hono/zod-openapi';
import { CalendarDate, Id, Timestamp, Version } from './common.js';
import { NotificationFacts, NotificationKind, WebhookKind } from './notifications.js';
import { ReviewDecision, ReviewSnapshot } from './reviews.js';

/**
 * Notification and review rows of the transfer document (format version 2): webhook channels, the
 * in-app inbox, the record of weekly digests sent, and weekly reviews with their items.
 */

const text = (max: number) => z.string().max(max, `must be at most ${max} characters`);
const nonEmpty = (max: number) => text(max).min(1, 'must not be empty');

export const TransferNotificationChannel = z
  .strictObject({
    id: Id,
    programId: Id.nullable().openapi({ description: 'null: every event of the workspace.' }),
    kind: WebhookKind,
    name: nonEmpty(200),
    webhookUrl: z
      .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
      .max(2000, 'must be at most 2000 characters')
      .openapi({ description: 'The webhook URL in full — a secret: whoever holds the export can post into the channel.' }),
    enabled: z.boolean(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    version: Version,
  })
  .openapi('TransferNotificationChannel');
export type TransferNotificationChannel = z.infer<typeof TransferNotificationChannel>;

export const TransferInboxItem = z
  .strictObject({
    id: Id,
    personId: Id,
    notificationKey: nonEmpty(500).openapi({ description: 'Unique: enqueuing the same notification again is a no-op.' }),
    eventKey: nonEmpty(500),
    kind: NotificationKind,
    subject: text(2000),
    text: text(200_000),
    link: text(2000).nullable(),
    facts: NotificationFacts,
    createdAt: Timestamp,
    readAt: Timestamp.nullable(),
  })
  .openapi('TransferInboxItem');
export type TransferInboxItem = z.infer<typeof TransferInboxItem>;

/** A weekly digest already sent: the person gets no second one that week. */
export const TransferDigest = z
  .strictObject({ personId: Id, weekStart: CalendarDate, sentAt: Timestamp })
  .openapi('TransferDigest');
export type TransferDigest = z.infer<typeof TransferDigest>;

export const TransferReview = z
  .strictObject({ id: Id, programId: Id, reviewerId: Id, note: text(4000).nullable(), createdAt: Timestamp })
  .openapi('TransferReview');
export type TransferReview = z.infer<typeof TransferReview>;

/** A constraint snapshot as stored: the fields of ReviewSnapshot are checked, any others are kept as they are. */
export const TransferReviewSnapshot = z.looseObject(ReviewSnapshot.shape).openapi('TransferReviewSnapshot');
export type TransferReviewSnapshot = z.infer<typeof TransferReviewSnapshot>;

export const TransferReviewItem = z
  .strictObject({
    reviewId: Id,
    constraintId: Id,
    position: z.number().int().min(0).openapi({ description: 'Order in which the review applied its decisions.' }),
    decision: ReviewDecision,
    note: text(2000).nullable(),
    newDeadline: CalendarDate.nullable(),
    reason: text(2000).nullable(),
    before: TransferReviewSnapshot,
    after: TransferReviewSnapshot,
  })
  .openapi('TransferReviewItem');
export type TransferReviewItem = z.infer<typeof TransferReviewItem>;
