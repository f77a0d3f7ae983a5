import { createRoute } from '@hono/zod-openapi';
import { problems } from '../schemas/problem.js';
import { TransferDocument, TransferSummary } from '../schemas/transfer.js';
import { json, jsonBody } from './shared.js';

export const exportWorkspace = createRoute({
  method: 'get',
  path: '/api/workspace/export',
  tags: ['Workspace'],
  summary: 'The whole workspace as one JSON document (backup, move to another server)',
  description: 'Deterministic: the same stored data always gives the same bytes. Import it into an empty workspace with `POST /api/workspace/import`.',
  responses: { 200: json(TransferDocument, 'The workspace.') },
});

export const importWorkspace = createRoute({
  method: 'post',
  path: '/api/workspace/import',
  tags: ['Workspace'],
  summary: 'Restore an exported workspace into this (empty) workspace',
  description:
    'All or nothing, in one transaction. Keeps ids, timestamps, versions and history as exported; sets the workspace name and time zone. ' +
    'Refused with 409 when this workspace already has people, programs, constraints or history.',
  request: { body: jsonBody(TransferDocument) },
  responses: { 200: json(TransferSummary, 'What was stored.'), ...problems(400, 409, 413, 415) },
});
