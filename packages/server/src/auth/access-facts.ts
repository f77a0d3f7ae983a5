import { FACTS_NEEDED, NO_ACCESS_FACTS, type AccessFacts } from '@handoff/core';
import type { RouteAccess } from '@handoff/contract';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import {
  calendarFeedPerson, constraintOf, escalatedTo, programAccessFacts, programOf, programOfChild,
} from '../db/repos/access.repo.js';


/**
 * Reads the facts a route's access rule needs about the caller's person and the route's resource (its
 * `{id}`, or the body's `programId`). A resource that does not exist gives no facts: the rule then decides
 * as for a stranger, and a caller allowed anyway gets the route's own 404.
 */
export async function accessFacts(
  db: Kysely<DB>, workspaceId: string, personId: string | null, access: RouteAccess, params: Readonly<Record<string, string>>, body: () => Promise<unknown>,
): Promise<AccessFacts> {
  const needed = FACTS_NEEDED[access.rule];
  if (needed.length === 0 || personId === null || access.resource === undefined) return NO_ACCESS_FACTS;
  const id = params.id ?? '';
  const facts: { -readonly [K in keyof AccessFacts]: AccessFacts[K] } = { ...NO_ACCESS_FACTS };
  let programId: string | null = null;
  switch (access.resource) {
    case 'person':
      facts.self = id === personId;
      return facts;
    case 'calendar-feed':
      facts.self = (await calendarFeedPerson(db, workspaceId, id)) === personId;
      return facts;
    case 'program':
      programId = await programOf(db, workspaceId, id);
      break;
    case 'body-program': {
      const parsed = await body();
      const value = typeof parsed === 'object' && parsed !== null && 'programId' in parsed ? parsed.programId : undefined;
      programId = typeof value === 'string' ? await programOf(db, workspaceId, value) : null;
      break;
    }
    case 'constraint': {
      const c = await constraintOf(db, workspaceId, id);
      if (!c) return facts;
      programId = c.programId;
      facts.ownsConstraint = c.ownerId === personId;
      if (needed.includes('escalatedTo')) facts.escalatedTo = await escalatedTo(db, workspaceId, c.id, personId);
      break;
    }
    case 'monitor':
      programId = await programOfChild(db, workspaceId, 'monitors', id);
      break;
    case 'cost-item':
      programId = await programOfChild(db, workspaceId, 'cost_items', id);
      break;
    case 'review':
      programId = await programOfChild(db, workspaceId, 'reviews', id);
      break;
  }
  if (programId !== null && (needed.includes('leads') || needed.includes('member'))) {
    Object.assign(facts, await programAccessFacts(db, workspaceId, programId, personId));
  }
  return facts;
}
