import { ActiveEscalationPage, Constraint, DecisionPage, EscalationPolicy, HistoryPage, Person, Problem, Program, SweepResult, Decision } from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../testing/harness.js';

let api: TestApi;
let owner: Person;
let sponsor: Person;
let board: Person;
let funded: Program;
let orphan: Program;

const sweep = async (at: string): Promise<SweepResult> => {
  const res = await api.call('POST', '/api/escalations/sweep', { at });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return SweepResult.parse(res.body);
};
const person = async (name: string, email: string, boardMember = false): Promise<Person> =>
  Person.parse((await api.call('POST', '/api/people', { name, email, boardMember })).body);
const add = async (program: Program, title: string, deadline: string): Promise<Constraint> => {
  const res = await api.call('POST', `/api/programs/${program.key}/constraints`, { title, kind: 'blocker', dimension: 'governance', ownerId: owner.id, deadline, severity: 'high' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return Constraint.parse(res.body);
};
const get = async (ref: string): Promise<Constraint> => Constraint.parse((await api.call('GET', `/api/constraints/${ref}`)).body);
const events = async (constraintId: string) =>
  api.handoff.deps.database.db.selectFrom('escalation_events').select(['cycle', 'level_name', 'kind', 'recipients']).where('constraint_id', '=', constraintId).orderBy('cycle').orderBy('level').execute();

beforeAll(async () => {
  api = await startTestApi({ now: '2026-11-20T09:00:00.000Z' });
  owner = await person('Ola Nordmann', 'ola@example.com');
  sponsor = await person('Sade Adu', 'sade@example.com');
  board = await person('Bea Board', 'bea@example.com', true);
  funded = Program.parse((await api.call('POST', '/api/programs', { name: 'Claims triage', phase: 'pilot', sponsorId: sponsor.id })).body);
  orphan = Program.parse((await api.call('POST', '/api/programs', { name: 'KYC extraction', phase: 'pilot' })).body);
});
afterAll(async () => { await api.close(); });

describe('the default ladder', () => {
  it('schedules the first level when the constraint is created', async () => {
    const c = await add(funded, 'No named owner for model output', '2026-12-01');
    expect(c.escalation).toMatchObject({ cycle: 1, level: -1, levelName: null, nextLevelAt: '2026-11-28T00:00:00.000Z' });
  });

  it('fires each level once, at its time, and a second sweep fires nothing new', async () => {
    expect((await sweep('2026-11-27T23:00:00Z')).notified).toBe(0);
    const reminder = await sweep('2026-11-28T00:00:00Z');
    expect(reminder).toMatchObject({ notified: 1, notifications: 1, decisions: 0 });
    expect(await sweep('2026-11-28T00:00:00Z')).toMatchObject({ notified: 0, notifications: 0 });
    const late = await sweep('2026-12-22T06:00:00Z');
    expect(late).toMatchObject({ notified: 3, decisions: 1 });
    expect((await sweep('2026-12-23T06:00:00Z')).notified).toBe(0);
    const c = await get('CLAIMS-1');
    expect(c.escalation).toMatchObject({ level: 3, levelName: 'board', nextLevelAt: null });
    const fired = await events(c.id);
    expect(fired.map((e) => [e.level_name, e.recipients])).toEqual([
      ['reminder', [owner.id]], ['due', [owner.id]], ['sponsor', [sponsor.id]], ['board', [board.id]],
    ]);
  });

  it('raises one board decision request with options and a recommended action, decidable once', async () => {
    const page = DecisionPage.parse((await api.call('GET', '/api/decisions?status=pending')).body);
    expect(page.items).toHaveLength(1);
    const d = page.items[0];
    expect(d).toMatchObject({ constraintRef: 'CLAIMS-1', source: 'escalation', status: 'pending', dueDate: '2026-12-29' });
    expect(d?.options.length).toBeGreaterThanOrEqual(3);
    expect(d?.options).toContain(d?.recommendation);
    const decided = await api.call('POST', `/api/decisions/${d?.id}/decide`, { outcome: 'Resource it', decidedBy: board.id });
    expect(decided.status).toBe(200);
    expect(Decision.parse(decided.body)).toMatchObject({ status: 'decided', outcome: 'Resource it', decidedBy: { id: board.id } });
    expect((await api.call('POST', `/api/decisions/${d?.id}/decide`, { outcome: 'Again', decidedBy: board.id })).status).toBe(409);
  });

  it('lists the active escalation for the people it reached and by level', async () => {
    const res = await api.call('GET', `/api/escalations?person=${sponsor.id}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const forSponsor = ActiveEscalationPage.parse(res.body);
    expect(forSponsor.items.map((e) => e.ref)).toEqual(['CLAIMS-1']);
    expect(forSponsor.items[0]?.state.levelName).toBe('board');
    const none = ActiveEscalationPage.parse((await api.call('GET', `/api/escalations?program=${orphan.id}`)).body);
    expect(none.items).toEqual([]);
  });
});

describe('vacant roles', () => {
  it('skips the sponsor level of a program without a sponsor, says so in the history, and goes to the board', async () => {
    const c = await add(orphan, 'Consent wording unclear', '2026-12-01');
    const result = await sweep('2026-12-08T01:00:00Z');
    expect(result.skipped).toBe(1);
    const fired = await events(c.id);
    expect(fired.map((e) => [e.level_name, e.kind])).toEqual([['reminder', 'notified'], ['due', 'notified'], ['sponsor', 'skipped'], ['board', 'notified']]);
    const history = HistoryPage.parse((await api.call('GET', `/api/constraints/${c.ref}/history`)).body);
    expect(history.items.some((h) => h.field === 'escalationLevel' && h.after === 'sponsor' && (h.reason ?? '').includes('nobody holds sponsor'))).toBe(true);
  });
});

describe('acknowledge, pause and resume', () => {
  it('holds further levels for the acknowledgement period, then resumes', async () => {
    const c = await add(funded, 'Drift not monitored', '2027-01-10');
    await sweep('2027-01-10T00:30:00Z'); // reminder + due
    api.clock.set('2027-01-15T12:00:00.000Z');
    const ack = await api.call('POST', `/api/constraints/${c.ref}/acknowledge`, { personId: owner.id, note: 'Vendor call booked' });
    expect(ack.status).toBe(200);
    expect(Constraint.parse(ack.body).escalation).toMatchObject({ acknowledgedBy: { id: owner.id }, nextLevelAt: '2027-01-18T12:00:00.000Z' });
    expect((await sweep('2027-01-17T00:00:00Z')).notified).toBe(0);
    expect((await sweep('2027-01-18T12:00:00Z')).notified).toBe(1);
  });

  it('refuses an acknowledgement from someone the escalation never reached', async () => {
    const res = await api.call('POST', '/api/constraints/CLAIMS-2/acknowledge', { personId: board.id });
    expect(res.status).toBe(403);
    expect(Problem.parse(res.body).errors?.[0]?.path).toBe('personId');
  });

  it('freezes the clock while paused and adds the paused time on resume', async () => {
    const c = await add(funded, 'Regulator opinion pending', '2027-02-01');
    api.clock.set('2027-01-20T00:00:00.000Z');
    const paused = Constraint.parse((await api.call('POST', `/api/constraints/${c.ref}/pause`, { reason: 'Waiting for the regulator' })).body);
    expect(paused.escalation).toMatchObject({ pausedReason: 'Waiting for the regulator', nextLevelAt: null });
    expect((await api.call('POST', `/api/constraints/${c.ref}/pause`, { reason: 'again' })).status).toBe(409);
    await sweep('2027-03-01T00:00:00Z');
    expect(await events(c.id)).toEqual([]);
    api.clock.set('2027-01-30T00:00:00.000Z');
    const resumed = Constraint.parse((await api.call('POST', `/api/constraints/${c.ref}/resume`, {})).body);
    // Ten days paused: the reminder due 2027-01-29 now falls due 2027-02-08.
    expect(resumed.escalation).toMatchObject({ pausedAt: null, nextLevelAt: '2027-02-08T00:00:00.000Z' });
    const history = HistoryPage.parse((await api.call('GET', `/api/constraints/${c.ref}/history`)).body);
    expect(history.items.filter((h) => h.field === 'escalationPaused').map((h) => h.reason?.slice(0, 25))).toEqual(['Waiting for the regulator', 'paused for 240 h; every l']);
  });

  it('starts a new cycle when the deadline moves, so the ladder climbs again from the start', async () => {
    const c = await add(funded, 'Retraining authority unassigned', '2027-03-01');
    await sweep('2027-03-02T00:00:00Z');
    expect((await get(c.ref)).escalation?.level).toBe(1);
    await api.call('PATCH', `/api/constraints/${c.ref}`, { deadline: '2027-04-01', reason: 'Model risk committee moved' });
    const moved = await get(c.ref);
    expect(moved.escalation).toMatchObject({ cycle: 2, level: -1, nextLevelAt: '2027-03-29T00:00:00.000Z' });
    await sweep('2027-03-29T00:00:00Z');
    expect((await events(c.id)).map((e) => `${e.cycle}:${e.level_name}`)).toEqual(['1:reminder', '1:due', '2:reminder']);
  });

  it('cancels unsent reminders to the old owner when the owner changes, and tells the new owner', async () => {
    const c = await add(funded, 'Fallback runbook missing', '2027-06-10');
    await sweep('2027-06-07T00:00:00Z'); // the reminder to the first owner, not yet delivered
    await api.call('PATCH', `/api/constraints/${c.ref}`, { ownerId: sponsor.id });
    const outbox = await api.handoff.deps.database.db.selectFrom('outbox').select(['recipient_id', 'kind', 'status', 'last_error'])
      .where('event_key', 'like', `%${c.id}%`).orderBy('created_at').execute();
    expect(outbox).toContainEqual({ recipient_id: owner.id, kind: 'escalation', status: 'cancelled', last_error: 'owner changed to another person' });
    expect(outbox).toContainEqual({ recipient_id: sponsor.id, kind: 'assignment', status: 'pending', last_error: null });
  });

  it('stops escalating once resolved', async () => {
    const c = await add(funded, 'Latency above target', '2027-05-01');
    await api.call('PATCH', `/api/constraints/${c.ref}`, { status: 'resolved' });
    expect((await get(c.ref)).escalation?.nextLevelAt).toBeNull();
    await sweep('2027-07-01T00:00:00Z');
    expect(await events(c.id)).toEqual([]);
  });
});

describe('policies', () => {
  it('serves the built-in ladder until one is set, and a program override applies to its constraints', async () => {
    const def = EscalationPolicy.parse((await api.call('GET', '/api/escalation-policy')).body);
    expect(def).toMatchObject({ scope: 'default', acknowledgementHoldDays: 3 });
    expect(def.levels.map((l) => l.offsetDays)).toEqual([-3, 0, 7, 21]);
    const c = await add(orphan, 'Feature store not certified', '2027-06-01');
    const put = await api.call('PUT', `/api/programs/${orphan.key}/escalation-policy`, {
      levels: [{ name: 'board at once', offsetDays: 1, condition: 'not-resolved', targets: [{ kind: 'role', role: 'board' }], createsDecision: true }],
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(EscalationPolicy.parse(put.body)).toMatchObject({ scope: 'program', version: 1 });
    expect((await get(c.ref)).escalation?.nextLevelAt).toBe('2027-06-02T00:00:00.000Z');
  });

  it('refuses levels out of order and unknown people', async () => {
    const res = await api.call('PUT', '/api/escalation-policy', {
      levels: [
        { name: 'b', offsetDays: 7, condition: 'not-resolved', targets: [{ kind: 'role', role: 'sponsor' }] },
        { name: 'a', offsetDays: 0, condition: 'not-resolved', targets: [{ kind: 'person', personId: '00000000-0000-4000-8000-000000000000' }] },
      ],
    });
    expect(res.status).toBe(400);
    expect(Problem.parse(res.body).errors?.[0]?.path).toBe('levels');
  });
});
