import { systemActor } from '../../context.js';
import { CalendarFeed, CalendarFeedPage, CreatedCalendarFeed, Problem } from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import { startTestApi, type TestApi } from '../../testing/harness.js';
import { addConstraint, addFeed, addPerson, addProgram, fetchFeed } from './calendar-fixtures.js';

let api: TestApi;
beforeAll(async () => { api = await startTestApi(); });
afterAll(async () => { await api.close(); });

const FEED_URL = /^http:\/\/localhost\/calendar\/[A-Za-z0-9_-]{43}\.ics$/;

describe('creating and listing calendar feeds', () => {
  it('creates a person feed whose secret URL is shown once and never listed', async () => {
    const amara = await addPerson(api, 'Amara Okafor', 'amara@example.com');
    const feed = await addFeed(api, 'people', amara.id, "Amara's Outlook");
    expect(feed).toMatchObject({ scope: 'person', subjectId: amara.id, label: "Amara's Outlook", revokedAt: null, lastUsedAt: null });
    expect(feed.url).toMatch(FEED_URL);

    const res = await api.call('GET', `/api/people/${amara.id}/calendar-feeds`);
    expect(res.status).toBe(200);
    const page = CalendarFeedPage.parse(res.body);
    expect(page.items.map((f) => f.id)).toEqual([feed.id]);
    const token = new URL(feed.url).pathname.slice('/calendar/'.length, -'.ics'.length);
    expect(JSON.stringify(res.body)).not.toContain(token);
    expect(Object.keys(page.items[0] ?? {})).not.toContain('url');
  });

  it('creates a program feed by program key and gives each feed its own URL', async () => {
    await addProgram(api, 'CLAIMS');
    const first = await addFeed(api, 'programs', 'CLAIMS');
    api.clock.set('2026-11-25T09:05:00.000Z');
    const second = await addFeed(api, 'programs', 'claims', 'Team calendar');
    expect(first.scope).toBe('program');
    expect(first.url).not.toBe(second.url);
    const page = CalendarFeedPage.parse((await api.call('GET', '/api/programs/CLAIMS/calendar-feeds')).body);
    expect(page.items.map((f) => f.id)).toEqual([first.id, second.id]);
  });

  it('pages through the feeds of a subject with a cursor', async () => {
    const first = CalendarFeedPage.parse((await api.call('GET', '/api/programs/CLAIMS/calendar-feeds?limit=1')).body);
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).not.toBeNull();
    const second = CalendarFeedPage.parse((await api.call('GET', `/api/programs/CLAIMS/calendar-feeds?limit=1&cursor=${first.nextCursor}`)).body);
    expect(second.items).toHaveLength(1);
    expect(second.items[0]?.id).not.toBe(first.items[0]?.id);
    expect(second.nextCursor).toBeNull();
  });

  it('answers 404 for a feed of an unknown person or program, and 400 naming an unknown field', async () => {
    const person = await api.call('POST', '/api/people/00000000-0000-4000-8000-000000000000/calendar-feeds', {});
    expect(person.status).toBe(404);
    expect((await api.call('POST', '/api/programs/NOPE/calendar-feeds', {})).status).toBe(404);
    expect((await api.call('GET', '/api/programs/NOPE/calendar-feeds')).status).toBe(404);
    const bad = await api.call('POST', '/api/programs/CLAIMS/calendar-feeds', { label: 'x', color: 'red' });
    expect(bad.status).toBe(400);
    expect(Problem.parse(bad.body).errors?.map((e) => e.path)).toContain('(body)');
  });

  it('records when a calendar last fetched the feed', async () => {
    const ben = await addPerson(api, 'Ben Adeyemi', 'ben@example.com');
    const feed = await addFeed(api, 'people', ben.id);
    api.clock.set('2026-11-26T07:30:00.000Z');
    expect((await fetchFeed(api, feed.url)).status).toBe(200);
    const page = CalendarFeedPage.parse((await api.call('GET', `/api/people/${ben.id}/calendar-feeds`)).body);
    expect(page.items[0]?.lastUsedAt).toBe('2026-11-26T07:30:00.000Z');
  });
});

