import { Constraint, EscalationPolicy, HistoryPage, Person, Problem, Program, SweepResult } from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../testing/harness.js';

// Escalation policies may target a program's governance role; a vacant one is skipped like a vacant sponsor.

let api: TestApi;
let owner: Person;
let monitor: Person;
let board: Person;

const LADDER = {
  acknowledgementHoldDays: 3,
  levels: [
    { name: 'drift', offsetDays: 0, condition: 'not-resolved', targets: [{ kind: 'program-role', role: 'drift-monitor' }] },
    { name: 'board', offsetDays: 14, condition: 'not-resolved', targets: [{ kind: 'role', role: 'board' }] },
  ],
};

const person = async (name: string, email: string, boardMember = false): Promise<Person> =>
  Person.parse((await api.call('POST', '/api/people', { name, email, boardMember })).body);
const program = async (name: string): Promise<Program> => Program.parse((await api.call('POST', '/api/programs', { name, phase: 'pilot' })).body);
const add = async (p: Program, title: string): Promise<Constraint> => {
  const res = await api.call('POST', `/api/programs/${p.key}/constraints`, { title, kind: 'risk', dimension: 'governance', ownerId: owner.id, deadline: '2026-12-01', severity: 'high' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return Constraint.parse(res.body);
};
const events = (constraintId: string) =>
  api.handoff.deps.database.db.selectFrom('escalation_events').select(['level_name', 'kind', 'recipients', 'vacant']).where('constraint_id', '=', constraintId).orderBy('level').execute();

beforeAll(async () => {
  api = await startTestApi({ now: '2026-11-20T09:00:00.000Z' });
  owner = await person('Ola Nordmann', 'ola@example.com');
  monitor = await person('Mona Drift', 'mona@example.com');
  board = await person('Bea Board', 'bea@example.com', true);
});
afterAll(async () => { await api.close(); });

describe('a policy level that targets a governance role', () => {
  it('refuses a role key the workspace does not have with 400 naming the target, and keeps the old policy', async () => {
    const bad = { ...LADDER, levels: [{ ...LADDER.levels[0], targets: [{ kind: 'role', role: 'owner' }, { kind: 'program-role', role: 'ethics-board' }] }] };
    const res = await api.call('PUT', '/api/escalation-policy', bad);
    expect(res.status).toBe(400);
    expect(Problem.parse(res.body).errors?.map((e) => e.path)).toEqual(['levels.0.targets.1.role']);
    expect(EscalationPolicy.parse((await api.call('GET', '/api/escalation-policy')).body).scope).toBe('default');
  });

  it('accepts a built-in role key and shows it back', async () => {
    const res = await api.call('PUT', '/api/escalation-policy', LADDER);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(EscalationPolicy.parse(res.body).levels[0]?.targets).toEqual([{ kind: 'program-role', role: 'drift-monitor' }]);
  });

  it("notifies the role's holder when the level fires", async () => {
    const held = await program('Claims triage');
    expect((await api.call('PUT', `/api/programs/${held.key}/roles/drift-monitor`, { personId: monitor.id })).status).toBe(200);
    const c = await add(held, 'Drift above threshold');
    const result = SweepResult.parse((await api.call('POST', '/api/escalations/sweep', { at: '2026-12-01T06:00:00Z' })).body);
    expect(result).toMatchObject({ notified: 1, skipped: 0 });
    expect(await events(c.id)).toEqual([{ level_name: 'drift', kind: 'notified', recipients: [monitor.id], vacant: [] }]);
  });

  it('skips the level when the role is vacant, records the skip, and carries on to the next level', async () => {
    const orphan = await program('KYC extraction');
    const c = await add(orphan, 'Drift above threshold');
    const result = SweepResult.parse((await api.call('POST', '/api/escalations/sweep', { at: '2026-12-15T06:00:00Z' })).body);
    expect(result.skipped).toBe(1);
    expect(await events(c.id)).toEqual([
      { level_name: 'drift', kind: 'skipped', recipients: [], vacant: ['drift-monitor'] },
      { level_name: 'board', kind: 'notified', recipients: [board.id], vacant: [] },
    ]);
    const history = HistoryPage.parse((await api.call('GET', `/api/constraints/${c.ref}/history`)).body);
    expect(history.items.some((h) => h.field === 'escalationLevel' && h.after === 'drift' && (h.reason ?? '').includes('nobody holds drift-monitor'))).toBe(true);
  });
});
