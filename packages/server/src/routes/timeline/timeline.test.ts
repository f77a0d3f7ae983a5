import { ConstraintImpact, HistoryPage, PhasePlan, Problem, ProgramForecast, ProgramTimeline, type Constraint, type Person } from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../testing/harness.js';
import { addConstraint, addPerson, addProgram, getOk } from './timeline-fixtures.js';

/**
 * A three-program graph with a shared cross-program dependency; today is 2026-11-25 (UTC), no history.
 *
 *   PLATFORM (pilot)                 PLATFORM-1 serving HA, due 2026-12-20, blocks production-readiness
 *   ALPHA (production-readiness)     plan: limited-rollout 2026-12-15, production 2027-02-01
 *     ALPHA-1 due 2026-12-10, depends on PLATFORM-1    → finishes 2026-12-20, blocks limited-rollout
 *     ALPHA-2 due 2026-12-05                           → blocks limited-rollout, slack 15
 *     ALPHA-3 due 2027-01-10, blocks production        → slack 22 (2027-01-10 → 2027-02-01)
 *   BETA (pilot)                     plan: production-readiness 2027-01-15; target production 2027-06-01
 *     BETA-1 due 2026-12-01, depends on PLATFORM-1     → finishes 2026-12-20, slack 26 to the 2027-01-15 plan
 *
 * ALPHA's limited-rollout opens 2026-12-20 (5 days late), set by PLATFORM-1 through ALPHA-1: the binding
 * constraint, with 43 days (2026-12-20 → 2027-02-01) before production moves.
 */

let api: TestApi;
let owner: Person;
let platform1: Constraint;
let alpha1: Constraint;
let alpha2: Constraint;
let alpha3: Constraint;

const timelineOf = async (program: string) => ProgramTimeline.parse(await getOk(api, `/api/programs/${program}/timeline`));

beforeAll(async () => {
  api = await startTestApi();
  owner = await addPerson(api, 'Priya Natarajan', 'priya@example.com');
  await addProgram(api, { key: 'PLATFORM', name: 'Serving platform', phase: 'pilot' });
  await addProgram(api, { key: 'ALPHA', name: 'Alpha claims', phase: 'production-readiness', targetProductionDate: '2027-02-01' });
  await addProgram(api, { key: 'BETA', name: 'Beta fraud', phase: 'pilot', targetProductionDate: '2027-06-01' });
  platform1 = await addConstraint(api, 'PLATFORM', owner, { title: 'Serving lacks HA', deadline: '2026-12-20', severity: 'critical' });
  alpha1 = await addConstraint(api, 'ALPHA', owner, { title: 'Alpha serving', deadline: '2026-12-10', dependsOn: [platform1.id] });
  alpha2 = await addConstraint(api, 'ALPHA', owner, { title: 'Owner named', deadline: '2026-12-05', dimension: 'governance' });
  alpha3 = await addConstraint(api, 'ALPHA', owner, { title: 'Runbook', deadline: '2027-01-10', blocksGate: 'production' });
  await addConstraint(api, 'BETA', owner, { title: 'Beta serving', deadline: '2026-12-01', dependsOn: [platform1.id] });
  await addConstraint(api, 'BETA', owner, { title: 'Old work', deadline: '2026-11-01', status: 'resolved' });
  expect((await api.call('PUT', '/api/programs/ALPHA/plan', { gates: { 'limited-rollout': '2026-12-15', 'production': '2027-02-01' } })).status).toBe(200);
  expect((await api.call('PUT', '/api/programs/BETA/plan', { gates: { 'production-readiness': '2027-01-15' } })).status).toBe(200);
});
afterAll(async () => { await api.close(); });

