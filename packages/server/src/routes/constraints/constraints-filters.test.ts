import { Constraint, ConstraintPage, Person, Problem, Program, SweepResult } from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../testing/harness.js';

/** The library's escalation and dependency filters (GET /api/constraints), on a small workspace swept once. */
let api: TestApi;
let owner: Person;
let sponsorLevel: Constraint;
let boardLevel: Constraint;
let notYet: Constraint;
let dependsOnBoth: Constraint;
let dependsOnOne: Constraint;

async function add(program: Program, title: string, deadline: string, dependsOn: string[] = []): Promise<Constraint> {
  const res = await api.call('POST', `/api/programs/${program.key}/constraints`, {
    title, kind: 'blocker', dimension: 'governance', ownerId: owner.id, deadline, dependsOn,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return Constraint.parse(res.body);
}

async function refs(query: string): Promise<string[]> {
  const res = await api.call('GET', `/api/constraints?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return ConstraintPage.parse(res.body).items.map((c) => c.ref).sort();
}

beforeAll(async () => {
  api = await startTestApi({ now: '2026-11-25T09:00:00.000Z' });
  owner = Person.parse((await api.call('POST', '/api/people', { name: 'Ada Lovelace', email: 'ada@example.com' })).body);
  const sponsor = Person.parse((await api.call('POST', '/api/people', { name: 'Sade Adu', email: 'sade@example.com' })).body);
  await api.call('POST', '/api/people', { name: 'Bea Board', email: 'bea@example.com', boardMember: true });
  const claims = Program.parse((await api.call('POST', '/api/programs', { name: 'Claims triage', phase: 'pilot', sponsorId: sponsor.id })).body);
  // Default ladder: reminder -3 d, due 0, sponsor +7 d, board +21 d from the deadline.
  sponsorLevel = await add(claims, 'Model risk sign-off', '2026-11-10');
  boardLevel = await add(claims, 'No budget line for inference', '2026-10-20');
  notYet = await add(claims, 'Retraining authority unassigned', '2027-03-01');
  dependsOnBoth = await add(claims, 'Go-live checklist', '2027-01-15', [sponsorLevel.id, boardLevel.id]);
  dependsOnOne = await add(claims, 'Operator training', '2027-02-01', [sponsorLevel.id]);
  const swept = await api.call('POST', '/api/escalations/sweep', { at: '2026-11-25T09:00:00Z' });
  expect(SweepResult.parse(swept.body).notified).toBeGreaterThan(0);
});
afterAll(async () => { await api.close(); });

describe('filtering by escalation', () => {
  it('lists only the constraints whose escalation reached a level in this cycle, or only the others', async () => {
    expect(await refs('escalated=true')).toEqual([sponsorLevel.ref, boardLevel.ref].sort());
    expect(await refs('escalated=false')).toEqual([notYet.ref, dependsOnBoth.ref, dependsOnOne.ref].sort());
  });

  it("lists only the constraints at a named level, matching the name shown as the escalation's level in any case", async () => {
    expect(await refs('escalationLevel=BOARD')).toEqual([boardLevel.ref]);
    expect(await refs('escalationLevel=sponsor')).toEqual([sponsorLevel.ref]);
    expect(await refs('escalationLevel=reminder')).toEqual([]);
    const page = ConstraintPage.parse((await api.call('GET', '/api/constraints?escalationLevel=board')).body);
    expect(page.items.map((c) => c.escalation?.levelName)).toEqual(['board']);
  });

  it('combines the escalation filters with the others', async () => {
    expect(await refs(`escalated=true&q=${encodeURIComponent('budget')}`)).toEqual([boardLevel.ref]);
    expect(await refs('escalationLevel=sponsor&overdue=false')).toEqual([]);
  });

  it('counts a constraint as not escalated once a deadline move has restarted its clock', async () => {
    const moved = await api.call('PATCH', `/api/constraints/${sponsorLevel.ref}`, { deadline: '2027-01-31', reason: 'Committee moved to January' }, { 'if-match': `"${sponsorLevel.version}"` });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(await refs('escalated=true')).toEqual([boardLevel.ref]);
    expect(await refs('escalated=false')).toContain(sponsorLevel.ref);
    expect(await refs('escalationLevel=sponsor')).toEqual([]);
  });

  it('refuses a blank or over-long level name with 400 naming the parameter', async () => {
    for (const value of ['%20', 'x'.repeat(41)]) {
      const res = await api.call('GET', `/api/constraints?escalationLevel=${value}`);
      expect(res.status).toBe(400);
      expect(Problem.parse(res.body).errors?.map((e) => e.path)).toContain('query.escalationLevel');
    }
  });
});

describe('filtering by dependency', () => {
  it('lists what depends on a constraint (what its slip holds up)', async () => {
    expect(await refs(`dependsOn=${sponsorLevel.id}`)).toEqual([dependsOnBoth.ref, dependsOnOne.ref].sort());
    expect(await refs(`dependsOn=${boardLevel.id}`)).toEqual([dependsOnBoth.ref]);
    expect(await refs(`dependsOn=${notYet.id}`)).toEqual([]);
  });

  it('lists what a constraint depends on', async () => {
    expect(await refs(`dependencyOf=${dependsOnBoth.id}`)).toEqual([sponsorLevel.ref, boardLevel.ref].sort());
    expect(await refs(`dependencyOf=${sponsorLevel.id}`)).toEqual([]);
  });

  it('refuses a dependency filter that is not an id with 400 naming the parameter', async () => {
    const res = await api.call('GET', `/api/constraints?dependsOn=${sponsorLevel.ref}`);
    expect(res.status).toBe(400);
    expect(Problem.parse(res.body).errors?.map((e) => e.path)).toContain('query.dependsOn');
  });
});
