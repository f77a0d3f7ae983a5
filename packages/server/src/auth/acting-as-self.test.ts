import { Decision, Problem, Program } from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startTestApi, type TestApi } from '../testing/harness.js';
import { signedIn, type Credential } from '../testing/security-fixture.js';

/** A board decision and a gate override made by a signed-in person are recorded as theirs, never someone else's. */

let api: TestApi;
let executive: Credential;
let execId = '';
let boardId = '';
let programKey = '';

const PersonId = z.object({ id: z.string() });

beforeAll(async () => {
  api = await startTestApi();
  execId = PersonId.parse((await api.call('POST', '/api/people', { name: 'Eve Exec', email: 'eve@example.com', boardMember: true })).body).id;
  boardId = PersonId.parse((await api.call('POST', '/api/people', { name: 'Bo Board', email: 'bo@example.com', boardMember: true })).body).id;
  programKey = Program.parse((await api.call('POST', '/api/programs', { key: 'SELF', name: 'Self test', sponsorId: execId })).body).key;
  executive = (await signedIn(api.handoff, api.handoff.workspace.id, 'executive', execId, 'eve@example.com')).headers;
}, 240_000);
afterAll(async () => { await api.close(); });

async function pendingDecision(title: string): Promise<string> {
  const res = await api.call('POST', '/api/decisions', {
    programId: programKey, title, context: 'Budget', options: [{ label: 'Fund' }, { label: 'Stop' }], recommendedOption: 1, dueDate: '2027-01-31',
  });
  expect(res.status).toBe(201);
  return Decision.parse(res.body).id;
}

describe('a signed-in executive decides as themself', () => {
  it('naming another person as the decider is refused with 403 and the decision stays pending', async () => {
    const id = await pendingDecision('Fund phase 2');
    const res = await api.call('POST', `/api/decisions/${id}/decide`, { option: 1, decidedBy: boardId }, executive);
    expect(res.status).toBe(403);
    expect(Problem.parse(res.body).errors?.[0]?.path).toBe('decidedBy');
    expect(Decision.parse((await api.call('GET', `/api/decisions/${id}`)).body).status).toBe('pending');
  });

  it('naming themself records the decision as theirs', async () => {
    const id = await pendingDecision('Fund phase 3');
    const res = await api.call('POST', `/api/decisions/${id}/decide`, { option: 1, decidedBy: execId }, executive);
    expect(res.status).toBe(200);
    const decided = Decision.parse(res.body);
    expect(decided.status).toBe('decided');
    expect(JSON.stringify(decided)).toContain(execId);
  });

  it('the local operator still names the decider in the body', async () => {
    const id = await pendingDecision('Fund phase 4');
    const res = await api.call('POST', `/api/decisions/${id}/decide`, { option: 1, decidedBy: boardId });
    expect(res.status).toBe(200);
  });
});

describe('a signed-in executive overrides a closed gate as themself', () => {
  it('naming another person as the overrider is refused with 403 and the phase does not move', async () => {
    const res = await api.call('PATCH', `/api/programs/${programKey}`, { phase: 'pilot', override: { decidedBy: boardId, reason: 'Board said so' } }, executive);
    expect(res.status).toBe(403);
    expect(Problem.parse(res.body).errors?.[0]?.path).toBe('override.decidedBy');
    expect(Program.parse((await api.call('GET', `/api/programs/${programKey}`)).body).phase).toBe('discovery');
  });

  it('naming themself lets the phase through with the override recorded', async () => {
    const res = await api.call('PATCH', `/api/programs/${programKey}`, { phase: 'pilot', override: { decidedBy: execId, reason: 'Pilot must start' } }, executive);
    expect(res.status).toBe(200);
    expect(Program.parse(res.body).phase).toBe('pilot');
  });
});