describe('the phase plan', () => {
  it('returns every plannable gate, production defaulting to the target production date', async () => {
    const plan = PhasePlan.parse(await getOk(api, '/api/programs/BETA/plan'));
    expect(plan.gates.map((g) => [g.gate, g.plannedDate, g.source, g.passed])).toEqual([
      ['pilot', null, null, true],
      ['production-readiness', '2027-01-15', 'plan', false],
      ['limited-rollout', null, null, false],
      ['production', '2027-06-01', 'target-production-date', false],
    ]);
  });

  it('records each changed gate in the program history as plan.<gate>, with the reason; an unchanged plan writes nothing', async () => {
    await addProgram(api, { key: 'GAMMA', name: 'Gamma', phase: 'pilot' });
    const first = await api.call('PUT', '/api/programs/GAMMA/plan', { gates: { 'pilot': '2026-10-01', 'production': '2027-03-01' }, reason: 'Kick-off plan' });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    await api.call('PUT', '/api/programs/GAMMA/plan', { gates: { 'production': '2027-04-01' } });
    await api.call('PUT', '/api/programs/GAMMA/plan', { gates: { 'production': '2027-04-01' } });
    const history = HistoryPage.parse(await getOk(api, '/api/programs/GAMMA/history?limit=200')).items.filter((h) => h.field.startsWith('plan.'));
    expect(history.map((h) => [h.field, h.before, h.after, h.reason])).toEqual([
      ['plan.pilot', null, '2026-10-01', 'Kick-off plan'],
      ['plan.production', null, '2027-03-01', 'Kick-off plan'],
      ['plan.pilot', '2026-10-01', null, null],
      ['plan.production', '2027-03-01', '2027-04-01', null],
    ]);
    expect(PhasePlan.parse(await getOk(api, '/api/programs/GAMMA/plan')).gates.map((g) => g.plannedDate)).toEqual([null, null, null, '2027-04-01']);
  });

  it.each([
    ['a gate earlier than the previous one', { 'production-readiness': '2027-02-01', 'limited-rollout': '2027-01-01' }, 'gates.limited-rollout', 'production-readiness gate (2027-02-01)'],
    ['a gate after the target production date standing in for production', { 'limited-rollout': '2027-07-01' }, 'gates.limited-rollout', 'target production date (2027-06-01)'],
    ['an impossible date', { 'pilot': '2027-02-30' }, 'gates.pilot', 'real calendar date'],
    ['discovery, which no gate opens', { 'discovery': '2027-01-01' }, 'gates', 'discovery'],
  ])('refuses %s with 400 naming the gate, and keeps the stored plan', async (_label, gates, path, message) => {
    const res = await api.call('PUT', '/api/programs/BETA/plan', { gates });
    expect(res.status).toBe(400);
    const problem = Problem.parse(res.body);
    expect(problem.errors?.map((e) => e.path)).toContain(path);
    expect(JSON.stringify(problem.errors)).toContain(message);
    expect(PhasePlan.parse(await getOk(api, '/api/programs/BETA/plan')).gates[1]?.plannedDate).toBe('2027-01-15');
  });
});

describe('the timeline', () => {
  it('projects each remaining gate, with the slip against plan and the chain of constraints setting it', async () => {
    const t = await timelineOf('ALPHA');
    expect(t.today).toBe('2026-11-25');
    expect(t.gates.map((g) => [g.gate, g.plannedDate, g.projectedDate, g.slipDays, g.criticalPath.kind])).toEqual([
      ['limited-rollout', '2026-12-15', '2026-12-20', 5, 'constraints'],
      ['production', '2027-02-01', '2027-02-01', 0, 'plan'],
    ]);
    const path = t.gates[0]?.criticalPath;
    expect(path?.constraints.map((c) => [c.ref, c.programKey, c.title, c.owner.email, c.deadline])).toEqual([
      ['PLATFORM-1', 'PLATFORM', 'Serving lacks HA', 'priya@example.com', '2026-12-20'],
      ['ALPHA-1', 'ALPHA', 'Alpha serving', 'priya@example.com', '2026-12-10'],
    ]);
    expect(t.productionVsTargetDays).toBe(0);
  });

  it('names the shared constraint of another program as binding, with its slack and the delay per day of slip', async () => {
    const { binding } = await timelineOf('ALPHA');
    expect(binding).toMatchObject({
      kind: 'constraint', gate: 'limited-rollout', constraint: { id: platform1.id, ref: 'PLATFORM-1' }, delayOverPlanDays: 5, slackDays: 0,
      productionSlackDays: 43, delayPerDayOfSlip: { nextGate: 1, production: 0 }, delayPerWeekOfSlip: { nextGate: 7, production: 0 },
    });
  });

  it('lists every active constraint of the program with its slack, least slack first', async () => {
    const t = await timelineOf('ALPHA');
    expect(t.constraints.map((c) => [c.id, c.projectedFinish, c.slackDays, c.overdueDays])).toEqual([
      [alpha1.id, '2026-12-20', 0, 0],
      [alpha2.id, '2026-12-05', 15, 0],
      [alpha3.id, '2027-01-10', 22, 0],
    ]);
  });

  it('reports the plan as binding when the shared constraint finishes within the plan', async () => {
    const t = await timelineOf('BETA');
    expect(t.binding).toEqual({ kind: 'plan', gate: 'production-readiness' });
    expect(t.gates.map((g) => [g.gate, g.projectedDate, g.planSource, g.criticalPath.kind, g.criticalPath.gates])).toEqual([
      ['production-readiness', '2027-01-15', 'plan', 'plan', ['production-readiness']],
      ['limited-rollout', '2027-01-15', null, 'plan', ['production-readiness', 'limited-rollout']],
      ['production', '2027-06-01', 'target-production-date', 'plan', ['production']],
    ]);
    expect(t.constraints.map((c) => [c.ref, c.slackDays])).toEqual([['BETA-1', 26]]);
  });
});

