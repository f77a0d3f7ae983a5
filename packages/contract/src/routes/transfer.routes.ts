import { createRoute } from '@hono/zod-openapi';
import { problems } from '../schemas/problem.js';
import { TransferDocument, TransferSummary } from '../schemas/transfer.js';
import { json, jsonBody } from './shared.js';

export const exportWorkspace = createRoute({
  method: 'get',
  path: '/api/workspace/export',
  tags: ['Workspace'],
  summary: 'The whole workspace as one JSON document (backup, move to another server)',
  description:
    'Deterministic: the same stored data always gives the same bytes. Import it into an empty workspace with `POST /api/workspace/import`. ' +
    'An admin operation: the document holds everything the workspace holds, including the webhook URLs of notification channels in full ' +
    '(secrets: whoever has them can post into those channels), so keep exports as safe as the database itself. ' +
    'Not included: the outbox (delivery state) and calendar feeds (secret URLs).',
  responses: { 200: json(TransferDocument, 'The workspace.') },
});

export const importWorkspace = createRoute({
  method: 'post',
  path: '/api/workspace/import',
  tags: ['Workspace'],
  summary: 'Restore an exported workspace into this (empty) workspace',
  description:
    'All or nothing, in one transaction. Keeps ids, timestamps, versions, history, escalation clocks and the fired-level log as exported, ' +
    'so the next sweep fires nothing that already fired in the source; sets the workspace name and time zone. Nothing is sent: the outbox is ' +
    'not part of the document. Create new calendar feeds after a restore. A format-version-1 document (no escalation sections) still imports; ' +
    'its constraints get no escalation clock from the import, so the next sweep starts one for each active constraint and fires the levels due then. ' +
    'Refused with 409 when this workspace already holds anything (people, programs, constraints, history, policies, channels, decisions …).',
  request: { body: jsonBody(TransferDocument) },
  responses: { 200: json(TransferSummary, 'What was stored.'), ...problems(400, 409, 413, 415) },
});
