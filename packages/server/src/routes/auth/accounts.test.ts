import { Account, AccountPage, HistoryPage, Person, Problem, ProgramMember, ProgramMemberList } from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../testing/harness.js';
import { PASSWORD, asSession, createAccount, signIn, signInCall } from './auth-test-helpers.js';

let api: TestApi;
beforeAll(async () => { api = await startTestApi(); });
afterAll(async () => { await api.close(); });

describe('accounts', () => {
  it('links a new account to the person with the same e-mail and never shows the password hash', async () => {
    const person = Person.parse((await api.call('POST', '/api/people', { name: 'Amara Okafor', email: 'amara@example.com' })).body);
    const res = await api.call('POST', '/api/accounts', { email: 'Amara@Example.com', role: 'executive', password: PASSWORD });
    expect(res.status).toBe(201);
    expect(res.headers.get('etag')).toBe('"1"');
    const account = Account.strict().parse(res.body);
    expect(account.person).toEqual({ id: person.id, name: 'Amara Okafor', email: 'amara@example.com' });
    expect(account.signIn).toEqual({ password: true, oidc: false });
    expect(JSON.stringify(res.body)).not.toContain('argon2');
    const page = AccountPage.parse((await api.call('GET', '/api/accounts')).body);
    expect(page.items.map((a) => a.email)).toContain('amara@example.com');
  });

  it('refuses a second account for the same e-mail in any letter case, naming the field', async () => {
    const res = await api.call('POST', '/api/accounts', { email: 'AMARA@example.com', role: 'viewer', password: PASSWORD });
    expect(res.status).toBe(409);
    expect(Problem.parse(res.body).errors?.[0]?.path).toBe('email');
  });

  it.each([
    ['too short', 'short-pw-1', 'must be at least 12 characters'],
    ['too long', 'x'.repeat(150) + 'y'.repeat(107), 'must be at most 256 characters'],
    ['the e-mail address', 'policy@example.com', 'must not be the e-mail address'],
    ['one of the most common passwords', 'Password1234', 'most common passwords'],
    ['one character repeated', 'zzzzzzzzzzzzzz', 'most common passwords'],
  ])('refuses a password that is %s with 400 naming the password field, and creates nothing', async (_label, password, message) => {
    const res = await api.call('POST', '/api/accounts', { email: 'policy@example.com', role: 'viewer', password });
    expect(res.status).toBe(400);
    const problem = Problem.parse(res.body);
    expect(problem.errors?.map((e) => e.path)).toEqual(['password']);
    expect(problem.errors?.[0]?.message).toContain(message);
    expect((await signInCall(api, 'policy@example.com', password)).status).toBe(401);
  });

  it('answers 400 naming personId for a person of no such id', async () => {
    const res = await api.call('POST', '/api/accounts', { email: 'ghost@example.com', role: 'viewer', personId: '00000000-0000-4000-8000-000000000000' });
    expect(res.status).toBe(400);
    expect(Problem.parse(res.body).errors?.[0]?.path).toBe('personId');
  });

  it('ends the sessions of an account whose role changes, and refuses a stale If-Match with 412', async () => {
    const account = await createAccount(api, 'rolechange@example.com', 'owner');
    const s = await signIn(api, 'rolechange@example.com');
    expect((await asSession(api, s)('GET', '/api/me')).status).toBe(200);
    const res = await api.call('PATCH', `/api/accounts/${account.id}`, { role: 'viewer' }, { 'if-match': '"1"' });
    expect(res.status).toBe(200);
    expect(Account.parse(res.body)).toMatchObject({ role: 'viewer', version: 2 });
    expect((await asSession(api, s)('GET', '/api/me')).status).toBe(401);
    expect((await api.call('PATCH', `/api/accounts/${account.id}`, { role: 'admin' }, { 'if-match': '"1"' })).status).toBe(412);
  });

  it('disables an account: its sessions end and it can no longer sign in', async () => {
    const account = await createAccount(api, 'leaver@example.com', 'contributor');
    const s = await signIn(api, 'leaver@example.com');
    expect((await api.call('PATCH', `/api/accounts/${account.id}`, { disabled: true })).status).toBe(200);
    expect((await asSession(api, s)('GET', '/api/me')).status).toBe(401);
    expect((await signInCall(api, 'leaver@example.com', PASSWORD)).status).toBe(401);
  });

  it('refuses to demote or disable the last enabled admin', async () => {
    const admin = await createAccount(api, 'onlyadmin@example.com', 'admin');
    const res = await api.call('PATCH', `/api/accounts/${admin.id}`, { disabled: true });
    expect(res.status).toBe(409);
    expect(Problem.parse(res.body).errors?.[0]?.path).toBe('disabled');
    expect((await api.call('PATCH', `/api/accounts/${admin.id}`, { role: 'viewer' })).status).toBe(409);
  });

  it('lets only admins see or manage accounts', async () => {
    const s = await signIn(api, 'amara@example.com');
    expect((await asSession(api, s)('GET', '/api/accounts')).status).toBe(403);
    expect((await asSession(api, s)('POST', '/api/accounts', { email: 'sneaky@example.com', role: 'admin', password: PASSWORD })).status).toBe(403);
  });
});

