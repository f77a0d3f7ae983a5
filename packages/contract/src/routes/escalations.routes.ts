import { createRoute } from '@hono/zod-openapi';
import { IfMatchHeaders } from '../schemas/common.js';
import { Constraint } from '../schemas/constraints.js';
import { DecideInput, Decision, DecisionListQuery, DecisionPage, DecisionRequestInput } from '../schemas/decisions.js';
import {
  AcknowledgeInput, ActiveEscalationPage, EscalationListQuery, EscalationPolicy, EscalationPolicyInput, PauseInput, ResumeInput,
  SweepInput, SweepResult,
} from '../schemas/escalations.js';
import { problems } from '../schemas/problem.js';
import { EtagHeader, IdParams, json, jsonBody } from './shared.js';

export const getDefaultPolicy = createRoute({
  method: 'get', path: '/api/escalation-policy', tags: ['Escalation'],
  summary: "The workspace's default escalation ladder",
  responses: { 200: json(EscalationPolicy, 'The policy (the built-in ladder when none is configured).') },
});

export const putDefaultPolicy = createRoute({
  method: 'put', path: '/api/escalation-policy', tags: ['Escalation'],
  summary: "Set the workspace's default escalation ladder",
  description: 'Applies to constraints whose current cycle has not fired yet; in-flight escalations keep the snapshot they started with.',
  request: { headers: IfMatchHeaders, body: jsonBody(EscalationPolicyInput) },
  responses: { 200: json(EscalationPolicy, 'Saved.'), ...problems(400, 412, 413, 415) },
});

export const getProgramPolicy = createRoute({
  method: 'get', path: '/api/programs/{id}/escalation-policy', tags: ['Escalation'],
  summary: "The escalation ladder in force for a program (its override, or the workspace's)",
  request: { params: IdParams },
  responses: { 200: json(EscalationPolicy, 'The policy in force.'), ...problems(400, 404) },
});

export const putProgramPolicy = createRoute({
  method: 'put', path: '/api/programs/{id}/escalation-policy', tags: ['Escalation'],
  summary: "Override the escalation ladder for one program",
  request: { params: IdParams, headers: IfMatchHeaders, body: jsonBody(EscalationPolicyInput) },
  responses: { 200: json(EscalationPolicy, 'Saved.'), ...problems(400, 404, 412, 413, 415) },
});

export const acknowledgeConstraint = createRoute({
  method: 'post', path: '/api/constraints/{id}/acknowledge', tags: ['Escalation'],
  summary: 'Acknowledge an escalation: holds further levels for the acknowledgement period',
  request: { params: IdParams, body: jsonBody(AcknowledgeInput) },
  responses: { 200: { ...json(Constraint, 'Acknowledged.'), headers: EtagHeader }, ...problems(400, 403, 404, 409, 415) },
});

export const pauseEscalation = createRoute({
  method: 'post', path: '/api/constraints/{id}/pause', tags: ['Escalation'],
  summary: 'Pause the escalation clock, with a reason (e.g. waiting for a regulator)',
  request: { params: IdParams, body: jsonBody(PauseInput) },
  responses: { 200: { ...json(Constraint, 'Paused.'), headers: EtagHeader }, ...problems(400, 404, 409, 415) },
});

export const resumeEscalation = createRoute({
  method: 'post', path: '/api/constraints/{id}/resume', tags: ['Escalation'],
  summary: 'Resume the escalation clock; every later level moves by the time spent paused',
  request: { params: IdParams, body: jsonBody(ResumeInput) },
  responses: { 200: { ...json(Constraint, 'Resumed.'), headers: EtagHeader }, ...problems(400, 404, 409, 415) },
});

export const listEscalations = createRoute({
  method: 'get', path: '/api/escalations', tags: ['Escalation'],
  summary: 'Active escalations (at least one level fired this cycle), most recent first',
  request: { query: EscalationListQuery },
  responses: { 200: json(ActiveEscalationPage, 'A page of active escalations.'), ...problems(400) },
});

export const runSweep = createRoute({
  method: 'post', path: '/api/escalations/sweep', tags: ['Escalation'],
  summary: 'Fire every due escalation level once (the server also does this every minute)',
  request: { body: jsonBody(SweepInput) },
  responses: { 200: json(SweepResult, 'What the sweep did.'), ...problems(400, 415) },
});

export const listDecisions = createRoute({
  method: 'get', path: '/api/decisions', tags: ['Decisions'],
  summary: 'Board decision requests, by due date',
  request: { query: DecisionListQuery },
  responses: { 200: json(DecisionPage, 'A page of decisions.'), ...problems(400) },
});

export const requestDecision = createRoute({
  method: 'post', path: '/api/decisions', tags: ['Decisions'],
  summary: 'Ask the board for a decision by hand: context, options (each with an optional effect), the recommended one, a due date',
  description: 'The board members and the sponsor are notified; the request is recorded in the history of the program and of its constraint.',
  request: { body: jsonBody(DecisionRequestInput) },
  responses: { 201: { ...json(Decision, 'The pending request.'), headers: EtagHeader }, ...problems(400, 404, 415) },
});

export const getDecision = createRoute({
  method: 'get', path: '/api/decisions/{id}', tags: ['Decisions'],
  summary: 'One decision request',
  request: { params: IdParams },
  responses: { 200: { ...json(Decision, 'The decision.'), headers: EtagHeader }, ...problems(400, 404) },
});

export const decideDecision = createRoute({
  method: 'post', path: '/api/decisions/{id}/decide', tags: ['Decisions'],
  summary: 'Record the decision taken, by whom, and apply its effect in the same transaction; the time is recorded',
  description: 'An effect moves a deadline (the decision is the reason; a new escalation cycle starts), accepts a constraint, or moves ' +
    "the program's phase (the decider must be its sponsor or a board member; a closed gate is overridden and the override recorded). " +
    'If the effect fails nothing changes and the decision stays pending.',
  request: { params: IdParams, headers: IfMatchHeaders, body: jsonBody(DecideInput) },
  responses: { 200: { ...json(Decision, 'Decided.'), headers: EtagHeader }, ...problems(400, 403, 404, 409, 412, 415) },
});

