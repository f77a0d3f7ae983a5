import { getConnInfo } from '@hono/node-server/conninfo';
import { authorize, type Principal } from '@handoff/core';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Actor, Deps } from '../context.js';
import { anyAccount, endSession, findSessionBySecret, findTokenBySecret, touchSession, touchToken } from '../db/repos/access.repo.js';
import type { ApiEnv } from '../http/app-types.js';
import { problemBody, problemResponse } from '../http/problem.js';
import { accessFacts } from './access-facts.js';
import type { AuthConfig } from './auth-config.js';
import { withAuditContext } from './audit-context.js';
import { matchRoute } from './route-match.js';
import { CSRF_HEADER, TOKEN_PREFIX, sameSecret, sessionCookieName, sha256Hex } from './secrets.js';
import { clearedSessionCookie } from './sessions.js';

/** How a request may prove who it is, besides sessions and tokens: the in-process operator (CLI on a data directory, tests). */
export interface LocalOperator {
  /** Random per process, never stored or served: `Authorization: Local <secret>`. */
  readonly secret: string;
  readonly label: string;
  readonly workspace: () => Promise<{ id: string; time_zone: string }>;
}

/** Session and token use is written back at most this often (ms), not on every request. */
const TOUCH_EVERY_MS = 60_000;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

type Authenticated = { actor: Actor; refreshCookie?: string } | { problem: Response } | null;

/** The address the request came from: the socket's, or the first X-Forwarded-For entry behind a trusted proxy. */
export function clientIp(c: Context, config: AuthConfig): string | null {
  if (config.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded.slice(0, 100);
  }
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null; // in-process requests (app.request) have no socket
  }
}

/**
 * Authentication and authorization of every /api request (docs/SECURITY.md): finds the caller from a
 * session cookie, a bearer token or the local operator's credential; answers 401 without one (except on
 * public routes) and 403 when the route's access rule refuses; checks the CSRF token on cookie writes; and
 * runs the route inside the caller's audit context so every write it makes is attributed.
 */
export function authMiddleware(deps: Deps, config: AuthConfig, local: LocalOperator): MiddlewareHandler<ApiEnv> {
  const { db } = deps.database;

  async function fromSession(c: Context<ApiEnv>, secret: string, now: Date): Promise<Authenticated> {
    const s = await findSessionBySecret(db, sha256Hex(secret));
    if (!s) return null;
    const idleEnd = s.last_seen_at.getTime() + config.idleMinutes * 60_000;
    if (now >= s.expires_at || now.getTime() >= idleEnd) {
      await endSession(db, s.session_id, now);
      return null;
    }
    if (!SAFE_METHODS.has(c.req.method.toUpperCase())) {
      const sent = c.req.header(CSRF_HEADER) ?? '';
      if (!sameSecret(sent, s.csrf_token)) {
        return { problem: problemResponse(problemBody('forbidden', `a write from a signed-in browser must send the session's CSRF token in the ${CSRF_HEADER} header`)) };
      }
    }
    if (now.getTime() - s.last_seen_at.getTime() >= TOUCH_EVERY_MS) await touchSession(db, s.session_id, now);
    const principal: Principal = { kind: 'account', role: s.role, personId: s.person_id };
    return { actor: { workspaceId: s.workspace_id, timeZone: s.time_zone, label: s.email, principal, accountId: s.account_id, tokenId: null, sessionId: s.session_id } };
  }

  async function fromToken(secret: string, now: Date, ip: string | null): Promise<Authenticated> {
    const t = await findTokenBySecret(db, sha256Hex(secret));
    if (!t || (t.expires_at !== null && now >= t.expires_at)) return null;
    if (t.last_used_at === null || now.getTime() - t.last_used_at.getTime() >= TOUCH_EVERY_MS) await touchToken(db, t.token_id, now, ip);
    return { actor: { workspaceId: t.workspace_id, timeZone: t.time_zone, label: `token:${t.name}`, principal: { kind: 'token', scopes: t.scopes }, accountId: null, tokenId: t.token_id, sessionId: null } };
  }

  async function authenticate(c: Context<ApiEnv>, now: Date, ip: string | null): Promise<Authenticated | 'invalid'> {
    const header = c.req.header('authorization');
    if (header !== undefined && header !== '') {
      const [scheme = '', value = ''] = header.trim().split(/\s+/, 2);
      if (/^bearer$/i.test(scheme) && value.startsWith(TOKEN_PREFIX)) return (await fromToken(value.slice(TOKEN_PREFIX.length), now, ip)) ?? 'invalid';
      if (/^local$/i.test(scheme) && sameSecret(value, local.secret)) {
        const ws = await local.workspace();
        return { actor: { workspaceId: ws.id, timeZone: ws.time_zone, label: local.label, principal: { kind: 'system' }, accountId: null, tokenId: null, sessionId: null } };
      }
      return 'invalid';
    }
    const cookie = getCookie(c, sessionCookieName(config.secureCookies));
    if (cookie) return (await fromSession(c, cookie, now)) ?? { problem: unauthorized('your session has ended; sign in again', clearedSessionCookie(config)) };
    return null;
  }

  return async (c, next) => {
    const now = deps.clock.now();
    const ip = clientIp(c, config);
    const route = matchRoute(c.req.method, c.req.path);
    const found = await authenticate(c, now, ip);
    const isPublic = route?.access.rule === 'public';
    if (found === 'invalid') return unauthorized('the credential in the Authorization header is not valid (revoked, expired or mistyped)');
    if (found !== null && 'problem' in found) {
      if (!isPublic) return found.problem;
    }
    const actor = found !== null && 'actor' in found ? found.actor : null;
    if (actor === null) {
      if (isPublic) return next();
      return unauthorized(await anyAccount(db)
        ? 'sign in, or send an API token as `Authorization: Bearer hnd_…`'
        : 'no account exists yet: create the first admin with `handoff admin create --email you@example.com`, then sign in');
    }
    if (route && !isPublic) {
      const personId = actor.principal.kind === 'account' ? actor.principal.personId : null;
      const facts = await accessFacts(db, actor.workspaceId, personId, route.access, route.params, () => c.req.json().catch(() => undefined));
      const decision = authorize(actor.principal, route.access.rule, facts);
      if (!decision.allowed) return problemResponse(problemBody('forbidden', decision.reason));
    }
    c.set('actor', actor);
    return withAuditContext(
      { actor: actor.label, accountId: actor.accountId, tokenId: actor.tokenId, ip, request: `${c.req.method} ${c.req.path}`.slice(0, 500), now: () => deps.clock.now() },
      () => next(),
    );
  };
}

function unauthorized(detail: string, setCookie?: string): Response {
  const res = problemResponse(problemBody('unauthorized', detail));
  res.headers.set('www-authenticate', 'Bearer realm="handoff"');
  if (setCookie) res.headers.append('set-cookie', setCookie);
  return res;
}
