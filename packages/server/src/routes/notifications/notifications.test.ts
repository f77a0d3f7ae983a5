import {
  InboxItem, InboxPage, InboxReadAll, NotificationChannel, NotificationChannelPage, NotificationDelivery,
  NotificationDeliveryPage, Problem, type Person, type Program,
} from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addChannel, addPerson, addProgram, enqueue, notice } from '../../notify/testing/notify-fixtures.js';
import { startTestApi, type TestApi } from '../../testing/harness.js';

let api: TestApi;
let amara: Person;
let ben: Person;
let claims: Program;
const SECRET_URL = 'https://hooks.slack.com/services/T0001/B0002/s3cr3tT0k3nV4lu3';
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  api = await startTestApi();
  amara = await addPerson(api, 'Amara Okafor', 'amara@example.com');
  ben = await addPerson(api, 'Ben Adler', 'ben@example.com');
  claims = await addProgram(api, 'Claims triage', 'CLAIMS');
});
afterAll(async () => { await api.close(); });

function expectProblem(res: { status: number; body: unknown }, status: number, path?: string): void {
  expect(res.status).toBe(status);
  const problem = Problem.parse(res.body);
  if (path !== undefined) expect(problem.errors?.map((e) => e.path)).toContain(path);
}

describe('notification channels', () => {
  it('adds a channel and never shows its webhook URL in full', async () => {
    const res = await api.call('POST', '/api/notification-channels', { kind: 'slack', name: '#ai-programs', webhookUrl: SECRET_URL });
    expect(res.status).toBe(201);
    expect(res.headers.get('etag')).toBe('"1"');
    const channel = NotificationChannel.parse(res.body);
    expect(channel).toMatchObject({ kind: 'slack', enabled: true, program: null, webhookUrlMasked: 'https://hooks.slack.com/…4lu3' });
    const listed = await api.call('GET', '/api/notification-channels');
    const fetched = await api.call('GET', `/api/notification-channels/${channel.id}`);
    for (const body of [res.body, listed.body, fetched.body]) expect(JSON.stringify(body)).not.toContain('s3cr3t');
    expect(NotificationChannelPage.parse(listed.body).items.map((c) => c.id)).toContain(channel.id);
  });

  it('limits a channel to a program and lists channels by program', async () => {
    const channel = await addChannel(api, { kind: 'teams', name: 'Claims team', webhookUrl: 'https://example.logic.azure.com/workflows/abc/triggers/manual', programId: claims.id });
    expect(channel.program).toEqual({ id: claims.id, key: 'CLAIMS', name: 'Claims triage' });
    const page = NotificationChannelPage.parse((await api.call('GET', `/api/notification-channels?program=${claims.id}`)).body);
    expect(page.items.map((c) => c.name)).toEqual(['Claims team']);
  });

  it.each([
    ['an unknown kind', { kind: 'discord', name: 'x', webhookUrl: SECRET_URL }, 'kind'],
    ['a URL that is not http(s)', { kind: 'slack', name: 'x', webhookUrl: 'ftp://hooks.example.com/x' }, 'webhookUrl'],
    ['no URL', { kind: 'slack', name: 'x' }, 'webhookUrl'],
    ['an empty name', { kind: 'slack', name: ' ', webhookUrl: SECRET_URL }, 'name'],
    ['an unknown field', { kind: 'slack', name: 'x', webhookUrl: SECRET_URL, secret: 'y' }, '(body)'],
  ])('refuses a channel with %s, naming the field', async (_label, body, path) => {
    expectProblem(await api.call('POST', '/api/notification-channels', body), 400, path);
  });

  it('answers 404 naming programId for a program of no workspace', async () => {
    expectProblem(await api.call('POST', '/api/notification-channels', { kind: 'slack', name: 'x', webhookUrl: SECRET_URL, programId: UNKNOWN }), 404, 'programId');
  });

  it('disables a channel with If-Match and refuses a stale version with 412, changing nothing', async () => {
    const channel = await addChannel(api, { kind: 'slack', name: '#ops', webhookUrl: 'https://hooks.slack.com/services/T1/B1/abcdefgh' });
    const ok = await api.call('PATCH', `/api/notification-channels/${channel.id}`, { enabled: false }, { 'if-match': '"1"' });
    expect(ok.status).toBe(200);
    expect(NotificationChannel.parse(ok.body)).toMatchObject({ enabled: false, version: 2 });
    const stale = await api.call('PATCH', `/api/notification-channels/${channel.id}`, { enabled: true, webhookUrl: SECRET_URL }, { 'if-match': '"1"' });
    expectProblem(stale, 412);
    const now = NotificationChannel.parse((await api.call('GET', `/api/notification-channels/${channel.id}`)).body);
    expect(now).toMatchObject({ enabled: false, version: 2, webhookUrlMasked: 'https://hooks.slack.com/…efgh' });
    expectProblem(await api.call('PATCH', `/api/notification-channels/${channel.id}`, {}), 400, '(body)');
    expectProblem(await api.call('PATCH', `/api/notification-channels/${UNKNOWN}`, { enabled: true }), 404);
  });
});

