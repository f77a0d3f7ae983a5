import { createServer } from 'node:net';
import { Person, Problem } from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import { openHandoff, type Handoff } from '../../handoff.js';
import { serveHandoff, type RunningServer } from '../../serve.js';
import { freshDatabase, manualClock } from '../../testing/harness.js';
import { CookieJar, startOidcProvider, type LoopbackOidcProvider } from '../../testing/oidc-provider.js';

/**
 * Single sign-on end to end: Handoff served over HTTP on 127.0.0.1 and a real OpenID provider (oidc-provider)
 * beside it; the browser is plain fetch following redirects by hand with a cookie jar.
 */

let op: LoopbackOidcProvider;
let handoff: Handoff;
let server: RunningServer;
let dropDatabase: () => Promise<void>;
const clock = manualClock(new Date().toISOString());

beforeAll(async () => {
  op = await startOidcProvider();
  const { config, drop } = await freshDatabase();
  dropDatabase = drop;
  handoff = await openHandoff({
    database: config, clock, actorLabel: 'test',
    oidc: { issuer: op.issuer, clientId: op.clientId, clientSecret: op.clientSecret, name: 'Acme SSO', defaultRole: 'viewer' },
    onUnexpectedError: (error) => console.error('unexpected error in the API:', error),
  });
  server = await serveHandoff(handoff, { port: 0, host: '127.0.0.1' });
  op.registerClient(`${server.url}/api/auth/oidc/callback`);
});
afterAll(async () => {
  await server.close();
  await dropDatabase();
  await op.close();
});

interface SignInOutcome { readonly callback: Response; readonly jar: CookieJar; readonly callbackUrl: URL }

/** Start → provider login form → consent form → Handoff callback; `tamper` may change the callback URL first. */
async function signIn(login: string, options: { returnTo?: string; tamper?: (url: URL) => void; beforeCallback?: () => void } = {}): Promise<SignInOutcome> {
  const jar = new CookieJar();
  let url = new URL(`${server.url}/api/auth/oidc/start?returnTo=${encodeURIComponent(options.returnTo ?? '/programs')}`);
  let res = await jar.fetch(url.href);
  for (let step = 0; step < 12; step += 1) {
    if (res.status === 200) {
      const html = await res.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
      if (!action || !prompt) throw new Error(`unexpected provider page at ${url.href}: ${html.slice(0, 300)}`);
      url = new URL(action.replaceAll('&amp;', '&'), url);
      const form = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'any' } : { prompt });
      res = await jar.fetch(url.href, { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      continue;
    }
    const location = res.headers.get('location');
    if (location === null) throw new Error(`no redirect from ${url.href} (${res.status}): ${await res.text()}`);
    url = new URL(location, url);
    if (url.href.startsWith(`${server.url}/api/auth/oidc/callback`)) {
      const callbackUrl = new URL(url);
      options.tamper?.(url);
      options.beforeCallback?.();
      return { callback: await jar.fetch(url.href), jar, callbackUrl };
    }
    res = await jar.fetch(url.href);
  }
  throw new Error('the sign-in did not come back to Handoff');
}

/** A loopback port nothing listens on (it was free a moment ago). */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no TCP port');
  return address.port;
}

const db = () => handoff.deps.database.db;
const accountsWithEmail = (email: string) =>
  db().selectFrom('accounts').selectAll().where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase())).execute();

async function insertAccount(email: string, role: 'executive' | 'viewer', disabled = false): Promise<string> {
  const id = handoff.deps.newId();
  const now = clock.now();
  await db().insertInto('accounts').values({
    id, workspace_id: handoff.workspace.id, email, person_id: null, role, password_hash: null, oidc_issuer: null, oidc_subject: null,
    disabled_at: disabled ? now : null, created_at: now, updated_at: now,
  }).execute();
  return id;
}

