import type { Kysely } from 'kysely';
import type { Deps } from '../context.js';
import type { DB } from '../db/schema.js';
import { appendAuditEvent, insertSession } from '../db/repos/sessions.repo.js';
import type { AuthConfig } from './auth-config.js';
import { newSecret, sessionCookieName, sha256Hex } from './secrets.js';

/** A session just started: the cookie's secret (never stored) and the CSRF token the browser sends back on writes. */
export interface StartedSession {
  readonly sessionId: string;
  readonly secret: string;
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

/**
 * Starts a session for an account inside the caller's transaction and appends a `sign-in` event to the
 * audit log. Password and single sign-on both end here.
 */
export async function startSession(
  deps: Deps, trx: Kysely<DB>, config: AuthConfig,
  account: { id: string; workspace_id: string }, method: 'password' | 'oidc', client: { ip: string | null; userAgent: string | null },
): Promise<StartedSession> {
  const now = deps.clock.now();
  const secret = newSecret();
  const csrfToken = newSecret();
  const sessionId = deps.newId();
  const expiresAt = new Date(now.getTime() + config.absoluteHours * 3_600_000);
  await insertSession(trx, {
    id: sessionId, workspace_id: account.workspace_id, account_id: account.id, secret_hash: sha256Hex(secret), csrf_token: csrfToken,
    method, ip: client.ip, user_agent: client.userAgent?.slice(0, 500) ?? null, created_at: now, last_seen_at: now, expires_at: expiresAt,
  });
  await appendAuditEvent(trx, { workspaceId: account.workspace_id, action: 'sign-in', entity: 'accounts', entityId: account.id, detail: { method, sessionId } });
  return { sessionId, secret, csrfToken, expiresAt };
}

/** The Set-Cookie value carrying a session: httpOnly, SameSite=Lax, Path=/, Secure (and `__Host-`) over TLS. */
export function sessionCookie(config: AuthConfig, secret: string, expiresAt: Date): string {
  const attributes = ['Path=/', 'HttpOnly', 'SameSite=Lax', `Expires=${expiresAt.toUTCString()}`, ...(config.secureCookies ? ['Secure'] : [])];
  return `${sessionCookieName(config.secureCookies)}=${secret}; ${attributes.join('; ')}`;
}

/** The Set-Cookie value that removes the session cookie. */
export function clearedSessionCookie(config: AuthConfig): string {
  return `${sessionCookieName(config.secureCookies)}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${config.secureCookies ? '; Secure' : ''}`;
}
