import { BUILT_IN_ROLES } from '@handoff/core';
import type { GovernanceRole, OwnershipMap, PersonRoles } from '@handoff/contract';
import type { GovernanceRoleRow } from '../../db/repos/governance-roles.repo.js';
import type { OwnershipView, PersonHolding } from '../../services/ownership.service.js';
import type { RoleHolder } from '../../db/repos/program-roles.repo.js';

/** A program's ownership map as the API shows it. */
export function presentOwnershipMap({ program, map }: OwnershipView): OwnershipMap {
  return {
    program: { id: program.id, key: program.key, name: program.name },
    roles: map.rows.map((r) => ({
      key: r.key,
      name: r.name,
      description: r.description,
      required: r.required,
      builtIn: r.builtIn,
      holder: r.holder ? { id: r.holder.id, name: r.holder.name, email: r.holder.email } : null,
      since: r.since ? r.since.toISOString() : null,
      vacant: r.vacant,
    })),
    gaps: [...map.gaps],
  };
}

export function presentPersonRoles(view: { person: RoleHolder; roles: PersonHolding[] }): PersonRoles {
  return {
    person: { id: view.person.id, name: view.person.name, email: view.person.email },
    roles: view.roles.map((r) => ({ program: { ...r.program }, role: r.role, name: r.name, since: r.since ? r.since.toISOString() : null })),
  };
}

export function presentGovernanceRole(row: GovernanceRoleRow): GovernanceRole {
  return {
    key: row.key,
    name: row.name,
    description: row.description,
    required: row.required,
    builtIn: false,
    retiredAt: row.retired_at ? row.retired_at.toISOString() : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The built-in roles, always required and never retired, as catalogue entries. */
export function presentBuiltInRoles(): GovernanceRole[] {
  return BUILT_IN_ROLES.map((r) => ({
    key: r.key, name: r.name, description: r.description, required: true, builtIn: true, retiredAt: null, createdAt: null, updatedAt: null,
  }));
}
