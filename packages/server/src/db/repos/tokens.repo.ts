import type { Insertable, Kysely } from 'kysely';
import type { TokenScope } from '@handoff/core';
import type { ApiTokensTable, DB } from '../schema.js';
import { isUuid } from './programs.repo.js';

/** A stored API token as shown to admins: never its secret hash; the creator's e-mail when an account created it. */
export interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  scopes: TokenScope[];
  created_by: string | null;
  created_by_label: string | null;
  creator_email: string | null;
  created_at: Date;
  expires_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
  last_used_ip: string | null;
}

function selectTokens(db: Kysely<DB>, workspaceId: string) {
  return db.selectFrom('api_tokens as t')
    .leftJoin('accounts as a', 'a.id', 't.created_by')
    .select(['t.id', 't.name', 't.prefix', 't.scopes', 't.created_by', 't.created_by_label', 'a.email as creator_email',
      't.created_at', 't.expires_at', 't.revoked_at', 't.last_used_at', 't.last_used_ip'])
    .where('t.workspace_id', '=', workspaceId);
}

/** Stores a new token (its secret only as a hash) and returns it as listed. */
export async function insertToken(db: Kysely<DB>, row: Insertable<ApiTokensTable>): Promise<TokenRow> {
  await db.insertInto('api_tokens').values(row).execute();
  return (await findToken(db, row.workspace_id, row.id)) ?? missing(row.id);
}

/** One token of the workspace by id (undefined for another workspace's, or a malformed id). */
export function findToken(db: Kysely<DB>, workspaceId: string, id: string): Promise<TokenRow | undefined> {
  if (!isUuid(id)) return Promise.resolve(undefined);
  return selectTokens(db, workspaceId).where('t.id', '=', id).executeTakeFirst();
}

/** The workspace's tokens, oldest first (keyset on created_at, id), revoked and expired ones included. */
export function listTokens(db: Kysely<DB>, workspaceId: string, page: { after?: readonly [string, string]; limit: number }): Promise<TokenRow[]> {
  let q = selectTokens(db, workspaceId);
  if (page.after) {
    const [createdAt, id] = page.after;
    q = q.where((eb) => eb(eb.refTuple('t.created_at', 't.id'), '>', eb.tuple(new Date(createdAt), id)));
  }
  return q.orderBy('t.created_at').orderBy('t.id').limit(page.limit).execute();
}

/**
 * Revokes a token of the workspace; revoking again keeps the first time and who did it. Undefined when
 * the workspace has no such token.
 */
export async function revokeToken(db: Kysely<DB>, workspaceId: string, id: string, at: Date, by: string | null): Promise<TokenRow | undefined> {
  if (!isUuid(id)) return undefined;
  // One statement: both expressions read the row as it was, so a second revocation changes neither column.
  const updated = await db.updateTable('api_tokens')
    .set((eb) => ({
      revoked_at: eb.fn.coalesce('revoked_at', eb.val(at)),
      revoked_by: eb.case().when('revoked_at', 'is', null).then(eb.val(by)).else(eb.ref('revoked_by')).end(),
    }))
    .where('workspace_id', '=', workspaceId).where('id', '=', id)
    .returning('id').executeTakeFirst();
  return updated ? findToken(db, workspaceId, id) : undefined;
}

function missing(id: string): never {
  throw new Error(`api token ${id} was inserted but cannot be read back`);
}
