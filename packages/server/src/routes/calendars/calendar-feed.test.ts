import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCalendarsService } from '../../services/calendars.service.js';
import { startTestApi, type TestApi } from '../../testing/harness.js';
import {
  addConstraint, addFeed, addPerson, addProgram, dateOf, eventOf, fetchFeed, textOf, type ConstraintIds,
} from './calendar-fixtures.js';

// The clock stands at 2026-11-25 09:00 UTC in a UTC workspace: deadlines before 2026-11-25 are overdue.
let api: TestApi;
let owner: { id: string };
let other: { id: string };
let sponsor: { id: string };
let due: ConstraintIds;
let late: ConstraintIds;
let foreign: ConstraintIds;
let ownerFeedUrl: string;
let programFeedUrl: string;

beforeAll(async () => {
  api = await startTestApi();
  sponsor = await addPerson(api, 'Amara Okafor', 'amara@example.com');
  owner = await addPerson(api, 'Noor Haddad', 'noor@example.com');
  other = await addPerson(api, 'Lena Berg', 'lena@example.com');
  await addProgram(api, 'CLAIMS', sponsor.id);
  due = await addConstraint(api, 'CLAIMS', owner.id, '2026-12-15', { title: 'Model risk sign-off, with evidence; and \\ notes' });
  late = await addConstraint(api, 'CLAIMS', owner.id, '2026-11-20', { severity: 'critical', dependsOn: [] });
  foreign = await addConstraint(api, 'CLAIMS', other.id, '2026-12-01', { dependsOn: [due.id] });
  ownerFeedUrl = (await addFeed(api, 'people', owner.id)).url;
  programFeedUrl = (await addFeed(api, 'programs', 'CLAIMS')).url;
});
afterAll(async () => { await api.close(); });

describe('a person feed', () => {
  it('is an RFC 5545 calendar with a name and a refresh interval, served as text/calendar', async () => {
    const feed = await fetchFeed(api, ownerFeedUrl);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(feed.text).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\nPRODID:-\/\/Handoff\/\/Deadline calendar\/\/EN\r\n/);
    expect(feed.text).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n');
    expect(feed.text).toContain('X-PUBLISHED-TTL:PT1H\r\n');
    expect(feed.calendarName).toBe('Handoff: deadlines of Noor Haddad');
  });

  it('holds one all-day event per constraint the person owns, and none of anyone else', async () => {
    const feed = await fetchFeed(api, ownerFeedUrl);
    expect([...feed.events.keys()].sort()).toEqual([`constraint-${due.id}@handoff`, `constraint-${late.id}@handoff`].sort());
    const event = eventOf(feed, `constraint-${due.id}@handoff`);
    expect(event.datetype).toBe('date');
    expect(dateOf(event.start)).toBe('2026-12-15');
    expect(dateOf(event.end)).toBe('2026-12-16');
    expect(event.status).toBe('CONFIRMED');
    expect(event.transparency).toBe('TRANSPARENT');
    expect(textOf(event.summary)).toBe(`${due.ref} due: Model risk sign-off, with evidence; and \\ notes`);
    expect(textOf(event.url)).toBe(`http://localhost/api/constraints/${due.ref}`);
    expect(feed.events.has(`constraint-${foreign.id}@handoff`)).toBe(false);
  });

  it('describes owner, status, severity, what the constraint blocks and the link', async () => {
    const description = textOf(eventOf(await fetchFeed(api, ownerFeedUrl), `constraint-${due.id}@handoff`).description);
    expect(description.split('\n')).toEqual([
      'Owner: Noor Haddad <noor@example.com>',
      'Status: open',
      'Severity: high',
      `Blocks: the production-readiness gate of CLAIMS program (CLAIMS); ${foreign.ref} depends on it`,
      `http://localhost/api/constraints/${due.ref}`,
    ]);
  });

  it('marks an overdue deadline in the summary and says by how many days', async () => {
    const event = eventOf(await fetchFeed(api, ownerFeedUrl), `constraint-${late.id}@handoff`);
    expect(textOf(event.summary)).toBe(`[OVERDUE] ${late.ref} due: Blocker due 2026-11-20`);
    expect(textOf(event.description)).toContain('Overdue by 5 days');
  });

  it('folds every line at 75 octets, so long multi-byte titles survive', async () => {
    const long = await addConstraint(api, 'CLAIMS', owner.id, '2027-01-04', { title: `Überprüfung ${'é'.repeat(120)} done` });
    const feed = await fetchFeed(api, ownerFeedUrl);
    for (const line of feed.text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(textOf(eventOf(feed, `constraint-${long.id}@handoff`).summary)).toBe(`${long.ref} due: Überprüfung ${'é'.repeat(120)} done`);
  });
});

