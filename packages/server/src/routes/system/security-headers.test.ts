import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_AUTH_CONFIG } from '../../auth/auth-config.js';
import { openHandoff } from '../../handoff.js';
import { CONTENT_SECURITY_POLICY, DOCS_CONTENT_SECURITY_POLICY } from '../../http/security-headers.js';
import { freshDatabase, startTestApi, type TestApi } from '../../testing/harness.js';

let api: TestApi;
beforeAll(async () => { api = await startTestApi(); });
afterAll(async () => { await api.close(); });

describe('security headers', () => {
  it.each([
    ['GET', '/api/health', 200],
    ['GET', '/api/programs', 200],
    ['GET', '/api/programs/NOPE', 404],
    ['POST', '/api/people', 400],
    ['GET', '/openapi.json', 200],
    ['GET', '/api/no-such-route', 404],
  ])('%s %s answers with CSP, nosniff, no referrer and no framing', async (method, path, status) => {
    const res = await api.call(method, path, method === 'POST' ? {} : undefined);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });

  it('refusals without a credential carry the headers too', async () => {
    const res = await api.call('GET', '/api/programs', undefined, { authorization: '' });
    expect(res.status).toBe(401);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('API answers are not cached by default', async () => {
    for (const path of ['/api/health', '/api/programs', '/api/people']) {
      expect((await api.call('GET', path)).headers.get('cache-control')).toBe('no-store');
    }
  });

  it('the docs page gets a policy that lets Swagger UI style itself, and its assets keep their own caching', async () => {
    const page = await api.call('GET', '/docs', undefined, { authorization: '' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(DOCS_CONTENT_SECURITY_POLICY);
    expect(String(page.body)).not.toMatch(/<script>[^<]/); // every script is a same-origin file, none inline
    const asset = await api.call('GET', '/docs/assets/swagger-ui-bundle.js', undefined, { authorization: '' });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('max-age');
    expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('sends Strict-Transport-Security when served over TLS (secure cookies)', async () => {
    const { config, drop } = await freshDatabase();
    const handoff = await openHandoff({ database: config, auth: { ...DEFAULT_AUTH_CONFIG, secureCookies: true } });
    try {
      const res = await handoff.request('/api/health');
      expect(res.status).toBe(200);
      expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    } finally {
      await handoff.close();
      await drop();
    }
  });
});
