import type { ApiTokenCreate, PageQuery } from '@handoff/contract';
import type { z } from 'zod';
import { TOKEN_PREFIX, newSecret, sha256Hex } from '../auth/secrets.js';
import type { Actor, Deps } from '../context.js';
import { invalidField, notFound } from '../errors.js';
import { decodeCursor, pageFrom } from '../db/paging.js';
import { findToken, insertToken, listTokens, revokeToken, type TokenRow } from '../db/repos/tokens.repo.js';
import { inTransaction } from './transaction.js';

/** How many characters of the secret (after `hnd_`) are kept in clear, to recognise a token in the list. */
export const TOKEN_DISPLAY_CHARS = 8;

export interface TokensServiceOptions {
  /** New secrets (without the `hnd_` prefix); 32 random bytes, base64url, unless replaced. */
  readonly newSecret?: () => string;
}

/**
 * API tokens for scripts and integrations (docs/SECURITY.md, "API tokens"): created and revoked by admins or
 * the local operator; the secret exists in clear only in the answer to the create call, stored as its SHA-256
 * (what authenticate.ts looks up) and a display prefix: `hnd_` and the secret's first 8 characters.
 */
export function createTokensService(deps: Deps, options: TokensServiceOptions = {}) {
  const { db } = deps.database;
  const secretOf = options.newSecret ?? newSecret;

  return {
    async create(actor: Actor, input: ApiTokenCreate): Promise<{ row: TokenRow; secret: string }> {
      const now = deps.clock.now();
      const expiresAt = input.expiresAt === undefined ? null : new Date(input.expiresAt);
      if (expiresAt !== null && expiresAt <= now) throw invalidField('expiresAt', 'must be in the future');
      const secret = secretOf();
      const row = await inTransaction(db, (trx) => insertToken(trx, {
        id: deps.newId(),
        workspace_id: actor.workspaceId,
        name: input.name,
        prefix: `${TOKEN_PREFIX}${secret.slice(0, TOKEN_DISPLAY_CHARS)}`,
        secret_hash: sha256Hex(secret),
        scopes: [...input.scopes],
        // An admin's token names their account; the local operator has none and is named by its label.
        created_by: actor.accountId,
        created_by_label: actor.accountId === null ? actor.label : null,
        created_at: now,
        expires_at: expiresAt,
      }));
      return { row, secret: `${TOKEN_PREFIX}${secret}` };
    },

    async list(actor: Actor, page: z.infer<typeof PageQuery>): Promise<{ rows: TokenRow[]; nextCursor: string | null }> {
      const after = page.cursor ? decodeCursor(page.cursor, 2) : undefined;
      const rows = await listTokens(db, actor.workspaceId, {
        ...(after ? { after: [String(after[0]), String(after[1])] as const } : {}),
        limit: page.limit + 1,
      });
      return pageFrom(rows, page.limit, (r) => [r.created_at.toISOString(), r.id]);
    },

    async get(actor: Actor, id: string): Promise<TokenRow> {
      const row = await findToken(db, actor.workspaceId, id);
      if (!row) throw notFound('API token', id);
      return row;
    },

    /** Revokes a token: the next request with it answers 401 (authentication reads revoked_at on every request). */
    async revoke(actor: Actor, id: string): Promise<TokenRow> {
      const row = await inTransaction(db, (trx) => revokeToken(trx, actor.workspaceId, id, deps.clock.now(), actor.accountId));
      if (!row) throw notFound('API token', id);
      return row;
    },
  };
}
