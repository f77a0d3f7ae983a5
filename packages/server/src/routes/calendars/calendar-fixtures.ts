import { CreatedCalendarFeed, Person, Program } from '@handoff/contract';
import ical, { type VEvent } from 'node-ical';
import { expect } from 'vitest';
import { z } from 'zod';
import type { TestApi } from '../../testing/harness.js';

/** Test helpers for calendar feeds: people, programs and constraints through the API, and feeds parsed by a real iCalendar parser. */

async function created<T>(api: TestApi, path: string, body: unknown, schema: z.ZodType<T>): Promise<T> {
  const res = await api.call('POST', path, body);
  if (res.status !== 201) throw new Error(`POST ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return schema.parse(res.body);
}

export function addPerson(api: TestApi, name: string, email: string): Promise<Person> {
  return created(api, '/api/people', { name, email }, Person);
}

export function addProgram(api: TestApi, key: string, sponsorId: string | null = null): Promise<Program> {
  return created(api, '/api/programs', { name: `${key} program`, key, phase: 'pilot', sponsorId }, Program);
}

/** Just the parts of a constraint these tests use (the full schema is the constraints tests' business). */
const ConstraintIds = z.object({ id: z.string(), ref: z.string() });
export type ConstraintIds = z.infer<typeof ConstraintIds>;

export function addConstraint(
  api: TestApi, programKey: string, ownerId: string, deadline: string, more: Record<string, unknown> = {},
): Promise<ConstraintIds> {
  const body = { title: `Blocker due ${deadline}`, kind: 'blocker', dimension: 'governance', ownerId, deadline, severity: 'high', ...more };
  return created(api, `/api/programs/${programKey}/constraints`, body, ConstraintIds);
}

/** Creates a feed of a person (`people`) or program (`programs`) and returns it with its URL. */
export function addFeed(api: TestApi, collection: 'people' | 'programs', id: string, label?: string): Promise<CreatedCalendarFeed> {
  return created(api, `/api/${collection}/${id}/calendar-feeds`, label === undefined ? {} : { label }, CreatedCalendarFeed);
}

/** A fetched feed: the raw response and the VEVENTs node-ical found in it, keyed by UID. */
export interface FetchedFeed {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly events: Map<string, VEvent>;
  readonly calendarName: string | undefined;
}

/** GETs a feed URL through the app (not /api: no actor, no JSON) and parses it with node-ical. */
export async function fetchFeed(api: TestApi, url: string): Promise<FetchedFeed> {
  const res = await api.handoff.app.request(new URL(url).pathname);
  const text = await res.text();
  if (res.status !== 200) return { status: res.status, headers: res.headers, text, events: new Map(), calendarName: undefined };
  const parsed = ical.sync.parseICS(text);
  const events = new Map<string, VEvent>();
  for (const component of Object.values(parsed)) {
    if (component?.type === 'VEVENT') events.set(component.uid, component);
  }
  const name = parsed.vcalendar?.['WR-CALNAME'];
  return { status: res.status, headers: res.headers, text, events, calendarName: typeof name === 'string' ? name : undefined };
}

/** The event with this UID, failing the test when it is missing. */
export function eventOf(feed: FetchedFeed, uid: string): VEvent {
  const event = feed.events.get(uid);
  expect(event, `event ${uid} in the feed`).toBeDefined();
  if (!event) throw new Error(`no event ${uid}`);
  return event;
}

/** A property value as text, whether node-ical gave it bare or with parameters. */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  const withParams = z.object({ val: z.string() }).safeParse(value);
  return withParams.success ? withParams.data.val : '';
}

/** The civil date of an all-day DTSTART/DTEND (node-ical gives local midnight of the date, flagged dateOnly). */
export function dateOf(value: Date & { dateOnly?: true } | undefined): string {
  expect(value?.dateOnly).toBe(true);
  if (!value) return '';
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
}
