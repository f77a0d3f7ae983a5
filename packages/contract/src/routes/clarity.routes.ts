import { createRoute } from '@hono/zod-openapi';
import { ClarityAssessment, ClarityAssessmentCreate } from '../schemas/clarity.js';
import { problems } from '../schemas/problem.js';
import { IdParams, json, jsonBody } from './shared.js';

export const getClarity = createRoute({
  method: 'get', path: '/api/programs/{id}/clarity', tags: ['Readiness'],
  summary: 'The clarity assessment’s starting point: readiness with every applicable criterion, the ownership map, the diagnosis',
  request: { params: IdParams },
  responses: { 200: json(ClarityAssessment, 'Where the program stands.'), ...problems(400, 404) },
});

export const recordClarity = createRoute({
  method: 'post', path: '/api/programs/{id}/clarity', tags: ['Readiness'],
  summary: 'Record a clarity assessment: criteria with evidence, role holders and binding constraints, in one transaction',
  description: 'The guided first run of a program (METHOD.md section 5; `handoff assess` in the terminal). Roles are assigned first, ' +
    'then the criteria assessed, then a constraint opened for each named gap. Any error records nothing and names the field ' +
    '(`roles.1.personId`, `items.3.evidence`, `constraints.0.deadline`).',
  request: { params: IdParams, body: jsonBody(ClarityAssessmentCreate) },
  responses: { 201: json(ClarityAssessment, 'Recorded; where the program stands now.'), ...problems(400, 404, 409, 413, 415) },
});
