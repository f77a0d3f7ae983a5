import { createRoute } from '@hono/zod-openapi';
import { PortfolioBrief, ProgramBriefResponse } from '../schemas/brief.js';
import { problems } from '../schemas/problem.js';
import { IdParams, json } from './shared.js';

export const getProgramBrief = createRoute({
  method: 'get', path: '/api/programs/{id}/brief', tags: ['Brief'],
  summary: "The sponsor's four answers for a program, and whether it has executive ownership or only visibility",
  description: 'Binding constraint, its owner and deadline, slip and forecast against the target, decisions for the board (METHOD.md section 3, docs/BRIEF.md). ' +
    'The forecast uses a fixed seed and trial count, returned in `forecastSettings`.',
  request: { params: IdParams },
  responses: { 200: json(ProgramBriefResponse, 'The brief.'), ...problems(400, 404, 409) },
});

export const getPortfolioBrief = createRoute({
  method: 'get', path: '/api/brief', tags: ['Brief'],
  summary: "Every program's brief, most risk to its production date first, with the constraints that block more than one program",
  request: {},
  responses: { 200: json(PortfolioBrief, 'The portfolio brief.'), ...problems(400, 409) },
});
