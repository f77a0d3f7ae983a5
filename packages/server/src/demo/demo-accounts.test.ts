import { Me, ProgramMemberList, SignInResult } from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../testing/harness.js';
import { DEMO_PASSWORD, loadDemoAccounts, type DemoSignIn } from './demo-accounts.js';
import { loadDemoPortfolio } from './demo-portfolio.js';

let api: TestApi;
let signIns: DemoSignIn[];

beforeAll(async () => {
  api = await startTestApi({ now: '2026-11-25T09:00:00.000Z', timeZone: 'Europe/London' });
  await loadDemoPortfolio(api.handoff, api.handoff.services.constraints.today(api.handoff.actor));
  signIns = await loadDemoAccounts(api.handoff);
}, 300_000);
afterAll(async () => { await api.close(); });

async function session(email: string): Promise<(method: string, path: string) => ReturnType<TestApi['call']>> {
  const res = await api.call('POST', '/api/auth/sign-in', { email, password: DEMO_PASSWORD }, { authorization: '' });
  expect(res.status).toBe(200);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const csrf = SignInResult.parse(res.body).csrfToken;
  return (method, path) => api.call(method, path, undefined, { cookie, 'x-csrf-token': csrf });
}

describe('the demo accounts', () => {
  it('give one admin, executives for the sponsors, owners, a contributor and a viewer', () => {
    const roles = signIns.map((s) => s.role);
    expect(roles.filter((r) => r === 'admin')).toHaveLength(1);
    for (const role of ['executive', 'owner', 'contributor', 'viewer'] as const) expect(roles).toContain(role);
    expect(signIns.find((s) => s.email === 'helena.marsh@northwind-mutual.example')?.role).toBe('executive');
  });

  it('sign in with the one demo password, each with the rights of its role', async () => {
    const admin = signIns.find((s) => s.role === 'admin');
    const viewer = signIns.find((s) => s.role === 'viewer');
    if (!admin || !viewer) throw new Error('the demo lacks an admin or a viewer');
    expect(Me.parse((await (await session(admin.email))('GET', '/api/me')).body).canAdmin).toBe(true);
    const asViewer = await session(viewer.email);
    expect(Me.parse((await asViewer('GET', '/api/me')).body)).toMatchObject({ canAdmin: false, canDecide: false });
    expect((await asViewer('GET', '/api/programs')).status).toBe(200);
  });

  it('make the contributor a member of the program it works on', async () => {
    const contributor = signIns.find((s) => s.role === 'contributor');
    if (!contributor) throw new Error('the demo lacks a contributor');
    const members = ProgramMemberList.parse((await api.call('GET', `/api/programs/${contributor.note.split(' ').at(-1)}/members`)).body);
    expect(members.items.map((m) => m.person.email)).toContain(contributor.email);
  });
});