describe('the outbox', () => {
  it('lists deliveries filtered by channel and recipient, with attempts and next attempt', async () => {
    await enqueue(api, notice(api, amara, claims, { eventKey: 'esc:outbox:1:1' }), notice(api, ben, claims, { eventKey: 'esc:outbox:1:1' }));
    const toBen = NotificationDeliveryPage.parse((await api.call('GET', `/api/notifications?channel=email&recipient=${ben.id}`)).body).items;
    expect(toBen).toHaveLength(1);
    expect(toBen[0]).toMatchObject({
      channel: 'email', target: 'ben@example.com', recipient: { id: ben.id, name: 'Ben Adler' }, status: 'pending', attempts: 0,
      subject: 'CLAIMS-12 is 3 days overdue', idempotencyKey: `esc:outbox:1:1:${ben.id}:email`, sentAt: null,
      nextAttemptAt: api.clock.now().toISOString(),
    });
    const webhooks = NotificationDeliveryPage.parse((await api.call('GET', '/api/notifications?channel=teams')).body).items;
    expect(webhooks.map((d) => [d.channelName, d.recipient])).toEqual([['Claims team', null]]);
    expectProblem(await api.call('GET', '/api/notifications?status=lost'), 400, 'query.status');
  });

  it('pages through deliveries newest first', async () => {
    const all = NotificationDeliveryPage.parse((await api.call('GET', '/api/notifications?limit=200')).body).items;
    const first = NotificationDeliveryPage.parse((await api.call('GET', '/api/notifications?limit=2')).body);
    const second = NotificationDeliveryPage.parse((await api.call('GET', `/api/notifications?limit=200&cursor=${first.nextCursor}`)).body);
    expect([...first.items, ...second.items].map((d) => d.id)).toEqual(all.map((d) => d.id));
    expectProblem(await api.call('GET', '/api/notifications?cursor=garbage'), 400, 'cursor');
  });

  it('makes a waiting delivery due now on retry, and answers 404 for an unknown one', async () => {
    const [row] = NotificationDeliveryPage.parse((await api.call('GET', `/api/notifications?recipient=${amara.id}`)).body).items;
    api.clock.set('2026-11-25T10:00:00.000Z');
    const res = await api.call('POST', `/api/notifications/${row?.id}/retry`, {});
    expect(res.status).toBe(200);
    expect(NotificationDelivery.parse(res.body)).toMatchObject({ status: 'pending', attempts: 0, nextAttemptAt: '2026-11-25T10:00:00.000Z' });
    expectProblem(await api.call('POST', `/api/notifications/${UNKNOWN}/retry`, {}), 404);
    expectProblem(await api.call('POST', '/api/notifications/not-an-id/retry', {}), 400, 'path.id');
  });
});

