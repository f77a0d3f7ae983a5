import { Constraint, Problem, ProgramReadiness, ReadinessTrend, type Person } from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../testing/harness.js';
import { addPerson, addProgram, assess, criteriaFor } from './readiness-fixtures.js';

let api: TestApi;
let sponsor: Person;
let assessor: Person;
const TECH = ['TECH-01', 'TECH-02', 'TECH-03', 'TECH-04', 'TECH-05', 'TECH-06'];

beforeAll(async () => {
  api = await startTestApi();
  sponsor = await addPerson(api, 'Amara Okafor', 'amara@example.com');
  assessor = await addPerson(api, 'Lena Berg', 'lena@example.com');
  await addProgram(api, { name: 'Claims triage', key: 'CLAIMS', phase: 'pilot', sponsorId: sponsor.id });
});
afterAll(async () => { await api.close(); });

const readiness = async (query = ''): Promise<ProgramReadiness> => {
  const res = await api.call('GET', `/api/programs/CLAIMS/readiness${query}`);
  expect(res.status).toBe(200);
  return ProgramReadiness.parse(res.body);
};
const dimension = (r: ProgramReadiness, name: string) => r.dimensions.find((d) => d.dimension === name);
const result = (r: ProgramReadiness, code: string) => r.dimensions.flatMap((d) => d.criteria).find((c) => c.criterion.code === code);
const assessmentRows = async (): Promise<number> =>
  (await api.handoff.deps.database.db.selectFrom('readiness_assessments').select('id').execute()).length;

describe('readiness before any assessment', () => {
  it("judges the program's next gate: every applicable criterion unassessed, every dimension unmet, vacant roles named", async () => {
    const r = await readiness();
    expect(r).toMatchObject({ program: { key: 'CLAIMS', phase: 'pilot' }, gate: 'production-readiness', gateOpen: false });
    expect(r.dimensions.map((d) => [d.dimension, d.score, d.met])).toEqual([
      ['technical', 0, false], ['governance', 0, false], ['workforce', 0, false], ['economic', 0, false],
    ]);
    expect((await criteriaFor(api, 'production-readiness')).length).toBe(r.dimensions.reduce((n, d) => n + d.criteria.length, 0));
    expect(r.unmet.find((u) => u.dimension === 'technical')?.criteria).toEqual(TECH);
    expect(r.unmet.find((u) => u.dimension === 'governance')?.vacantRoles).toEqual(['output-owner', 'drift-monitor', 'retraining-authoriser', 'regulated-escalation-owner']);
    expect(result(r, 'TECH-01')).toMatchObject({ status: null, evidence: null, assessedBy: null, constraints: [], reassessmentDue: false });
  });

  it('answers 404 for an unknown program and 400 for a malformed date', async () => {
    expect((await api.call('GET', '/api/programs/NOPE/readiness')).status).toBe(404);
    const bad = await api.call('GET', '/api/programs/CLAIMS/readiness?at=2026-02-30');
    expect(bad.status).toBe(400);
    expect(Problem.parse(bad.body).errors?.[0]).toEqual({ path: 'query.at', message: 'must be a date (YYYY-MM-DD) or an ISO date-time with offset' });
  });
});

