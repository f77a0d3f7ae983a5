import { createRoute } from '@hono/zod-openapi';
import { DigestInputBody, DigestResult } from '../schemas/digests.js';
import { problems } from '../schemas/problem.js';
import { json, jsonBody } from './shared.js';

export const sendDigests = createRoute({
  method: 'post', path: '/api/digests/send', tags: ['Notifications'],
  summary: "Send this week's digest to everyone who has not had it yet (the server does this hourly)",
  description: 'Each person gets at most one digest per week (in the workspace time zone), however often this runs.',
  request: { body: jsonBody(DigestInputBody) },
  responses: { 200: json(DigestResult, 'What was sent.'), ...problems(400, 415) },
});
