import type { AuditListQuery, AuditVerification } from '@handoff/contract';
import type { Actor, Deps } from '../context.js';
import { decodeCursor, pageFrom } from '../db/paging.js';
import { invalidField } from '../errors.js';
import { chainLinks, lastAuditSeq, listAuditRows, type AuditRow } from '../db/repos/audit.repo.js';

/** The prev_hash of a workspace's first audit row (migration 0010). */
export const GENESIS_HASH = '0'.repeat(64);

/** Rows per query while verifying or exporting: bounded memory whatever the log's size. */
export const AUDIT_CHUNK = 5_000;

/**
 * The audit trail (docs/SECURITY.md, "Audit trail"): rows are written by database triggers; this service
 * only reads them — lists, exports, and verifies the hash chain of the actor's workspace.
 */
export function createAuditService(deps: Deps) {
  const { db } = deps.database;

  return {
    async list(actor: Actor, query: AuditListQuery): Promise<{ rows: AuditRow[]; nextCursor: string | null }> {
      const after = query.cursor ? Number(decodeCursor(query.cursor, 1)[0]) : undefined;
      if (after !== undefined && !Number.isSafeInteger(after)) throw invalidField('cursor', 'is not a cursor returned by this list');
      const rows = await listAuditRows(db, actor.workspaceId, {
        ...(query.entity !== undefined ? { entity: query.entity } : {}),
        ...(query.entityId !== undefined ? { entityId: query.entityId } : {}),
        ...(query.actor !== undefined ? { actor: query.actor } : {}),
        ...(query.action !== undefined ? { action: query.action } : {}),
        ...(query.from !== undefined ? { from: new Date(query.from) } : {}),
        ...(query.to !== undefined ? { to: new Date(query.to) } : {}),
        ...(after !== undefined ? { afterSeq: after } : {}),
        order: query.order,
        limit: query.limit + 1,
      });
      return pageFrom(rows, query.limit, (r) => [r.seq]);
    },

    /**
     * Walks the chain in seq order, AUDIT_CHUNK rows per query, and stops at the first row that does not
     * fit: its prev_hash is not the previous row's stored hash (`chain-broken`: a row before it was removed,
     * or edited with its hash recomputed), or its content does not give its stored hash (`hash-mismatch`).
     */
    async verify(actor: Actor): Promise<AuditVerification> {
      let previous = GENESIS_HASH;
      let afterSeq = 0;
      let checked = 0;
      for (;;) {
        const links = await chainLinks(db, actor.workspaceId, afterSeq, AUDIT_CHUNK);
        for (const link of links) {
          if (link.prev_hash !== previous) {
            return { ok: false, checked, firstBroken: { seq: link.seq, at: link.at_iso, reason: 'chain-broken', expected: previous, found: link.prev_hash } };
          }
          if (link.recomputed !== link.hash) {
            return { ok: false, checked, firstBroken: { seq: link.seq, at: link.at_iso, reason: 'hash-mismatch', expected: link.recomputed, found: link.hash } };
          }
          checked += 1;
          previous = link.hash;
          afterSeq = link.seq;
        }
        if (links.length < AUDIT_CHUNK) return { ok: true, checked, firstBroken: null };
      }
    },

    /**
     * The workspace's rows in seq order, AUDIT_CHUNK per query, up to the newest row when the first chunk is
     * read: an export is a consistent prefix of the chain even while writes continue. `filename` names the
     * workspace and today's date (the server clock, UTC).
     */
    export(actor: Actor): { filename: string; chunks: AsyncGenerator<AuditRow[]> } {
      const filename = `audit-${actor.workspaceId}-${deps.clock.now().toISOString().slice(0, 10)}.ndjson`;
      async function* chunks(): AsyncGenerator<AuditRow[]> {
        const upToSeq = await lastAuditSeq(db, actor.workspaceId);
        let afterSeq = 0;
        for (;;) {
          const rows = await listAuditRows(db, actor.workspaceId, { order: 'seq', afterSeq, upToSeq, limit: AUDIT_CHUNK });
          if (rows.length > 0) yield rows;
          const last = rows[rows.length - 1];
          if (last === undefined || rows.length < AUDIT_CHUNK) return;
          afterSeq = last.seq;
        }
      }
      return { filename, chunks: chunks() };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
