import { z } from '@hono/zod-openapi';
import { Id, PageQuery, PersonRef, QueryFlag, Version, pageOf, requiredText } from './common.js';

/** What a notification is about (the server's NotificationKind). */
export const NOTIFICATION_KINDS = ['escalation', 'assignment', 'deadline-change', 'decision-request', 'digest', 'reassessment'] as const;
export const NotificationKind = z.enum(NOTIFICATION_KINDS).openapi('NotificationKind');
export type NotificationKind = z.infer<typeof NotificationKind>;

export const DELIVERY_CHANNELS = ['email', 'slack', 'teams'] as const;
export const DeliveryChannel = z.enum(DELIVERY_CHANNELS).openapi('DeliveryChannel');
export type DeliveryChannel = z.infer<typeof DeliveryChannel>;

export const DELIVERY_STATUSES = ['pending', 'sending', 'sent', 'failed', 'cancelled'] as const;
export const DeliveryStatus = z.enum(DELIVERY_STATUSES).openapi('DeliveryStatus', {
  description: '`pending` waits for its next attempt; `sending` is claimed by a sender; `sent` was accepted by the receiver; ' +
    '`failed` ran out of attempts or was refused for good (retry it with POST …/retry).',
});
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;

export const WEBHOOK_KINDS = ['slack', 'teams'] as const;
export const WebhookKind = z.enum(WEBHOOK_KINDS).openapi('WebhookKind', {
  description: '`slack`: a Slack incoming webhook; `teams`: a Microsoft Teams Workflows webhook (posts an Adaptive Card).',
});
export type WebhookKind = z.infer<typeof WebhookKind>;

export const NotificationFacts = z
  .record(z.string().max(200), z.union([z.string().max(10_000), z.number(), z.null()]))
  .openapi('NotificationFacts', { description: 'Structured facts (ref, owner, daysOverdue, level …).' });

/** One delivery of the outbox: a message to one address or one webhook channel. */
export const NotificationDelivery = z
  .object({
    id: Id,
    channel: DeliveryChannel,
    kind: NotificationKind,
    recipient: PersonRef.nullable().openapi({ description: 'The person an e-mail goes to; null for webhook posts.' }),
    target: z.string().openapi({ description: 'The e-mail address, or the id of the webhook channel.', example: 'amara.okafor@example.com' }),
    channelId: Id.nullable(),
    channelName: z.string().nullable(),
    eventKey: z.string(),
    idempotencyKey: z.string().openapi({ description: 'Sent as the e-mail Message-ID and the webhook `Idempotency-Key` header.' }),
    subject: z.string(),
    status: DeliveryStatus,
    attempts: z.number().int().openapi({ description: 'Send attempts so far.' }),
    lastError: z.string().nullable(),
    nextAttemptAt: z.string().nullable().openapi({ description: 'When a pending delivery is tried next; null otherwise.' }),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .openapi('NotificationDelivery');
export type NotificationDelivery = z.infer<typeof NotificationDelivery>;

export const NotificationDeliveryPage = pageOf(NotificationDelivery, 'NotificationDeliveryPage');
export type NotificationDeliveryPage = z.infer<typeof NotificationDeliveryPage>;

export const NotificationListQuery = PageQuery.extend({
  status: DeliveryStatus.optional(),
  channel: DeliveryChannel.optional(),
  recipient: Id.optional().openapi({ description: 'Person id of the e-mail recipient.' }),
});
export type NotificationListQuery = z.infer<typeof NotificationListQuery>;

export const InboxItem = z
  .object({
    id: Id,
    kind: NotificationKind,
    subject: z.string(),
    text: z.string(),
    link: z.string().nullable().openapi({ description: 'Path in the app.', example: '/constraints/CLAIMS-12' }),
    facts: NotificationFacts,
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .openapi('InboxItem');
export type InboxItem = z.infer<typeof InboxItem>;

export const InboxPage = z
  .object({
    items: z.array(InboxItem),
    nextCursor: z.string().nullable(),
    unreadCount: z.number().int().openapi({ description: 'Unread items of the person in all (not only this page).' }),
  })
  .openapi('InboxPage');
export type InboxPage = z.infer<typeof InboxPage>;

export const InboxQuery = PageQuery.extend({
  unread: QueryFlag.optional().openapi({ type: 'string', enum: ['true', 'false'], description: 'Only unread items (true) or only read ones (false).' }),
});
export type InboxQuery = z.infer<typeof InboxQuery>;

export const InboxReadAll = z
  .object({ marked: z.number().int().openapi({ description: 'Items that were unread and are now read.' }) })
  .openapi('InboxReadAll');
export type InboxReadAll = z.infer<typeof InboxReadAll>;

const WebhookUrl = z
  .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
  .max(2000, 'must be at most 2000 characters')
  .openapi({ description: 'The webhook URL. A secret: responses only ever show it masked.', example: 'https://hooks.slack.com/services/T000/B000/XXXX' });

export const NotificationChannel = z
  .object({
    id: Id,
    kind: WebhookKind,
    name: z.string().openapi({ example: '#ai-programs' }),
    program: z
      .object({ id: Id, key: z.string(), name: z.string() })
      .nullable()
      .openapi({ description: 'Only events of this program; null = every event of the workspace.' }),
    webhookUrlMasked: z.string().openapi({ description: 'Origin and last characters of the URL.', example: 'https://hooks.slack.com/…XXXX' }),
    enabled: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: Version,
  })
  .openapi('NotificationChannel');
export type NotificationChannel = z.infer<typeof NotificationChannel>;

export const NotificationChannelCreate = z
  .strictObject({
    kind: WebhookKind,
    name: requiredText(200).openapi({ example: '#ai-programs' }),
    webhookUrl: WebhookUrl,
    programId: Id.nullable().optional().openapi({ description: 'Limit the channel to one program; omit or null for the whole workspace.' }),
    enabled: z.boolean().default(true),
  })
  .openapi('NotificationChannelCreate');
export type NotificationChannelCreate = z.infer<typeof NotificationChannelCreate>;

export const NotificationChannelUpdate = z
  .strictObject({ name: requiredText(200), webhookUrl: WebhookUrl, enabled: z.boolean() })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'must change at least one field' })
  .openapi('NotificationChannelUpdate');
export type NotificationChannelUpdate = z.infer<typeof NotificationChannelUpdate>;

export const NotificationChannelListQuery = PageQuery.extend({
  program: Id.optional().openapi({ description: 'Only the channels of this program (id).' }),
});
export type NotificationChannelListQuery = z.infer<typeof NotificationChannelListQuery>;

export const NotificationChannelPage = pageOf(NotificationChannel, 'NotificationChannelPage');
export type NotificationChannelPage = z.infer<typeof NotificationChannelPage>;
