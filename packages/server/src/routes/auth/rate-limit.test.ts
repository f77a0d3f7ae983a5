import { Problem } from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../testing/harness.js';
import { PASSWORD, appWith, attempts, createAccount, signInCall, stateCounts } from './auth-test-helpers.js';

let api: TestApi;
beforeAll(async () => { api = await startTestApi(); });
afterAll(async () => { await api.close(); });

const minutes = (n: number): void => { api.clock.set(new Date(api.clock.now().getTime() + n * 60_000).toISOString()); };

describe('sign-in rate limits', () => {
  it('refuses a sixth attempt on one account within 15 minutes with 429 and Retry-After, even with the right password', async () => {
    await createAccount(api, 'target@example.com', 'owner');
    for (let i = 0; i < 5; i += 1) {
      expect((await signInCall(api, 'target@example.com', `wrong-guess-number-${i}`)).status).toBe(401);
      minutes(1);
    }
    const before = await stateCounts(api);
    const res = await signInCall(api, 'target@example.com', PASSWORD);
    expect(res.status).toBe(429);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(Problem.parse(res.body).status).toBe(429);
    // The first failure was 5 minutes ago: it leaves the 15-minute window in 10 minutes.
    expect(res.headers.get('retry-after')).toBe('600');
    expect(await stateCounts(api)).toEqual(before);
    expect((await attempts(api, 'target@example.com')).length).toBe(6);
  });

  it('lets the account in again once the failures leave the window', async () => {
    minutes(15);
    expect((await signInCall(api, 'target@example.com', PASSWORD)).status).toBe(200);
  });

  it('clears the failures of the address that then signed in, but not those of another address', async () => {
    await createAccount(api, 'shared@example.com', 'viewer');
    const call = appWith(api, { trustProxy: true });
    const from = (ip: string, password: string) =>
      call('POST', '/api/auth/sign-in', { email: 'shared@example.com', password }, { 'x-forwarded-for': ip });
    for (let i = 0; i < 4; i += 1) expect((await from('203.0.113.9', `typo-password-${i}`)).status).toBe(401);
    expect((await from('203.0.113.9', PASSWORD)).status).toBe(200);
    for (let i = 0; i < 4; i += 1) expect((await from('198.51.100.7', `attacker-guess-${i}`)).status).toBe(401);
    // The owner's success at .9 cleared .9's four failures, so the account has four: one more try is allowed.
    expect((await from('203.0.113.9', PASSWORD)).status).toBe(200);
    expect((await from('198.51.100.7', 'attacker-guess-x')).status).toBe(401);
    // The owner's second success does not clear the attacker's five failures: the account is limited everywhere.
    const limited = await from('203.0.113.9', PASSWORD);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('refuses the 21st failure from one address in 15 minutes whatever the e-mail, and not other addresses', async () => {
    minutes(16);
    await createAccount(api, 'bystander@example.com', 'viewer');
    const call = appWith(api, { trustProxy: true });
    const from = (ip: string, email: string, password: string) =>
      call('POST', '/api/auth/sign-in', { email, password }, { 'x-forwarded-for': ip });
    for (let i = 0; i < 20; i += 1) expect((await from('192.0.2.50', `spray-${i}@example.com`, 'Summer2026!!!')).status).toBe(401);
    const before = await stateCounts(api);
    const res = await from('192.0.2.50', 'bystander@example.com', PASSWORD);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('900');
    expect(await stateCounts(api)).toEqual(before);
    expect((await from('192.0.2.51', 'bystander@example.com', PASSWORD)).status).toBe(200);
  });
});
