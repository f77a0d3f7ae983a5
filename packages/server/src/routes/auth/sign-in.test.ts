import { Me, Problem } from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../testing/harness.js';
import { PASSWORD, appWith, asSession, attempts, createAccount, signIn, signInCall, stateCounts } from './auth-test-helpers.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
  await createAccount(api, 'ada@example.com', 'admin');
  await createAccount(api, 'vic@example.com', 'viewer');
});
afterAll(async () => { await api.close(); });

describe('password sign-in', () => {
  it('starts a session with an HttpOnly, SameSite=Lax cookie on Path=/ and answers the account and CSRF token', async () => {
    const s = await signIn(api, 'ada@example.com');
    expect(s.result.account.email).toBe('ada@example.com');
    expect(s.result.account.role).toBe('admin');
    expect(s.result.csrfToken.length).toBeGreaterThanOrEqual(40);
    expect(s.setCookie).toMatch(/^handoff_session=[A-Za-z0-9_-]{43};/);
    expect(s.setCookie).toContain('HttpOnly');
    expect(s.setCookie).toContain('SameSite=Lax');
    expect(s.setCookie).toContain('Path=/');
    expect(s.setCookie).not.toContain('Secure');
    const me = Me.parse((await asSession(api, s)('GET', '/api/me')).body);
    expect(me.account?.email).toBe('ada@example.com');
    expect(me.csrfToken).toBe(s.csrf);
    expect(me).toMatchObject({ canAdmin: true, canDecide: false, canCreateProgram: true });
    expect(me.expiresAt).toBe(s.result.expiresAt);
  });

  it('shows a viewer that it may neither administer, decide nor start programs', async () => {
    const me = Me.parse((await asSession(api, await signIn(api, 'vic@example.com'))('GET', '/api/me')).body);
    expect(me).toMatchObject({ canAdmin: false, canDecide: false, canCreateProgram: false });
  });

  it('marks the cookie Secure with the __Host- prefix when served over TLS', async () => {
    const call = appWith(api, { secureCookies: true });
    const res = await call('POST', '/api/auth/sign-in', { email: 'ada@example.com', password: PASSWORD });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^__Host-handoff_session=/);
    expect(cookie).toContain('Secure');
    expect(cookie).toContain('HttpOnly');
  });

  it('answers an unknown e-mail, a wrong password and a disabled account with the same 401, and records each attempt', async () => {
    const disabled = await createAccount(api, 'gone@example.com', 'viewer');
    expect((await api.call('PATCH', `/api/accounts/${disabled.id}`, { disabled: true })).status).toBe(200);
    const answers = [
      await signInCall(api, 'nobody@example.com', PASSWORD),
      await signInCall(api, 'ada@example.com', 'not-the-password-at-all'),
      await signInCall(api, 'gone@example.com', PASSWORD),
    ];
    for (const res of answers) expect(res.status).toBe(401);
    const details = answers.map((r) => Problem.parse(r.body).detail);
    expect(new Set(details).size).toBe(1);
    expect(await attempts(api, 'nobody@example.com')).toEqual([{ succeeded: false, ip: null }]);
    expect((await attempts(api, 'gone@example.com')).map((a) => a.succeeded)).toEqual([false]);
    expect((await attempts(api, 'ada@example.com')).map((a) => a.succeeded)).toContain(true);
  });

  it('changes nothing but the attempt log when it refuses a password', async () => {
    const before = await stateCounts(api);
    expect((await signInCall(api, 'vic@example.com', 'wrong-password-again')).status).toBe(401);
    expect(await stateCounts(api)).toEqual(before);
  });

  it('answers 400 naming the field for a malformed e-mail, without recording an attempt', async () => {
    const res = await signInCall(api, 'not-an-email', PASSWORD);
    expect(res.status).toBe(400);
    expect(Problem.parse(res.body).errors?.map((e) => e.path)).toEqual(['email']);
    expect(await attempts(api, 'not-an-email')).toEqual([]);
  });

  it('re-hashes a password stored with weaker parameters at the next sign-in', async () => {
    const argon2 = (await import('argon2')).default;
    const { db } = api.handoff.deps.database;
    const weak = await argon2.hash(PASSWORD, { type: argon2.argon2id, memoryCost: 8192, timeCost: 1, parallelism: 1 });
    await db.updateTable('accounts').set({ password_hash: weak }).where('email', '=', 'vic@example.com').execute();
    await signIn(api, 'vic@example.com');
    const row = await db.selectFrom('accounts').select('password_hash').where('email', '=', 'vic@example.com').executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(await argon2.verify(row.password_hash ?? '', PASSWORD)).toBe(true);
  });

  it('lists the ways to sign in to anyone: password, no single sign-on unless configured', async () => {
    const res = await api.call('GET', '/api/auth/providers', undefined, { authorization: '' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ password: true, oidc: null });
  });
});

