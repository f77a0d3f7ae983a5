import type { Kysely } from 'kysely';
import { applyAuditContext } from '../auth/audit-context.js';
import type { DB } from '../db/schema.js';

/**
 * Runs `work` in one transaction: every write of a service call commits together or not at all, and the
 * audit log records who made it (the request's audit context, see auth/audit-context.ts).
 */
export function inTransaction<T>(db: Kysely<DB>, work: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await applyAuditContext(trx);
    return work(trx);
  });
}

/** Checks an If-Match version against the stored one. Returns false when stale. */
export function versionMatches(ifMatch: string | undefined, stored: number): boolean {
  if (ifMatch === undefined || ifMatch.trim() === '*') return true;
  return ifMatch
    .split(',')
    .map((t) => t.trim().replace(/^W\//, '').replace(/^"|"$/g, ''))
    .includes(String(stored));
}

/** The ETag of a row version. */
export function etag(version: number): string {
  return `"${version}"`;
}
