import type { Insertable, Kysely, Selectable } from 'kysely';
import type { DB, MonitorReadingsTable } from '../schema.js';

export type ReadingRow = Selectable<MonitorReadingsTable>;

/**
 * Rows per INSERT: PostgreSQL takes at most 65,535 parameters per statement and a reading uses six, so
 * 5,000 rows (30,000 parameters) stay well inside while keeping a 10,000-reading batch to two statements.
 */
const INSERT_CHUNK = 5_000;

/** Stores readings (within the caller's transaction). */
export async function insertReadings(db: Kysely<DB>, rows: readonly Insertable<MonitorReadingsTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await db.insertInto('monitor_readings').values(rows.slice(i, i + INSERT_CHUNK)).execute();
  }
}

/** Readings of a monitor observed in (`from`, `to`], the evaluation window, in time order. */
export function windowReadings(db: Kysely<DB>, monitorId: string, from: Date, to: Date): Promise<{ observed_at: Date; value: number }[]> {
  return db
    .selectFrom('monitor_readings')
    .select(['observed_at', 'value'])
    .where('monitor_id', '=', monitorId)
    .where('observed_at', '>', from)
    .where('observed_at', '<=', to)
    .orderBy('observed_at')
    .execute();
}

/** The latest reading of a monitor (by observation time, then arrival), or undefined. */
export function latestReading(db: Kysely<DB>, monitorId: string): Promise<{ observed_at: Date; value: number } | undefined> {
  return db
    .selectFrom('monitor_readings')
    .select(['observed_at', 'value'])
    .where('monitor_id', '=', monitorId)
    .orderBy('observed_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export interface ReadingFilter {
  from?: Date;
  to?: Date;
  /** Keyset: observation instant (ISO) and id of the last reading of the previous page. */
  after?: readonly [string, string];
  limit: number;
}

/** Readings of a monitor in [`from`, `to`), oldest first (by observation time, then id). */
export function listReadings(db: Kysely<DB>, workspaceId: string, monitorId: string, f: ReadingFilter): Promise<ReadingRow[]> {
  let q = db.selectFrom('monitor_readings').selectAll().where('workspace_id', '=', workspaceId).where('monitor_id', '=', monitorId);
  if (f.from) q = q.where('observed_at', '>=', f.from);
  if (f.to) q = q.where('observed_at', '<', f.to);
  if (f.after) {
    const [at, id] = f.after;
    q = q.where((eb) => eb(eb.refTuple('observed_at', 'id'), '>', eb.tuple(new Date(at), Number(id))));
  }
  return q.orderBy('observed_at').orderBy('id').limit(f.limit).execute();
}
