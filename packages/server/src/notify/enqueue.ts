import type { Insertable } from 'kysely';
import type { Deps } from '../context.js';
import { channelsForEvent } from '../db/repos/channels.repo.js';
import { insertInboxItem } from '../db/repos/inbox.repo.js';
import { insertOutboxRows } from '../db/repos/outbox.repo.js';
import { findPerson } from '../db/repos/people.repo.js';
import type { OutboxTable } from '../db/schema.js';
import type { EnqueueNotification } from './notification.js';
import type { OutboxPayload } from './payload.js';

/**
 * The transactional outbox's write side. Called inside the transaction of the change that caused the
 * notification, so the notification exists if and only if the change committed. It writes:
 * - the recipient's inbox item (key = the notification key);
 * - one e-mail to the recipient's current address (key `${key}:email`);
 * - one post per enabled webhook channel of the workspace and of the notification's program
 *   (key `${eventKey}:${channelId}`: an event with several recipients is posted once per channel).
 * Every insert skips an existing key, so enqueuing the same notification again changes nothing.
 * Messages are delivered later by the dispatcher, never from inside the transaction.
 */
export function createEnqueue(deps: Pick<Deps, 'newId'>): EnqueueNotification {
  return async (trx, n) => {
    const recipient = await findPerson(trx, n.workspaceId, n.recipientId);
    // The caller chose the recipient from the same workspace in the same transaction: a miss is a bug.
    if (!recipient) throw new Error(`notification ${n.key}: ${n.recipientId} is not a person of workspace ${n.workspaceId}`);

    await insertInboxItem(trx, {
      id: deps.newId(),
      workspace_id: n.workspaceId,
      person_id: recipient.id,
      notification_key: n.key,
      event_key: n.eventKey,
      kind: n.kind,
      subject: n.subject,
      text: n.text,
      link: n.link,
      facts: JSON.stringify(n.facts),
      created_at: n.createdAt,
    });

    const payload: OutboxPayload = { subject: n.subject, text: n.text, link: n.link, facts: { ...n.facts } };
    const common = {
      workspace_id: n.workspaceId,
      event_key: n.eventKey,
      kind: n.kind,
      payload: JSON.stringify(payload),
      status: 'pending',
      next_attempt_at: n.createdAt,
      created_at: n.createdAt,
      updated_at: n.createdAt,
    } satisfies Partial<Insertable<OutboxTable>>;

    const channels = n.personal ? [] : await channelsForEvent(trx, n.workspaceId, n.programId);
    await insertOutboxRows(trx, [
      {
        ...common,
        id: deps.newId(),
        channel: 'email',
        target: recipient.email,
        recipient_id: recipient.id,
        channel_id: null,
        idempotency_key: `${n.key}:email`,
      },
      ...channels.map((c) => ({
        ...common,
        id: deps.newId(),
        channel: c.kind,
        target: c.id,
        recipient_id: null,
        channel_id: c.id,
        idempotency_key: `${n.eventKey}:${c.id}`,
      })),
    ]);
  };
}
