import { z } from '@hono/zod-openapi';
import { ROLE_KEY_PATTERN } from '@handoff/core';
import { Id, IdOrKey, PersonRef, longText, pageOf, requiredText } from './common.js';

/** A governance role key: built-in (outcome-owner, output-owner, …) or one a workspace added. */
export const RoleKey = z
  .string()
  .max(40, { message: 'must be 2-40 lower-case letters, digits or hyphens, starting with a letter', abort: true })
  .regex(ROLE_KEY_PATTERN, 'must be 2-40 lower-case letters, digits or hyphens, starting with a letter')
  .openapi({ description: 'A governance role key.', example: 'drift-monitor' });

/** The program a role map or holding belongs to. */
export const RoleProgramRef = z.object({ id: Id, key: z.string(), name: z.string() }).openapi('RoleProgramRef');
export type RoleProgramRef = z.infer<typeof RoleProgramRef>;

export const ProgramRole = z
  .object({
    key: RoleKey,
    name: z.string().openapi({ example: 'Drift monitor' }),
    description: z.string(),
    required: z.boolean().openapi({ description: 'A required role nobody holds is a gap: it keeps governance readiness unmet.' }),
    builtIn: z.boolean(),
    holder: PersonRef.nullable().openapi({ description: 'The one named person holding the role; for outcome-owner, the sponsor.' }),
    since: z.string().nullable().openapi({ description: 'When the holder was assigned; null when vacant or for outcome-owner.' }),
    vacant: z.boolean(),
  })
  .openapi('ProgramRole');
export type ProgramRole = z.infer<typeof ProgramRole>;

export const OwnershipMap = z
  .object({
    program: RoleProgramRef,
    roles: z.array(ProgramRole).openapi({ description: 'Built-in roles first (fixed order), then the workspace’s active custom roles by key.' }),
    gaps: z.array(RoleKey).openapi({ description: 'Keys of the required roles nobody holds, in the same order.' }),
  })
  .openapi('OwnershipMap');
export type OwnershipMap = z.infer<typeof OwnershipMap>;

export const RoleAssignInput = z
  .strictObject({
    personId: Id.openapi({ description: 'The one person who holds the role (never a group).' }),
    reason: longText(2000).optional().openapi({ example: 'Took over model risk from the vendor' }),
  })
  .openapi('RoleAssignInput');
export type RoleAssignInput = z.infer<typeof RoleAssignInput>;

export const RoleVacateInput = z
  .strictObject({ reason: longText(2000).optional().openapi({ example: 'Left the company' }) })
  .openapi('RoleVacateInput');
export type RoleVacateInput = z.infer<typeof RoleVacateInput>;

export const ProgramRoleParams = z.object({
  id: IdOrKey.openapi({ param: { name: 'id', in: 'path' } }),
  role: RoleKey.openapi({ param: { name: 'role', in: 'path' } }),
});

/** One role a person holds on one program. */
export const PersonRoleHolding = z
  .object({
    program: RoleProgramRef,
    role: RoleKey,
    name: z.string(),
    since: z.string().nullable(),
  })
  .openapi('PersonRoleHolding');
export type PersonRoleHolding = z.infer<typeof PersonRoleHolding>;

export const PersonRoles = z
  .object({ person: PersonRef, roles: z.array(PersonRoleHolding).openapi({ description: 'By program key, then role in map order.' }) })
  .openapi('PersonRoles');
export type PersonRoles = z.infer<typeof PersonRoles>;

export const GovernanceRole = z
  .object({
    key: RoleKey,
    name: z.string(),
    description: z.string(),
    required: z.boolean(),
    builtIn: z.boolean().openapi({ description: 'Built-in roles cannot be created, edited or retired.' }),
    retiredAt: z.string().nullable(),
    createdAt: z.string().nullable().openapi({ description: 'Null for built-in roles.' }),
    updatedAt: z.string().nullable(),
  })
  .openapi('GovernanceRole');
export type GovernanceRole = z.infer<typeof GovernanceRole>;

export const GovernanceRolePage = pageOf(GovernanceRole, 'GovernanceRolePage');
export type GovernanceRolePage = z.infer<typeof GovernanceRolePage>;

export const GovernanceRoleListQuery = z.object({
  includeRetired: z.enum(['true', 'false']).optional().openapi({ description: 'Also list retired custom roles (default false).' }),
});
export type GovernanceRoleListQuery = z.infer<typeof GovernanceRoleListQuery>;

export const GovernanceRoleCreate = z
  .strictObject({
    key: RoleKey,
    name: requiredText(100).openapi({ example: 'Model risk reviewer' }),
    description: longText(500).optional(),
    required: z.boolean().optional().openapi({ description: 'Whether every program must have a holder (default true).' }),
  })
  .openapi('GovernanceRoleCreate');
export type GovernanceRoleCreate = z.infer<typeof GovernanceRoleCreate>;

export const GovernanceRoleUpdate = GovernanceRoleCreate.omit({ key: true })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'must change at least one field' })
  .openapi('GovernanceRoleUpdate');
export type GovernanceRoleUpdate = z.infer<typeof GovernanceRoleUpdate>;

export const RoleKeyParams = z.object({ key: RoleKey.openapi({ param: { name: 'key', in: 'path' } }) });
