import { createRoute } from '@hono/zod-openapi';
import { IfMatchHeaders, PageQuery } from '../schemas/common.js';
import {
  Constraint, ConstraintCreate, ConstraintListQuery, ConstraintPage, ConstraintUpdate, HistoryPage,
} from '../schemas/constraints.js';
import { problems } from '../schemas/problem.js';
import { EtagHeader, IdParams, json, jsonBody } from './shared.js';

export const createConstraint = createRoute({
  method: 'post',
  path: '/api/programs/{id}/constraints',
  tags: ['Constraints'],
  summary: 'Add a constraint to a program',
  description: 'Every constraint has a named owner and a deadline. `dependsOn` may name constraints of other programs; a cycle is refused with 409.',
  request: { params: IdParams, body: jsonBody(ConstraintCreate) },
  responses: { 201: { ...json(Constraint, 'Created.'), headers: EtagHeader }, ...problems(400, 404, 409, 413, 415) },
});

export const listProgramConstraints = createRoute({
  method: 'get',
  path: '/api/programs/{id}/constraints',
  tags: ['Constraints'],
  summary: "List a program's constraints, by deadline",
  request: { params: IdParams, query: ConstraintListQuery.omit({ program: true }) },
  responses: { 200: json(ConstraintPage, 'A page of constraints.'), ...problems(400, 404) },
});

export const listConstraints = createRoute({
  method: 'get',
  path: '/api/constraints',
  tags: ['Constraints'],
  summary: 'The constraint library across programs, by deadline',
  request: { query: ConstraintListQuery },
  responses: { 200: json(ConstraintPage, 'A page of constraints.'), ...problems(400) },
});

export const getConstraint = createRoute({
  method: 'get',
  path: '/api/constraints/{id}',
  tags: ['Constraints'],
  summary: 'One constraint, by id or ref (e.g. CLAIMS-12)',
  request: { params: IdParams },
  responses: { 200: { ...json(Constraint, 'The constraint.'), headers: EtagHeader }, ...problems(400, 404) },
});

export const updateConstraint = createRoute({
  method: 'patch',
  path: '/api/constraints/{id}',
  tags: ['Constraints'],
  summary: 'Change a constraint',
  description: 'Moving the deadline requires `reason`, which is kept in history. Closing (resolved/accepted) stamps `resolvedAt`.',
  request: { params: IdParams, headers: IfMatchHeaders, body: jsonBody(ConstraintUpdate) },
  responses: { 200: { ...json(Constraint, 'Updated.'), headers: EtagHeader }, ...problems(400, 404, 409, 412, 413, 415) },
});

export const getConstraintHistory = createRoute({
  method: 'get',
  path: '/api/constraints/{id}/history',
  tags: ['Constraints'],
  summary: 'Every change to a constraint: who, when, field, before, after, reason; oldest first',
  request: { params: IdParams, query: PageQuery },
  responses: { 200: json(HistoryPage, 'A page of history entries.'), ...problems(400, 404) },
});
