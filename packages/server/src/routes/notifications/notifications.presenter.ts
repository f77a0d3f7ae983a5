import type { InboxItem, NotificationChannel, NotificationDelivery } from '@handoff/contract';
import type { ChannelView } from '../../db/repos/channels.repo.js';
import type { InboxItemRow } from '../../db/repos/inbox.repo.js';
import type { OutboxView } from '../../db/repos/outbox.repo.js';
import { readFacts, readPayload } from '../../notify/payload.js';

/** Maps an outbox row to its API shape (the payload's subject only; the body stays in the outbox). */
export function presentDelivery(row: OutboxView): NotificationDelivery {
  const subject = (() => {
    try {
      return readPayload(row.payload).subject;
    } catch {
      return '(unreadable payload)';
    }
  })();
  return {
    id: row.id,
    channel: row.channel,
    kind: row.kind,
    recipient:
      row.recipient_id !== null && row.recipient_name !== null && row.recipient_email !== null
        ? { id: row.recipient_id, name: row.recipient_name, email: row.recipient_email }
        : null,
    target: row.target,
    channelId: row.channel_id,
    channelName: row.channel_name,
    eventKey: row.event_key,
    idempotencyKey: row.idempotency_key,
    subject,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    nextAttemptAt: row.status === 'pending' ? row.next_attempt_at.toISOString() : null,
    createdAt: row.created_at.toISOString(),
    sentAt: row.sent_at?.toISOString() ?? null,
  };
}

export function presentInboxItem(row: InboxItemRow): InboxItem {
  return {
    id: row.id,
    kind: row.kind,
    subject: row.subject,
    text: row.text,
    link: row.link,
    facts: readFacts(row.facts),
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at?.toISOString() ?? null,
  };
}

/**
 * A webhook URL is a credential (anyone holding it can post to the channel): only its origin and last
 * four characters go out, enough to tell two channels apart.
 */
export function maskWebhookUrl(url: string): string {
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    return '…';
  }
  const tail = url.length > origin.length + 8 ? url.slice(-4) : '';
  return `${origin}/…${tail}`;
}

export function presentChannel(row: ChannelView): NotificationChannel {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    program:
      row.program_id !== null && row.program_key !== null && row.program_name !== null
        ? { id: row.program_id, key: row.program_key, name: row.program_name }
        : null,
    webhookUrlMasked: maskWebhookUrl(row.webhook_url),
    enabled: row.enabled,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}