describe('the impact of a slip', () => {
  it('moves every reached gate by max(0, days − margin), per program, with production before and after (hand-computed)', async () => {
    const impact = ConstraintImpact.parse(await getOk(api, '/api/constraints/PLATFORM-1/impact?days=30'));
    expect(impact).toMatchObject({ days: 30, today: '2026-11-25', projectedFinish: '2026-12-20', slackDays: 0, constraint: { ref: 'PLATFORM-1' } });
    const table = impact.programs.map((p) => [p.program.key, p.nextGateDelayDays, p.productionDelayDays, p.production,
      p.gates.map((g) => [g.gate, g.marginDays, g.delayDays, g.newDate])]);
    expect(table).toEqual([
      ['ALPHA', 30, 0, { before: '2027-02-01', after: '2027-02-01' }, [['limited-rollout', 0, 30, '2027-01-19'], ['production', 43, 0, '2027-02-01']]],
      ['BETA', 4, 0, { before: '2027-06-01', after: '2027-06-01' },
        [['production-readiness', 26, 4, '2027-01-19'], ['limited-rollout', 26, 4, '2027-01-19'], ['production', 163, 0, '2027-06-01']]],
      ['PLATFORM', 30, 30, { before: '2026-12-20', after: '2027-01-19' },
        [['production-readiness', 0, 30, '2027-01-19'], ['limited-rollout', 0, 30, '2027-01-19'], ['production', 0, 30, '2027-01-19']]],
    ]);
  });

  it('moves production only once the slip exceeds the production slack', async () => {
    const impact = ConstraintImpact.parse(await getOk(api, '/api/constraints/PLATFORM-1/impact?days=50'));
    expect(impact.programs.find((p) => p.program.key === 'ALPHA')?.production).toEqual({ before: '2027-02-01', after: '2027-02-08' });
    const own = ConstraintImpact.parse(await getOk(api, `/api/constraints/${alpha2.id}/impact?days=20`));
    expect(own.programs.map((p) => [p.program.key, p.nextGateDelayDays, p.productionDelayDays])).toEqual([['ALPHA', 5, 0]]);
  });

  it('answers 400 for days out of 0..3650, 404 for an unknown constraint and 409 for a resolved one', async () => {
    for (const days of ['-1', '3651', 'x']) {
      const res = await api.call('GET', `/api/constraints/PLATFORM-1/impact?days=${days}`);
      expect(res.status, days).toBe(400);
      expect(Problem.parse(res.body).errors?.[0]?.path).toBe('query.days');
    }
    expect((await api.call('GET', '/api/constraints/PLATFORM-99/impact?days=1')).status).toBe(404);
    expect((await api.call('GET', '/api/constraints/BETA-2/impact?days=1')).status).toBe(409);
  });
});

describe('the forecast', () => {
  it('gives the same body for the same seed, and P50 ≤ P80 ≤ P95 for every gate', async () => {
    const first = await getOk(api, '/api/programs/ALPHA/forecast?seed=42&trials=500');
    expect(await getOk(api, '/api/programs/ALPHA/forecast?seed=42&trials=500')).toEqual(first);
    const f = ProgramForecast.parse(first);
    expect([f.seed, f.trials, f.gates.map((g) => g.gate)]).toEqual([42, 500, ['limited-rollout', 'production']]);
    for (const g of f.gates) expect(g.p50 <= g.p80 && g.p80 <= g.p95, JSON.stringify(g)).toBe(true);
    expect(f.production?.p50 && f.production.p50 >= '2027-02-01').toBe(true);
    expect(f.onTargetProbability).toBeGreaterThanOrEqual(0);
    expect(f.onTargetProbability).toBeLessThanOrEqual(1);
    expect(f.criticality.map((c) => c.constraint.ref)).toContain('PLATFORM-1');
    // History: BETA-2, a technical blocker resolved 24 days late, is one sample of 20 (K) before a class stands on its own.
    const technical = f.referenceClasses.find((r) => r.kind === 'blocker' && r.dimension === 'technical');
    expect([technical?.classSamples, technical?.workspaceSamples, technical?.weights.class]).toEqual([1, 1, 0.05]);
    expect(technical?.weights.prior).toBeCloseTo(0.95 * 0.95);
    expect(f.referenceClasses.find((r) => r.dimension === 'governance')).toMatchObject({ classSamples: 0, workspaceSamples: 1 });
  });

  it('uses the documented default seed and trials, and bounds the trials', async () => {
    const f = ProgramForecast.parse(await getOk(api, '/api/programs/BETA/forecast'));
    expect([f.seed, f.trials]).toEqual([1, 2000]);
    expect(f.production?.plannedDate).toBe('2027-06-01');
    expect((await api.call('GET', '/api/programs/BETA/forecast?trials=10001')).status).toBe(400);
  });
});

describe('unknown programs', () => {
  it.each(['plan', 'timeline', 'forecast'])('answers 404 for the %s of an unknown program', async (what) => {
    const res = await api.call('GET', `/api/programs/NOPE/${what}`);
    expect(res.status).toBe(404);
    expect(Problem.parse(res.body).detail).toContain('NOPE');
  });

  it('answers 404 for setting the plan of an unknown program', async () => {
    expect((await api.call('PUT', '/api/programs/00000000-0000-4000-8000-000000000000/plan', { gates: {} })).status).toBe(404);
  });
});
