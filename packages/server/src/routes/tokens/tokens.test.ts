import { ApiToken, ApiTokenPage, Problem } from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../auth/secrets.js';
import { startTestApi, type TestApi } from '../../testing/harness.js';
import { bearer, createToken, signedInAdmin } from './token-fixtures.js';

/** Creating, listing and revoking API tokens; the secret shown once and stored only hashed. */

let api: TestApi;

beforeAll(async () => { api = await startTestApi({ now: '2026-11-25T09:00:00.000Z' }); });
afterAll(async () => { await api.close(); });

describe('creating a token', () => {
  it('answers 201 with the hnd_ secret once, not cacheable, and stores only its hash and an 8-character prefix', async () => {
    const res = await api.call('POST', '/api/tokens', { name: 'nightly export', scopes: ['read'] });
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { secret, ...token } = (await createToken(api, 'second', ['read', 'write']));
    expect(secret).toMatch(/^hnd_[A-Za-z0-9_-]{43}$/);
    expect(token.prefix).toBe(secret.slice(0, 12));
    expect(token).toMatchObject({ scopes: ['read', 'write'], createdBy: { accountId: null, label: 'test' }, revokedAt: null, lastUsedAt: null, expiresAt: null });
    const stored = await api.handoff.deps.database.db.selectFrom('api_tokens').selectAll().where('id', '=', token.id).executeTakeFirstOrThrow();
    expect(stored.secret_hash).toBe(sha256Hex(secret.slice(4)));
    expect(JSON.stringify(stored)).not.toContain(secret.slice(4));
  });

  it('records the admin account that created it', async () => {
    const admin = await signedInAdmin(api, 'ada@example.com');
    const res = await api.call('POST', '/api/tokens', { name: 'by ada', scopes: ['readings'] }, admin.headers);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(ApiToken.parse(res.body).createdBy).toEqual({ accountId: admin.accountId, label: 'ada@example.com' });
  });

  it.each([
    [{ name: 'x', scopes: [] }, 'scopes'],
    [{ name: 'x', scopes: ['admin'] }, 'scopes.0'],
    [{ name: 'x', scopes: ['read', 'read'] }, 'scopes'],
    [{ name: ' ', scopes: ['read'] }, 'name'],
    [{ name: 'x', scopes: ['read'], expiresAt: '2026-11-25T08:59:59Z' }, 'expiresAt'],
    [{ name: 'x', scopes: ['read'], secret: 'hnd_mine' }, ''],
  ])('refuses %j with a 400 naming the field, storing nothing', async (body, path) => {
    const before = ApiTokenPage.parse((await api.call('GET', '/api/tokens?limit=200')).body).items.length;
    const res = await api.call('POST', '/api/tokens', body);
    expect(res.status).toBe(400);
    const problem = Problem.parse(res.body);
    if (path !== '') expect(problem.errors?.map((e) => e.path)).toContain(path);
    expect(ApiTokenPage.parse((await api.call('GET', '/api/tokens?limit=200')).body).items).toHaveLength(before);
  });

  it('refuses to let a token create, list or revoke tokens, whatever its scopes', async () => {
    const { secret, id } = await createToken(api, 'all scopes', ['read', 'write', 'readings']);
    expect((await api.call('POST', '/api/tokens', { name: 'child', scopes: ['read'] }, bearer(secret))).status).toBe(403);
    expect((await api.call('GET', '/api/tokens', undefined, bearer(secret))).status).toBe(403);
    expect((await api.call('POST', `/api/tokens/${id}/revoke`, {}, bearer(secret))).status).toBe(403);
  });

  it('answers 401 to a caller without credentials', async () => {
    expect((await api.call('GET', '/api/tokens', undefined, { authorization: '' })).status).toBe(401);
  });
});

describe('listing and revoking tokens', () => {
  it('lists and shows tokens without their secrets, oldest first, following pages', async () => {
    const created = await createToken(api, 'listed', ['read']);
    const res = await api.call('GET', '/api/tokens?limit=1');
    const first = ApiTokenPage.parse(res.body);
    expect(first.items).toHaveLength(1);
    const rest = ApiTokenPage.parse((await api.call('GET', `/api/tokens?limit=200&cursor=${first.nextCursor ?? ''}`)).body);
    const all = [...first.items, ...rest.items];
    expect(all.map((t) => t.name)).toContain('listed');
    expect(all.map((t) => t.createdAt)).toEqual([...all.map((t) => t.createdAt)].sort());
    const shown = await api.call('GET', `/api/tokens/${created.id}`);
    expect(ApiToken.strict().parse(shown.body).name).toBe('listed');
    for (const text of [JSON.stringify(res.body), JSON.stringify(rest), JSON.stringify(shown.body)]) {
      expect(text).not.toContain(created.secret);
      expect(text).not.toContain(sha256Hex(created.secret.slice(4)));
    }
  });

  it('revokes a token: its next request answers 401; revoking twice keeps the first time', async () => {
    const { secret, id } = await createToken(api, 'to revoke', ['read']);
    expect((await api.call('GET', '/api/people', undefined, bearer(secret))).status).toBe(200);
    const first = ApiToken.parse((await api.call('POST', `/api/tokens/${id}/revoke`, {})).body);
    expect(first.revokedAt).toBe('2026-11-25T09:00:00.000Z');
    expect((await api.call('GET', '/api/people', undefined, bearer(secret))).status).toBe(401);
    api.clock.set('2026-11-26T10:00:00.000Z');
    const again = ApiToken.parse((await api.call('POST', `/api/tokens/${id}/revoke`, {})).body);
    expect(again.revokedAt).toBe('2026-11-25T09:00:00.000Z');
    api.clock.set('2026-11-25T09:00:00.000Z');
  });

  it('answers 404 for a token that does not exist or is not an id', async () => {
    expect((await api.call('GET', '/api/tokens/0193a6c5-7d1e-7c3a-9a4e-2f1b5c6d7e8f')).status).toBe(404);
    expect((await api.call('POST', '/api/tokens/0193a6c5-7d1e-7c3a-9a4e-2f1b5c6d7e8f/revoke', {})).status).toBe(404);
    expect((await api.call('GET', '/api/tokens/CLAIMS')).status).toBe(400);
  });
});
