import { createRoute, z } from '@hono/zod-openapi';
import { Id, PageQuery } from '../schemas/common.js';
import { problems } from '../schemas/problem.js';
import { Review, ReviewAgenda, ReviewInput, ReviewPage } from '../schemas/reviews.js';
import { IdParams, json, jsonBody } from './shared.js';

export const getReviewAgenda = createRoute({
  method: 'get',
  path: '/api/programs/{id}/review',
  tags: ['Reviews'],
  summary: "The weekly review agenda: every active constraint of a program with what changed since it was last reviewed",
  description: 'Overdue constraints first, then by deadline. Each item carries the constraint (escalation state, overdue, stale) and ' +
    'its history entries since its last review (since its creation when never reviewed).',
  request: { params: IdParams },
  responses: { 200: json(ReviewAgenda, 'The agenda.'), ...problems(400, 404) },
});

export const createReview = createRoute({
  method: 'post',
  path: '/api/programs/{id}/reviews',
  tags: ['Reviews'],
  summary: 'Record a review: one decision per constraint, applied in one transaction',
  description: 'Every item marks its constraint reviewed. `re-plan` moves the deadline exactly as a PATCH does (reason required, ' +
    'new escalation cycle), `escalate-now` fires the next escalation level, `resolved` closes the constraint. Items naming ' +
    'constraints of another program, closed constraints or the same constraint twice are refused with 400 naming ' +
    '`items.N.constraintId`; one bad item and nothing is applied.',
  request: { params: IdParams, body: jsonBody(ReviewInput) },
  responses: {
    201: { ...json(Review, 'Recorded, with what each item changed.'), headers: { Location: { description: 'The review.', schema: { type: 'string' as const } } } },
    ...problems(400, 404, 413, 415),
  },
});

export const listProgramReviews = createRoute({
  method: 'get',
  path: '/api/programs/{id}/reviews',
  tags: ['Reviews'],
  summary: "A program's reviews, newest first",
  request: { params: IdParams, query: PageQuery },
  responses: { 200: json(ReviewPage, 'A page of reviews.'), ...problems(400, 404) },
});

export const getReview = createRoute({
  method: 'get',
  path: '/api/reviews/{id}',
  tags: ['Reviews'],
  summary: 'One review with its decisions',
  request: { params: z.object({ id: Id.openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: { 200: json(Review, 'The review.'), ...problems(400, 404) },
});
