import { createRoute } from '@hono/zod-openapi';
import { ProgramDiagnosis } from '../schemas/diagnosis.js';
import { problems } from '../schemas/problem.js';
import { IdParams, json } from './shared.js';

export const getProgramDiagnosis = createRoute({
  method: 'get', path: '/api/programs/{id}/diagnosis', tags: ['Readiness'],
  summary: "A program's failure-mode diagnosis, from live data, with the evidence behind each finding",
  description: 'Architecture without governance; governance without adoption; adoption without ownership (METHOD.md section 1). ' +
    'Several can hold at once. The signals read are returned with the findings; the rules are in docs/DIAGNOSIS.md.',
  request: { params: IdParams },
  responses: { 200: json(ProgramDiagnosis, 'The diagnosis.'), ...problems(400, 404) },
});
