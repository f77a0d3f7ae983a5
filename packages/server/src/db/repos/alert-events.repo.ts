import { sql, type Insertable, type Kysely } from 'kysely';
import type { AlertEventsTable, DB } from '../schema.js';

/**
 * Records an Alertmanager notification of one alert. Returns false when it was already recorded (same
 * workspace, fingerprint, startsAt and status): an HA duplicate or a resent group, to be acted on no further.
 */
export async function recordAlertEvent(db: Kysely<DB>, row: Insertable<AlertEventsTable>): Promise<boolean> {
  const inserted = await db
    .insertInto('alert_events')
    .values(row)
    .onConflict((oc) => oc.columns(['workspace_id', 'fingerprint', 'starts_at', 'status']).doNothing())
    .returning('fingerprint')
    .executeTakeFirst();
  return inserted !== undefined;
}

/**
 * True when another alert of the monitor is still firing: some fingerprint whose latest start has a firing
 * row and no resolution. One instance resolving while another still fires is not a recovery.
 */
export async function otherAlertFiring(db: Kysely<DB>, workspaceId: string, monitorId: string, exceptFingerprint: string): Promise<boolean> {
  const row = await db
    .selectFrom('alert_events as f')
    .select(sql<number>`1`.as('one'))
    .where('f.workspace_id', '=', workspaceId)
    .where('f.monitor_id', '=', monitorId)
    .where('f.status', '=', 'firing')
    .where('f.fingerprint', '<>', exceptFingerprint)
    .where((eb) => eb.not(eb.exists(
      eb.selectFrom('alert_events as r')
        .select(sql<number>`1`.as('one'))
        .whereRef('r.workspace_id', '=', 'f.workspace_id')
        .whereRef('r.fingerprint', '=', 'f.fingerprint')
        .whereRef('r.starts_at', '>=', 'f.starts_at')
        .where('r.status', '=', 'resolved'),
    )))
    .where((eb) => eb.not(eb.exists(
      eb.selectFrom('alert_events as later')
        .select(sql<number>`1`.as('one'))
        .whereRef('later.workspace_id', '=', 'f.workspace_id')
        .whereRef('later.fingerprint', '=', 'f.fingerprint')
        .whereRef('later.starts_at', '>', 'f.starts_at'),
    )))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