describe('revoking a feed', () => {
  it('makes its URL answer 404 and keeps the first revocation time when revoked again', async () => {
    const cara = await addPerson(api, 'Cara Lind', 'cara@example.com');
    await addProgram(api, 'KYC');
    await addConstraint(api, 'KYC', cara.id, '2026-12-10');
    const feed = await addFeed(api, 'people', cara.id);
    expect((await fetchFeed(api, feed.url)).status).toBe(200);

    api.clock.set('2026-11-27T10:00:00.000Z');
    const res = await api.call('POST', `/api/calendar-feeds/${feed.id}/revoke`, {});
    expect(res.status).toBe(200);
    expect(CalendarFeed.parse(res.body).revokedAt).toBe('2026-11-27T10:00:00.000Z');

    const gone = await fetchFeed(api, feed.url);
    expect(gone.status).toBe(404);
    expect(gone.headers.get('content-type')).toContain('application/problem+json');

    api.clock.set('2026-11-28T10:00:00.000Z');
    const again = await api.call('POST', `/api/calendar-feeds/${feed.id}/revoke`, {});
    expect(CalendarFeed.parse(again.body).revokedAt).toBe('2026-11-27T10:00:00.000Z');
  });

  it('answers 404 for an unknown feed id, an unknown token and a malformed token', async () => {
    expect((await api.call('POST', '/api/calendar-feeds/00000000-0000-4000-8000-000000000000/revoke', {})).status).toBe(404);
    expect((await fetchFeed(api, `http://localhost/calendar/${'A'.repeat(43)}.ics`)).status).toBe(404);
    expect((await fetchFeed(api, 'http://localhost/calendar/short.ics')).status).toBe(404);
    expect((await fetchFeed(api, 'http://localhost/calendar/has.dot.ics')).status).toBe(404);
  });
});

describe('workspace isolation', () => {
  it('neither revokes nor lists a feed of another workspace, whose URL keeps working', async () => {
    const { db } = api.handoff.deps.database;
    const otherId = '11111111-1111-4111-8111-111111111111';
    const now = api.clock.now();
    await db.insertInto('workspaces').values({ id: otherId, slug: 'other', name: 'Other', time_zone: 'UTC', created_at: now, updated_at: now }).execute();
    const actor = systemActor({ id: otherId, time_zone: 'UTC' }, 'test');
    const stranger = await api.handoff.services.people.create(actor, { name: 'Stranger', email: 'stranger@example.com' });
    const { row, token } = await api.handoff.services.calendars.create(actor, 'person', stranger.id, {});

    expect((await api.call('POST', `/api/calendar-feeds/${row.id}/revoke`, {})).status).toBe(404);
    expect((await api.call('GET', `/api/people/${stranger.id}/calendar-feeds`)).status).toBe(404);
    expect((await api.call('POST', `/api/people/${stranger.id}/calendar-feeds`, {})).status).toBe(404);
    expect((await fetchFeed(api, `http://localhost/calendar/${token}.ics`)).status).toBe(200);
  });
});

describe('the public URL', () => {
  it('builds subscription URLs from the configured public URL (HANDOFF_PUBLIC_URL) instead of the request origin', async () => {
    const deps = { ...api.handoff.deps, notify: { publicUrl: 'https://handoff.example.com/' } };
    const local = { secret: 'local-secret', label: 'test', workspace: async () => api.handoff.workspace };
    const { app } = createApp(deps, { local });
    const dana = await addPerson(api, 'Dana Voss', 'dana@example.com');
    const res = await app.request(`/api/people/${dana.id}/calendar-feeds`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Local local-secret' }, body: '{}' });
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(CreatedCalendarFeed.parse(await res.json()).url).toMatch(/^https:\/\/handoff\.example\.com\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  });
});
