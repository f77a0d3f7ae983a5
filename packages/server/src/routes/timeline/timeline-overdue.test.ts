import { addDays } from '@handoff/core';
import { ProgramForecast, ProgramTimeline } from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../testing/harness.js';
import { addConstraint, addPerson, addProgram, getOk } from './timeline-fixtures.js';

/**
 * Overdue constraints are projected from today plus their forecast lateness, read from the workspace's
 * own history. The workspace is in Auckland: at 2026-11-25T12:00Z it is already 2026-11-26 there, so
 * every day count below would differ by one if UTC dates were used by mistake.
 *
 * History: 20 technical blockers, each due 2026-11-16 and resolved now (local 2026-11-26): 10 days late,
 * enough (K = 20) for the class to stand on its own. OPS-1, a technical blocker due 2026-11-23, is 3
 * days overdue: given it is at least 3 days late, its class says 10, so it should resolve 7 days from
 * today, on 2026-12-03, and the next gate with it.
 */

let api: TestApi;
const timeline = async () => ProgramTimeline.parse(await getOk(api, '/api/programs/OPS/timeline'));

beforeAll(async () => {
  api = await startTestApi({ now: '2026-11-25T12:00:00.000Z', timeZone: 'Pacific/Auckland' });
  const owner = await addPerson(api, 'Wiremu Tane', 'wiremu@example.com');
  await addProgram(api, { key: 'HIST', name: 'Past work', phase: 'pilot' });
  for (let i = 0; i < 20; i++) await addConstraint(api, 'HIST', owner, { title: `Done ${i}`, deadline: '2026-11-16', status: 'resolved' });
  await addProgram(api, { key: 'OPS', name: 'Operations copilot', phase: 'pilot' });
  await addConstraint(api, 'OPS', owner, { title: 'GPU quota', deadline: '2026-11-23' });
  expect((await api.call('PUT', '/api/programs/OPS/plan', { gates: { 'production-readiness': '2026-11-20' } })).status).toBe(200);
}, 60_000);
afterAll(async () => { await api.close(); });

describe('overdue constraints', () => {
  it('count from today in the workspace time zone plus the lateness their reference class forecasts', async () => {
    const t = await timeline();
    expect(t.today).toBe('2026-11-26');
    expect(t.constraints.map((c) => [c.ref, c.overdueDays, c.forecastLatenessDays, c.projectedFinish, c.slackDays])).toEqual([['OPS-1', 3, 7, '2026-12-03', 0]]);
    expect(t.gates[0]).toMatchObject({ gate: 'production-readiness', plannedDate: '2026-11-20', projectedDate: '2026-12-03', slipDays: 13 });
    expect(t.binding).toMatchObject({ kind: 'constraint', constraint: { ref: 'OPS-1' }, delayOverPlanDays: 13 });
  });

  it('keep the same finish while the history still reaches past today, with fewer days left', async () => {
    api.clock.advanceDays(4);
    const t = await timeline();
    expect(t.constraints.map((c) => [c.overdueDays, c.forecastLatenessDays, c.projectedFinish])).toEqual([[7, 3, '2026-12-03']]);
  });

  it('never finish before today once they are later than anything in the history', async () => {
    api.clock.advanceDays(10);
    const t = await timeline();
    expect(t.today).toBe('2026-12-10');
    const [ops] = t.constraints;
    expect(ops?.overdueDays).toBe(17);
    expect(ops?.forecastLatenessDays).toBeGreaterThan(0);
    expect(ops?.projectedFinish).toBe(addDays('2026-12-10', ops?.forecastLatenessDays ?? -1));
    expect(t.gates[0]?.projectedDate).toBe(ops?.projectedFinish);
  });

  it('are forecast from the same history: every trial draws 10 days late, so all percentiles agree', async () => {
    api.clock.set('2026-11-25T12:00:00.000Z');
    const f = ProgramForecast.parse(await getOk(api, '/api/programs/OPS/forecast?trials=200'));
    expect(f.gates[0]).toMatchObject({ gate: 'production-readiness', p50: '2026-12-03', p80: '2026-12-03', p95: '2026-12-03' });
    expect(f.referenceClasses).toEqual([{ kind: 'blocker', dimension: 'technical', classSamples: 20, workspaceSamples: 20, weights: { class: 1, workspace: 0, prior: 0 } }]);
    expect(f.criticality).toMatchObject([{ constraint: { ref: 'OPS-1' }, nextGate: 1, production: 1 }]);
  });
});
