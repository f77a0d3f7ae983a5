import { Constraint, Person, Problem, Program } from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../testing/harness.js';

let api: TestApi;
let ref = '';
beforeAll(async () => {
  api = await startTestApi();
  const p = Person.parse((await api.call('POST', '/api/people', { name: 'Bo Body', email: 'bo@example.com' })).body);
  const prog = Program.parse((await api.call('POST', '/api/programs', { name: 'Claims triage' })).body);
  ref = Constraint.parse((await api.call('POST', `/api/programs/${prog.key}/constraints`, { title: 'x', kind: 'risk', dimension: 'technical', ownerId: p.id, deadline: '2026-12-01' })).body).ref;
  await api.call('POST', `/api/constraints/${ref}/pause`, { reason: 'Waiting for the regulator' });
});
afterAll(async () => { await api.close(); });

describe('actions without a body', () => {
  it('accepts a POST with no body and no content type where every field is optional', async () => {
    const res = await api.handoff.request(`/api/constraints/${ref}/resume`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(Constraint.parse(await res.json()).escalation?.pausedAt).toBeNull();
  });

  it('still refuses a body in another format with 415, and a missing required field with 400', async () => {
    const form = await api.handoff.request(`/api/constraints/${ref}/pause`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'because' });
    expect(form.status).toBe(415);
    const empty = await api.handoff.request(`/api/constraints/${ref}/pause`, { method: 'POST' });
    expect(empty.status).toBe(400);
    expect(Problem.parse(await empty.json()).status).toBe(400);
  });
});
