import { ClarityAssessment, HistoryPage, Person, Problem, Program } from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../testing/harness.js';

let api: TestApi;
let sponsor: Person;
let lead: Person;

const person = async (name: string, email: string): Promise<Person> => Person.parse((await api.call('POST', '/api/people', { name, email })).body);
const clarity = async (): Promise<ClarityAssessment> => {
  const res = await api.call('GET', '/api/programs/CLAIMS/clarity');
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return ClarityAssessment.parse(res.body);
};

beforeAll(async () => {
  api = await startTestApi({ now: '2026-11-25T09:00:00Z' });
  sponsor = await person('Helena Marsh', 'helena@example.com');
  lead = await person('Kwame Mensah', 'kwame@example.com');
  Program.parse((await api.call('POST', '/api/programs', { key: 'CLAIMS', name: 'Claims triage', phase: 'pilot', sponsorId: sponsor.id })).body);
});
afterAll(async () => { await api.close(); });

describe('the clarity assessment', () => {
  it('starts from the readiness map with every applicable criterion, the ownership map and the diagnosis', async () => {
    const start = await clarity();
    expect(start.readiness.gate).toBe('production-readiness');
    expect(start.readiness.dimensions.every((d) => d.criteria.length > 0 && d.criteria.every((c) => c.status === null))).toBe(true);
    expect(start.ownership.gaps).toContain('drift-monitor');
    expect(start.diagnosis.summary).toMatch(/never assessed/);
    expect(start.constraints).toEqual([]);
  });

  it('records nothing at all when one part is refused, and names the field', async () => {
    const res = await api.call('POST', '/api/programs/CLAIMS/clarity', {
      assessedBy: sponsor.id,
      items: [{ criterion: 'TECH-01', status: 'met', evidence: 'Targets agreed in the charter' }],
      roles: [{ role: 'drift-monitor', personId: lead.id }],
      constraints: [{ criterion: 'GOV-02', ownerId: '00000000-0000-4000-8000-000000000000', deadline: '2026-12-09' }],
    });
    expect(res.status).toBe(400);
    expect(Problem.parse(res.body).errors?.map((e) => e.path)).toEqual(['constraints.0.ownerId']);
    const after = await clarity();
    expect(after.ownership.gaps).toContain('drift-monitor');
    expect(after.readiness.dimensions.flatMap((d) => d.criteria).every((c) => c.status === null)).toBe(true);
  });

  it('names an unknown role as a bad field of the body', async () => {
    const res = await api.call('POST', '/api/programs/CLAIMS/clarity', { assessedBy: sponsor.id, roles: [{ role: 'chief-vibes', personId: lead.id }] });
    expect(res.status).toBe(400);
    expect(Problem.parse(res.body).errors?.[0]?.path).toBe('roles.0.role');
  });

  it('records criteria, role holders and binding constraints together and answers where the program stands', async () => {
    const res = await api.call('POST', '/api/programs/CLAIMS/clarity', {
      assessedBy: sponsor.id,
      items: [
        { criterion: 'TECH-01', status: 'met', evidence: 'Targets agreed in the charter' },
        { criterion: 'GOV-02', status: 'not-met', evidence: 'Retraining authoriser not named' },
      ],
      roles: [{ role: 'drift-monitor', personId: lead.id }, { role: 'output-owner', personId: lead.id }],
      constraints: [{ criterion: 'GOV-02', ownerId: sponsor.id, deadline: '2026-12-09' }],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const result = ClarityAssessment.parse(res.body);
    const criterion = (code: string) => result.readiness.dimensions.flatMap((d) => d.criteria).find((c) => c.criterion.code === code);
    expect(criterion('TECH-01')).toMatchObject({ status: 'met', evidence: 'Targets agreed in the charter', assessedBy: { id: sponsor.id } });
    expect(criterion('GOV-02')?.constraints).toHaveLength(1);
    expect(result.ownership.gaps).not.toContain('drift-monitor');
    expect(result.constraints).toHaveLength(1);
    expect(result.constraints[0]).toMatchObject({ ref: 'CLAIMS-1', dimension: 'governance', owner: { id: sponsor.id }, deadline: '2026-12-09', criterionId: criterion('GOV-02')?.criterion.id });
    expect(result.diagnosis.signals.roles.vacant).not.toContain('drift-monitor');
    const history = HistoryPage.parse((await api.call('GET', '/api/programs/CLAIMS/history')).body).items;
    expect(history.map((h) => h.field)).toEqual(expect.arrayContaining(['role:drift-monitor', 'role:output-owner']));
  });
});
