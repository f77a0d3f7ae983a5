import { AsyncLocalStorage } from 'node:async_hooks';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/** Who is writing, from where: recorded with every audit row a transaction produces (docs/SECURITY.md). */
export interface AuditContext {
  readonly actor: string;
  readonly accountId: string | null;
  readonly tokenId: string | null;
  readonly ip: string | null;
  /** `METHOD /path` of the request. */
  readonly request: string | null;
  /** The server's clock, so audit times agree with history times. */
  readonly now: () => Date;
}

const storage = new AsyncLocalStorage<AuditContext>();

/** Runs `work` with `context` as the audit context of every transaction it opens. */
export function withAuditContext<T>(context: AuditContext, work: () => T): T {
  return storage.run(context, work);
}

/** The audit context of the current request or job, if any. */
export function currentAuditContext(): AuditContext | undefined {
  return storage.getStore();
}

/**
 * Hands the current audit context to the database for this transaction only (`set_config(…, true)`), where
 * the audit triggers read it. Without a context the triggers record the write as the system's own.
 */
export async function applyAuditContext(trx: Kysely<DB>): Promise<void> {
  const context = storage.getStore();
  if (!context) return;
  const value = JSON.stringify({
    actor: context.actor, accountId: context.accountId, tokenId: context.tokenId, ip: context.ip, request: context.request,
    at: context.now().toISOString(),
  });
  await sql`select set_config('handoff.audit', ${value}, true)`.execute(trx);
}
