import { z } from '@hono/zod-openapi';
import { Id, longText, pageOf } from './common.js';

/** Whose deadlines a feed lists: one person's, or one program's. */
export const CalendarFeedScope = z.enum(['person', 'program']).openapi('CalendarFeedScope');
export type CalendarFeedScope = z.infer<typeof CalendarFeedScope>;

/** A calendar feed as listed: never its token or URL, which are shown once, at creation. */
export const CalendarFeed = z
  .object({
    id: Id,
    scope: CalendarFeedScope,
    subjectId: Id.openapi({ description: 'The person or the program whose deadlines the feed lists.' }),
    label: z.string().nullable().openapi({ example: "Amara's Outlook" }),
    createdAt: z.string(),
    revokedAt: z.string().nullable().openapi({ description: 'When the feed was revoked; its URL answers 404 from then on.' }),
    lastUsedAt: z.string().nullable().openapi({ description: 'When a calendar last fetched the feed.' }),
  })
  .openapi('CalendarFeed');
export type CalendarFeed = z.infer<typeof CalendarFeed>;

/** A feed just created, with its secret subscription URL: the only time the URL is shown. */
export const CreatedCalendarFeed = CalendarFeed.extend({
  url: z.url().openapi({
    description: 'The secret subscription URL (`…/calendar/<token>.ics`). Shown once: only a hash of the token is stored. ' +
      'Anyone with the URL can read the feed; revoke the feed if it leaks.',
    example: 'https://handoff.example.com/calendar/0dC9M2Qx1v1Zl6mJ6y3dFq3b7p0o5u8Xn2aW4kS9t1E.ics',
  }),
}).openapi('CreatedCalendarFeed');
export type CreatedCalendarFeed = z.infer<typeof CreatedCalendarFeed>;

export const CalendarFeedCreate = z
  .strictObject({
    label: longText(200).nullable().optional().openapi({ description: 'Where the feed is used, to recognise it in the list.', example: "Amara's Outlook" }),
  })
  .openapi('CalendarFeedCreate');
export type CalendarFeedCreate = z.infer<typeof CalendarFeedCreate>;

export const CalendarFeedPage = pageOf(CalendarFeed, 'CalendarFeedPage');
export type CalendarFeedPage = z.infer<typeof CalendarFeedPage>;

/** The media type of a feed (RFC 5545). */
export const ICALENDAR = 'text/calendar';
