import type { CalendarFeed, CreatedCalendarFeed } from '@handoff/contract';
import { storedSubject, type CalendarFeedRow } from '../../db/repos/calendar-feeds.repo.js';

/** Maps a stored feed to its API shape: never the token hash. */
export function presentCalendarFeed(row: CalendarFeedRow): CalendarFeed {
  const subject = storedSubject(row);
  return {
    id: row.id,
    scope: subject.scope,
    subjectId: subject.scope === 'person' ? subject.personId : subject.programId,
    label: row.label,
    createdAt: row.created_at.toISOString(),
    revokedAt: row.revoked_at ? row.revoked_at.toISOString() : null,
    lastUsedAt: row.last_used_at ? row.last_used_at.toISOString() : null,
  };
}

/** A feed just created, with its subscription URL under `publicUrl` (no trailing slash). */
export function presentCreatedFeed(row: CalendarFeedRow, token: string, publicUrl: string): CreatedCalendarFeed {
  return { ...presentCalendarFeed(row), url: feedUrl(publicUrl, token) };
}

/** The subscription URL of a token. */
export function feedUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/calendar/${token}.ics`;
}
