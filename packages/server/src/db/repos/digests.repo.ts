import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.js';

/** Claims the digest of one person for one week; false when it was already sent (by any process). */
export async function claimDigest(db: Kysely<DB>, row: { workspace_id: string; person_id: string; week_start: string; sent_at: Date }): Promise<boolean> {
  const inserted = await db.insertInto('digests').values(row).onConflict((oc) => oc.columns(['person_id', 'week_start']).doNothing()).returning('person_id').executeTakeFirst();
  return inserted !== undefined;
}

/** Active constraints of a workspace with their owner, for everyone's "owned" list (one query). */
export function activeOwned(db: Kysely<DB>, workspaceId: string) {
  return db
    .selectFrom('constraints as c')
    .innerJoin('programs as p', 'p.id', 'c.program_id')
    .select(['c.owner_id', sql<string>`p.key || '-' || c.number`.as('ref'), 'c.title', 'c.deadline'])
    .where('c.workspace_id', '=', workspaceId)
    .where('c.status', 'in', ['open', 'in_progress'])
    .execute();
}

/** Levels fired in the current cycle of still-active constraints, one row per recipient, oldest first (one query). */
export function activeEscalationRecipients(db: Kysely<DB>, workspaceId: string) {
  return db
    .selectFrom('escalation_events as ev')
    .innerJoin('constraints as c', 'c.id', 'ev.constraint_id')
    .innerJoin('programs as p', 'p.id', 'c.program_id')
    .innerJoin('people as o', 'o.id', 'c.owner_id')
    .innerJoin('constraint_escalations as e', (join) => join.onRef('e.constraint_id', '=', 'ev.constraint_id').onRef('e.cycle', '=', 'ev.cycle'))
    .innerJoin(sql<{ recipient: string }>`lateral (select unnest(ev.recipients)::text as recipient)`.as('r'), (join) => join.onTrue())
    .select(['r.recipient', sql<string>`p.key || '-' || c.number`.as('ref'), 'c.title', 'c.deadline', 'ev.level_name', 'o.name as owner_name', 'c.owner_id'])
    .where('ev.workspace_id', '=', workspaceId)
    .where('ev.kind', '=', 'notified')
    .where('c.status', 'in', ['open', 'in_progress'])
    .orderBy('ev.fired_at')
    .execute();
}

/** Pending decisions with the sponsor of their program (board members get all of them). */
export function pendingDecisions(db: Kysely<DB>, workspaceId: string) {
  return db
    .selectFrom('decisions as d')
    .innerJoin('programs as p', 'p.id', 'd.program_id')
    .select(['d.title', 'd.due_date', 'p.sponsor_id'])
    .where('d.workspace_id', '=', workspaceId)
    .where('d.status', '=', 'pending')
    .orderBy('d.due_date')
    .execute();
}
