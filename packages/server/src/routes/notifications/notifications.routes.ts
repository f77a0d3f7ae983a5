import { routes } from '@handoff/contract';
import type { Api } from '../../http/app-types.js';
import type { Services } from '../../services/index.js';
import { etag } from '../../services/transaction.js';
import { presentChannel, presentDelivery, presentInboxItem } from './notifications.presenter.js';

/** The outbox, people's inboxes and the webhook channels. */
export function registerNotificationRoutes(app: Api, { notifications, channels }: Services): void {
  app.openapi(routes.listNotifications, async (c) => {
    const page = await notifications.deliveries(c.var.actor, c.req.valid('query'));
    return c.json({ items: page.rows.map(presentDelivery), nextCursor: page.nextCursor }, 200);
  });

  app.openapi(routes.retryNotification, async (c) => {
    const row = await notifications.retry(c.var.actor, c.req.valid('param').id);
    return c.json(presentDelivery(row), 200);
  });

  app.openapi(routes.listInbox, async (c) => {
    const page = await notifications.inbox(c.var.actor, c.req.valid('param').id, c.req.valid('query'));
    return c.json({ items: page.rows.map(presentInboxItem), nextCursor: page.nextCursor, unreadCount: page.unreadCount }, 200);
  });

  app.openapi(routes.readInboxItem, async (c) => {
    const { id, itemId } = c.req.valid('param');
    return c.json(presentInboxItem(await notifications.markRead(c.var.actor, id, itemId)), 200);
  });

  app.openapi(routes.readAllInboxItems, async (c) => {
    const marked = await notifications.markAllRead(c.var.actor, c.req.valid('param').id);
    return c.json({ marked }, 200);
  });

  app.openapi(routes.listNotificationChannels, async (c) => {
    const page = await channels.list(c.var.actor, c.req.valid('query'));
    return c.json({ items: page.rows.map(presentChannel), nextCursor: page.nextCursor }, 200);
  });

  app.openapi(routes.createNotificationChannel, async (c) => {
    const row = await channels.create(c.var.actor, c.req.valid('json'));
    return c.json(presentChannel(row), 201, { ETag: etag(row.version), Location: `/api/notification-channels/${row.id}` });
  });

  app.openapi(routes.getNotificationChannel, async (c) => {
    const row = await channels.get(c.var.actor, c.req.valid('param').id);
    return c.json(presentChannel(row), 200, { ETag: etag(row.version) });
  });

  app.openapi(routes.updateNotificationChannel, async (c) => {
    const row = await channels.update(c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.req.valid('header')['if-match']);
    return c.json(presentChannel(row), 200, { ETag: etag(row.version) });
  });
}
