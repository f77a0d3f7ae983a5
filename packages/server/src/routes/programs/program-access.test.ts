import { ProgramAccess, Person, Program, type Problem } from '@handoff/contract';
import type { AccountRole } from '@handoff/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../testing/harness.js';
import { signedIn, type Credential } from '../../testing/security-fixture.js';

/**
 * GET /api/programs/{id}/access answers what the API would accept from the caller, and the answer is checked against
 * what the API then does: every "true" is followed by a write that succeeds, every "false" by one that is refused.
 */
let api: TestApi;
let claims: Program;
const people: Record<string, Person> = {};
const callers: Record<string, Credential> = {};

beforeAll(async () => {
  api = await startTestApi();
  const ws = api.handoff.workspace.id;
  for (const name of ['sponsor', 'lead', 'stranger', 'member', 'board', 'exec']) {
    people[name] = Person.parse((await api.call('POST', '/api/people', { name: `P ${name}`, email: `${name}@example.com`, boardMember: name === 'board' })).body);
  }
  claims = Program.parse((await api.call('POST', '/api/programs', { key: 'CLAIMS', name: 'Claims triage', phase: 'pilot', sponsorId: people.sponsor?.id })).body);
  expect((await api.call('PUT', `/api/programs/CLAIMS/roles/drift-monitor`, { personId: people.lead?.id })).status).toBe(200);
  expect((await api.call('PUT', `/api/programs/CLAIMS/members/${people.member?.id}`)).status).toBe(200);
  const accounts: [string, AccountRole, string | null][] = [
    ['sponsor', 'executive', 'sponsor'], ['lead', 'owner', 'lead'], ['stranger', 'owner', 'stranger'], ['member', 'contributor', 'member'],
    ['board', 'executive', 'board'], ['exec', 'executive', 'exec'], ['viewer', 'viewer', null], ['admin', 'admin', null],
  ];
  for (const [label, role, person] of accounts) {
    callers[label] = (await signedIn(api.handoff, ws, role, person === null ? null : people[person]?.id ?? null, `${label}-account@example.com`)).headers;
  }
});
afterAll(async () => { await api.close(); });

async function accessOf(caller: string): Promise<ProgramAccess> {
  const res = await api.call('GET', '/api/programs/CLAIMS/access', undefined, callers[caller]);
  expect(res.status).toBe(200);
  return ProgramAccess.parse(res.body);
}

describe('what a caller may do on a program', () => {
  it.each([
    ['sponsor', { update: true, lead: true, member: true, requestDecision: true, overrideGate: true }],
    ['lead', { update: true, lead: true, member: true, requestDecision: true, overrideGate: false }],
    ['stranger', { update: false, lead: false, member: false, requestDecision: false, overrideGate: false }],
    ['member', { update: false, lead: false, member: true, requestDecision: false, overrideGate: false }],
    ['board', { update: true, lead: false, member: false, requestDecision: true, overrideGate: true }],
    ['exec', { update: true, lead: false, member: false, requestDecision: true, overrideGate: false }],
    ['viewer', { update: false, lead: false, member: false, requestDecision: false, overrideGate: false }],
    ['admin', { update: true, lead: true, member: true, requestDecision: true, overrideGate: false }],
  ])('answers for the %s account %o', async (caller, expected) => {
    expect(await accessOf(caller)).toEqual({ programId: claims.id, ...expected });
  });

  it('agrees with what the API then accepts: a re-plan (lead) and a new constraint (member), for every caller', async () => {
    for (const caller of Object.keys(callers)) {
      const access = await accessOf(caller);
      const plan = await api.call('PUT', '/api/programs/CLAIMS/plan', { gates: {} }, callers[caller]);
      expect(plan.status === 403, `${caller} plan ${plan.status} ${JSON.stringify(plan.body)}`).toBe(!access.lead);
      const added = await api.call('POST', '/api/programs/CLAIMS/constraints', {
        title: `Added by ${caller}`, kind: 'risk', dimension: 'technical', ownerId: people.member?.id, deadline: '2027-01-15',
      }, callers[caller]);
      expect(added.status === 403, `${caller} constraint ${added.status} ${JSON.stringify(added.body)}`).toBe(!access.member);
    }
  });

  it('answers 404 for a program that does not exist and 401 without a credential', async () => {
    const missing = await api.call('GET', '/api/programs/NOPE/access', undefined, callers.admin);
    expect(missing.status).toBe(404);
    expect((missing.body as Problem).detail).toContain('NOPE');
    expect((await api.call('GET', '/api/programs/CLAIMS/access', undefined, { authorization: '' })).status).toBe(401);
  });
});
