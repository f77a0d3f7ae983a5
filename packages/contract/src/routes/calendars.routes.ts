import { createRoute, z } from '@hono/zod-openapi';
import { IdParams, json, jsonBody } from './shared.js';
import { CalendarFeed, CalendarFeedCreate, CalendarFeedPage, CreatedCalendarFeed, ICALENDAR } from '../schemas/calendars.js';
import { Id, PageQuery } from '../schemas/common.js';
import { problems } from '../schemas/problem.js';

const created = json(CreatedCalendarFeed, 'Created. `url` is shown this once; store it in the calendar application now.');
const CONTENTS =
  'The feed lists, as all-day events, the deadline of every open or in-progress constraint and the due date of every pending decision ' +
  'in its scope; resolved or accepted constraints and decided or withdrawn decisions drop out of it.';

export const createPersonCalendarFeed = createRoute({
  method: 'post',
  path: '/api/people/{id}/calendar-feeds',
  tags: ['Calendars'],
  summary: "Create a secret iCalendar feed URL of a person's deadlines (for Outlook, Google Calendar, Apple Calendar)",
  description: `${CONTENTS} A person's feed holds the constraints they own and the pending decisions of the programs they sponsor ` +
    '(a board member: every pending decision of the workspace). Send `{}` when no label is wanted.',
  request: { params: IdParams, body: jsonBody(CalendarFeedCreate) },
  responses: { 201: created, ...problems(400, 404, 413, 415) },
});

export const listPersonCalendarFeeds = createRoute({
  method: 'get',
  path: '/api/people/{id}/calendar-feeds',
  tags: ['Calendars'],
  summary: "A person's calendar feeds, oldest first, revoked ones included (never their URLs)",
  request: { params: IdParams, query: PageQuery },
  responses: { 200: json(CalendarFeedPage, 'A page of feeds.'), ...problems(400, 404) },
});

export const createProgramCalendarFeed = createRoute({
  method: 'post',
  path: '/api/programs/{id}/calendar-feeds',
  tags: ['Calendars'],
  summary: "Create a secret iCalendar feed URL of a program's deadlines and decision due dates",
  description: `${CONTENTS} Send \`{}\` when no label is wanted.`,
  request: { params: IdParams, body: jsonBody(CalendarFeedCreate) },
  responses: { 201: created, ...problems(400, 404, 413, 415) },
});

export const listProgramCalendarFeeds = createRoute({
  method: 'get',
  path: '/api/programs/{id}/calendar-feeds',
  tags: ['Calendars'],
  summary: "A program's calendar feeds, oldest first, revoked ones included (never their URLs)",
  request: { params: IdParams, query: PageQuery },
  responses: { 200: json(CalendarFeedPage, 'A page of feeds.'), ...problems(400, 404) },
});

export const revokeCalendarFeed = createRoute({
  method: 'post',
  path: '/api/calendar-feeds/{id}/revoke',
  tags: ['Calendars'],
  summary: 'Revoke a calendar feed: its URL answers 404 from now on (revoking twice keeps the first time)',
  description: 'No body is needed; like every POST it is sent as `application/json` (`{}`).',
  request: { params: z.object({ id: Id.openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: { 200: json(CalendarFeed, 'Revoked.'), ...problems(400, 404, 415) },
});

/** Documented here, served outside `/api`: the secret URL is the only credential, as calendar applications require. */
export const getCalendarFeed = createRoute({
  method: 'get',
  path: '/calendar/{token}.ics',
  tags: ['Calendars'],
  summary: 'The iCalendar (RFC 5545) feed behind a secret URL, for calendar applications to subscribe to',
  description: `${CONTENTS} Each event keeps its UID across fetches and raises its SEQUENCE when a deadline moves, so a calendar ` +
    'shows a moved deadline as an update. Unknown and revoked tokens answer 404.',
  request: { params: z.object({ token: z.string().openapi({ param: { name: 'token', in: 'path' }, description: 'The secret token of the feed URL.' }) }) },
  responses: {
    200: { description: 'The feed.', content: { [`${ICALENDAR}; charset=utf-8`]: { schema: z.string() } } },
    ...problems(404),
  },
});
