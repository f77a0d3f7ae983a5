import { ApiToken } from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../auth/secrets.js';
import { startTestApi, type TestApi } from '../../testing/harness.js';
import { addDriftMonitor, addProgram } from '../monitors/monitor-fixtures.js';
import { bearer, createToken } from './token-fixtures.js';

/** What each token scope may do through the API, expiry, last-use bookkeeping, and what the audit log keeps. */

let api: TestApi;
const reading = { monitor: 'drift-psi', value: 0.05, observedAt: '2026-11-25T08:00:00Z' };
const program = (key: string) => ({ name: `${key} program`, key, phase: 'pilot' });

beforeAll(async () => {
  api = await startTestApi({ now: '2026-11-25T09:00:00.000Z' });
  await addProgram(api, 'CLAIMS');
  await addDriftMonitor(api, 'CLAIMS');
});
afterAll(async () => { await api.close(); });

describe('token scopes', () => {
  it('lets a read token list and show, and refuses it every write with 403', async () => {
    const { secret } = await createToken(api, 'reader', ['read']);
    expect((await api.call('GET', '/api/programs', undefined, bearer(secret))).status).toBe(200);
    expect((await api.call('GET', '/api/programs/CLAIMS', undefined, bearer(secret))).status).toBe(200);
    const refused = await api.call('POST', '/api/programs', program('READ'), bearer(secret));
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).toContain('write');
    expect((await api.call('POST', '/api/programs/CLAIMS/readings', reading, bearer(secret))).status).toBe(403);
    expect((await api.call('GET', '/api/programs/READ')).status).toBe(404);
  });

  it('lets a write token read, write and post readings', async () => {
    const { secret } = await createToken(api, 'writer', ['write']);
    expect((await api.call('POST', '/api/programs', program('WRITE'), bearer(secret))).status).toBe(201);
    expect((await api.call('GET', '/api/programs/WRITE', undefined, bearer(secret))).status).toBe(200);
    expect((await api.call('POST', '/api/programs/CLAIMS/readings', reading, bearer(secret))).status).toBe(200);
  });

  it('lets a readings token only post readings', async () => {
    const { secret } = await createToken(api, 'exporter', ['readings']);
    expect((await api.call('POST', '/api/programs/CLAIMS/readings', { ...reading, value: 0.06 }, bearer(secret))).status).toBe(200);
    expect((await api.call('GET', '/api/programs', undefined, bearer(secret))).status).toBe(403);
    expect((await api.call('POST', '/api/programs', program('READINGS'), bearer(secret))).status).toBe(403);
  });

  it('answers 401 to a mistyped token and, once past its expiry, to an expired one', async () => {
    const { secret } = await createToken(api, 'short-lived', ['read'], { expiresAt: '2026-11-25T10:00:00Z' });
    expect((await api.call('GET', '/api/people', undefined, bearer(`${secret}x`))).status).toBe(401);
    expect((await api.call('GET', '/api/people', undefined, bearer(secret))).status).toBe(200);
    api.clock.set('2026-11-25T10:00:00.000Z');
    try {
      expect((await api.call('GET', '/api/people', undefined, bearer(secret))).status).toBe(401);
    } finally {
      api.clock.set('2026-11-25T09:00:00.000Z');
    }
  });
});

describe('bookkeeping', () => {
  it('records the last use at most once a minute', async () => {
    const { secret, id } = await createToken(api, 'used', ['read']);
    const lastUsed = async () => ApiToken.parse((await api.call('GET', `/api/tokens/${id}`)).body).lastUsedAt;
    expect(await lastUsed()).toBeNull();
    api.clock.set('2026-11-25T09:05:00.000Z');
    await api.call('GET', '/api/people', undefined, bearer(secret));
    expect(await lastUsed()).toBe('2026-11-25T09:05:00.000Z');
    api.clock.set('2026-11-25T09:05:30.000Z');
    await api.call('GET', '/api/people', undefined, bearer(secret));
    expect(await lastUsed()).toBe('2026-11-25T09:05:00.000Z');
    api.clock.set('2026-11-25T09:06:00.000Z');
    await api.call('GET', '/api/people', undefined, bearer(secret));
    expect(await lastUsed()).toBe('2026-11-25T09:06:00.000Z');
    api.clock.set('2026-11-25T09:00:00.000Z');
  });

  it('audits the creation, the revocation and the writes a token makes, never its secret or hash', async () => {
    const { secret, id } = await createToken(api, 'audited', ['write']);
    await api.call('POST', '/api/programs', program('AUDIT'), bearer(secret));
    await api.call('POST', `/api/tokens/${id}/revoke`, {});
    const rows = await api.handoff.deps.database.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    const mine = rows.filter((r) => r.entity === 'api_tokens' && r.entity_id === id);
    expect(mine.map((r) => r.action)).toEqual(['insert', 'update']);
    expect(rows.find((r) => r.entity === 'programs' && r.token_id === id)?.actor).toBe('token:audited');
    const log = JSON.stringify(rows);
    expect(log).not.toContain(secret.slice(4));
    expect(log).not.toContain(sha256Hex(secret.slice(4)));
  });
});
