import type { Insertable, Kysely, Selectable } from 'kysely';
import type { DB, PeopleTable } from '../schema.js';
import { likePattern } from '../paging.js';

export type PersonRow = Selectable<PeopleTable>;

export async function insertPerson(db: Kysely<DB>, row: Insertable<PeopleTable>): Promise<PersonRow> {
  return db.insertInto('people').values(row).returningAll().executeTakeFirstOrThrow();
}

export function findPerson(db: Kysely<DB>, workspaceId: string, id: string, forUpdate = false): Promise<PersonRow | undefined> {
  let q = db.selectFrom('people').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export function findPersonByEmail(db: Kysely<DB>, workspaceId: string, email: string): Promise<PersonRow | undefined> {
  return db
    .selectFrom('people')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .executeTakeFirst();
}

/** The ids among `ids` that are people of the workspace. */
export async function existingPersonIds(db: Kysely<DB>, workspaceId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('people').select('id').where('workspace_id', '=', workspaceId).where('id', 'in', [...ids]).execute();
  return new Set(rows.map((r) => r.id));
}

export interface PeopleFilter {
  q?: string;
  email?: string;
  after?: readonly [string, string];
  limit: number;
}

/** People by name then id (keyset pagination), fetching `limit` rows. */
export function listPeople(db: Kysely<DB>, workspaceId: string, f: PeopleFilter): Promise<PersonRow[]> {
  let q = db.selectFrom('people').selectAll().where('workspace_id', '=', workspaceId);
  if (f.email) q = q.where((eb) => eb(eb.fn('lower', ['email']), '=', f.email?.toLowerCase() ?? ''));
  if (f.q) {
    const p = likePattern(f.q);
    q = q.where((eb) => eb.or([eb('name', 'ilike', p), eb('email', 'ilike', p), eb('title', 'ilike', p)]));
  }
  if (f.after) {
    const [name, id] = f.after;
    q = q.where((eb) => eb(eb.refTuple('name', 'id'), '>', eb.tuple(name, id)));
  }
  return q.orderBy('name').orderBy('id').limit(f.limit).execute();
}

/** Writes the given fields, bumps the version. */
export function updatePerson(
  db: Kysely<DB>,
  workspaceId: string,
  id: string,
  fields: Partial<Pick<PersonRow, 'name' | 'email' | 'title' | 'board_member'>> & { updated_at: Date },
): Promise<PersonRow> {
  return db
    .updateTable('people')
    .set((eb) => ({ ...fields, version: eb('version', '+', 1) }))
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
