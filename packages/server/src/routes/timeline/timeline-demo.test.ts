import { ConstraintImpact, HistoryPage, PhasePlan, ProgramForecast, ProgramTimeline } from '@handoff/contract';
import { addDays } from '@handoff/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoPlansSummary } from '../../demo/demo-plans.js';
import { loadDemoPortfolio } from '../../demo/demo-portfolio.js';
import { startTestApi, type TestApi } from '../../testing/harness.js';
import { getOk } from './timeline-fixtures.js';

/** The demo portfolio with its phase plans: every program has a timeline that tells its story. */

const today = '2026-11-25';
let api: TestApi;
let summary: DemoPlansSummary;

const timelineOf = async (key: string) => ProgramTimeline.parse(await getOk(api, `/api/programs/${key}/timeline`));

beforeAll(async () => {
  api = await startTestApi();
  // The demo loader sets the plans (loadDemoPlans) with everything else.
  summary = (await loadDemoPortfolio(api.handoff, today)).plans;
}, 300_000);
afterAll(async () => { await api.close(); });

describe('demo plans', () => {
  it('plan the gates of all six programs, with the kick-off reason in each program history', async () => {
    expect(summary).toEqual({ programs: 6, gates: 22 });
    const plan = PhasePlan.parse(await getOk(api, '/api/programs/CLAIMS/plan'));
    expect(plan.gates.map((g) => [g.gate, g.plannedDate, g.source])).toEqual([
      ['pilot', addDays(today, -150), 'plan'], ['production-readiness', addDays(today, -60), 'plan'],
      ['limited-rollout', addDays(today, 21), 'plan'], ['production', addDays(today, 70), 'target-production-date'],
    ]);
    const history = HistoryPage.parse(await getOk(api, '/api/programs/CLAIMS/history?limit=200')).items;
    expect(history.find((h) => h.field === 'plan.limited-rollout')).toMatchObject({ before: null, after: addDays(today, 21), reason: 'Plan agreed at program kick-off' });
  });

  it('show CLAIMS limited rollout slipping behind an overdue governance constraint of its own, production still on target', async () => {
    const t = await timelineOf('CLAIMS');
    expect(t.gates[0]?.gate).toBe('limited-rollout');
    expect(t.gates[0]?.slipDays).toBeGreaterThan(0);
    expect(t.binding).toMatchObject({ kind: 'constraint', gate: 'limited-rollout', constraint: { programKey: 'CLAIMS' } });
    const bindingId = t.binding.kind === 'constraint' ? t.binding.constraint.id : null;
    const binding = t.constraints.find((c) => c.id === bindingId);
    expect(binding?.dimension).toBe('governance');
    expect(binding?.overdueDays).toBeGreaterThan(0);
    expect(binding?.slackDays).toBe(0);
    expect(t.productionVsTargetDays).toBe(0);
  });

  it('show KYC past every planned gate and its target, FORECAST in production and CONTRACTS on plan', async () => {
    const kyc = await timelineOf('KYC');
    expect(kyc.gates.every((g) => (g.slipDays ?? 0) > 0)).toBe(true);
    expect(kyc.productionVsTargetDays).toBeGreaterThan(0);
    const forecast = await timelineOf('FORECAST');
    expect([forecast.gates, forecast.binding]).toEqual([[], { kind: 'in-production' }]);
    expect((await timelineOf('CONTRACTS')).binding).toEqual({ kind: 'plan', gate: 'pilot' });
  });

  it('let a slip of the shared serving-HA blocker reach the programs that depend on it', async () => {
    const impact = ConstraintImpact.parse(await getOk(api, '/api/constraints/CLAIMS-1/impact?days=14'));
    expect(impact.constraint.title).toContain('high availability');
    expect(impact.programs.map((p) => p.program.key)).toEqual(['CLAIMS', 'CONTRACTS', 'DESK', 'FRAUD', 'KYC']);
    expect(impact.programs.some((p) => p.productionDelayDays > 0)).toBe(true);
  });

  it('forecast every program still ahead of production', async () => {
    for (const key of ['CLAIMS', 'KYC', 'DESK', 'CONTRACTS', 'FRAUD']) {
      const f = ProgramForecast.parse(await getOk(api, `/api/programs/${key}/forecast?trials=300`));
      expect(f.production?.p50, key).toBeDefined();
      expect(f.onTargetProbability, key).not.toBeNull();
    }
    const live = ProgramForecast.parse(await getOk(api, '/api/programs/FORECAST/forecast?trials=10'));
    expect([live.gates, live.production, live.onTargetProbability]).toEqual([[], null, null]);
  });
});
