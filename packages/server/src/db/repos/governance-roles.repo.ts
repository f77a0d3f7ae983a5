import type { Insertable, Kysely, Selectable } from 'kysely';
import type { DB, GovernanceRolesTable } from '../schema.js';

export type GovernanceRoleRow = Selectable<GovernanceRolesTable>;

/** The workspace's custom roles not retired, by key. */
export function listActiveRoles(db: Kysely<DB>, workspaceId: string): Promise<GovernanceRoleRow[]> {
  return db.selectFrom('governance_roles').selectAll().where('workspace_id', '=', workspaceId).where('retired_at', 'is', null).orderBy('key').execute();
}

/** All the workspace's custom roles, retired ones included, by key. */
export function listAllRoles(db: Kysely<DB>, workspaceId: string): Promise<GovernanceRoleRow[]> {
  return db.selectFrom('governance_roles').selectAll().where('workspace_id', '=', workspaceId).orderBy('key').execute();
}

/** One custom role by key; `forUpdate` locks it for the rest of the transaction. */
export function findGovernanceRole(db: Kysely<DB>, workspaceId: string, key: string, forUpdate = false): Promise<GovernanceRoleRow | undefined> {
  let q = db.selectFrom('governance_roles').selectAll().where('workspace_id', '=', workspaceId).where('key', '=', key);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export function insertGovernanceRole(db: Kysely<DB>, row: Insertable<GovernanceRolesTable>): Promise<GovernanceRoleRow> {
  return db.insertInto('governance_roles').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Writes the given fields of a custom role. */
export function updateGovernanceRole(
  db: Kysely<DB>,
  workspaceId: string,
  key: string,
  fields: Partial<Pick<GovernanceRoleRow, 'name' | 'description' | 'required' | 'retired_at'>> & { updated_at: Date },
): Promise<GovernanceRoleRow> {
  return db
    .updateTable('governance_roles')
    .set(fields)
    .where('workspace_id', '=', workspaceId)
    .where('key', '=', key)
    .returningAll()
    .executeTakeFirstOrThrow();
}
