import { createRoute } from '@hono/zod-openapi';
import { problems } from '../schemas/problem.js';
import {
  ConstraintImpact, FORECAST_DEFAULT_SEED, FORECAST_DEFAULT_TRIALS, ForecastQuery, ImpactQuery, PhasePlan, PlanInput, ProgramForecast, ProgramTimeline,
} from '../schemas/timeline.js';
import { IdParams, json, jsonBody } from './shared.js';

export const getProgramPlan = createRoute({
  method: 'get', path: '/api/programs/{id}/plan', tags: ['Timeline'],
  summary: "A program's phase plan: the planned date of each gate",
  description: 'The production gate without a plan date takes the program’s target production date (`source: target-production-date`).',
  request: { params: IdParams },
  responses: { 200: json(PhasePlan, 'The plan.'), ...problems(400, 404) },
});

export const putProgramPlan = createRoute({
  method: 'put', path: '/api/programs/{id}/plan', tags: ['Timeline'],
  summary: "Set a program's phase plan (the whole plan)",
  description: 'Dates must not go backwards in phase order (400 naming the gate); when production has no date, the target production date ' +
    'stands in for it. Each changed gate is recorded in the program history as `plan.<gate>`.',
  request: { params: IdParams, body: jsonBody(PlanInput) },
  responses: { 200: json(PhasePlan, 'The plan after the change.'), ...problems(400, 404, 409, 413, 415) },
});

export const getProgramTimeline = createRoute({
  method: 'get', path: '/api/programs/{id}/timeline', tags: ['Timeline'],
  summary: 'Projected gate dates, critical paths, slack and the binding constraint of a program',
  description: 'A gate opens no earlier than today, its plan date, the previous gate and the finish of every active constraint blocking it ' +
    'and everything those depend on (across programs). An open constraint finishes at its deadline; an overdue one at today plus its ' +
    'forecast lateness. Rules and tie-breaks: docs/TIMELINE.md.',
  request: { params: IdParams },
  responses: { 200: json(ProgramTimeline, 'The timeline.'), ...problems(400, 404, 409) },
});

export const getConstraintImpact = createRoute({
  method: 'get', path: '/api/constraints/{id}/impact', tags: ['Timeline'],
  summary: 'If this constraint resolves N days later than projected: which gates move, and by how much',
  description: 'Per program it reaches (through its active dependents, across programs) and gate: days moved and the production date before/after. ' +
    'A resolved or accepted constraint cannot slip (409).',
  request: { params: IdParams, query: ImpactQuery },
  responses: { 200: json(ConstraintImpact, 'The impact.'), ...problems(400, 404, 409) },
});

export const getProgramForecast = createRoute({
  method: 'get', path: '/api/programs/{id}/forecast', tags: ['Timeline'],
  summary: 'Monte Carlo forecast: P50/P80/P95 per gate, chance of meeting the target, criticality of each constraint',
  description: 'Lateness is drawn per kind and dimension from how late this workspace’s resolved constraints actually were (shrunk toward ' +
    `a documented prior when history is short). Default seed ${FORECAST_DEFAULT_SEED} and ${FORECAST_DEFAULT_TRIALS} trials: the same data and seed give the same body.`,
  request: { params: IdParams, query: ForecastQuery },
  responses: { 200: json(ProgramForecast, 'The forecast.'), ...problems(400, 404, 409) },
});
