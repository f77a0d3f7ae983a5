import { createRoute } from '@hono/zod-openapi';
import { IfMatchHeaders, PageQuery } from '../schemas/common.js';
import { HistoryPage } from '../schemas/constraints.js';
import { problems } from '../schemas/problem.js';
import { Program, ProgramAccess, ProgramCreate, ProgramListQuery, ProgramPage, ProgramUpdate } from '../schemas/programs.js';
import { EtagHeader, IdParams, json, jsonBody } from './shared.js';

export const createProgram = createRoute({
  method: 'post',
  path: '/api/programs',
  tags: ['Programs'],
  summary: 'Add an AI program',
  request: { body: jsonBody(ProgramCreate) },
  responses: { 201: { ...json(Program, 'Created.'), headers: EtagHeader }, ...problems(400, 404, 409, 413, 415) },
});

export const listPrograms = createRoute({
  method: 'get',
  path: '/api/programs',
  tags: ['Programs'],
  summary: 'List programs, by name',
  request: { query: ProgramListQuery },
  responses: { 200: json(ProgramPage, 'A page of programs.'), ...problems(400) },
});

export const getProgram = createRoute({
  method: 'get',
  path: '/api/programs/{id}',
  tags: ['Programs'],
  summary: 'One program, by id or key',
  request: { params: IdParams },
  responses: { 200: { ...json(Program, 'The program.'), headers: EtagHeader }, ...problems(400, 404) },
});

export const updateProgram = createRoute({
  method: 'patch',
  path: '/api/programs/{id}',
  tags: ['Programs'],
  summary: 'Change a program',
  request: { params: IdParams, headers: IfMatchHeaders, body: jsonBody(ProgramUpdate) },
  description: 'Moving `phase` forward needs readiness met at the new gate (409 gate-closed names each unmet dimension and its criteria), ' +
    "unless `override` names an executive (the program's sponsor or a board member; anyone else: 403) and a reason.",
  responses: { 200: { ...json(Program, 'Updated.'), headers: EtagHeader }, ...problems(400, 403, 404, 409, 412, 413, 415) },
});

export const getProgramHistory = createRoute({
  method: 'get',
  path: '/api/programs/{id}/history',
  tags: ['Programs'],
  summary: 'Every change to the program: who, when, field, before, after; oldest first',
  request: { params: IdParams, query: PageQuery },
  responses: { 200: json(HistoryPage, 'A page of history entries.'), ...problems(400, 404) },
});

export const getProgramAccess = createRoute({
  method: 'get',
  path: '/api/programs/{id}/access',
  tags: ['Programs'],
  summary: 'What the caller may do on this program',
  description: 'The actions the API would accept from the caller on this program, by the same rules it enforces (docs/SECURITY.md). Clients use it to offer only those.',
  request: { params: IdParams },
  responses: { 200: json(ProgramAccess, 'What the caller may do.'), ...problems(400, 404) },
});