describe('sessions', () => {
  it('refuses a cookie write without the CSRF token (403) and accepts it with the token', async () => {
    const s = await signIn(api, 'ada@example.com');
    const without = await asSession(api, s, false)('POST', '/api/people', { name: 'Csrf Less', email: 'csrf-less@example.com' });
    expect(without.status).toBe(403);
    expect(Problem.parse(without.body).detail).toContain('x-csrf-token');
    expect((await api.call('GET', '/api/people?email=csrf-less@example.com')).body).toMatchObject({ items: [] });
    const wrong = await api.call('POST', '/api/people', { name: 'Csrf Wrong', email: 'csrf-wrong@example.com' }, { cookie: s.cookie, 'x-csrf-token': 'x'.repeat(43) });
    expect(wrong.status).toBe(403);
    const ok = await asSession(api, s)('POST', '/api/people', { name: 'Csrf Ok', email: 'csrf-ok@example.com' });
    expect(ok.status).toBe(201);
  });

  it('ends a session left unused for longer than the idle limit (30 minutes)', async () => {
    const s = await signIn(api, 'ada@example.com');
    const call = asSession(api, s);
    api.clock.set(new Date(api.clock.now().getTime() + 29 * 60_000).toISOString());
    expect((await call('GET', '/api/me')).status).toBe(200);
    api.clock.set(new Date(api.clock.now().getTime() + 31 * 60_000).toISOString());
    const res = await call('GET', '/api/me');
    expect(res.status).toBe(401);
    expect(res.headers.get('set-cookie')).toContain('Max-Age=0');
  });

  it('ends a session 12 hours after sign-in however often it is used', async () => {
    const s = await signIn(api, 'ada@example.com');
    const call = asSession(api, s);
    const start = api.clock.now().getTime();
    for (let minutes = 25; minutes < 12 * 60; minutes += 25) {
      api.clock.set(new Date(start + minutes * 60_000).toISOString());
      expect((await call('GET', '/api/me')).status).toBe(200);
    }
    api.clock.set(new Date(start + 12 * 3_600_000).toISOString());
    expect((await call('GET', '/api/me')).status).toBe(401);
  });

  it('signs out: the session ends, the cookie is cleared and the audit log records it', async () => {
    const s = await signIn(api, 'ada@example.com');
    const call = asSession(api, s);
    const out = await call('POST', '/api/auth/sign-out');
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^handoff_session=; .*Max-Age=0/);
    expect((await call('GET', '/api/me')).status).toBe(401);
    const events = await api.handoff.deps.database.db.selectFrom('audit_log').select(['action', 'actor'])
      .where('action', 'in', ['sign-in', 'sign-out']).orderBy('id').execute();
    expect(events.at(-1)).toEqual({ action: 'sign-out', actor: 'ada@example.com' });
    expect(events.at(-2)).toEqual({ action: 'sign-in', actor: 'ada@example.com' });
  });

  it('answers 401 to GET /api/me without a session, and to a cookie that names no session', async () => {
    expect((await api.call('GET', '/api/me', undefined, { authorization: '' })).status).toBe(401);
    expect((await api.call('GET', '/api/me', undefined, { cookie: `handoff_session=${'a'.repeat(43)}` })).status).toBe(401);
  });
});
