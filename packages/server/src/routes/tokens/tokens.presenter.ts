import type { ApiToken, CreatedApiToken } from '@handoff/contract';
import type { TokenRow } from '../../db/repos/tokens.repo.js';

/** Maps a stored token to its API shape: never the secret or its hash. */
export function presentToken(row: TokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    createdBy: { accountId: row.created_by, label: row.creator_email ?? row.created_by_label ?? 'unknown' },
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at ? row.expires_at.toISOString() : null,
    revokedAt: row.revoked_at ? row.revoked_at.toISOString() : null,
    lastUsedAt: row.last_used_at ? row.last_used_at.toISOString() : null,
    lastUsedIp: row.last_used_ip,
  };
}

/** A token just created, with its secret: the only answer that ever carries it. */
export function presentCreatedToken(row: TokenRow, secret: string): CreatedApiToken {
  return { ...presentToken(row), secret };
}
