import { GateOverridePage, HistoryPage, Problem, Program, type Person } from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../testing/harness.js';
import { addPerson, addProgram, assess, criteriaFor, fillRoles } from './readiness-fixtures.js';

let api: TestApi;
let sponsor: Person;
let analyst: Person;
let board: Person;

beforeAll(async () => {
  api = await startTestApi();
  sponsor = await addPerson(api, 'Amara Okafor', 'amara@example.com', { title: 'COO' });
  analyst = await addPerson(api, 'Lena Berg', 'lena@example.com');
  board = await addPerson(api, 'Noor Haddad', 'noor@example.com', { boardMember: true });
  await addProgram(api, { name: 'Claims triage', key: 'CLAIMS', phase: 'pilot', sponsorId: sponsor.id });
});
afterAll(async () => { await api.close(); });

const phaseOf = async (key: string): Promise<string> => Program.parse((await api.call('GET', `/api/programs/${key}`)).body).phase;
const overrides = async (key: string) => GateOverridePage.parse((await api.call('GET', `/api/programs/${key}/gate-overrides`)).body).items;

describe('the gate to the next phase', () => {
  it('refuses a forward move while readiness is unmet: 409 naming each dimension and its criteria, phase unchanged', async () => {
    await assess(api, 'CLAIMS', analyst, ['TECH-01', 'TECH-02', 'TECH-03', 'TECH-04', 'TECH-05', 'TECH-06']);
    const res = await api.call('PATCH', '/api/programs/CLAIMS', { phase: 'production-readiness' });
    expect(res.status).toBe(409);
    const problem = Problem.parse(res.body);
    expect(problem.type).toBe('https://handoff.dev/problems/gate-closed');
    expect(problem.errors?.map((e) => e.path)).toEqual(['readiness.governance', 'readiness.workforce', 'readiness.economic']);
    const governance = problem.errors?.[0]?.message ?? '';
    expect(governance).toContain('GOV-01, GOV-02, GOV-03, GOV-04, GOV-05, GOV-06');
    expect(governance).toContain('vacant roles: output-owner, drift-monitor, retraining-authoriser, regulated-escalation-owner');
    expect(problem.detail).toContain('economic: ECON-01, ECON-02, ECON-03, ECON-04');
    expect(problem.detail).not.toContain('technical:');
    expect(await phaseOf('CLAIMS')).toBe('pilot');
  });

  it('refuses an override by someone who is neither sponsor nor board member: 403 naming override.decidedBy, nothing stored', async () => {
    const res = await api.call('PATCH', '/api/programs/CLAIMS', { phase: 'production-readiness', override: { decidedBy: analyst.id, reason: 'Trust me' } });
    expect(res.status).toBe(403);
    expect(Problem.parse(res.body).errors?.map((e) => e.path)).toEqual(['override.decidedBy']);
    const unknown = await api.call('PATCH', '/api/programs/CLAIMS', { phase: 'production-readiness', override: { decidedBy: '00000000-0000-4000-8000-000000000000', reason: 'x' } });
    expect(unknown.status).toBe(400);
    expect((await api.call('PATCH', '/api/programs/CLAIMS', { phase: 'production-readiness', override: { decidedBy: sponsor.id, reason: ' ' } })).status).toBe(400);
    expect(await phaseOf('CLAIMS')).toBe('pilot');
    expect(await overrides('CLAIMS')).toEqual([]);
  });

  it("lets the sponsor's override through, recording it with its reason and what was unmet", async () => {
    const reason = 'Regulator deadline; remaining gaps owned and dated in the constraint library';
    const res = await api.call('PATCH', '/api/programs/CLAIMS', { phase: 'production-readiness', override: { decidedBy: sponsor.id, reason } });
    expect(res.status).toBe(200);
    expect(Program.parse(res.body).phase).toBe('production-readiness');
    const [recorded] = await overrides('CLAIMS');
    expect(recorded).toMatchObject({ fromPhase: 'pilot', toPhase: 'production-readiness', decidedBy: { id: sponsor.id }, reason });
    expect(recorded?.unmet.map((u) => u.dimension)).toEqual(['governance', 'workforce', 'economic']);
    const history = HistoryPage.parse((await api.call('GET', '/api/programs/CLAIMS/history')).body).items;
    const phase = history.find((h) => h.field === 'phase');
    const gate = history.find((h) => h.field === 'gateOverride');
    expect(phase).toMatchObject({ before: 'pilot', after: 'production-readiness', reason });
    expect(gate?.changeId).toBe(phase?.changeId);
    expect(gate?.after).toEqual(expect.arrayContaining(['decided by Amara Okafor <amara@example.com>']));
  });

  it('lets a board member override too, and never gates a move backward', async () => {
    expect((await api.call('PATCH', '/api/programs/CLAIMS', { phase: 'pilot' })).status).toBe(200);
    api.clock.advanceDays(1);
    const res = await api.call('PATCH', '/api/programs/CLAIMS', { phase: 'production-readiness', override: { decidedBy: board.id, reason: 'Board decision 2026-11' } });
    expect(res.status).toBe(200);
    expect((await overrides('CLAIMS')).map((o) => o.decidedBy.id)).toEqual([sponsor.id, board.id]);
  });

  it('opens once all four dimensions are met and every required role is held: no override needed, none recorded', async () => {
    const kyc = await addProgram(api, { name: 'KYC extraction', key: 'KYC', phase: 'pilot', sponsorId: sponsor.id });
    const codes = (await criteriaFor(api, 'production-readiness')).map((c) => c.code);
    expect((await assess(api, 'KYC', analyst, codes)).status).toBe(201);
    const stillVacant = await api.call('PATCH', '/api/programs/KYC', { phase: 'production-readiness' });
    expect(stillVacant.status).toBe(409);
    // Every criterion met, yet: roles vacant, and no cost model on production economics.
    expect(Problem.parse(stillVacant.body).errors?.map((e) => e.path)).toEqual(['readiness.governance', 'readiness.economic']);
    expect(Problem.parse(stillVacant.body).detail).toContain('no cost model');
    await fillRoles(api, kyc, analyst);
    expect((await api.call('PUT', '/api/programs/KYC/cost-model', { currency: 'GBP' })).status).toBe(201);
    const items = ['compute', 'adoption', 'monitoring', 'governance', 'workforce'].map((category) => ({
      side: 'cost', label: category, category, scope: 'production', recurrence: 'monthly', amount: '1000.00',
    }));
    expect((await api.call('POST', '/api/programs/KYC/cost-items', { items })).status).toBe(201);
    const res = await api.call('PATCH', '/api/programs/KYC', { phase: 'production-readiness' });
    expect(res.status).toBe(200);
    expect(await overrides('KYC')).toEqual([]);
    const skip = await api.call('PATCH', '/api/programs/KYC', { phase: 'production' });
    expect(skip.status).toBe(409);
    expect(Problem.parse(skip.body).detail).toContain('WF-05');
  });
});
