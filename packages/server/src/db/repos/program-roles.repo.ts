import type { Kysely, Selectable } from 'kysely';
import { isBuiltInRole, OUTCOME_OWNER_ROLE, ownershipMap, type RoleHolding } from '@handoff/core';
import type { DB, ProgramRolesTable } from '../schema.js';
import { listActiveRoles } from './governance-roles.repo.js';

export type ProgramRoleRow = Selectable<ProgramRolesTable>;

/** A role holder as the map, the escalation engine and notifications need them. */
export interface RoleHolder {
  id: string;
  name: string;
  email: string;
}

/** Holdings of a program's roles (excluding outcome-owner, which is the sponsor), with the holder's name. */
export async function listProgramHoldings(db: Kysely<DB>, workspaceId: string, programId: string): Promise<RoleHolding<RoleHolder>[]> {
  const rows = await db
    .selectFrom('program_roles as r')
    .innerJoin('people as p', 'p.id', 'r.person_id')
    .select(['r.role_key', 'r.assigned_at', 'p.id', 'p.name', 'p.email'])
    .where('r.workspace_id', '=', workspaceId)
    .where('r.program_id', '=', programId)
    .execute();
  return rows.map((r) => ({ roleKey: r.role_key, holder: { id: r.id, name: r.name, email: r.email }, since: r.assigned_at }));
}

async function sponsorOf(db: Kysely<DB>, workspaceId: string, programId: string): Promise<RoleHolder | null | undefined> {
  const row = await db
    .selectFrom('programs as g')
    .leftJoin('people as p', 'p.id', 'g.sponsor_id')
    .select(['p.id', 'p.name', 'p.email'])
    .where('g.workspace_id', '=', workspaceId)
    .where('g.id', '=', programId)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  return row.id !== null && row.name !== null && row.email !== null ? { id: row.id, name: row.name, email: row.email } : null;
}

/**
 * Keys of the program's required roles nobody holds (built-in + the workspace's active required custom
 * roles; outcome-owner is vacant without a sponsor), built-in order first, then custom roles by key.
 * An unknown program has no roles: [].
 */
export async function listVacantRoles(db: Kysely<DB>, workspaceId: string, programId: string): Promise<string[]> {
  const sponsor = await sponsorOf(db, workspaceId, programId);
  if (sponsor === undefined) return [];
  const [roles, holdings] = await Promise.all([listActiveRoles(db, workspaceId), listProgramHoldings(db, workspaceId, programId)]);
  return [...ownershipMap(roles, holdings, sponsor).gaps];
}

/**
 * The person holding a role of a program: the sponsor for outcome-owner, else the stored holder.
 * Undefined when vacant, or when the role is a custom role that is retired or does not exist.
 */
export async function findRoleHolder(db: Kysely<DB>, workspaceId: string, programId: string, roleKey: string): Promise<RoleHolder | undefined> {
  if (roleKey === OUTCOME_OWNER_ROLE) return (await sponsorOf(db, workspaceId, programId)) ?? undefined;
  let q = db
    .selectFrom('program_roles as r')
    .innerJoin('people as p', 'p.id', 'r.person_id')
    .select(['p.id', 'p.name', 'p.email'])
    .where('r.workspace_id', '=', workspaceId)
    .where('r.program_id', '=', programId)
    .where('r.role_key', '=', roleKey);
  if (!isBuiltInRole(roleKey)) {
    q = q.where((eb) =>
      eb.exists(
        eb.selectFrom('governance_roles as g')
          .select('g.key')
          .where('g.workspace_id', '=', workspaceId)
          .where('g.key', '=', roleKey)
          .where('g.retired_at', 'is', null),
      ));
  }
  return q.executeTakeFirst();
}

/** The stored holding of one role of a program (never outcome-owner), locked for the transaction. */
export function findProgramRole(db: Kysely<DB>, programId: string, roleKey: string): Promise<ProgramRoleRow | undefined> {
  return db.selectFrom('program_roles').selectAll().where('program_id', '=', programId).where('role_key', '=', roleKey).forUpdate().executeTakeFirst();
}

/** Sets the holder of a role (one person per role and program). */
export async function upsertProgramRole(db: Kysely<DB>, row: ProgramRoleRow): Promise<void> {
  await db
    .insertInto('program_roles')
    .values(row)
    .onConflict((oc) => oc.columns(['program_id', 'role_key']).doUpdateSet({ person_id: row.person_id, assigned_at: row.assigned_at }))
    .execute();
}

/** Removes the holder of a role: the role becomes vacant. */
export async function deleteProgramRole(db: Kysely<DB>, programId: string, roleKey: string): Promise<void> {
  await db.deleteFrom('program_roles').where('program_id', '=', programId).where('role_key', '=', roleKey).execute();
}

/** One role a person holds, with the program it belongs to; `since` is null for outcome-owner (the sponsor). */
export interface PersonRoleRow {
  role_key: string;
  since: Date | null;
  program_id: string;
  program_key: string;
  program_name: string;
}

/**
 * What a person holds across the workspace's programs: outcome-owner wherever they sponsor, and every
 * stored holding (retired custom roles included: the caller keeps those its role catalogue knows), unordered.
 */
export async function listRolesOfPerson(db: Kysely<DB>, workspaceId: string, personId: string): Promise<PersonRoleRow[]> {
  const [held, sponsored] = await Promise.all([
    db.selectFrom('program_roles as r')
      .innerJoin('programs as g', 'g.id', 'r.program_id')
      .select(['r.role_key', 'r.assigned_at as since', 'g.id as program_id', 'g.key as program_key', 'g.name as program_name'])
      .where('r.workspace_id', '=', workspaceId)
      .where('r.person_id', '=', personId)
      .execute(),
    db.selectFrom('programs as g')
      .select(['g.id as program_id', 'g.key as program_key', 'g.name as program_name'])
      .where('g.workspace_id', '=', workspaceId)
      .where('g.sponsor_id', '=', personId)
      .execute(),
  ]);
  return [...sponsored.map((s) => ({ ...s, role_key: OUTCOME_OWNER_ROLE, since: null })), ...held.filter((h) => h.role_key !== OUTCOME_OWNER_ROLE)];
}
