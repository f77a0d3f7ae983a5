import { createHash, randomBytes } from 'node:crypto';
import { localDate } from '@handoff/core';
import type { CalendarFeedCreate, CalendarFeedScope, PageQuery } from '@handoff/contract';
import type { z } from 'zod';
import type { Actor, Deps } from '../context.js';
import { HandoffError, notFound } from '../errors.js';
import { decodeCursor, pageFrom } from '../db/paging.js';
import {
  insertCalendarFeed, listCalendarFeeds, listFeedEvents, revokeCalendarFeed, storedSubject, useCalendarFeed,
  type CalendarFeedRow, type FeedEventRow, type FeedInUse, type FeedSubject,
} from '../db/repos/calendar-feeds.repo.js';
import { findPerson } from '../db/repos/people.repo.js';
import { findProgram, isUuid } from '../db/repos/programs.repo.js';
import { inTransaction } from './transaction.js';

/** A token is 32 random bytes, base64url without padding: 43 characters. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** What a feed shows when fetched: its subject, its dated items, and the workspace-local date they are judged against. */
export interface FeedContent {
  readonly feed: FeedInUse;
  readonly events: readonly FeedEventRow[];
  /** Today in the workspace's time zone (YYYY-MM-DD): items due before it are overdue. */
  readonly today: string;
  readonly generatedAt: Date;
}

export interface CalendarsServiceOptions {
  /** New secret tokens; 32 random bytes, base64url, unless replaced. */
  readonly newToken?: () => string;
}

/** SHA-256 of a token, lower-case hex: the only form in which a token is stored or looked up. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Calendar feeds: secret, revocable iCalendar URLs of a person's or a program's deadlines. The token
 * exists in clear only in the answer to the create call.
 */
export function createCalendarsService(deps: Deps, options: CalendarsServiceOptions = {}) {
  const { db } = deps.database;
  const newToken = options.newToken ?? (() => randomBytes(32).toString('base64url'));

  /** The subject named in the path (person id; program id or key), or 404. */
  async function subjectOf(trx: typeof db, actor: Actor, scope: CalendarFeedScope, idOrKey: string): Promise<FeedSubject> {
    if (scope === 'person') {
      const person = isUuid(idOrKey) ? await findPerson(trx, actor.workspaceId, idOrKey) : undefined;
      if (!person) throw notFound('person', idOrKey);
      return { scope, personId: person.id };
    }
    const program = await findProgram(trx, actor.workspaceId, idOrKey);
    if (!program) throw notFound('program', idOrKey);
    return { scope, programId: program.id };
  }

  return {
    async create(actor: Actor, scope: CalendarFeedScope, idOrKey: string, input: CalendarFeedCreate): Promise<{ row: CalendarFeedRow; token: string }> {
      return inTransaction(db, async (trx) => {
        const subject = await subjectOf(trx, actor, scope, idOrKey);
        const token = newToken();
        const row = await insertCalendarFeed(trx, {
          id: deps.newId(),
          workspace_id: actor.workspaceId,
          scope,
          person_id: subject.scope === 'person' ? subject.personId : null,
          program_id: subject.scope === 'program' ? subject.programId : null,
          token_hash: hashToken(token),
          label: input.label ?? null,
          created_at: deps.clock.now(),
        });
        return { row, token };
      });
    },

    async list(actor: Actor, scope: CalendarFeedScope, idOrKey: string, page: z.infer<typeof PageQuery>): Promise<{ rows: CalendarFeedRow[]; nextCursor: string | null }> {
      const subject = await subjectOf(db, actor, scope, idOrKey);
      const after = page.cursor ? decodeCursor(page.cursor, 2) : undefined;
      const rows = await listCalendarFeeds(db, actor.workspaceId, subject, {
        ...(after ? { after: [String(after[0]), String(after[1])] as const } : {}),
        limit: page.limit + 1,
      });
      return pageFrom(rows, page.limit, (r) => [r.created_at.toISOString(), r.id]);
    },

    async revoke(actor: Actor, id: string): Promise<CalendarFeedRow> {
      const row = await inTransaction(db, (trx) => revokeCalendarFeed(trx, actor.workspaceId, id, deps.clock.now()));
      if (!row) throw notFound('calendar feed', id);
      return row;
    },

    /**
     * The content of the feed behind a token, recording the fetch. Unknown, malformed and revoked
     * tokens are all the same 404, so the answer tells nothing about which tokens exist.
     */
    async feed(token: string): Promise<FeedContent> {
      const now = deps.clock.now();
      // One statement finds the feed and records the fetch (atomic on its own: no explicit transaction).
      const feed = TOKEN.test(token) ? await useCalendarFeed(db, hashToken(token), now) : undefined;
      if (!feed) throw new HandoffError('not-found', 'there is no calendar feed at this address; it may have been revoked');
      const events = await listFeedEvents(db, feed.workspace_id, storedSubject(feed));
      return { feed, events, today: localDate(now, feed.time_zone), generatedAt: now };
    },
  };
}