describe('assessing', () => {
  it('refuses a met result without evidence, naming items.i.evidence, and stores nothing of the batch', async () => {
    const res = await api.call('POST', '/api/programs/CLAIMS/assessments', {
      assessedBy: assessor.id,
      items: [{ criterion: 'TECH-01', status: 'met', evidence: 'Targets signed off' }, { criterion: 'TECH-02', status: 'met', evidence: '  ' }],
    });
    expect(res.status).toBe(400);
    expect(Problem.parse(res.body).errors?.map((e) => e.path)).toEqual(['items.1.evidence']);
    expect(await assessmentRows()).toBe(0);
  });

  it.each([
    ['an unknown criterion', { criterion: 'NOPE-1', status: 'not-met' }, 'items.0.criterion'],
    ['a non-http link', { criterion: 'TECH-01', status: 'not-met', links: ['ftp://files.example.com/x'] }, 'items.0.links.0'],
    ['an unknown status', { criterion: 'TECH-01', status: 'done' }, 'items.0.status'],
  ])('refuses %s, naming the field', async (_label, item, path) => {
    const res = await api.call('POST', '/api/programs/CLAIMS/assessments', { assessedBy: assessor.id, items: [item] });
    expect(res.status).toBe(400);
    expect(Problem.parse(res.body).errors?.map((e) => e.path)).toContain(path);
    expect(await assessmentRows()).toBe(0);
  });

  it('refuses an unknown assessor, a future date and the same criterion twice', async () => {
    const item = { criterion: 'TECH-01', status: 'not-met' };
    const paths = async (body: unknown): Promise<string[]> => Problem.parse((await api.call('POST', '/api/programs/CLAIMS/assessments', body)).body).errors?.map((e) => e.path) ?? [];
    expect(await paths({ assessedBy: '00000000-0000-4000-8000-000000000000', items: [item] })).toEqual(['assessedBy']);
    expect(await paths({ assessedBy: assessor.id, assessedAt: '2027-01-01T00:00:00Z', items: [item] })).toEqual(['assessedAt']);
    expect(await paths({ assessedBy: assessor.id, items: [item, { ...item, criterion: 'tech-01' }] })).toEqual(['items.1.criterion']);
    expect(await assessmentRows()).toBe(0);
  });

  it('records a batch and answers the readiness after it, with evidence, links and assessor', async () => {
    const res = await assess(api, 'CLAIMS', assessor, TECH, 'met', '2026-11-01T10:00:00Z');
    expect(res.status).toBe(201);
    const r = ProgramReadiness.parse(res.body);
    expect(dimension(r, 'technical')).toMatchObject({ score: 100, met: true, gaps: [], counts: { met: 6 } });
    expect(result(r, 'TECH-02')).toMatchObject({
      status: 'met', evidence: 'evidence for TECH-02', links: ['https://wiki.example.com/claims/readiness'],
      assessedBy: { id: assessor.id, name: 'Lena Berg' }, assessedAt: '2026-11-01T10:00:00.000Z',
    });
    expect(r.unmet.map((u) => u.dimension)).toEqual(['governance', 'workforce', 'economic']);
  });

  it('keeps assessments over time: a later batch changes now, a past date shows the state then', async () => {
    const res = await api.call('POST', '/api/programs/CLAIMS/assessments', {
      assessedBy: assessor.id, items: [{ criterion: 'TECH-02', status: 'partial', evidence: 'p95 at 1.4 s under peak load' }],
    });
    expect(res.status).toBe(201);
    expect(dimension(await readiness(), 'technical')).toMatchObject({ score: 92, met: false, gaps: ['TECH-02'] });
    expect(dimension(await readiness('?at=2026-11-01'), 'technical')).toMatchObject({ score: 100, met: true });
    expect(dimension(await readiness('?at=2026-10-31'), 'technical')).toMatchObject({ score: 0, met: false });
    expect(dimension(await readiness('?at=2026-11-01T09:59:59Z'), 'technical')?.score).toBe(0);
    expect((await readiness('?at=2026-11-01')).asOf).toBe('2026-11-01T23:59:59.999Z');
  });

  it('judges another gate on request', async () => {
    const r = await readiness('?gate=production');
    expect(r.gate).toBe('production');
    expect(dimension(r, 'workforce')?.criteria.map((c) => c.criterion.code)).toContain('WF-05');
  });

  it('gives the trend: one point per batch, oldest first, within from and to', async () => {
    const trend = ReadinessTrend.parse((await api.call('GET', '/api/programs/CLAIMS/readiness/trend')).body);
    expect(trend.points.map((p) => [p.date, p.dimensions[0]?.score, p.dimensions[0]?.met, p.gateOpen])).toEqual([
      ['2026-11-01', 100, true, false], ['2026-11-25', 92, false, false],
    ]);
    const later = ReadinessTrend.parse((await api.call('GET', '/api/programs/CLAIMS/readiness/trend?from=2026-11-02')).body);
    expect(later.points.map((p) => p.date)).toEqual(['2026-11-25']);
  });
});

describe('a gap becomes a constraint', () => {
  let gap: Constraint;

  it('refuses without owner and deadline, naming both', async () => {
    const res = await api.call('POST', '/api/programs/CLAIMS/readiness/TECH-02/constraint', {});
    expect(res.status).toBe(400);
    expect(Problem.parse(res.body).errors?.map((e) => e.path).sort()).toEqual(['deadline', 'ownerId']);
  });

  it('refuses a criterion already met: there is no gap to close', async () => {
    const res = await api.call('POST', '/api/programs/CLAIMS/readiness/TECH-01/constraint', { ownerId: assessor.id, deadline: '2026-12-15' });
    expect(res.status).toBe(409);
  });

  it('opens a blocker in the criterion dimension, linked both ways', async () => {
    const res = await api.call('POST', '/api/programs/CLAIMS/readiness/TECH-02/constraint', { ownerId: assessor.id, deadline: '2026-12-15' });
    expect(res.status).toBe(201);
    gap = Constraint.parse(res.body);
    expect(gap).toMatchObject({ ref: 'CLAIMS-1', kind: 'blocker', dimension: 'technical', status: 'open', blocksGate: 'production-readiness' });
    expect(gap.title).toBe('Readiness gap: The system runs at target production volume within its latency target.');
    const criterion = result(await readiness(), 'TECH-02');
    expect(gap.criterionId).toBe(criterion?.criterion.id);
    expect(criterion?.constraints).toEqual([{ id: gap.id, ref: 'CLAIMS-1', status: 'open', owner: { id: assessor.id, name: 'Lena Berg', email: 'lena@example.com' }, deadline: '2026-12-15', resolvedAt: null }]);
    expect(criterion?.reassessmentDue).toBe(false);
  });

  it('prompts a re-assessment once the constraint is resolved, until the criterion is assessed again', async () => {
    api.clock.advanceDays(1);
    expect((await api.call('PATCH', `/api/constraints/${gap.ref}`, { status: 'resolved' })).status).toBe(200);
    expect(result(await readiness(), 'TECH-02')).toMatchObject({ status: 'partial', reassessmentDue: true });
    await assess(api, 'CLAIMS', assessor, ['TECH-02']);
    expect(result(await readiness(), 'TECH-02')).toMatchObject({ status: 'met', reassessmentDue: false });
  });

  it('answers 404 for an unknown criterion and 409 for a retired one', async () => {
    expect((await api.call('POST', '/api/programs/CLAIMS/readiness/NOPE-1/constraint', { ownerId: assessor.id, deadline: '2026-12-15' })).status).toBe(404);
    await api.call('POST', '/api/criteria/ECON-05/retire', { reason: 'Not used here' });
    expect((await api.call('POST', '/api/programs/CLAIMS/readiness/ECON-05/constraint', { ownerId: assessor.id, deadline: '2026-12-15' })).status).toBe(409);
  });
});
