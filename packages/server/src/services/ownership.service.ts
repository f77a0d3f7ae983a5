import {
  BUILT_IN_ROLES, customRoleKeyConflict, diffFields, OUTCOME_OWNER_ROLE, ownershipMap, roleChange, type CustomRole, type OwnershipMap,
} from '@handoff/core';
import type { GovernanceRoleCreate, GovernanceRoleUpdate, RoleAssignInput, RoleVacateInput } from '@handoff/contract';
import type { Kysely } from 'kysely';
import type { Actor, Deps } from '../context.js';
import { HandoffError, invalidField, notFound } from '../errors.js';
import type { DB } from '../db/schema.js';
import {
  findGovernanceRole, insertGovernanceRole, listActiveRoles, listAllRoles, updateGovernanceRole, type GovernanceRoleRow,
} from '../db/repos/governance-roles.repo.js';
import { appendHistory } from '../db/repos/history.repo.js';
import { findPerson } from '../db/repos/people.repo.js';
import {
  deleteProgramRole, findProgramRole, listProgramHoldings, listRolesOfPerson, upsertProgramRole, type RoleHolder,
} from '../db/repos/program-roles.repo.js';
import { findProgram, isUuid, updateProgram, type ProgramRow } from '../db/repos/programs.repo.js';
import { inTransaction } from './transaction.js';

/** A program's ownership map, with the program it belongs to. */
export interface OwnershipView {
  program: ProgramRow;
  map: OwnershipMap<RoleHolder>;
}

/** One role a person holds, named. */
export interface PersonHolding {
  program: { id: string; key: string; name: string };
  role: string;
  name: string;
  since: Date | null;
}

/** The roles of the workspace's maps, in map order: built-in ones, then active custom ones by key. */
async function catalogue(db: Kysely<DB>, workspaceId: string): Promise<{ custom: CustomRole[]; order: string[]; names: Map<string, string> }> {
  const custom = await listActiveRoles(db, workspaceId);
  const all = [...BUILT_IN_ROLES, ...custom];
  return { custom, order: all.map((r) => r.key), names: new Map(all.map((r) => [r.key, r.name])) };
}

