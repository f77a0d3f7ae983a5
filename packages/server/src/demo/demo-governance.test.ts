import { Constraint, OwnershipMap, Problem, ProgramDiagnosis, ProgramReadiness, ReadinessTrend } from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../testing/harness.js';
import { DEMO_PEOPLE } from './demo-people.js';
import { DEMO_PROGRAMS } from './demo-programs.js';
import { loadDemoPortfolio, type DemoSummary } from './demo-portfolio.js';

let api: TestApi;
let summary: DemoSummary;

beforeAll(async () => {
  api = await startTestApi({ now: '2026-11-25T09:00:00.000Z', timeZone: 'Europe/London' });
  summary = await loadDemoPortfolio(api.handoff, api.handoff.services.constraints.today(api.handoff.actor));
}, 300_000);
afterAll(async () => { await api.close(); });

async function get<T>(path: string, schema: { parse: (v: unknown) => T }): Promise<T> {
  const res = await api.call('GET', path);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return schema.parse(res.body);
}

describe('the demo portfolio’s readiness, ownership and diagnosis', () => {
  it('loads assessments, role holders, monitors and readings', () => {
    expect(summary.governance.assessments).toBeGreaterThan(60);
    expect(summary.governance.roles).toBeGreaterThanOrEqual(10);
    expect(summary.governance.monitors).toBeGreaterThanOrEqual(7);
    expect(summary.governance.readings).toBeGreaterThan(100);
  });

  it('shows every program its four dimensions, each assessed criterion with its evidence', async () => {
    for (const program of DEMO_PROGRAMS) {
      const r = await get(`/api/programs/${program.key}/readiness`, ProgramReadiness);
      expect(r.dimensions.map((d) => d.dimension)).toEqual(['technical', 'governance', 'workforce', 'economic']);
      const assessed = r.dimensions.flatMap((d) => d.criteria).filter((c) => c.status !== null);
      expect(assessed.length, program.key).toBeGreaterThan(0);
      for (const c of assessed) expect(c.evidence, `${program.key} ${c.criterion.code}`).not.toBe('');
    }
  });

  it('keeps readiness history: CLAIMS has two assessment points and its technical score rose between them', async () => {
    const trend = await get('/api/programs/CLAIMS/readiness/trend', ReadinessTrend);
    expect(trend.points).toHaveLength(2);
    const technical = trend.points.map((p) => p.dimensions.find((d) => d.dimension === 'technical')?.score ?? -1);
    expect(technical[1]).toBeGreaterThan(technical[0] ?? 100);
  });

  it('shows ownership gaps: CLAIMS lacks its drift monitor, FORECAST has none', async () => {
    expect((await get('/api/programs/CLAIMS/roles', OwnershipMap)).gaps).toEqual(['drift-monitor', 'retraining-authoriser', 'regulated-escalation-owner']);
    expect((await get('/api/programs/FORECAST/roles', OwnershipMap)).gaps).toEqual([]);
    expect((await get('/api/programs/KYC/roles', OwnershipMap)).gaps).toContain('outcome-owner');
  });

  it('diagnoses each program as its story says, with evidence for every finding', async () => {
    // As `serve` would within a minute: overdue constraints escalate, which the diagnosis reads.
    expect((await api.call('POST', '/api/escalations/sweep', {})).status).toBe(200);
    for (const program of DEMO_PROGRAMS) {
      const d = await get(`/api/programs/${program.key}/diagnosis`, ProgramDiagnosis);
      const modes = d.modes.map((m) => m.mode);
      if (program.failureMode.mode) expect(modes, `${program.key}: ${d.summary}`).toContain(program.failureMode.mode);
      for (const m of d.modes) expect(m.evidence.length).toBeGreaterThan(0);
    }
    const forecast = await get('/api/programs/FORECAST/diagnosis', ProgramDiagnosis);
    expect(forecast.healthy, JSON.stringify(forecast.modes)).toBe(true);
  });

  it('opens one risk constraint per breaching DESK adoption monitor, owned by the output owner', async () => {
    const res = await api.call('GET', '/api/programs/DESK/constraints?kind=risk&limit=200');
    const risks = (res.body as { items: unknown[] }).items.map((c) => Constraint.parse(c)).filter((c) => c.monitorId !== null);
    expect(risks.map((r) => r.title).sort()).toEqual([
      'Cases falling back to the legacy process breached: 44.3% (threshold 35%)',
      'Share of cases handled through the AI system breached: 20.8% (threshold 30%)',
    ]);
    const servicedesk = DEMO_PEOPLE.find((p) => p.handle === 'servicedesk');
    for (const risk of risks) expect(risk.owner.email).toBe(servicedesk?.email);
  });

  it('refuses to move CLAIMS to its next phase while dimensions are unmet, naming them', async () => {
    const res = await api.call('PATCH', '/api/programs/CLAIMS', { phase: 'limited-rollout' });
    expect(res.status).toBe(409);
    const problem = Problem.parse(res.body);
    expect(problem.detail).toMatch(/governance/);
    expect((await api.call('GET', '/api/programs/CLAIMS')).body).toMatchObject({ phase: 'production-readiness' });
  });
});
