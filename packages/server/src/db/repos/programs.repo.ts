import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { Phase } from '@handoff/core';
import type { DB, ProgramsTable } from '../schema.js';
import { likePattern } from '../paging.js';

export type ProgramRow = Selectable<ProgramsTable>;

/** A program with its sponsor's name and its constraint counts, as lists and detail views need. */
export interface ProgramView extends ProgramRow {
  sponsor_name: string | null;
  sponsor_email: string | null;
  active_constraints: number;
  overdue_constraints: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when the value has the shape of a UUID (else it is a human key). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export function insertProgram(db: Kysely<DB>, row: Insertable<ProgramsTable>): Promise<ProgramRow> {
  return db.insertInto('programs').values(row).returningAll().executeTakeFirstOrThrow();
}

export function keyExists(db: Kysely<DB>, workspaceId: string, key: string): Promise<boolean> {
  return db
    .selectFrom('programs')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('key', '=', key)
    .executeTakeFirst()
    .then((r) => r !== undefined);
}

/** A program by id or key; `forUpdate` locks the row for the rest of the transaction. */
export function findProgram(db: Kysely<DB>, workspaceId: string, idOrKey: string, forUpdate = false): Promise<ProgramRow | undefined> {
  let q = db.selectFrom('programs').selectAll().where('workspace_id', '=', workspaceId);
  q = isUuid(idOrKey) ? q.where('id', '=', idOrKey) : q.where('key', '=', idOrKey.toUpperCase());
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export interface ProgramFilter {
  ids?: readonly string[];
  phase?: Phase;
  sponsor?: string;
  q?: string;
  after?: readonly [string, string];
  limit: number;
}

/** Programs with sponsor and counts, by name then id. `today` (workspace-local) decides overdue. */
export function listProgramViews(db: Kysely<DB>, workspaceId: string, today: string, f: ProgramFilter): Promise<ProgramView[]> {
  let q = db
    .selectFrom('programs as p')
    .leftJoin('people as s', 's.id', 'p.sponsor_id')
    .selectAll('p')
    .select(['s.name as sponsor_name', 's.email as sponsor_email'])
    .select((eb) => [
      eb.selectFrom('constraints as c')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('c.program_id', '=', 'p.id')
        .where('c.status', 'in', ['open', 'in_progress'])
        .as('active_constraints'),
      eb.selectFrom('constraints as c')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('c.program_id', '=', 'p.id')
        .where('c.status', 'in', ['open', 'in_progress'])
        .where('c.deadline', '<', today)
        .as('overdue_constraints'),
    ])
    .where('p.workspace_id', '=', workspaceId);
  if (f.ids) q = q.where('p.id', 'in', f.ids.length > 0 ? [...f.ids] : ['00000000-0000-0000-0000-000000000000']);
  if (f.phase) q = q.where('p.phase', '=', f.phase);
  if (f.sponsor) q = q.where('p.sponsor_id', '=', f.sponsor);
  if (f.q) {
    const p = likePattern(f.q);
    q = q.where((eb) => eb.or([eb('p.key', 'ilike', p), eb('p.name', 'ilike', p), eb('p.description', 'ilike', p), eb('p.business_unit', 'ilike', p)]));
  }
  if (f.after) {
    const [name, id] = f.after;
    q = q.where((eb) => eb(eb.refTuple('p.name', 'p.id'), '>', eb.tuple(name, id)));
  }
  return q
    .orderBy('p.name')
    .orderBy('p.id')
    .limit(f.limit)
    .execute()
    .then((rows) => rows.map((r) => ({ ...r, active_constraints: Number(r.active_constraints ?? 0), overdue_constraints: Number(r.overdue_constraints ?? 0) })));
}

export function updateProgram(
  db: Kysely<DB>,
  workspaceId: string,
  id: string,
  fields: Updateable<ProgramsTable> & { updated_at: Date },
): Promise<ProgramRow> {
  return db
    .updateTable('programs')
    .set((eb) => ({ ...fields, version: eb('version', '+', 1) }))
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Reserves the next constraint number of a program (row-locked by the update). */
export async function takeConstraintNumber(db: Kysely<DB>, programId: string): Promise<number> {
  const row = await db
    .updateTable('programs')
    .set((eb) => ({ next_constraint_number: eb('next_constraint_number', '+', 1) }))
    .where('id', '=', programId)
    .returning('next_constraint_number')
    .executeTakeFirstOrThrow();
  return row.next_constraint_number - 1;
}