/** The governance ownership map: one named person per role of each program, a vacancy a visible gap. */
export function createOwnershipService(deps: Deps) {
  const { db } = deps.database;

  async function viewOf(trx: Kysely<DB>, actor: Actor, program: ProgramRow): Promise<OwnershipView> {
    const [{ custom }, holdings, sponsor] = await Promise.all([
      catalogue(trx, actor.workspaceId),
      listProgramHoldings(trx, actor.workspaceId, program.id),
      program.sponsor_id ? findPerson(trx, actor.workspaceId, program.sponsor_id) : Promise.resolve(undefined),
    ]);
    const holder = sponsor ? { id: sponsor.id, name: sponsor.name, email: sponsor.email } : null;
    return { program, map: ownershipMap(custom, holdings, holder) };
  }

  /** The program (locked) and the role, which must be built-in or an active custom role: else 404 naming it. */
  async function target(trx: Kysely<DB>, actor: Actor, idOrKey: string, roleKey: string): Promise<ProgramRow> {
    const program = await findProgram(trx, actor.workspaceId, idOrKey, true);
    if (!program) throw notFound('program', idOrKey);
    if (!(await catalogue(trx, actor.workspaceId)).names.has(roleKey)) throw notFound('governance role', roleKey);
    return program;
  }

  async function record(trx: Kysely<DB>, actor: Actor, program: ProgramRow, field: string, before: string | null, after: string | null, reason: string | null, now: Date): Promise<void> {
    await appendHistory(trx, {
      workspaceId: actor.workspaceId, entityType: 'program', entityId: program.id, changeId: deps.newId(),
      changes: [{ field, before, after }], reason, actor: actor.label, at: now,
    });
  }

  /** Sets or clears a holder. outcome-owner is the sponsor: same write and history field as PATCH /api/programs. */
  async function setHolder(trx: Kysely<DB>, actor: Actor, program: ProgramRow, roleKey: string, before: string | null, after: string | null, reason: string | null): Promise<void> {
    const now = deps.clock.now();
    if (roleKey === OUTCOME_OWNER_ROLE) {
      await updateProgram(trx, actor.workspaceId, program.id, { sponsor_id: after, updated_at: now });
      await record(trx, actor, program, 'sponsorId', before, after, reason, now);
      return;
    }
    if (after === null) await deleteProgramRole(trx, program.id, roleKey);
    else await upsertProgramRole(trx, { workspace_id: actor.workspaceId, program_id: program.id, role_key: roleKey, person_id: after, assigned_at: now });
    await record(trx, actor, program, `role:${roleKey}`, before, after, reason, now);
  }

  async function currentHolder(trx: Kysely<DB>, program: ProgramRow, roleKey: string): Promise<string | null> {
    if (roleKey === OUTCOME_OWNER_ROLE) return program.sponsor_id;
    return (await findProgramRole(trx, program.id, roleKey))?.person_id ?? null;
  }

  /** Names the holder inside the caller's transaction; the same holder again changes nothing and writes no history. */
  async function assignIn(trx: Kysely<DB>, actor: Actor, idOrKey: string, roleKey: string, input: RoleAssignInput, path = 'personId'): Promise<ProgramRow> {
    const program = await target(trx, actor, idOrKey, roleKey);
    if (!(await findPerson(trx, actor.workspaceId, input.personId))) throw invalidField(path, `person ${input.personId} does not exist in this workspace`);
    const before = await currentHolder(trx, program, roleKey);
    if (roleChange(before, input.personId) !== 'unchanged') await setHolder(trx, actor, program, roleKey, before, input.personId, input.reason ?? null);
    return program;
  }

  return {
    assignIn,

    async map(actor: Actor, idOrKey: string): Promise<OwnershipView> {
      const program = await findProgram(db, actor.workspaceId, idOrKey);
      if (!program) throw notFound('program', idOrKey);
      return viewOf(db, actor, program);
    },

    /** Names the holder (see assignIn), in its own transaction. */
    async assign(actor: Actor, idOrKey: string, roleKey: string, input: RoleAssignInput): Promise<OwnershipView> {
      return inTransaction(db, async (trx) => {
        const program = await assignIn(trx, actor, idOrKey, roleKey, input);
        return viewOf(trx, actor, (await findProgram(trx, actor.workspaceId, program.id)) ?? program);
      });
    },

    /** Vacates a role: it becomes a gap. Already vacant → 409 (nothing to record). */
    async vacate(actor: Actor, idOrKey: string, roleKey: string, input: RoleVacateInput): Promise<OwnershipView> {
      return inTransaction(db, async (trx) => {
        const program = await target(trx, actor, idOrKey, roleKey);
        const before = await currentHolder(trx, program, roleKey);
        if (before === null) throw new HandoffError('conflict', `${roleKey} of ${program.key} is already vacant`);
        await setHolder(trx, actor, program, roleKey, before, null, input.reason ?? null);
        return viewOf(trx, actor, (await findProgram(trx, actor.workspaceId, program.id)) ?? program);
      });
    },

    /** What a person holds, by program key then role in map order. */
    async personRoles(actor: Actor, personId: string): Promise<{ person: RoleHolder; roles: PersonHolding[] }> {
      const person = isUuid(personId) ? await findPerson(db, actor.workspaceId, personId) : undefined;
      if (!person) throw notFound('person', personId);
      const [{ order, names }, rows] = await Promise.all([catalogue(db, actor.workspaceId), listRolesOfPerson(db, actor.workspaceId, personId)]);
      const roles = rows
        .flatMap((r) => {
          const name = names.get(r.role_key);
          return name === undefined ? [] : [{ program: { id: r.program_id, key: r.program_key, name: r.program_name }, role: r.role_key, name, since: r.since }];
        })
        .sort((a, b) => a.program.key.localeCompare(b.program.key) || order.indexOf(a.role) - order.indexOf(b.role));
      return { person: { id: person.id, name: person.name, email: person.email }, roles };
    },

    /** Custom roles of the workspace (retired ones too when asked), by key. */
    async listRoles(actor: Actor, includeRetired: boolean): Promise<GovernanceRoleRow[]> {
      return includeRetired ? listAllRoles(db, actor.workspaceId) : listActiveRoles(db, actor.workspaceId);
    },

    async createRole(actor: Actor, input: GovernanceRoleCreate): Promise<GovernanceRoleRow> {
      return inTransaction(db, async (trx) => {
        const conflict = customRoleKeyConflict(input.key);
        if (conflict !== null) {
          const why = conflict === 'built-in' ? 'is a built-in role' : 'is reserved for escalation policies (owner, sponsor, board)';
          throw new HandoffError('conflict', `role key ${input.key} ${why}`, [{ path: 'key', message: why }]);
        }
        const existing = await findGovernanceRole(trx, actor.workspaceId, input.key);
        if (existing) {
          const why = existing.retired_at ? 'is used by a retired role' : 'is already in use';
          throw new HandoffError('conflict', `role key ${input.key} ${why}`, [{ path: 'key', message: why }]);
        }
        const now = deps.clock.now();
        const row = await insertGovernanceRole(trx, {
          workspace_id: actor.workspaceId, key: input.key, name: input.name, description: input.description ?? '',
          required: input.required ?? true, retired_at: null, created_at: now, updated_at: now,
        });
        await appendHistory(trx, {
          workspaceId: actor.workspaceId, entityType: 'workspace', entityId: actor.workspaceId, changeId: deps.newId(),
          changes: [{ field: `governanceRole:${row.key}`, before: null, after: row.name }], reason: null, actor: actor.label, at: now,
        });
        return row;
      });
    },

    async updateRole(actor: Actor, key: string, patch: GovernanceRoleUpdate): Promise<GovernanceRoleRow> {
      return changeRole(actor, key, (row) => ({
        name: patch.name ?? row.name, description: patch.description ?? row.description, required: patch.required ?? row.required, retired: false,
      }));
    },

    async retireRole(actor: Actor, key: string): Promise<GovernanceRoleRow> {
      return changeRole(actor, key, (row) => ({ name: row.name, description: row.description, required: row.required, retired: true }));
    },
  };

  /** Edits or retires an active custom role; built-in → 409, unknown → 404, retired → 409. History on the workspace. */
  async function changeRole(actor: Actor, key: string, next: (row: GovernanceRoleRow) => { name: string; description: string; required: boolean; retired: boolean }): Promise<GovernanceRoleRow> {
    return inTransaction(db, async (trx) => {
      if (customRoleKeyConflict(key) === 'built-in') throw new HandoffError('conflict', `${key} is a built-in role: it cannot be edited or retired`);
      const row = await findGovernanceRole(trx, actor.workspaceId, key, true);
      if (!row) throw notFound('governance role', key);
      if (row.retired_at) throw new HandoffError('conflict', `governance role ${key} is retired`);
      const before = { name: row.name, description: row.description, required: row.required, retired: false };
      const after = next(row);
      const changes = diffFields(before, after, ['name', 'description', 'required', 'retired'] as const);
      if (changes.length === 0) return row;
      const now = deps.clock.now();
      const updated = await updateGovernanceRole(trx, actor.workspaceId, key, {
        name: after.name, description: after.description, required: after.required, ...(after.retired ? { retired_at: now } : {}), updated_at: now,
      });
      await appendHistory(trx, {
        workspaceId: actor.workspaceId, entityType: 'workspace', entityId: actor.workspaceId, changeId: deps.newId(),
        changes: changes.map((c) => ({ ...c, field: `governanceRole:${key}.${c.field}` })), reason: null, actor: actor.label, at: now,
      });
      return updated;
    });
  }
}

export type OwnershipService = ReturnType<typeof createOwnershipService>;
