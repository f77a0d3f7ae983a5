import { PortfolioBrief, Problem, ProgramBriefResponse, type Person } from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../testing/harness.js';
import { addConstraint, addPerson, addProgram, getOk } from '../timeline/timeline-fixtures.js';

/**
 * Today is 2026-11-25. CLAIMS (sponsor Sam) is in pilot; its production-readiness gate was planned for
 * 2026-10-01 and CLAIMS-1, due 2026-10-15, blocks it: 41 days overdue, escalated to the board by the sweep,
 * which raised a pending board decision. OPS waits on CLAIMS-1 through OPS-1, so CLAIMS-1 is shared.
 * ORPHAN has no sponsor, no plan and no target date.
 */

let api: TestApi;
let owner: Person;
const brief = async (key: string) => ProgramBriefResponse.parse(await getOk(api, `/api/programs/${key}/brief`));

beforeAll(async () => {
  api = await startTestApi();
  owner = await addPerson(api, 'Olga Owner', 'olga@example.com');
  const sponsor = await addPerson(api, 'Sam Sponsor', 'sam@example.com');
  expect((await api.call('POST', '/api/people', { name: 'Bea Board', email: 'bea@example.com', boardMember: true })).status).toBe(201);
  await addProgram(api, { key: 'CLAIMS', name: 'Claims triage', phase: 'pilot', sponsorId: sponsor.id, targetProductionDate: '2027-06-01' });
  expect((await api.call('PUT', '/api/programs/CLAIMS/plan', { gates: { 'production-readiness': '2026-10-01', 'limited-rollout': '2027-02-01' } })).status).toBe(200);
  const platform = await addConstraint(api, 'CLAIMS', owner, { title: 'Data platform access', deadline: '2026-10-15', severity: 'high' });
  await addProgram(api, { key: 'OPS', name: 'Operations copilot', phase: 'pilot', sponsorId: sponsor.id, targetProductionDate: '2027-09-01' });
  await addConstraint(api, 'OPS', owner, { title: 'Shared feature store', deadline: '2026-12-20', dependsOn: [platform.id] });
  await addProgram(api, { key: 'ORPHAN', name: 'KYC extraction', phase: 'discovery' });
  const sweep = await api.call('POST', '/api/escalations/sweep', { at: '2026-11-25T09:00:00Z' });
  expect(sweep.status, JSON.stringify(sweep.body)).toBe(200);
}, 60_000);
afterAll(async () => { await api.close(); });

describe('GET /api/programs/{id}/brief', () => {
  it('names the binding constraint and the gate it blocks', async () => {
    const b = await brief('CLAIMS');
    expect(b.answers.q1).toMatchObject({ status: 'answered', detail: { binding: 'constraint', gate: 'production-readiness', constraint: { ref: 'CLAIMS-1', title: 'Data platform access' } } });
  });

  it('names its owner, deadline, days overdue, escalation level and review state', async () => {
    const b = await brief('CLAIMS');
    expect(b.answers.q2).toMatchObject({
      status: 'answered', detail: { owner: 'Olga Owner', deadline: '2026-10-15', daysOverdue: 41, escalationLevel: 'board', lastReviewedAt: null, stale: false },
    });
  });

  it('quotes the slip per week and a reproducible forecast against the target date', async () => {
    const b = await brief('CLAIMS');
    const q3 = b.answers.q3.detail;
    expect(q3?.gateSlipPerWeek).toBe(7);
    expect(q3?.productionSlipPerWeek).toBeGreaterThanOrEqual(0);
    expect(q3?.targetProductionDate).toBe('2027-06-01');
    const f = q3?.forecast;
    expect(f && f.p50 <= f.p80 && f.p80 <= f.p95).toBe(true);
    expect(b.forecastSettings).toEqual({ seed: 20261125, trials: 500 });
    expect((await brief('CLAIMS')).answers.q3).toEqual(b.answers.q3);
  });

  it('lists the pending board decision and recommends one for the gate blocked past the threshold', async () => {
    const q4 = (await brief('CLAIMS')).answers.q4.detail;
    expect(q4?.pending.map((d) => d.constraintRef)).toEqual(['CLAIMS-1']);
    // The escalation already has its pending decision, so only the blocked gate adds a recommendation.
    expect(q4?.recommended).toEqual([expect.objectContaining({ source: 'gate-blocked', constraintRef: 'CLAIMS-1' })]);
    expect(q4?.recommended[0]?.action).toContain('CLAIMS-1');
  });

  it('grants executive ownership when all four are answered, and counts overdue constraints', async () => {
    const b = await brief('CLAIMS');
    expect(b.verdict).toEqual({ kind: 'executive-ownership', missing: [] });
    expect(b.constraints).toMatchObject({ active: 1, overdue: 1 });
    expect(b.diagnosis.summary.length).toBeGreaterThan(0);
  });

  it('gives a program without sponsor or plan only visibility, naming what is missing', async () => {
    const b = await brief('ORPHAN');
    expect(b.verdict).toEqual({
      kind: 'visibility-only',
      missing: [{ question: 1, items: ['plan'] }, { question: 2, items: ['sponsor'] }, { question: 3, items: ['plan', 'target-production-date'] }],
    });
    expect(b.answers.q2).toMatchObject({ status: 'missing', detail: null, missing: ['sponsor'] });
    expect(b.program.sponsor).toBeNull();
  });

  it('answers 404 problem+json for an unknown program', async () => {
    const res = await api.call('GET', '/api/programs/NOPE/brief');
    expect(res.status).toBe(404);
    expect(Problem.parse(res.body).detail).toContain('NOPE');
  });
});

describe('GET /api/brief', () => {
  it('sorts programs by risk to their production date, the escalated and slipping one first', async () => {
    const p = PortfolioBrief.parse(await getOk(api, '/api/brief'));
    expect(p.programs.map((b) => b.program.key)[0]).toBe('CLAIMS');
    const scores = p.programs.map((b) => b.risk.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(p.programs).toHaveLength(3);
  });

  it('lists the constraint on the dependency path of two programs as shared', async () => {
    const p = PortfolioBrief.parse(await getOk(api, '/api/brief'));
    expect(p.sharedConstraints.map((c) => [c.ref, c.blocks])).toEqual([['CLAIMS-1', ['CLAIMS', 'OPS']]]);
  });

  it('counts each program\'s escalated constraints: CLAIMS-1, escalated to the board, and none elsewhere', async () => {
    const p = PortfolioBrief.parse(await getOk(api, '/api/brief'));
    expect(Object.fromEntries(p.programs.map((b) => [b.program.key, b.constraints.escalated]))).toEqual({ CLAIMS: 1, OPS: 0, ORPHAN: 0 });
    expect((await brief('CLAIMS')).constraints.escalated).toBe(1);
  });
});
