import { Constraint, DigestResult, Person, Program } from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../testing/harness.js';

let api: TestApi;
let owner: Person;
let sponsor: Person;
let idle: Person;

const send = async (at: string): Promise<DigestResult> => {
  const res = await api.call('POST', '/api/digests/send', { at });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return DigestResult.parse(res.body);
};
const digestsOf = (personId: string) =>
  api.handoff.deps.database.db.selectFrom('inbox_items').select(['subject', 'text']).where('person_id', '=', personId).where('kind', '=', 'digest').execute();

beforeAll(async () => {
  api = await startTestApi({ now: '2026-11-20T09:00:00.000Z' });
  owner = Person.parse((await api.call('POST', '/api/people', { name: 'Ola Owner', email: 'ola@example.com' })).body);
  sponsor = Person.parse((await api.call('POST', '/api/people', { name: 'Sam Sponsor', email: 'sam@example.com' })).body);
  idle = Person.parse((await api.call('POST', '/api/people', { name: 'Ida Idle', email: 'ida@example.com' })).body);
  const program = Program.parse((await api.call('POST', '/api/programs', { name: 'Claims triage', sponsorId: sponsor.id })).body);
  const c = Constraint.parse((await api.call('POST', `/api/programs/${program.key}/constraints`, {
    title: 'No drift monitoring', kind: 'blocker', dimension: 'governance', ownerId: owner.id, deadline: '2026-11-20',
  })).body);
  expect(c.ref).toBe('CLAIMS-1');
  await api.call('POST', '/api/escalations/sweep', { at: '2026-11-28T00:00:00Z' }); // 8 days late: up to the sponsor
});
afterAll(async () => { await api.close(); });

describe('weekly digest', () => {
  it('tells the owner what is overdue and the sponsor what escalated to them; nobody with nothing gets one', async () => {
    const result = await send('2026-11-30T08:00:00Z');
    expect(result).toMatchObject({ sent: 2, alreadySent: 0, nothingToSay: 1 });
    const [mine] = await digestsOf(owner.id);
    expect(mine?.subject).toBe('Handoff weekly: 1 overdue');
    expect(mine?.text).toContain('CLAIMS-1 No drift monitoring: 10 days overdue');
    const [theirs] = await digestsOf(sponsor.id);
    expect(theirs?.text).toContain('CLAIMS-1 No drift monitoring (owner Ola Owner, level sponsor)');
    expect(await digestsOf(idle.id)).toEqual([]);
  });

  it('sends each person one digest per week however often it runs, and again the next week', async () => {
    expect(await send('2026-12-03T08:00:00Z')).toMatchObject({ sent: 0, alreadySent: 2 });
    expect((await digestsOf(owner.id)).length).toBe(1);
    expect(await send('2026-12-07T08:00:00Z')).toMatchObject({ sent: 2 });
    expect((await digestsOf(owner.id)).length).toBe(2);
  });
});
