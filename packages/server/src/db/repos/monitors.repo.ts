import type { ConstraintStatus } from '@handoff/core';
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { DB, MonitorsTable } from '../schema.js';
import type { ConstraintRow } from './constraints.repo.js';
import { isUuid } from './programs.repo.js';

export type MonitorRow = Selectable<MonitorsTable>;

/** A monitor with its program key and the risk constraint its breaches opened, if any. */
export interface MonitorView extends MonitorRow {
  program_key: string;
  constraint_id: string | null;
  constraint_number: number | null;
  constraint_status: ConstraintStatus | null;
  constraint_recovered_at: Date | null;
}

/** `PROGRAM.key`, the human reference of a monitor in paths. */
const MONITOR_REF = /^([A-Za-z][A-Za-z0-9]{1,11})\.([a-z][a-z0-9-]{1,39})$/;

export function insertMonitor(db: Kysely<DB>, row: Insertable<MonitorsTable>): Promise<MonitorRow> {
  return db.insertInto('monitors').values(row).returningAll().executeTakeFirstOrThrow();
}

export function monitorKeyExists(db: Kysely<DB>, programId: string, key: string): Promise<boolean> {
  return db.selectFrom('monitors').select('id').where('program_id', '=', programId).where('key', '=', key)
    .executeTakeFirst().then((r) => r !== undefined);
}

/** A monitor by id or `PROGRAM.key`, or undefined; `forUpdate` locks it. */
export function findMonitor(db: Kysely<DB>, workspaceId: string, idOrRef: string, forUpdate = false): Promise<MonitorRow | undefined> {
  let q = db.selectFrom('monitors as m').selectAll('m').where('m.workspace_id', '=', workspaceId);
  if (isUuid(idOrRef)) {
    q = q.where('m.id', '=', idOrRef);
  } else {
    const [, program = '', key = ''] = MONITOR_REF.exec(idOrRef) ?? [];
    if (program === '') return Promise.resolve(undefined);
    q = q.innerJoin('programs as p', 'p.id', 'm.program_id').where('p.key', '=', program.toUpperCase()).where('m.key', '=', key);
  }
  if (forUpdate) q = q.forUpdate(['m']);
  return q.executeTakeFirst();
}

/** The monitors of a program named by id or key in `refs`, locked in id order (so concurrent batches cannot deadlock). */
export function lockProgramMonitors(db: Kysely<DB>, programId: string, refs: readonly string[]): Promise<MonitorRow[]> {
  const ids = refs.filter(isUuid);
  const keys = refs.filter((r) => !isUuid(r));
  return db
    .selectFrom('monitors')
    .selectAll()
    .where('program_id', '=', programId)
    .where((eb) => eb.or([
      ...(ids.length > 0 ? [eb('id', 'in', ids)] : []),
      ...(keys.length > 0 ? [eb('key', 'in', keys)] : []),
    ]))
    .orderBy('id')
    .forUpdate()
    .execute();
}

export interface MonitorFilter {
  ids?: readonly string[];
  program?: string;
  retired?: boolean;
  /** Keyset: the key of the last monitor of the previous page (lists are per program, by key). */
  afterKey?: string;
  limit: number;
}

/** Monitor views by program key then monitor key. */
export function listMonitorViews(db: Kysely<DB>, workspaceId: string, f: MonitorFilter): Promise<MonitorView[]> {
  let q = db
    .selectFrom('monitors as m')
    .innerJoin('programs as p', 'p.id', 'm.program_id')
    .leftJoin('constraints as c', 'c.monitor_id', 'm.id')
    .selectAll('m')
    .select(['p.key as program_key', 'c.id as constraint_id', 'c.number as constraint_number', 'c.status as constraint_status', 'c.recovered_at as constraint_recovered_at'])
    .where('m.workspace_id', '=', workspaceId);
  if (f.ids) q = q.where('m.id', 'in', f.ids.length > 0 ? [...f.ids] : ['00000000-0000-0000-0000-000000000000']);
  if (f.program) q = q.where('m.program_id', '=', f.program);
  if (f.retired !== undefined) q = q.where('m.retired_at', f.retired ? 'is not' : 'is', null);
  if (f.afterKey !== undefined) q = q.where('m.key', '>', f.afterKey);
  return q.orderBy('p.key').orderBy('m.key').limit(f.limit).execute();
}

export function updateMonitor(db: Kysely<DB>, workspaceId: string, id: string, fields: Updateable<MonitorsTable> & { updated_at: Date }): Promise<MonitorRow> {
  return db
    .updateTable('monitors')
    .set((eb) => ({ ...fields, version: eb('version', '+', 1) }))
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** What the Alertmanager receiver matches alerts against: the workspace's monitors not retired. */
export function listAlertTargets(db: Kysely<DB>, workspaceId: string): Promise<(MonitorRow & { program_key: string })[]> {
  return db
    .selectFrom('monitors as m')
    .innerJoin('programs as p', 'p.id', 'm.program_id')
    .selectAll('m')
    .select('p.key as program_key')
    .where('m.workspace_id', '=', workspaceId)
    .where('m.retired_at', 'is', null)
    .execute();
}

/** The risk constraint a monitor's breaches opened (at most one, by a unique index); `forUpdate` locks it. */
export function findMonitorConstraint(db: Kysely<DB>, monitorId: string, forUpdate = false): Promise<ConstraintRow | undefined> {
  let q = db.selectFrom('constraints').selectAll().where('monitor_id', '=', monitorId);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

/**
 * Writes what readings and alerts move (state, latest value) WITHOUT bumping `version`: the version (ETag)
 * guards the configuration people edit, and a stream of readings must not make every edit stale.
 */
export async function setMonitorState(
  db: Kysely<DB>,
  id: string,
  fields: Partial<Pick<Updateable<MonitorsTable>, 'state' | 'state_since' | 'last_value' | 'last_observed_at'>>,
): Promise<void> {
  await db.updateTable('monitors').set(fields).where('id', '=', id).execute();
}

/** Locks monitors by id, in id order, so transactions touching several monitors cannot deadlock each other. */
export async function lockMonitorsById(db: Kysely<DB>, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.selectFrom('monitors').select('id').where('id', 'in', [...ids]).orderBy('id').forUpdate().execute();
}
