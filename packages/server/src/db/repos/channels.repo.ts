import type { Insertable, Kysely, Selectable } from 'kysely';
import type { DB, NotificationChannelsTable } from '../schema.js';

export type ChannelRow = Selectable<NotificationChannelsTable>;

/** A channel with the key and name of its program (null for workspace-wide channels). */
export interface ChannelView extends ChannelRow {
  program_key: string | null;
  program_name: string | null;
}

function views(db: Kysely<DB>, workspaceId: string) {
  return db
    .selectFrom('notification_channels as c')
    .leftJoin('programs as p', 'p.id', 'c.program_id')
    .selectAll('c')
    .select(['p.key as program_key', 'p.name as program_name'])
    .where('c.workspace_id', '=', workspaceId);
}

export function insertChannel(db: Kysely<DB>, row: Insertable<NotificationChannelsTable>): Promise<ChannelRow> {
  return db.insertInto('notification_channels').values(row).returningAll().executeTakeFirstOrThrow();
}

export function findChannelView(db: Kysely<DB>, workspaceId: string, id: string): Promise<ChannelView | undefined> {
  return views(db, workspaceId).where('c.id', '=', id).executeTakeFirst();
}

/** A channel of the workspace; `forUpdate` locks it for the rest of the transaction. */
export function findChannel(db: Kysely<DB>, workspaceId: string, id: string, forUpdate = false): Promise<ChannelRow | undefined> {
  let q = db.selectFrom('notification_channels').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** A channel by id in any workspace: the dispatcher reads the webhook URL at send time. */
export function findChannelForDelivery(db: Kysely<DB>, id: string): Promise<ChannelRow | undefined> {
  return db.selectFrom('notification_channels').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface ChannelFilter {
  programId?: string;
  after?: readonly [string, string];
  limit: number;
}

/** Channels by name then id (keyset pagination). */
export function listChannelViews(db: Kysely<DB>, workspaceId: string, f: ChannelFilter): Promise<ChannelView[]> {
  let q = views(db, workspaceId);
  if (f.programId) q = q.where('c.program_id', '=', f.programId);
  if (f.after) {
    const [name, id] = f.after;
    q = q.where((eb) => eb(eb.refTuple('c.name', 'c.id'), '>', eb.tuple(name, id)));
  }
  return q.orderBy('c.name').orderBy('c.id').limit(f.limit).execute();
}

/**
 * The enabled channels an event of `programId` goes to: the workspace-wide ones and the program's own
 * (only the workspace-wide ones when `programId` is null), in a stable order.
 */
export function channelsForEvent(db: Kysely<DB>, workspaceId: string, programId: string | null): Promise<ChannelRow[]> {
  return db
    .selectFrom('notification_channels')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('enabled', '=', true)
    .where((eb) => (programId === null ? eb('program_id', 'is', null) : eb.or([eb('program_id', 'is', null), eb('program_id', '=', programId)])))
    .orderBy('id')
    .execute();
}

/** Writes the given fields, bumps the version. */
export function updateChannel(
  db: Kysely<DB>,
  workspaceId: string,
  id: string,
  fields: Partial<Pick<ChannelRow, 'name' | 'webhook_url' | 'enabled'>> & { updated_at: Date },
): Promise<ChannelRow> {
  return db
    .updateTable('notification_channels')
    .set((eb) => ({ ...fields, version: eb('version', '+', 1) }))
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
