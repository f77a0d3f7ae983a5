import type { AuditEntry } from '@handoff/contract';
import type { AuditRow } from '../../db/repos/audit.repo.js';

/** Maps an audit row to its API shape (before/after as parsed JSON). */
export function presentAuditEntry(row: AuditRow): AuditEntry {
  return {
    workspaceId: row.workspace_id,
    seq: row.seq,
    at: row.at_iso,
    actor: row.actor,
    accountId: row.account_id,
    tokenId: row.token_id,
    ip: row.ip,
    request: row.request,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    before: row.before ?? null,
    after: row.after ?? null,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/**
 * One export line: the AuditEntry fields in a fixed order, with before/after spliced in as the database's
 * canonical jsonb text, byte for byte, so an offline verifier can hash exactly what the database hashed.
 */
export function auditLine(row: AuditRow): string {
  const { before: _before, after: _after, prevHash, hash, ...head } = presentAuditEntry(row);
  const opening = JSON.stringify(head).slice(0, -1);
  return `${opening},"before":${row.before_text ?? 'null'},"after":${row.after_text ?? 'null'},"prevHash":${JSON.stringify(prevHash)},"hash":${JSON.stringify(hash)}}\n`;
}
