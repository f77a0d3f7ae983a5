import type { Insertable, Kysely, Selectable } from 'kysely';
import type { DB, InboxItemsTable } from '../schema.js';

export type InboxItemRow = Selectable<InboxItemsTable>;

/** Adds an inbox item unless one with the same notification key exists (enqueuing is idempotent). */
export async function insertInboxItem(db: Kysely<DB>, row: Insertable<InboxItemsTable>): Promise<void> {
  await db.insertInto('inbox_items').values(row).onConflict((oc) => oc.column('notification_key').doNothing()).execute();
}

export interface InboxFilter {
  /** true: only unread items; false: only read ones; absent: all. */
  unread?: boolean;
  /** Created-at and id of the last item of the previous page. */
  after?: readonly [Date, string];
  limit: number;
}

/** A person's inbox, newest first (keyset pagination on created_at, id). */
export function listInbox(db: Kysely<DB>, workspaceId: string, personId: string, f: InboxFilter): Promise<InboxItemRow[]> {
  let q = db.selectFrom('inbox_items').selectAll().where('workspace_id', '=', workspaceId).where('person_id', '=', personId);
  if (f.unread !== undefined) q = q.where('read_at', f.unread ? 'is' : 'is not', null);
  if (f.after) {
    const [createdAt, id] = f.after;
    q = q.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(createdAt, id)));
  }
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
}

export async function countUnread(db: Kysely<DB>, workspaceId: string, personId: string): Promise<number> {
  const row = await db
    .selectFrom('inbox_items')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('person_id', '=', personId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Marks one item of the person read and returns it; an item already read keeps its first read time.
 * Undefined when the person has no such item (another person's item is not found either).
 */
export function markInboxItemRead(db: Kysely<DB>, workspaceId: string, personId: string, id: string, at: Date): Promise<InboxItemRow | undefined> {
  return db
    .updateTable('inbox_items')
    .set((eb) => ({ read_at: eb.fn.coalesce('read_at', eb.val(at)) }))
    .where('workspace_id', '=', workspaceId)
    .where('person_id', '=', personId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/** Marks every unread item of the person read; returns how many changed. */
export async function markAllInboxItemsRead(db: Kysely<DB>, workspaceId: string, personId: string, at: Date): Promise<number> {
  const result = await db
    .updateTable('inbox_items')
    .set({ read_at: at })
    .where('workspace_id', '=', workspaceId)
    .where('person_id', '=', personId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
