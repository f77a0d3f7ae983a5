import { draftBoardDecision } from '@handoff/core';
import { Constraint, Decision, DecisionPage, HistoryPage, Person, Problem, Program, SweepResult } from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi, type TestResponse } from '../../testing/harness.js';
import { choicesOf, storedOptions } from '../../services/decision-options.js';

/** Board decisions by hand, and their effects applied in the decide transaction. The clock reads 2026-11-25. */
let api: TestApi;
let owner: Person;
let sponsor: Person;
let board: Person;
let bystander: Person;
let claims: Program;

async function ok(pending: Promise<TestResponse>, status = 200): Promise<unknown> {
  const res = await pending;
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}
const person = async (name: string, email: string, boardMember = false) =>
  Person.parse(await ok(api.call('POST', '/api/people', { name, email, boardMember }), 201));
const constraint = async (program: string, title: string, deadline: string) => Constraint.parse(await ok(api.call('POST', `/api/programs/${program}/constraints`, {
  title, kind: 'blocker', dimension: 'governance', ownerId: owner.id, deadline, severity: 'high',
}), 201));
const getConstraint = async (ref: string) => Constraint.parse(await ok(api.call('GET', `/api/constraints/${ref}`)));
const getDecision = async (id: string) => Decision.parse(await ok(api.call('GET', `/api/decisions/${id}`)));
const request = async (body: object) => Decision.parse(await ok(api.call('POST', '/api/decisions', body), 201));
const problem = async (pending: Promise<TestResponse>, status: number) => Problem.parse(await ok(pending, status));
const history = async (path: string) => HistoryPage.parse(await ok(api.call('GET', `${path}/history`))).items;
const decisionCount = async () => (await api.handoff.deps.database.db.selectFrom('decisions').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n;

beforeAll(async () => {
  api = await startTestApi({ now: '2026-11-25T09:00:00.000Z' });
  owner = await person('Ola Nordmann', 'ola@example.com');
  sponsor = await person('Sade Adu', 'sade@example.com');
  board = await person('Bea Board', 'bea@example.com', true);
  bystander = await person('Bo Stander', 'bo@example.com');
  claims = Program.parse(await ok(api.call('POST', '/api/programs', { key: 'CLAIMS', name: 'Claims triage', phase: 'pilot', sponsorId: sponsor.id }), 201));
  await ok(api.call('POST', '/api/programs', { key: 'KYC', name: 'KYC extraction', phase: 'pilot' }), 201);
  await constraint('CLAIMS', 'No drift monitoring', '2026-12-01');
  await constraint('CLAIMS', 'Vendor contract unsigned', '2026-12-05');
  await constraint('KYC', 'Feature store not certified', '2026-12-10');
});
afterAll(async () => { await api.close(); });

describe('a decision request by hand', () => {
  it('is stored pending with its options and effects, recorded in history and sent to the board and the sponsor', async () => {
    const d = await request({
      programId: 'CLAIMS', constraintId: 'CLAIMS-2', title: 'Sign the vendor contract or re-plan', context: 'Legal has held the contract for six weeks.',
      options: [{ label: 'Re-plan to January', effect: { kind: 'move-deadline' } }, { label: 'Accept the risk', effect: { kind: 'accept-constraint' } }, { label: 'Escalate to the CEO' }],
      recommendedOption: 2, dueDate: '2026-12-02',
    });
    expect(d).toMatchObject({
      source: 'manual', programKey: 'CLAIMS', constraintRef: 'CLAIMS-2', status: 'pending', recommendation: 'Accept the risk', effect: null,
      options: ['Re-plan to January', 'Accept the risk', 'Escalate to the CEO'],
      optionEffects: [{ kind: 'move-deadline' }, { kind: 'accept-constraint' }, null],
    });
    const inbox = await api.handoff.deps.database.db.selectFrom('inbox_items').select('person_id').where('event_key', '=', `dec:${d.id}`).execute();
    expect(inbox.map((i) => i.person_id).sort()).toEqual([board.id, sponsor.id].sort());
    expect((await history(`/api/programs/${claims.id}`)).some((h) => h.field === 'decisionRequested' && h.after === d.title)).toBe(true);
    expect((await history('/api/constraints/CLAIMS-2')).some((h) => h.field === 'decisionRequested')).toBe(true);
  });

  const valid = { programId: 'CLAIMS', title: 'Go or no go', context: '', options: [{ label: 'Go' }, { label: 'Wait' }], recommendedOption: 1, dueDate: '2026-12-01' };
  it.each([
    ['a constraint of another program', { ...valid, constraintId: 'KYC-1' }, 'constraintId', /KYC-1 belongs to another program/],
    ['an option effect on a constraint of another program', { ...valid, options: [{ label: 'Accept', effect: { kind: 'accept-constraint', constraintId: 'KYC-1' } }, { label: 'No' }] }, 'options.0.effect.constraintId', /another program/],
    ['a constraint effect when the request names no constraint', { ...valid, options: [{ label: 'Accept', effect: { kind: 'accept-constraint' } }, { label: 'No' }] }, 'options.0.effect.constraintId', /is required/],
    ['a recommendation that numbers no option', { ...valid, recommendedOption: 3 }, 'recommendedOption', /one of the options/],
    ['a single option', { ...valid, options: [{ label: 'Go' }] }, 'options', /at least 2/],
    ['a due date in the past', { ...valid, dueDate: '2026-11-24' }, 'dueDate', /today \(2026-11-25\) or later/],
    ['an impossible due date', { ...valid, dueDate: '2026-02-30' }, 'dueDate', /real calendar date/],
    ['no title', { ...valid, title: ' ' }, 'title', /must not be empty/],
    ['an unknown program', { ...valid, programId: 'NOPE' }, 'programId', /does not exist/],
  ])('refuses %s with 400 naming the field, and stores nothing', async (_name, body, path, message) => {
    const before = await decisionCount();
    const p = await problem(api.call('POST', '/api/decisions', body), 400);
    expect(p.errors?.find((e) => e.path === path)?.message, JSON.stringify(p)).toMatch(message);
    expect(await decisionCount()).toBe(before);
  });
});

describe('deciding with an effect', () => {
  it('moves the deadline with the decision as the reason, which starts a new escalation cycle', async () => {
    const d = await request({ programId: 'CLAIMS', constraintId: 'CLAIMS-1', title: 'Drift monitoring late', context: 'Vendor slipped.',
      options: [{ label: 'Re-plan', effect: { kind: 'move-deadline' } }, { label: 'Hold' }], recommendedOption: 1, dueDate: '2026-12-01' });
    const before = await getConstraint('CLAIMS-1');
    const decided = Decision.parse(await ok(api.call('POST', `/api/decisions/${d.id}/decide`, { option: 1, decidedBy: board.id, effect: { kind: 'move-deadline', to: '2027-01-15' } })));
    expect(decided).toMatchObject({ status: 'decided', outcome: 'Re-plan', decidedBy: { id: board.id }, effect: { kind: 'move-deadline', constraintId: before.id, from: '2026-12-01', to: '2027-01-15' } });
    const after = await getConstraint('CLAIMS-1');
    expect(after.deadline).toBe('2027-01-15');
    expect(after.escalation?.cycle).toBe((before.escalation?.cycle ?? 0) + 1);
    const moved = (await history('/api/constraints/CLAIMS-1')).find((h) => h.field === 'deadline' && h.before !== null);
    expect(moved).toMatchObject({ before: '2026-12-01', after: '2027-01-15', reason: 'Board decision Drift monitoring late: Re-plan' });
    expect(await getDecision(d.id)).toMatchObject({ effect: { kind: 'move-deadline', to: '2027-01-15' } });
  });

  it('accepts the constraint when the option taken carries that effect', async () => {
    const d = await request({ programId: 'CLAIMS', constraintId: 'CLAIMS-2', title: 'Vendor risk', context: '',
      options: [{ label: 'Fight on' }, { label: 'Accept with mitigations', effect: { kind: 'accept-constraint' } }], recommendedOption: 2, dueDate: '2026-12-01' });
    const decided = Decision.parse(await ok(api.call('POST', `/api/decisions/${d.id}/decide`, { option: 2, decidedBy: sponsor.id })));
    expect(decided.effect).toMatchObject({ kind: 'accept-constraint', from: 'open' });
    expect((await getConstraint('CLAIMS-2')).status).toBe('accepted');
    expect((await history('/api/constraints/CLAIMS-2')).find((h) => h.field === 'status' && h.before !== null)).toMatchObject({ after: 'accepted', reason: 'Board decision Vendor risk: Accept with mitigations' });
  });

  it('moves the phase through a closed gate, recording the override by the decider', async () => {
    const d = await request({ programId: 'CLAIMS', title: 'Go to production readiness', context: 'Pilot results are in.',
      options: [{ label: 'Go', effect: { kind: 'phase-override', to: 'production-readiness' } }, { label: 'Wait' }], recommendedOption: 1, dueDate: '2026-12-01' });
    const decided = Decision.parse(await ok(api.call('POST', `/api/decisions/${d.id}/decide`, { option: 1, outcome: 'Go, with weekly checks', decidedBy: board.id })));
    expect(decided.effect).toEqual({ kind: 'phase-override', programId: claims.id, from: 'pilot', to: 'production-readiness', gateOverridden: true });
    expect(Program.parse(await ok(api.call('GET', '/api/programs/CLAIMS'))).phase).toBe('production-readiness');
    const overrides = await api.handoff.deps.database.db.selectFrom('gate_overrides').select(['decided_by', 'to_phase', 'reason']).where('program_id', '=', claims.id).execute();
    expect(overrides).toEqual([{ decided_by: board.id, to_phase: 'production-readiness', reason: 'Board decision Go to production readiness: Go, with weekly checks' }]);
    const entries = await history(`/api/programs/${claims.id}`);
    expect(entries.find((h) => h.field === 'phase')).toMatchObject({ before: 'pilot', after: 'production-readiness' });
    expect(entries.some((h) => h.field === 'gateOverride')).toBe(true);
  });
});

describe('an effect that fails', () => {
  const pendingAfter = async (id: string) => expect(await getDecision(id)).toMatchObject({ status: 'pending', outcome: null, effect: null, decidedBy: null });

  it('leaves the decision pending and the phase unchanged when someone other than the sponsor or a board member overrides', async () => {
    const d = await request({ programId: 'KYC', title: 'Skip to limited rollout', context: '',
      options: [{ label: 'Go', effect: { kind: 'phase-override', to: 'limited-rollout' } }, { label: 'Wait' }], recommendedOption: 2, dueDate: '2026-12-01' });
    const p = await problem(api.call('POST', `/api/decisions/${d.id}/decide`, { option: 1, decidedBy: bystander.id }), 403);
    expect(p.errors).toEqual([{ path: 'decidedBy', message: "is neither the program's sponsor nor a board member" }]);
    await pendingAfter(d.id);
    expect(Program.parse(await ok(api.call('GET', '/api/programs/KYC'))).phase).toBe('pilot');
  });

  it.each([
    ['an impossible date', '2026-02-30', /real calendar date/],
    ['a date in the past', '2026-11-01', /today \(2026-11-25\) or later/],
    ['no date at all', undefined, /give the new date/],
  ])('leaves the decision pending and the deadline unchanged on a move to %s', async (_name, to, message) => {
    const d = await request({ programId: 'KYC', constraintId: 'KYC-1', title: 'Certification late', context: '',
      options: [{ label: 'Re-plan', effect: { kind: 'move-deadline' } }, { label: 'Hold' }], recommendedOption: 1, dueDate: '2026-12-01' });
    const body = { option: 1, decidedBy: board.id, ...(to ? { effect: { kind: 'move-deadline', to } } : {}) };
    const p = await problem(api.call('POST', `/api/decisions/${d.id}/decide`, body), 400);
    expect(p.errors?.find((e) => e.path === 'effect.to')?.message, JSON.stringify(p)).toMatch(message);
    await pendingAfter(d.id);
    expect((await getConstraint('KYC-1')).deadline).toBe('2026-12-10');
  });
});

describe('decisions raised by escalation', () => {
  it('offer the obvious effects: accepting the risk accepts the constraint, re-planning moves its deadline on the date the decider gives', async () => {
    const c = await constraint('KYC', 'Model card missing', '2026-11-20');
    await ok(api.call('PUT', '/api/programs/KYC/escalation-policy', {
      levels: [{ name: 'board at once', offsetDays: 1, condition: 'not-resolved', targets: [{ kind: 'role', role: 'board' }], createsDecision: true }],
    }));
    expect(SweepResult.parse(await ok(api.call('POST', '/api/escalations/sweep', { at: '2026-11-25T09:00:00Z' }))).decisions).toBe(1);
    const list = await ok(api.call('GET', '/api/decisions?status=pending&limit=200'));
    const raised = Decision.array().parse((list as { items: unknown }).items).find((d) => d.constraintId === c.id);
    if (!raised) throw new Error('no decision raised');
    expect(raised.optionEffects).toEqual([null, { kind: 'accept-constraint' }, { kind: 'move-deadline' }, null]);
    const decided = Decision.parse(await ok(api.call('POST', `/api/decisions/${raised.id}/decide`, { option: 3, decidedBy: board.id, effect: { kind: 'move-deadline', to: '2027-02-01' } })));
    expect(decided.effect).toEqual({ kind: 'move-deadline', constraintId: c.id, from: '2026-11-20', to: '2027-02-01' });
    expect((await getConstraint(c.ref)).deadline).toBe('2027-02-01');
  });

  it('read the effects of decisions stored with plain labels from their wording, as core drafts them', () => {
    const draft = draftBoardDecision({ ref: 'X-1', title: 't', programName: 'P', ownerName: 'O', deadline: '2026-01-01', daysLate: 30, levelName: 'board', level: 3, levelCount: 4, blocksGate: 'production', kind: 'risk', severity: 'low' }, '2026-02-01');
    const legacy = choicesOf({ options: draft.options.map((o) => o.label), source: 'escalation', constraint_id: 'c' });
    expect(legacy.map((c) => c.effect)).toEqual(choicesOf({ options: storedOptions(draft.options), source: 'escalation', constraint_id: 'c' }).map((c) => c.effect));
    expect(legacy.map((c) => c.effect?.kind ?? null)).toEqual([null, 'accept-constraint', 'move-deadline', null]);
  });
});

describe('decisions waiting for someone, and overdue ones', () => {
  const pendingFor = async (personId: string) =>
    DecisionPage.parse(await ok(api.call('GET', `/api/decisions?waitingFor=${personId}&limit=200`))).items;

  it('lists for a board member every pending decision, for a sponsor those of their programs, for anyone else none', async () => {
    const kyc = await request({ programId: 'KYC', title: 'Certify the feature store', context: '', options: [{ label: 'Yes' }, { label: 'No' }], recommendedOption: 1, dueDate: '2026-11-27' });
    const all = DecisionPage.parse(await ok(api.call('GET', '/api/decisions?status=pending&limit=200'))).items;
    expect(all.some((d) => d.id === kyc.id)).toBe(true);
    expect((await pendingFor(board.id)).map((d) => d.id).sort()).toEqual(all.map((d) => d.id).sort());
    const sponsors = await pendingFor(sponsor.id);
    expect(sponsors.length).toBeGreaterThan(0);
    expect(sponsors.every((d) => d.programKey === 'CLAIMS' && d.status === 'pending')).toBe(true);
    expect(sponsors.length).toBe(all.filter((d) => d.programKey === 'CLAIMS').length);
    expect(await pendingFor(bystander.id)).toEqual([]);
  });

  it('says a pending decision is overdue, and by how many days, once its due date has passed in the workspace calendar', async () => {
    const d = await request({ programId: 'CLAIMS', title: 'Fund the serving cluster', context: '', options: [{ label: 'Fund' }, { label: 'Defer' }], recommendedOption: 1, dueDate: '2026-11-28' });
    expect(d).toMatchObject({ overdue: false, daysOverdue: 0 });
    api.clock.set('2026-12-01T09:00:00.000Z');
    try {
      expect(await getDecision(d.id)).toMatchObject({ overdue: true, daysOverdue: 3 });
      const decided = Decision.parse(await ok(api.call('POST', `/api/decisions/${d.id}/decide`, { option: 2, decidedBy: board.id })));
      expect(decided).toMatchObject({ status: 'decided', overdue: false, daysOverdue: 0 });
    } finally {
      api.clock.set('2026-11-25T09:00:00.000Z');
    }
  });
});
