import { Constraint, InboxPage, Person } from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../testing/harness.js';

/** Resolving a constraint opened from a readiness gap asks the criterion's last assessor to assess it again. */

let api: TestApi;
let assessor: Person;
let owner: Person;

const person = async (name: string, email: string): Promise<Person> => Person.parse((await api.call('POST', '/api/people', { name, email })).body);
const inbox = async (p: Person) => InboxPage.parse((await api.call('GET', `/api/people/${p.id}/inbox`)).body).items;

beforeAll(async () => {
  api = await startTestApi({ now: '2026-11-25T09:00:00Z' });
  assessor = await person('Fatima Al-Sayed', 'fatima@example.com');
  owner = await person('Kwame Mensah', 'kwame@example.com');
  await api.call('POST', '/api/programs', { key: 'CLAIMS', name: 'Claims triage', phase: 'pilot' });
  const assessed = await api.call('POST', '/api/programs/CLAIMS/assessments', {
    assessedBy: assessor.id, items: [{ criterion: 'GOV-03', status: 'not-met', evidence: 'No drift threshold approved' }],
  });
  expect(assessed.status).toBe(201);
});
afterAll(async () => { await api.close(); });

describe('re-assessment after a gap is closed', () => {
  it('tells the last assessor once the linked constraint is resolved, and flags the criterion', async () => {
    const opened = await api.call('POST', '/api/programs/CLAIMS/readiness/GOV-03/constraint', { ownerId: owner.id, deadline: '2026-12-09' });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const c = Constraint.parse(opened.body);
    expect((await inbox(assessor)).filter((i) => i.kind === 'reassessment')).toEqual([]);

    api.clock.set('2026-12-02T10:00:00Z');
    expect((await api.call('PATCH', `/api/constraints/${c.ref}`, { status: 'resolved' })).status).toBe(200);
    const items = (await inbox(assessor)).filter((i) => i.kind === 'reassessment');
    expect(items).toHaveLength(1);
    expect(items[0]?.subject).toBe(`[${c.ref}] resolved: re-assess GOV-03 for CLAIMS`);
    expect((await inbox(owner)).filter((i) => i.kind === 'reassessment')).toEqual([]);

    const readiness = await api.call('GET', '/api/programs/CLAIMS/readiness');
    const gov03 = (readiness.body as { dimensions: { criteria: { criterion: { code: string }; reassessmentDue: boolean }[] }[] })
      .dimensions.flatMap((d) => d.criteria).find((x) => x.criterion.code === 'GOV-03');
    expect(gov03?.reassessmentDue).toBe(true);
  });
});
