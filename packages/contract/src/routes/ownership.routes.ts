import { createRoute } from '@hono/zod-openapi';
import {
  GovernanceRole, GovernanceRoleCreate, GovernanceRoleListQuery, GovernanceRolePage, GovernanceRoleUpdate, OwnershipMap, PersonRoles,
  ProgramRoleParams, RoleAssignInput, RoleKeyParams, RoleVacateInput,
} from '../schemas/ownership.js';
import { problems } from '../schemas/problem.js';
import { IdParams, json, jsonBody } from './shared.js';

export const getOwnershipMap = createRoute({
  method: 'get', path: '/api/programs/{id}/roles', tags: ['Governance'],
  summary: "A program's governance ownership map: every role, its one named holder, and the gaps",
  request: { params: IdParams },
  responses: { 200: json(OwnershipMap, 'The map.'), ...problems(400, 404) },
});

export const assignProgramRole = createRoute({
  method: 'put', path: '/api/programs/{id}/roles/{role}', tags: ['Governance'],
  summary: 'Name the one person who holds a role of a program',
  description: 'Assigning `outcome-owner` sets the program sponsor (history field `sponsorId`); other roles record `role:<key>`. ' +
    'Assigning the current holder again changes nothing.',
  request: { params: ProgramRoleParams, body: jsonBody(RoleAssignInput) },
  responses: { 200: json(OwnershipMap, 'The map after the change.'), ...problems(400, 404, 413, 415) },
});

export const vacateProgramRole = createRoute({
  method: 'delete', path: '/api/programs/{id}/roles/{role}', tags: ['Governance'],
  summary: 'Vacate a role of a program (it becomes a gap, kept visible)',
  description: 'Answers 409 when the role is already vacant. The body `{ reason }` is optional.',
  request: { params: ProgramRoleParams, body: { required: false, content: { 'application/json': { schema: RoleVacateInput } } } },
  responses: { 200: json(OwnershipMap, 'The map after the change.'), ...problems(400, 404, 409, 413, 415) },
});

export const getPersonRoles = createRoute({
  method: 'get', path: '/api/people/{id}/roles', tags: ['Governance'],
  summary: 'The governance roles a person holds across programs',
  request: { params: IdParams },
  responses: { 200: json(PersonRoles, 'Their roles.'), ...problems(400, 404) },
});

export const listGovernanceRoles = createRoute({
  method: 'get', path: '/api/governance-roles', tags: ['Governance'],
  summary: 'The roles every program of the workspace has: built-in ones first, then custom ones by key',
  request: { query: GovernanceRoleListQuery },
  responses: { 200: json(GovernanceRolePage, 'All roles (one page).'), ...problems(400) },
});

export const createGovernanceRole = createRoute({
  method: 'post', path: '/api/governance-roles', tags: ['Governance'],
  summary: 'Add a workspace role to every program’s ownership map',
  description: 'Built-in keys and the escalation role names owner, sponsor and board are refused with 409, as is a key already used.',
  request: { body: jsonBody(GovernanceRoleCreate) },
  responses: { 201: json(GovernanceRole, 'Created.'), ...problems(400, 409, 413, 415) },
});

export const updateGovernanceRole = createRoute({
  method: 'patch', path: '/api/governance-roles/{key}', tags: ['Governance'],
  summary: 'Change a workspace role’s name, description or whether it is required',
  request: { params: RoleKeyParams, body: jsonBody(GovernanceRoleUpdate) },
  responses: { 200: json(GovernanceRole, 'Updated.'), ...problems(400, 404, 409, 413, 415) },
});

export const retireGovernanceRole = createRoute({
  method: 'post', path: '/api/governance-roles/{key}/retire', tags: ['Governance'],
  summary: 'Retire a workspace role: it leaves every ownership map (holders are kept but no longer shown)',
  request: { params: RoleKeyParams },
  responses: { 200: json(GovernanceRole, 'Retired.'), ...problems(400, 404, 409) },
});
