import { z } from '@hono/zod-openapi';
import { Id, PageQuery, Timestamp, pageOf } from './common.js';

/** The NDJSON media type of the audit export (one AuditEntry per line). */
export const AUDIT_EXPORT_MEDIA_TYPE = 'application/x-ndjson';

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/).openapi({ description: 'SHA-256, lower-case hex.' });

/**
 * One audit row, every stored field: enough to recompute the chain offline (docs/SECURITY.md, "Audit
 * trail"). before/after are the changed row as JSON, secrets removed by the database trigger.
 */
export const AuditEntry = z
  .object({
    workspaceId: Id,
    seq: z.number().int().positive().openapi({ description: 'Position in the workspace\'s chain: 1, 2, 3 … in commit order.' }),
    at: Timestamp,
    actor: z.string().openapi({ description: 'Who: an account e-mail, `token:<name>`, the local operator, or `system` for background work.' }),
    accountId: Id.nullable(),
    tokenId: Id.nullable(),
    ip: z.string().nullable(),
    request: z.string().nullable().openapi({ description: '`METHOD /path` of the request that made the change.' }),
    action: z.string().openapi({ description: '`insert`, `update`, `delete`, or an event such as `sign-in`.', example: 'update' }),
    entity: z.string().openapi({ description: 'The table (or event subject).', example: 'constraints' }),
    entityId: z.string().nullable(),
    before: z.unknown().openapi({ description: 'The row before the change (JSON), null for an insert.' }),
    after: z.unknown().openapi({ description: 'The row after the change (JSON), null for a delete.' }),
    prevHash: Sha256Hex,
    hash: Sha256Hex,
  })
  .openapi('AuditEntry');
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditPage = pageOf(AuditEntry, 'AuditPage');
export type AuditPage = z.infer<typeof AuditPage>;

export const AuditOrder = z.enum(['newest', 'seq']).openapi('AuditOrder');
export type AuditOrder = z.infer<typeof AuditOrder>;

export const AuditListQuery = PageQuery.extend({
  entity: z.string().trim().min(1).max(100).optional().openapi({ description: 'Only this table or event subject, e.g. `constraints`.' }),
  entityId: z.string().trim().min(1).max(100).optional().openapi({ description: 'Only rows about this id.' }),
  actor: z.string().trim().min(1).max(320).optional().openapi({ description: 'Only this actor label (exact).' }),
  action: z.string().trim().min(1).max(50).optional().openapi({ description: 'Only this action (`insert`, `update`, `delete`, `sign-in` …).' }),
  from: Timestamp.optional().openapi({ description: 'Only rows at or after this instant.' }),
  to: Timestamp.optional().openapi({ description: 'Only rows before this instant.' }),
  order: AuditOrder.default('newest').openapi({ description: '`newest` first (default) or by `seq`, oldest first.' }),
});
export type AuditListQuery = z.infer<typeof AuditListQuery>;

export const AuditBreak = z
  .object({
    seq: z.number().int().positive(),
    at: Timestamp,
    reason: z.enum(['hash-mismatch', 'chain-broken']).openapi({
      description: '`hash-mismatch`: this row\'s content does not give its stored hash (edited). `chain-broken`: its prev_hash is not ' +
        'the previous row\'s hash (a row before it was removed, inserted, or edited with its hash recomputed).',
    }),
    expected: z.string().openapi({ description: 'The hash the chain calls for here.' }),
    found: z.string().openapi({ description: 'The hash stored.' }),
  })
  .openapi('AuditBreak');
export type AuditBreak = z.infer<typeof AuditBreak>;

export const AuditVerification = z
  .object({
    ok: z.boolean(),
    checked: z.number().int().nonnegative().openapi({ description: 'Rows checked (all of them when ok; up to the first break otherwise).' }),
    firstBroken: AuditBreak.nullable(),
  })
  .openapi('AuditVerification');
export type AuditVerification = z.infer<typeof AuditVerification>;
