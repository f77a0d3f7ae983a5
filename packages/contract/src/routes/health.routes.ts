import { createRoute } from '@hono/zod-openapi';
import { Health } from '../schemas/health.js';
import { json } from './shared.js';

export const getHealth = createRoute({
  method: 'get',
  path: '/api/health',
  tags: ['System'],
  summary: 'Liveness and the database in use',
  responses: { 200: json(Health, 'The server is up.') },
});
