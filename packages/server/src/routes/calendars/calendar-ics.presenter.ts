import { addDays, daysOverdue, isOverdue } from '@handoff/core';
import ical, { ICalEventStatus, ICalEventTransparency } from 'ical-generator';
import type { FeedEventRow, FeedInUse } from '../../db/repos/calendar-feeds.repo.js';
import type { FeedContent } from '../../services/calendars.service.js';

/** How often calendar applications are asked to poll (REFRESH-INTERVAL, X-PUBLISHED-TTL), in seconds. */
const REFRESH_SECONDS = 3600;

/**
 * Renders a feed as an RFC 5545 calendar: one all-day event per item (DTSTART;VALUE=DATE on the due
 * date, DTEND the next day), UIDs stable across fetches, SEQUENCE from the item's history.
 * `publicUrl` (no trailing slash) prefixes the links.
 */
export function renderCalendar(content: FeedContent, publicUrl: string): string {
  const calendar = ical({
    prodId: { company: 'Handoff', product: 'Deadline calendar', language: 'EN' },
    // ical-generator writes the calendar name and description verbatim (unlike event texts), so they are escaped here.
    name: escapeText(calendarName(content.feed)),
    description: escapeText('Constraint deadlines and decision due dates from Handoff; read-only, refreshed from the server.'),
    ttl: REFRESH_SECONDS,
  });
  for (const event of content.events) {
    const overdue = isOverdue(event.due, content.today);
    calendar.createEvent({
      id: `${event.kind}-${event.id}@handoff`,
      sequence: event.sequence,
      stamp: content.generatedAt,
      allDay: true,
      // Midnight UTC of the civil date: ical-generator writes all-day dates from the UTC calendar day.
      start: new Date(`${event.due}T00:00:00Z`),
      end: new Date(`${addDays(event.due, 1)}T00:00:00Z`),
      summary: `${overdue ? '[OVERDUE] ' : ''}${summaryOf(event)}`,
      description: descriptionOf(event, content.today, linkOf(event, publicUrl)),
      url: linkOf(event, publicUrl),
      status: ICalEventStatus.CONFIRMED,
      // A deadline is a date to watch, not time taken: it must not show the day as busy.
      transparency: ICalEventTransparency.TRANSPARENT,
    });
  }
  return calendar.toString();
}

function calendarName(feed: FeedInUse): string {
  if (feed.person_name !== null) return `Handoff: deadlines of ${feed.person_name}`;
  if (feed.program_key !== null) return `Handoff: ${feed.program_name ?? ''} (${feed.program_key}) deadlines`;
  return 'Handoff: deadlines';
}

function summaryOf(event: FeedEventRow): string {
  return event.kind === 'constraint'
    ? `${event.ref ?? event.program_key} due: ${event.title}`
    : `${event.program_key} decision due: ${event.title}`;
}

function linkOf(event: FeedEventRow, publicUrl: string): string {
  return event.kind === 'constraint'
    ? `${publicUrl}/api/constraints/${event.ref ?? event.id}`
    : `${publicUrl}/api/decisions/${event.id}`;
}

function descriptionOf(event: FeedEventRow, today: string, link: string): string {
  const late = daysOverdue(event.due, today);
  const lines = event.kind === 'constraint'
    ? [
        `Owner: ${event.owner_name ?? 'nobody'}${event.owner_email ? ` <${event.owner_email}>` : ''}`,
        `Status: ${words(event.status)}`,
        `Severity: ${event.severity ?? 'unknown'}`,
        `Blocks: the ${event.blocks_gate ?? 'next'} gate of ${event.program_name} (${event.program_key})` +
          (event.blocks.length > 0 ? `; ${event.blocks.join(', ')} ${event.blocks.length === 1 ? 'depends' : 'depend'} on it` : ''),
      ]
    : [
        `Decision for ${event.program_name} (${event.program_key})${event.ref ? ` about ${event.ref}` : ''}`,
        `Sponsor: ${event.sponsor_name ?? 'none named'}`,
        `Status: ${words(event.status)}`,
        `Recommendation: ${event.recommendation ?? ''}`,
      ];
  if (late > 0) lines.push(`Overdue by ${late} day${late === 1 ? '' : 's'}`);
  lines.push(link);
  return lines.join('\n');
}

function words(code: string): string {
  return code.replace(/_/g, ' ');
}

/** RFC 5545 TEXT escaping (§3.3.11): backslash, semicolon, comma, and line breaks as `\n`. */
export function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}