describe('changing one\'s password', () => {
  it('changes it and ends the account\'s other sessions, keeping this one', async () => {
    await createAccount(api, 'changer@example.com', 'viewer');
    const here = await signIn(api, 'changer@example.com');
    const elsewhere = await signIn(api, 'changer@example.com');
    const res = await asSession(api, here)('POST', '/api/me/password', { currentPassword: PASSWORD, newPassword: 'a-brand-new-passphrase' });
    expect(res.status).toBe(204);
    expect((await asSession(api, here)('GET', '/api/me')).status).toBe(200);
    expect((await asSession(api, elsewhere)('GET', '/api/me')).status).toBe(401);
    expect((await signInCall(api, 'changer@example.com', PASSWORD)).status).toBe(401);
    expect((await signInCall(api, 'changer@example.com', 'a-brand-new-passphrase')).status).toBe(200);
  });

  it('refuses a wrong current password naming currentPassword, and a weak new one naming newPassword', async () => {
    const s = await signIn(api, 'changer@example.com', 'a-brand-new-passphrase');
    const wrong = await asSession(api, s)('POST', '/api/me/password', { currentPassword: 'not-the-current-one', newPassword: 'another-long-passphrase' });
    expect(wrong.status).toBe(400);
    expect(Problem.parse(wrong.body).errors?.map((e) => e.path)).toEqual(['currentPassword']);
    const weak = await asSession(api, s)('POST', '/api/me/password', { currentPassword: 'a-brand-new-passphrase', newPassword: 'changer@example.com' });
    expect(weak.status).toBe(400);
    expect(Problem.parse(weak.body).errors?.map((e) => e.path)).toEqual(['newPassword']);
    const short = await asSession(api, s)('POST', '/api/me/password', { currentPassword: 'a-brand-new-passphrase', newPassword: 'short' });
    expect(Problem.parse(short.body).errors?.map((e) => e.path)).toEqual(['newPassword']);
    expect((await signInCall(api, 'changer@example.com', 'a-brand-new-passphrase')).status).toBe(200);
  });
});

describe('program members', () => {
  it('adds and removes members, records both in the program history, and lets a member contributor add constraints', async () => {
    const program = (await api.call('POST', '/api/programs', { name: 'Claims triage', key: 'CLAIMS' })).body;
    expect(program).toMatchObject({ key: 'CLAIMS' });
    const person = Person.parse((await api.call('POST', '/api/people', { name: 'Cora Contributor', email: 'cora@example.com' })).body);
    await createAccount(api, 'cora@example.com', 'contributor');
    const cora = asSession(api, await signIn(api, 'cora@example.com'));
    const constraint = { title: 'Model card missing', kind: 'blocker', dimension: 'governance', severity: 'high', ownerId: person.id, deadline: '2026-12-31' };
    expect((await cora('POST', '/api/programs/CLAIMS/constraints', constraint)).status).toBe(403);

    const put = await api.call('PUT', `/api/programs/CLAIMS/members/${person.id}`);
    expect(put.status).toBe(200);
    expect(ProgramMember.parse(put.body).person.email).toBe('cora@example.com');
    expect((await api.call('PUT', `/api/programs/CLAIMS/members/${person.id}`)).status).toBe(200);
    const list = ProgramMemberList.parse((await cora('GET', '/api/programs/CLAIMS/members')).body);
    expect(list.items.map((m) => m.person.id)).toEqual([person.id]);
    expect((await cora('POST', '/api/programs/CLAIMS/constraints', constraint)).status).toBe(201);

    expect((await cora('DELETE', `/api/programs/CLAIMS/members/${person.id}`)).status).toBe(403);
    expect((await api.call('DELETE', `/api/programs/CLAIMS/members/${person.id}`)).status).toBe(204);
    expect((await api.call('DELETE', `/api/programs/CLAIMS/members/${person.id}`)).status).toBe(404);
    const history = HistoryPage.parse((await api.call('GET', '/api/programs/CLAIMS/history')).body);
    const members = history.items.filter((h) => h.field === 'members').map((h) => [h.before, h.after]);
    expect(members).toEqual([[[], ['cora@example.com']], [['cora@example.com'], []]]);
  });

  it('answers 404 for a person or program that does not exist', async () => {
    expect((await api.call('PUT', '/api/programs/CLAIMS/members/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const p = Person.parse((await api.call('POST', '/api/people', { name: 'Nobody Special', email: 'nobody-special@example.com' })).body);
    expect((await api.call('PUT', `/api/programs/NOPE/members/${p.id}`)).status).toBe(404);
  });
});
