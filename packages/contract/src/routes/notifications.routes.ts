import { createRoute, z } from '@hono/zod-openapi';
import { Id, IfMatchHeaders } from '../schemas/common.js';
import {
  InboxItem, InboxPage, InboxQuery, InboxReadAll, NotificationChannel, NotificationChannelCreate, NotificationChannelListQuery,
  NotificationChannelPage, NotificationChannelUpdate, NotificationDelivery, NotificationDeliveryPage, NotificationListQuery,
} from '../schemas/notifications.js';
import { problems } from '../schemas/problem.js';
import { EtagHeader, IdParams, json, jsonBody } from './shared.js';

const UuidParams = z.object({ id: Id.openapi({ param: { name: 'id', in: 'path' } }) });
const InboxItemParams = IdParams.extend({ itemId: Id.openapi({ param: { name: 'itemId', in: 'path' } }) });
const ACTION_NOTE = 'Send `{}` as an application/json body (or none with that content type).';

export const listNotifications = createRoute({
  method: 'get',
  path: '/api/notifications',
  tags: ['Notifications'],
  summary: 'The outbox: every e-mail and webhook delivery, newest first, with attempts, last error and next attempt',
  request: { query: NotificationListQuery },
  responses: { 200: json(NotificationDeliveryPage, 'A page of deliveries.'), ...problems(400) },
});

export const retryNotification = createRoute({
  method: 'post',
  path: '/api/notifications/{id}/retry',
  tags: ['Notifications'],
  summary: 'Send a failed (or waiting) delivery again now, with a fresh set of attempts',
  description: `A sent delivery or one being sent is refused with 409. ${ACTION_NOTE}`,
  request: { params: UuidParams },
  responses: { 200: json(NotificationDelivery, 'The delivery, due now.'), ...problems(400, 404, 409, 415) },
});

export const listInbox = createRoute({
  method: 'get',
  path: '/api/people/{id}/inbox',
  tags: ['Notifications'],
  summary: "A person's in-app notifications, newest first",
  request: { params: IdParams, query: InboxQuery },
  responses: { 200: json(InboxPage, 'A page of inbox items and the unread count.'), ...problems(400, 404) },
});

export const readInboxItem = createRoute({
  method: 'post',
  path: '/api/people/{id}/inbox/{itemId}/read',
  tags: ['Notifications'],
  summary: 'Mark one inbox item read (an item already read keeps its first read time)',
  description: ACTION_NOTE,
  request: { params: InboxItemParams },
  responses: { 200: json(InboxItem, 'The item, read.'), ...problems(400, 404, 415) },
});

export const readAllInboxItems = createRoute({
  method: 'post',
  path: '/api/people/{id}/inbox/read-all',
  tags: ['Notifications'],
  summary: "Mark every unread item of a person's inbox read",
  description: ACTION_NOTE,
  request: { params: IdParams },
  responses: { 200: json(InboxReadAll, 'How many items changed.'), ...problems(400, 404, 415) },
});

export const listNotificationChannels = createRoute({
  method: 'get',
  path: '/api/notification-channels',
  tags: ['Notifications'],
  summary: 'Webhook channels (Slack, Teams) of the workspace and its programs, by name',
  request: { query: NotificationChannelListQuery },
  responses: { 200: json(NotificationChannelPage, 'A page of channels.'), ...problems(400) },
});

export const createNotificationChannel = createRoute({
  method: 'post',
  path: '/api/notification-channels',
  tags: ['Notifications'],
  summary: 'Add a webhook channel: every notification event of the workspace (or of one program) is posted there once',
  request: { body: jsonBody(NotificationChannelCreate) },
  responses: { 201: { ...json(NotificationChannel, 'Created.'), headers: EtagHeader }, ...problems(400, 404, 413, 415) },
});

export const getNotificationChannel = createRoute({
  method: 'get',
  path: '/api/notification-channels/{id}',
  tags: ['Notifications'],
  summary: 'One webhook channel (its URL masked)',
  request: { params: UuidParams },
  responses: { 200: { ...json(NotificationChannel, 'The channel.'), headers: EtagHeader }, ...problems(400, 404) },
});

export const updateNotificationChannel = createRoute({
  method: 'patch',
  path: '/api/notification-channels/{id}',
  tags: ['Notifications'],
  summary: 'Enable or disable a channel, rename it or change its URL',
  description: 'A disabled channel receives no new events, and its waiting deliveries fail (retry them after enabling it).',
  request: { params: UuidParams, headers: IfMatchHeaders, body: jsonBody(NotificationChannelUpdate) },
  responses: { 200: { ...json(NotificationChannel, 'Updated.'), headers: EtagHeader }, ...problems(400, 404, 412, 413, 415) },
});
