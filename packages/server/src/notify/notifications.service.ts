import type { InboxQuery, NotificationListQuery } from '@handoff/contract';
import type { Actor, Deps } from '../context.js';
import { pageFrom } from '../db/paging.js';
import {
  countUnread, listInbox, markAllInboxItemsRead, markInboxItemRead, type InboxItemRow,
} from '../db/repos/inbox.repo.js';
import { findOutboxRow, findOutboxView, listOutbox, requeue, type OutboxView } from '../db/repos/outbox.repo.js';
import { findPerson } from '../db/repos/people.repo.js';
import { isUuid } from '../db/repos/programs.repo.js';
import { HandoffError, notFound } from '../errors.js';
import { inTransaction } from '../services/transaction.js';
import { decodeTimeCursor, timeCursorKey } from './time-cursor.js';

/** The outbox as people see it (deliveries, retry) and each person's in-app inbox. */
export function createNotificationsService(deps: Deps) {
  const { db } = deps.database;

  async function personOf(actor: Actor, id: string): Promise<string> {
    const person = isUuid(id) ? await findPerson(db, actor.workspaceId, id) : undefined;
    if (!person) throw notFound('person', id);
    return person.id;
  }

  return {
    async deliveries(actor: Actor, query: NotificationListQuery): Promise<{ rows: OutboxView[]; nextCursor: string | null }> {
      const rows = await listOutbox(db, actor.workspaceId, {
        ...(query.status ? { status: query.status } : {}),
        ...(query.channel ? { channel: query.channel } : {}),
        ...(query.recipient ? { recipientId: query.recipient } : {}),
        ...(query.cursor ? { after: decodeTimeCursor(query.cursor) } : {}),
        limit: query.limit + 1,
      });
      return pageFrom(rows, query.limit, timeCursorKey);
    },

    /** Makes a failed or waiting delivery due now with a fresh set of attempts; sent ones are a 409. */
    async retry(actor: Actor, id: string): Promise<OutboxView> {
      return inTransaction(db, async (trx) => {
        const row = await findOutboxRow(trx, actor.workspaceId, id, true);
        if (!row) throw notFound('notification', id);
        if (row.status === 'sent' || row.status === 'sending') {
          throw new HandoffError('conflict', `notification ${id} is ${row.status === 'sent' ? 'already sent' : 'being sent right now'}; only pending or failed deliveries can be retried`);
        }
        await requeue(trx, actor.workspaceId, row.id, deps.clock.now());
        const view = await findOutboxView(trx, actor.workspaceId, row.id);
        if (!view) throw notFound('notification', id);
        return view;
      });
    },

    async inbox(actor: Actor, personId: string, query: InboxQuery): Promise<{ rows: InboxItemRow[]; nextCursor: string | null; unreadCount: number }> {
      const person = await personOf(actor, personId);
      const rows = await listInbox(db, actor.workspaceId, person, {
        ...(query.unread === undefined ? {} : { unread: query.unread }),
        ...(query.cursor ? { after: decodeTimeCursor(query.cursor) } : {}),
        limit: query.limit + 1,
      });
      return { ...pageFrom(rows, query.limit, timeCursorKey), unreadCount: await countUnread(db, actor.workspaceId, person) };
    },

    /** Marks one of the person's items read; another person's item is not found. */
    async markRead(actor: Actor, personId: string, itemId: string): Promise<InboxItemRow> {
      const person = await personOf(actor, personId);
      // In a transaction so the audit log records who marked it read (the request's context), not `system`.
      const row = await inTransaction(db, (trx) => markInboxItemRead(trx, actor.workspaceId, person, itemId, deps.clock.now()));
      if (!row) throw notFound('inbox item', itemId);
      return row;
    },

    async markAllRead(actor: Actor, personId: string): Promise<number> {
      const person = await personOf(actor, personId);
      return inTransaction(db, (trx) => markAllInboxItemsRead(trx, actor.workspaceId, person, deps.clock.now()));
    },
  };
}