describe('single sign-on with OpenID Connect', () => {
  it('signs a new person in through the provider, provisions a viewer account and the session cookie opens the API', async () => {
    op.users.set('alice', { email: 'alice@example.com', email_verified: true });
    const person = await handoff.request('/api/people', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Alice Adams', email: 'alice@example.com' }),
    });
    const personId = Person.parse(await person.json()).id;

    const { callback, jar } = await signIn('alice');
    expect(callback.status).toBe(302);
    expect(callback.headers.get('location')).toBe('/programs');
    const session = jar.get('127.0.0.1', 'handoff_session');
    expect(session).toBeDefined();
    expect(jar.get('127.0.0.1', 'handoff_oidc')).toBeUndefined();

    const people = await fetch(`${server.url}/api/people`, { headers: { cookie: `handoff_session=${session}` } });
    expect(people.status).toBe(200);
    expect((await fetch(`${server.url}/api/people`)).status).toBe(401);
    const [account] = await accountsWithEmail('alice@example.com');
    expect(account).toMatchObject({ role: 'viewer', oidc_issuer: op.issuer, oidc_subject: 'alice', person_id: personId, password_hash: null });
    const audit = await db().selectFrom('audit_log').select(['actor', 'action', 'entity', 'request']).where('entity_id', '=', account?.id ?? '').orderBy('seq').execute();
    expect(audit.map((a) => [a.actor, a.entity, a.request])).toContainEqual(['alice@example.com', 'accounts', 'GET /api/auth/oidc/callback']);
    expect(audit.map((a) => a.action)).toContain('sign-in');
  });

  it('signs the same subject in to the same account the second time', async () => {
    const { callback } = await signIn('alice', { returnTo: '/' });
    expect(callback.headers.get('location')).toBe('/');
    const accounts = await accountsWithEmail('alice@example.com');
    expect(accounts).toHaveLength(1);
    const sessions = await db().selectFrom('sessions').select(['method']).where('account_id', '=', accounts[0]?.id ?? '').execute();
    expect(sessions.map((s) => s.method)).toEqual(['oidc', 'oidc']);
  });

  it('links an existing account with the same e-mail, in any letter case, and keeps its role', async () => {
    const id = await insertAccount('dave@example.com', 'executive');
    op.users.set('dave-sub', { email: 'Dave@Example.com', email_verified: true });
    const { callback, jar } = await signIn('dave-sub');
    expect(callback.headers.get('location')).toBe('/programs');
    expect(jar.get('127.0.0.1', 'handoff_session')).toBeDefined();
    const accounts = await accountsWithEmail('dave@example.com');
    expect(accounts).toHaveLength(1);
    expect(accounts[0]).toMatchObject({ id, role: 'executive', oidc_issuer: op.issuer, oidc_subject: 'dave-sub' });
  });

  it.each([
    ['an unverified e-mail', 'carol', { email: 'carol@example.com', email_verified: false }, 'oidc-email-unverified'],
    ['no e-mail at all', 'nomail', {}, 'oidc-email-unverified'],
    ['a disabled account', 'erin', { email: 'erin@example.com', email_verified: true }, 'oidc-account-disabled'],
    ['an account linked to another identity', 'alice-impostor', { email: 'alice@example.com', email_verified: true }, 'oidc-account-conflict'],
  ])('refuses %s: back to the sign-in page with the reason, no session', async (_label, login, claims, error) => {
    if (login === 'erin') await insertAccount('erin@example.com', 'viewer', true);
    op.users.set(login, claims);
    const before = await db().selectFrom('accounts').select(['id', 'oidc_subject']).orderBy('id').execute();
    const { callback, jar } = await signIn(login);
    expect(callback.status).toBe(302);
    expect(callback.headers.get('location')).toBe(`/sign-in?error=${error}`);
    expect(jar.get('127.0.0.1', 'handoff_session')).toBeUndefined();
    expect(await db().selectFrom('accounts').select(['id', 'oidc_subject']).orderBy('id').execute()).toEqual(before);
  });

  it('refuses a callback whose state differs, and the genuine callback after it (single use)', async () => {
    op.users.set('frank', { email: 'frank@example.com', email_verified: true });
    const { callback, jar, callbackUrl } = await signIn('frank', { tamper: (url) => url.searchParams.set('state', 'forged-state') });
    expect(callback.headers.get('location')).toBe('/sign-in?error=oidc-state');
    expect(jar.get('127.0.0.1', 'handoff_session')).toBeUndefined();
    const replay = await fetch(callbackUrl, { redirect: 'manual' });
    expect(replay.headers.get('location')).toBe('/sign-in?error=oidc-state');
    expect(await accountsWithEmail('frank@example.com')).toHaveLength(0);
  });

  it('refuses a sign-in that comes back after more than 10 minutes', async () => {
    op.users.set('grace', { email: 'grace@example.com', email_verified: true });
    const later = () => clock.set(new Date(clock.now().getTime() + 11 * 60_000).toISOString());
    const { callback } = await signIn('grace', { beforeCallback: later });
    expect(callback.headers.get('location')).toBe('/sign-in?error=oidc-state');
  });

  it('refuses a returnTo that is not a path on this server, naming the field', async () => {
    for (const returnTo of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const res = await fetch(`${server.url}/api/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`, { redirect: 'manual' });
      expect(res.status).toBe(400);
      expect(Problem.parse(await res.json()).errors?.[0]?.path).toBe('query.returnTo');
    }
  });

  it('answers 404 when single sign-on is not configured and 502 when the provider cannot be reached', async () => {
    const local = { secret: 'x', label: 'test', workspace: async () => handoff.workspace };
    const off = createApp(handoff.deps, { local }).app;
    const offRes = await off.request('/api/auth/oidc/start');
    expect(offRes.status).toBe(404);
    expect(Problem.parse(await offRes.json()).detail).toContain('not configured');
    const nowhere = `http://127.0.0.1:${await closedPort()}`;
    const unreachable = createApp(handoff.deps, { local, oidc: { issuer: nowhere, clientId: 'x', name: 'Nowhere', defaultRole: 'viewer' } }).app;
    const res = await unreachable.request('/api/auth/oidc/start');
    expect(res.status).toBe(502);
    expect(Problem.parse(await res.json()).detail).toContain(nowhere);
  });
});
