import { Account, SignInResult } from '@handoff/contract';
import type { AccountRole } from '@handoff/core';
import { createApp } from '../../app.js';
import { DEFAULT_AUTH_CONFIG, type AuthConfig } from '../../auth/auth-config.js';
import { newSecret } from '../../auth/secrets.js';
import type { TestApi, TestResponse } from '../../testing/harness.js';

/** Test helpers of the sign-in routes: accounts made through the API, sign-in, cookies. */

export const PASSWORD = 'violet-harbour-lantern-42';

export async function createAccount(api: TestApi, email: string, role: AccountRole = 'admin', password = PASSWORD): Promise<Account> {
  const res = await api.call('POST', '/api/accounts', { email, role, password });
  if (res.status !== 201) throw new Error(`creating account ${email} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return Account.parse(res.body);
}

/** A signed-in session: the cookie header to send and the CSRF token for writes. */
export interface TestSession {
  readonly cookie: string;
  readonly csrf: string;
  readonly result: SignInResult;
  readonly setCookie: string;
}

export function signInCall(api: TestApi, email: string, password: string): Promise<TestResponse> {
  return api.call('POST', '/api/auth/sign-in', { email, password }, { authorization: '' });
}

export async function signIn(api: TestApi, email: string, password = PASSWORD): Promise<TestSession> {
  const res = await signInCall(api, email, password);
  if (res.status !== 200) throw new Error(`signing in ${email} answered ${res.status}: ${JSON.stringify(res.body)}`);
  const setCookie = res.headers.get('set-cookie') ?? '';
  const pair = setCookie.split(';')[0] ?? '';
  return { cookie: pair, csrf: SignInResult.parse(res.body).csrfToken, result: SignInResult.parse(res.body), setCookie };
}

/** Calls as the session: cookie always, CSRF header on writes unless `csrf: false`. */
export function asSession(api: TestApi, s: TestSession, csrf = true) {
  return (method: string, path: string, body?: unknown): Promise<TestResponse> =>
    api.call(method, path, body, { cookie: s.cookie, ...(csrf && method !== 'GET' ? { 'x-csrf-token': s.csrf } : {}) });
}

/**
 * A second app on the test API's database with other auth settings (TLS cookies, a trusted proxy), called
 * anonymously or with the given headers.
 */
export function appWith(api: TestApi, auth: Partial<AuthConfig>) {
  const { app } = createApp(api.handoff.deps, {
    local: { secret: newSecret(), label: 'test', workspace: async () => api.handoff.workspace },
    auth: { ...DEFAULT_AUTH_CONFIG, ...auth },
  });
  return async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<TestResponse> => {
    const sent: Record<string, string> = { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers };
    const res = await app.request(path, { method, headers: sent, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const text = await res.text();
    let parsed: unknown = text;
    try { parsed = JSON.parse(text); } catch { /* not JSON */ }
    return { status: res.status, headers: res.headers, body: parsed };
  };
}

/** Counts of the rows a refused attempt must not touch. */
export async function stateCounts(api: TestApi): Promise<Record<string, number>> {
  const { db } = api.handoff.deps.database;
  const count = async (table: 'sessions' | 'audit_log' | 'accounts' | 'history'): Promise<number> =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  const versions = await db.selectFrom('accounts').select(['id', 'version', 'updated_at']).orderBy('id').execute();
  return {
    sessions: await count('sessions'), audit: await count('audit_log'), accounts: await count('accounts'), history: await count('history'),
    versions: versions.reduce((sum, v) => sum + v.version, 0),
  };
}

export async function attempts(api: TestApi, email: string): Promise<Array<{ succeeded: boolean; ip: string | null }>> {
  return api.handoff.deps.database.db.selectFrom('sign_in_attempts').select(['succeeded', 'ip']).where('email', '=', email).orderBy('id').execute();
}
