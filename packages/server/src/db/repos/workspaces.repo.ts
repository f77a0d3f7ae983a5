import type { Kysely, Selectable } from 'kysely';
import type { DB, WorkspacesTable } from '../schema.js';

export type WorkspaceRow = Selectable<WorkspacesTable>;

export function findWorkspaceBySlug(db: Kysely<DB>, slug: string): Promise<WorkspaceRow | undefined> {
  return db.selectFrom('workspaces').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export function findWorkspaceById(db: Kysely<DB>, id: string): Promise<WorkspaceRow | undefined> {
  return db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inserts a workspace unless one with the slug exists; returns the stored one either way. */
export async function insertWorkspaceIfMissing(
  db: Kysely<DB>,
  row: { id: string; slug: string; name: string; time_zone: string; created_at: Date },
): Promise<WorkspaceRow> {
  await db
    .insertInto('workspaces')
    .values({ ...row, updated_at: row.created_at })
    .onConflict((oc) => oc.column('slug').doNothing())
    .execute();
  const stored = await findWorkspaceBySlug(db, row.slug);
  if (!stored) throw new Error(`workspace ${row.slug} vanished after insert`);
  return stored;
}
