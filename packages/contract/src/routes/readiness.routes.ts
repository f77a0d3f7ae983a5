import { createRoute, z } from '@hono/zod-openapi';
import { IfMatchHeaders, PageQuery } from '../schemas/common.js';
import { Constraint, HistoryPage } from '../schemas/constraints.js';
import {
  CriteriaExportQuery, CriteriaImportResult, CriteriaLibrary, CriteriaListQuery, Criterion, CriterionCreate, CriterionPage, CriterionRetire,
  CriterionUpdate, MAX_LIBRARY_ENTRIES,
} from '../schemas/criteria.js';
import { problems } from '../schemas/problem.js';
import {
  AssessmentCreate, CriterionConstraintCreate, GateOverridePage, ProgramReadiness, ReadinessQuery, ReadinessTrend, TrendQuery,
} from '../schemas/readiness.js';
import { EtagHeader, IdParams, json, jsonBody } from './shared.js';

const tags = ['Readiness'];

export const listCriteria = createRoute({
  method: 'get', path: '/api/criteria', tags,
  summary: 'The readiness criteria library, by dimension then code',
  request: { query: CriteriaListQuery },
  responses: { 200: json(CriterionPage, 'A page of criteria.'), ...problems(400) },
});

export const createCriterion = createRoute({
  method: 'post', path: '/api/criteria', tags,
  summary: 'Add a criterion to the library',
  request: { body: jsonBody(CriterionCreate) },
  responses: { 201: { ...json(Criterion, 'Created.'), headers: EtagHeader }, ...problems(400, 409, 413, 415) },
});

/**
 * Typed with a plain string key on purpose: the route typings would read the JSON media type as the only
 * answer and forbid the YAML text the handler returns by default.
 */
const libraryFile: Record<string, { schema: typeof CriteriaLibrary | z.ZodString }> = {
  'application/yaml': { schema: z.string() },
  'application/json': { schema: CriteriaLibrary },
};

export const exportCriteria = createRoute({
  method: 'get', path: '/api/criteria/export', tags,
  summary: 'The active criteria as a library file (YAML by default, or JSON)',
  request: { query: CriteriaExportQuery },
  responses: { 200: { description: 'The library file.', content: libraryFile }, ...problems(400) },
});

export const importCriteria = createRoute({
  method: 'post', path: '/api/criteria:import', tags,
  summary: 'Import a library file (YAML or JSON): upsert by code, all or nothing',
  description:
    `The body is a CriteriaLibrary document as YAML or JSON (\`{version: 1, criteria: [...]}\`, at most ${MAX_LIBRARY_ENTRIES} criteria). ` +
    'Each entry is matched to the library by code: new codes are created, changed ones updated (a retired criterion listed again is ' +
    'active again), the others left unchanged; criteria the file does not list are left alone. One bad entry and nothing is stored: ' +
    '400 names every problem as `criteria.<index>.<field>`.',
  request: {
    body: {
      required: true,
      content: {
        'application/yaml': { schema: z.string() },
        // A reference, not the zod schema: the handler parses JSON and YAML alike, so the body is not validated before it.
        'application/json': { schema: { $ref: '#/components/schemas/CriteriaLibrary' } },
      },
    },
  },
  responses: { 200: json(CriteriaImportResult, 'Imported: what was created, updated and unchanged.'), ...problems(400, 413) },
});

export const getCriterion = createRoute({
  method: 'get', path: '/api/criteria/{id}', tags,
  summary: 'One criterion, by id or code',
  request: { params: IdParams },
  responses: { 200: { ...json(Criterion, 'The criterion.'), headers: EtagHeader }, ...problems(400, 404) },
});

export const updateCriterion = createRoute({
  method: 'patch', path: '/api/criteria/{id}', tags,
  summary: 'Change a criterion (its code stays)',
  request: { params: IdParams, headers: IfMatchHeaders, body: jsonBody(CriterionUpdate) },
  responses: { 200: { ...json(Criterion, 'Updated.'), headers: EtagHeader }, ...problems(400, 404, 409, 412, 413, 415) },
});

export const retireCriterion = createRoute({
  method: 'post', path: '/api/criteria/{id}/retire', tags,
  summary: 'Retire a criterion: it no longer applies; past assessments and history keep it',
  request: { params: IdParams, headers: IfMatchHeaders, body: jsonBody(CriterionRetire) },
  responses: { 200: { ...json(Criterion, 'Retired.'), headers: EtagHeader }, ...problems(400, 404, 409, 412, 415) },
});

export const getCriterionHistory = createRoute({
  method: 'get', path: '/api/criteria/{id}/history', tags,
  summary: 'Every change to the criterion, oldest first',
  request: { params: IdParams, query: PageQuery },
  responses: { 200: json(HistoryPage, 'A page of history entries.'), ...problems(400, 404) },
});

export const createAssessment = createRoute({
  method: 'post', path: '/api/programs/{id}/assessments', tags,
  summary: "Record an assessment of a program's criteria; answers the readiness after it",
  description: 'One batch, kept for ever (assessments are never changed: a new result is a new assessment). A `met` result needs evidence.',
  request: { params: IdParams, body: jsonBody(AssessmentCreate) },
  responses: { 201: json(ProgramReadiness, 'Recorded; the readiness after it.'), ...problems(400, 404, 413, 415) },
});

export const getReadiness = createRoute({
  method: 'get', path: '/api/programs/{id}/readiness', tags,
  summary: "A program's readiness for its next gate: four dimensions, each criterion's latest result and evidence",
  request: { params: IdParams, query: ReadinessQuery },
  responses: { 200: json(ProgramReadiness, 'The readiness.'), ...problems(400, 404) },
});

export const getReadinessTrend = createRoute({
  method: 'get', path: '/api/programs/{id}/readiness/trend', tags,
  summary: 'Readiness after each assessment, oldest first',
  request: { params: IdParams, query: TrendQuery },
  responses: { 200: json(ReadinessTrend, 'The trend.'), ...problems(400, 404) },
});

export const createCriterionConstraint = createRoute({
  method: 'post', path: '/api/programs/{id}/readiness/{criterion}/constraint', tags,
  summary: 'Turn an unmet criterion into a constraint with an owner and a deadline, linked both ways',
  request: {
    params: IdParams.extend({ criterion: z.string().min(1).max(64).regex(/^[A-Za-z0-9-]+$/, 'must be an id or a code').openapi({ param: { name: 'criterion', in: 'path' }, example: 'GOV-02' }) }),
    body: jsonBody(CriterionConstraintCreate),
  },
  responses: { 201: { ...json(Constraint, 'Opened.'), headers: EtagHeader }, ...problems(400, 404, 409, 413, 415) },
});

export const listGateOverrides = createRoute({
  method: 'get', path: '/api/programs/{id}/gate-overrides', tags,
  summary: 'Phase changes let through with the gate closed: who decided, why, what was unmet; oldest first',
  request: { params: IdParams, query: PageQuery },
  responses: { 200: json(GateOverridePage, 'A page of overrides.'), ...problems(400, 404) },
});
