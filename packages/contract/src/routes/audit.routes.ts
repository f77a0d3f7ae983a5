import { createRoute } from '@hono/zod-openapi';
import { AUDIT_EXPORT_MEDIA_TYPE, AuditListQuery, AuditPage, AuditVerification } from '../schemas/audit.js';
import { problems } from '../schemas/problem.js';
import { json } from './shared.js';

export const listAudit = createRoute({
  method: 'get',
  path: '/api/audit',
  tags: ['Audit'],
  summary: 'The audit log of this workspace: who changed what, when, from where; newest first or by seq',
  description: 'Every change to a workspace table is recorded by the database itself (triggers), with the actor, account or token, ' +
    'address and request line of the call that made it, and the row before and after (secrets removed). Admins only.',
  request: { query: AuditListQuery },
  responses: { 200: json(AuditPage, 'A page of audit rows.'), ...problems(400) },
});

export const verifyAudit = createRoute({
  method: 'get',
  path: '/api/audit/verify',
  tags: ['Audit'],
  summary: 'Recompute this workspace\'s audit hash chain and name the first row that does not fit',
  description: 'Walks the whole chain in seq order, recomputing each row\'s hash in the database. An edited row shows as `hash-mismatch` at ' +
    'that row; a removed row, or one edited with its hash recomputed, as `chain-broken` at the row after it. Removing the newest rows ' +
    'cannot be detected from the log alone: compare `checked` and the last hash with an earlier export.',
  responses: { 200: json(AuditVerification, 'The result; `ok: false` is still a 200.') },
});

export const exportAudit = createRoute({
  method: 'get',
  path: '/api/audit/export',
  tags: ['Audit'],
  summary: 'The whole audit log of this workspace as JSON lines, by seq, with every field and hash (for offline verification)',
  description: `Streamed as ${AUDIT_EXPORT_MEDIA_TYPE}, one AuditEntry per line, oldest first, up to the newest row at the start of the request; ` +
    'sent as an attachment. A failure part-way aborts the transfer instead of ending it cleanly, so a cut-off file is not mistaken ' +
    'for a complete one; the line count of a complete export equals `checked` of a verify run at the same moment.',
  responses: {
    200: {
      description: 'One AuditEntry per line.',
      // A plain OpenAPI schema, not zod: a stream of lines has no single JSON value to validate (each line is an AuditEntry).
      content: { [AUDIT_EXPORT_MEDIA_TYPE]: { schema: { type: 'string' as const, description: 'One AuditEntry (JSON) per line.' } } },
      headers: { 'Content-Disposition': { description: 'attachment; filename="audit-<workspace>-<date>.ndjson"', schema: { type: 'string' as const } } },
    },
  },
});
