import { sql, type Kysely, type Selectable } from 'kysely';
import type { AuditLogTable, DB } from '../schema.js';

/**
 * A stored audit row, plus what offline verification needs verbatim: `at` as ISO 8601 UTC with its
 * microseconds (a JavaScript Date keeps only milliseconds) and before/after in PostgreSQL's canonical jsonb text
 * (parsing it in JavaScript would round numerics such as 1.10), exactly as audit_hash reads them.
 */
export interface AuditRow extends Omit<Selectable<AuditLogTable>, 'seq' | 'prev_hash' | 'hash'> {
  readonly seq: number;
  readonly prev_hash: string;
  readonly hash: string;
  readonly at_iso: string;
  readonly before_text: string | null;
  readonly after_text: string | null;
}

/** `at` as ISO 8601 in UTC with all six fractional digits, as stored (and hashed). */
const AT_ISO = sql<string>`to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** One row of the chain as verification needs it: the stored hashes and the hash the database computes now. */
export interface AuditChainLink {
  readonly seq: number;
  readonly at_iso: string;
  readonly prev_hash: string;
  readonly hash: string;
  readonly recomputed: string;
}

/**
 * The next `limit` rows of a workspace's chain after `afterSeq`, in seq order, each with its hash recomputed
 * by audit_hash (migration 0010) from the stored fields: the canonical text is the database's, not ours.
 */
export async function chainLinks(db: Kysely<DB>, workspaceId: string, afterSeq: number, limit: number): Promise<AuditChainLink[]> {
  const r = await sql<AuditChainLink>`
    select seq, ${AT_ISO} as at_iso, prev_hash, hash,
      audit_hash(prev_hash, seq, workspace_id, at, actor, account_id, token_id, ip, request, action, entity, entity_id, before, after) as recomputed
    from audit_log
    where workspace_id = ${workspaceId}::uuid and seq > ${afterSeq} and hash is not null
    order by seq
    limit ${limit}`.execute(db);
  return r.rows;
}

export interface AuditFilter {
  readonly entity?: string;
  readonly entityId?: string;
  readonly actor?: string;
  readonly action?: string;
  readonly from?: Date;
  readonly to?: Date;
}

/**
 * A page of a workspace's audit rows: `newest` first (seq descending) or by `seq` ascending, keyset after
 * `afterSeq` in that order. `upToSeq` bounds the rows to those present when an export started.
 */
export async function listAuditRows(
  db: Kysely<DB>,
  workspaceId: string,
  options: AuditFilter & { order: 'newest' | 'seq'; afterSeq?: number; upToSeq?: number; limit: number },
): Promise<AuditRow[]> {
  let q = db.selectFrom('audit_log').selectAll()
    .select([
      AT_ISO.as('at_iso'),
      sql<string | null>`before::text`.as('before_text'),
      sql<string | null>`after::text`.as('after_text'),
    ])
    .where('workspace_id', '=', workspaceId)
    // Rows of the caller's own open transaction are not in the chain yet (sealed at commit).
    .where('hash', 'is not', null);
  if (options.entity !== undefined) q = q.where('entity', '=', options.entity);
  if (options.entityId !== undefined) q = q.where('entity_id', '=', options.entityId);
  if (options.actor !== undefined) q = q.where('actor', '=', options.actor);
  if (options.action !== undefined) q = q.where('action', '=', options.action);
  if (options.from !== undefined) q = q.where('at', '>=', options.from);
  if (options.to !== undefined) q = q.where('at', '<', options.to);
  if (options.upToSeq !== undefined) q = q.where('seq', '<=', options.upToSeq);
  if (options.afterSeq !== undefined) q = q.where('seq', options.order === 'newest' ? '<' : '>', options.afterSeq);
  const rows = await q.orderBy('seq', options.order === 'newest' ? 'desc' : 'asc').limit(options.limit).execute();
  return rows.flatMap(({ seq, prev_hash, hash, ...rest }) => (seq === null || prev_hash === null || hash === null ? [] : [{ ...rest, seq, prev_hash, hash }]));
}

/** The newest seq of a workspace's chain (0 when empty). */
export async function lastAuditSeq(db: Kysely<DB>, workspaceId: string): Promise<number> {
  const row = await db.selectFrom('audit_log').select((eb) => eb.fn.max('seq').as('seq'))
    .where('workspace_id', '=', workspaceId).where('hash', 'is not', null).executeTakeFirst();
  return row?.seq ?? 0;
}