describe('the inbox', () => {
  let carla: Person;
  beforeAll(async () => {
    carla = await addPerson(api, 'Carla Reyes', 'carla@example.com');
    for (const [i, who] of [[1, carla], [2, carla], [3, carla], [4, ben]] as const) {
      api.clock.set(`2026-11-2${i}T09:00:00.000Z`);
      await enqueue(api, notice(api, who, claims, { eventKey: `esc:inbox:${i}`, subject: `notice ${i}` }));
    }
  });

  it("lists a person's items newest first with the unread count", async () => {
    const page = InboxPage.parse((await api.call('GET', `/api/people/${carla.id}/inbox`)).body);
    expect(page.items.map((i) => i.subject)).toEqual(['notice 3', 'notice 2', 'notice 1']);
    expect(page.unreadCount).toBe(3);
    expect(page.items[0]).toMatchObject({ kind: 'escalation', link: '/constraints/CLAIMS-12', readAt: null, facts: { daysOverdue: 3, ref: 'CLAIMS-12' } });
    const first = InboxPage.parse((await api.call('GET', `/api/people/${carla.id}/inbox?limit=2`)).body);
    const rest = InboxPage.parse((await api.call('GET', `/api/people/${carla.id}/inbox?cursor=${first.nextCursor}`)).body);
    expect([...first.items, ...rest.items].map((i) => i.subject)).toEqual(['notice 3', 'notice 2', 'notice 1']);
  });

  it('marks an item read once, filters unread items, and keeps the first read time', async () => {
    const [newest] = InboxPage.parse((await api.call('GET', `/api/people/${carla.id}/inbox`)).body).items;
    api.clock.set('2026-11-25T12:00:00.000Z');
    const read = await api.call('POST', `/api/people/${carla.id}/inbox/${newest?.id}/read`, {});
    expect(InboxItem.parse(read.body).readAt).toBe('2026-11-25T12:00:00.000Z');
    api.clock.set('2026-11-25T13:00:00.000Z');
    const again = await api.call('POST', `/api/people/${carla.id}/inbox/${newest?.id}/read`, {});
    expect(InboxItem.parse(again.body).readAt).toBe('2026-11-25T12:00:00.000Z');
    const unread = InboxPage.parse((await api.call('GET', `/api/people/${carla.id}/inbox?unread=true`)).body);
    expect(unread.items.map((i) => i.subject)).toEqual(['notice 2', 'notice 1']);
    expect(unread.unreadCount).toBe(2);
    const readOnly = InboxPage.parse((await api.call('GET', `/api/people/${carla.id}/inbox?unread=false`)).body);
    expect(readOnly.items.map((i) => i.subject)).toEqual(['notice 3']);
  });

  it("answers 404 for another person's item and for an unknown person, changing nothing", async () => {
    const [bens] = InboxPage.parse((await api.call('GET', `/api/people/${ben.id}/inbox`)).body).items;
    expectProblem(await api.call('POST', `/api/people/${carla.id}/inbox/${bens?.id}/read`, {}), 404);
    expect(InboxPage.parse((await api.call('GET', `/api/people/${ben.id}/inbox`)).body).items[0]?.readAt).toBeNull();
    expectProblem(await api.call('GET', `/api/people/${UNKNOWN}/inbox`), 404);
    expectProblem(await api.call('POST', `/api/people/${carla.id}/inbox/not-an-id/read`, {}), 400, 'path.itemId');
  });

  it('marks every unread item read at once', async () => {
    const bensUnread = async () => InboxPage.parse((await api.call('GET', `/api/people/${ben.id}/inbox`)).body).unreadCount;
    const before = await bensUnread();
    const res = await api.call('POST', `/api/people/${carla.id}/inbox/read-all`, {});
    expect(InboxReadAll.parse(res.body)).toEqual({ marked: 2 });
    expect(InboxPage.parse((await api.call('GET', `/api/people/${carla.id}/inbox`)).body).unreadCount).toBe(0);
    expect(before).toBeGreaterThan(0);
    expect(await bensUnread()).toBe(before);
  });
});
