import { DEFAULT_CRITERIA } from '@handoff/core';
import { Person, Problem, Program, ProgramDiagnosis } from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../testing/harness.js';

let api: TestApi;
let sponsor: Person;
let lead: Person;

const person = async (name: string, email: string): Promise<Person> => Person.parse((await api.call('POST', '/api/people', { name, email })).body);
const diagnosisOf = async (program: string): Promise<ProgramDiagnosis> => {
  const res = await api.call('GET', `/api/programs/${program}/diagnosis`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return ProgramDiagnosis.parse(res.body);
};
/** Assesses every default criterion of `dimension` that applies up to the production-readiness gate. */
const assess = async (program: string, dimension: string, status: 'met' | 'not-met') => {
  const items = DEFAULT_CRITERIA.filter((c) => c.dimension === dimension && ['discovery', 'pilot', 'production-readiness'].includes(c.gate))
    .map((c) => ({ criterion: c.code, status, evidence: `${status} per the ${dimension} review`, links: [] }));
  const res = await api.call('POST', `/api/programs/${program}/assessments`, { assessedBy: lead.id, items });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
};

beforeAll(async () => {
  api = await startTestApi({ now: '2026-11-25T09:00:00Z' });
  sponsor = await person('Helena Marsh', 'helena@example.com');
  lead = await person('Kwame Mensah', 'kwame@example.com');
  Program.parse((await api.call('POST', '/api/programs', { key: 'CLAIMS', name: 'Claims triage', phase: 'pilot', sponsorId: sponsor.id })).body);
  Program.parse((await api.call('POST', '/api/programs', { key: 'KYC', name: 'KYC extraction', phase: 'pilot' })).body);
});
afterAll(async () => { await api.close(); });

describe('the failure-mode diagnosis of a program', () => {
  it('finds nothing but says it is limited when the program was never assessed', async () => {
    const d = await diagnosisOf('CLAIMS');
    expect(d.program).toMatchObject({ key: 'CLAIMS', phase: 'pilot', hasSponsor: true });
    expect(d.signals.readiness).toBeNull();
    expect(d.modes).toEqual([]);
    expect(d.summary).toMatch(/never assessed/);
    expect(d.signals.roles).toEqual({ required: 5, vacant: ['output-owner', 'drift-monitor', 'retraining-authoriser', 'regulated-escalation-owner'] });
  });

  it('finds architecture without governance when technical readiness is met, governance is not and roles are vacant', async () => {
    await assess('CLAIMS', 'technical', 'met');
    await assess('CLAIMS', 'governance', 'not-met');
    const d = await diagnosisOf('CLAIMS');
    expect(d.signals.readiness?.technical).toMatchObject({ score: 100, met: true });
    expect(d.signals.readiness?.governance).toMatchObject({ score: 0, met: false });
    const finding = d.modes.find((m) => m.mode === 'architecture-without-governance');
    expect(finding?.strength).toBe('strong');
    expect(finding?.evidence.map((e) => e.signal)).toEqual(expect.arrayContaining(['technical-readiness', 'governance-readiness', 'vacant-roles']));
    expect(finding?.evidence.find((e) => e.signal === 'vacant-roles')?.observed).toMatch(/drift-monitor/);
    expect(finding?.clears.join(' ')).toMatch(/drift monitor/i);
    expect(d.healthy).toBe(false);
  });

  it('clears that finding once the roles are held, governance is met and drift is monitored', async () => {
    for (const role of ['output-owner', 'drift-monitor', 'retraining-authoriser', 'regulated-escalation-owner']) {
      expect((await api.call('PUT', `/api/programs/CLAIMS/roles/${role}`, { personId: lead.id })).status).toBe(200);
    }
    await assess('CLAIMS', 'governance', 'met');
    const before = await diagnosisOf('CLAIMS');
    expect(before.modes.find((m) => m.mode === 'architecture-without-governance')?.evidence.map((e) => e.signal)).toEqual(['technical-readiness', 'drift-monitoring']);
    const monitor = await api.call('POST', '/api/programs/CLAIMS/monitors', {
      key: 'drift-psi', name: 'Input drift', metric: 'drift-psi', direction: 'above', warningThreshold: 0.1, breachThreshold: 0.25, ownerRole: 'drift-monitor',
    });
    expect(monitor.status, JSON.stringify(monitor.body)).toBe(201);
    const d = await diagnosisOf('CLAIMS');
    expect(d.signals.monitors).toMatchObject({ total: 1, governance: 1, inBreach: 0 });
    expect(d.signals.roles.vacant).toEqual([]);
    expect(d.modes.map((m) => m.mode), JSON.stringify(d.modes)).not.toContain('architecture-without-governance');
  });

  it('finds adoption without ownership when the workforce is ready but nobody owns the outcome', async () => {
    await assess('KYC', 'workforce', 'met');
    const d = await diagnosisOf('KYC');
    expect(d.program.hasSponsor).toBe(false);
    const finding = d.modes.find((m) => m.mode === 'adoption-without-ownership');
    expect(finding, d.summary).toBeDefined();
    expect(finding?.evidence.map((e) => e.signal)).toContain('executive-sponsor');
  });

  it('answers 404 naming an unknown program', async () => {
    const res = await api.call('GET', '/api/programs/NOPE/diagnosis');
    expect(res.status).toBe(404);
    expect(Problem.parse(res.body).detail).toMatch(/NOPE/);
  });
});