describe('feed generation', () => {
  it('takes two queries however many items the feed holds (no query per item)', async () => {
    const counter = await addPerson(api, 'Query Counter', 'counter@example.com');
    for (const day of ['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04']) await addConstraint(api, 'CLAIMS', counter.id, day);
    const { row, token } = await api.handoff.services.calendars.create(api.handoff.actor, 'person', counter.id, {});
    let queries = 0;
    const counting: KyselyPlugin = {
      transformQuery: (args) => args.node,
      // Called once per executed statement (transformQuery also runs for every nested builder).
      transformResult: (args) => { queries++; return Promise.resolve(args.result); },
    };
    const { deps } = api.handoff;
    const service = createCalendarsService({ ...deps, database: { ...deps.database, db: deps.database.db.withPlugin(counting) } });
    const content = await service.feed(token);
    expect(content.feed.id).toBe(row.id);
    expect(content.events).toHaveLength(4);
    expect(queries).toBe(2);
  });
});

describe('changes over time', () => {
  it('keeps the UID and raises SEQUENCE when the deadline moves, but not for other edits', async () => {
    const before = eventOf(await fetchFeed(api, programFeedUrl), `constraint-${foreign.id}@handoff`);
    expect(before.sequence).toBe(0);

    const moved = await api.call('PATCH', `/api/constraints/${foreign.ref}`, { deadline: '2026-12-08', reason: 'Vendor slipped a week' });
    expect(moved.status).toBe(200);
    const after = eventOf(await fetchFeed(api, programFeedUrl), `constraint-${foreign.id}@handoff`);
    expect(after.sequence).toBe(1);
    expect(dateOf(after.start)).toBe('2026-12-08');

    await api.call('PATCH', `/api/constraints/${foreign.ref}`, { title: 'Renamed' });
    const renamed = eventOf(await fetchFeed(api, programFeedUrl), `constraint-${foreign.id}@handoff`);
    expect(renamed.sequence).toBe(1);
    expect(textOf(renamed.summary)).toBe(`${foreign.ref} due: Renamed`);
  });

  it('drops a constraint from the feed once it is resolved', async () => {
    const gone = await addConstraint(api, 'CLAIMS', other.id, '2026-12-20');
    expect((await fetchFeed(api, programFeedUrl)).events.has(`constraint-${gone.id}@handoff`)).toBe(true);
    expect((await api.call('PATCH', `/api/constraints/${gone.ref}`, { status: 'resolved' })).status).toBe(200);
    expect((await fetchFeed(api, programFeedUrl)).events.has(`constraint-${gone.id}@handoff`)).toBe(false);
  });

  it('escapes a person name with separators and line breaks in the calendar name, adding no lines', async () => {
    const odd = await addPerson(api, 'Doe, Jane; \\ x\nBEGIN:VEVENT', 'jane@example.com');
    const feed = await fetchFeed(api, (await addFeed(api, 'people', odd.id)).url);
    expect(feed.text).toContain('X-WR-CALNAME:Handoff: deadlines of Doe\\, Jane\\; \\\\ x\\nBEGIN:VEVENT\r\n');
    expect(feed.text.split('\r\n').filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(0);
  });
});

describe('decisions in feeds', () => {
  async function addDecision(programKey: string, status: 'pending' | 'decided', dueDate: string): Promise<string> {
    const { db } = api.handoff.deps.database;
    const program = await db.selectFrom('programs').select(['id', 'workspace_id']).where('key', '=', programKey).executeTakeFirstOrThrow();
    const id = crypto.randomUUID();
    const now = api.clock.now();
    await db.insertInto('decisions').values({
      id, workspace_id: program.workspace_id, program_id: program.id, constraint_id: null, source: 'manual',
      title: `Go live with human review (${status})`, context: 'Pilot results are in.', options: JSON.stringify(['go', 'wait']),
      recommendation: 'Go live with a 10% sample reviewed', due_date: dueDate, status, created_at: now, updated_at: now,
    }).execute();
    return id;
  }

  it('shows pending decisions in the program feed, the sponsor feed and every board member feed, and nowhere else', async () => {
    const pending = await addDecision('CLAIMS', 'pending', '2026-12-03');
    const decided = await addDecision('CLAIMS', 'decided', '2026-12-04');
    const board = await addPerson(api, 'Board Chair', 'chair@example.com');
    await api.handoff.deps.database.db.updateTable('people').set({ board_member: true }).where('id', '=', board.id).execute();
    const uid = `decision-${pending}@handoff`;

    const program = await fetchFeed(api, programFeedUrl);
    const event = eventOf(program, uid);
    expect(dateOf(event.start)).toBe('2026-12-03');
    expect(textOf(event.summary)).toBe('CLAIMS decision due: Go live with human review (pending)');
    expect(textOf(event.description)).toContain('Recommendation: Go live with a 10% sample reviewed');
    expect(textOf(event.url)).toBe(`http://localhost/api/decisions/${pending}`);
    expect(program.events.has(`decision-${decided}@handoff`)).toBe(false);

    expect((await fetchFeed(api, (await addFeed(api, 'people', sponsor.id)).url)).events.has(uid)).toBe(true);
    expect((await fetchFeed(api, (await addFeed(api, 'people', board.id)).url)).events.has(uid)).toBe(true);
    expect((await fetchFeed(api, ownerFeedUrl)).events.has(uid)).toBe(false);
  });
});
