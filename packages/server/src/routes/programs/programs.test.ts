import { HistoryPage, Person, Problem, Program, ProgramPage } from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../testing/harness.js';

let api: TestApi;
let sponsor: Person;
beforeAll(async () => {
  api = await startTestApi();
  sponsor = Person.parse((await api.call('POST', '/api/people', { name: 'Grace Hopper', email: 'grace@example.com', title: 'COO' })).body);
});
afterAll(async () => { await api.close(); });

async function createProgram(body: Record<string, unknown>): Promise<Program> {
  const res = await api.call('POST', '/api/programs', body);
  expect(res.status).toBe(201);
  return Program.parse(res.body);
}

describe('programs', () => {
  it('derives a key from the name, defaults the phase to discovery and names the next gate', async () => {
    const p = await createProgram({ name: 'Claims triage', sponsorId: sponsor.id });
    expect(p).toMatchObject({ key: 'CLAIMS', phase: 'discovery', nextGate: 'pilot', riskClass: 'limited' });
    expect(p.sponsor).toEqual({ id: sponsor.id, name: 'Grace Hopper', email: 'grace@example.com' });
  });

  it('picks the next free key when the derived one is taken', async () => {
    const p = await createProgram({ name: 'Claims fraud scoring' });
    expect(p.key).toBe('CLAIMS2');
  });

  it('refuses an explicit key already in use with 409 naming the key', async () => {
    const res = await api.call('POST', '/api/programs', { name: 'Other', key: 'CLAIMS' });
    expect(res.status).toBe(409);
    expect(Problem.parse(res.body).errors?.[0]?.path).toBe('key');
  });

  it('is found by id and by key, case-insensitively', async () => {
    const byKey = Program.parse((await api.call('GET', '/api/programs/claims')).body);
    const byId = Program.parse((await api.call('GET', `/api/programs/${byKey.id}`)).body);
    expect(byId).toEqual(byKey);
  });

  it.each([
    ['an unknown sponsor', { name: 'X', sponsorId: '00000000-0000-4000-8000-000000000000' }, 'sponsorId'],
    ['an unknown phase', { name: 'X', phase: 'scale-up' }, 'phase'],
    ['an impossible target date', { name: 'X', targetProductionDate: '2027-02-29' }, 'targetProductionDate'],
    ['a lower-case key', { name: 'X', key: 'claims' }, 'key'],
    ['an unknown field', { name: 'X', owner: 'me' }, '(body)'],
  ])('refuses %s with 400 naming the field', async (_label, body, path) => {
    const res = await api.call('POST', '/api/programs', body);
    expect(res.status).toBe(400);
    expect(Problem.parse(res.body).errors?.map((e) => e.path)).toContain(path);
  });

  it('moves to the next phase, bumps the version and refuses a stale If-Match', async () => {
    const p = await createProgram({ name: 'KYC document extraction', phase: 'pilot', sponsorId: sponsor.id });
    // Nothing is assessed yet, so the readiness gate is closed: the sponsor lets the move through (see routes/readiness/gate.test.ts).
    const override = { decidedBy: sponsor.id, reason: 'Pilot accepted; readiness assessed during the next phase' };
    const moved = await api.call('PATCH', `/api/programs/${p.key}`, { phase: 'production-readiness', override }, { 'if-match': '"1"' });
    expect(moved.status).toBe(200);
    expect(Program.parse(moved.body)).toMatchObject({ phase: 'production-readiness', nextGate: 'limited-rollout', version: 2 });
    const stale = await api.call('PATCH', `/api/programs/${p.key}`, { name: 'Renamed' }, { 'if-match': '"1"' });
    expect(stale.status).toBe(412);
    expect(Program.parse((await api.call('GET', `/api/programs/${p.key}`)).body).name).toBe('KYC document extraction');
  });

  it('counts active and overdue constraints', async () => {
    const p = await createProgram({ name: 'Demand forecasting', phase: 'pilot' });
    const base = { kind: 'blocker', dimension: 'technical', ownerId: sponsor.id };
    await api.call('POST', `/api/programs/${p.key}/constraints`, { ...base, title: 'Late', deadline: '2026-11-01' });
    await api.call('POST', `/api/programs/${p.key}/constraints`, { ...base, title: 'Due', deadline: '2026-12-01' });
    await api.call('POST', `/api/programs/${p.key}/constraints`, { ...base, title: 'Done', deadline: '2026-10-01', status: 'resolved' });
    const got = Program.parse((await api.call('GET', `/api/programs/${p.key}`)).body);
    expect(got).toMatchObject({ activeConstraints: 2, overdueConstraints: 1 });
  });

  it('lists and filters programs by phase and text', async () => {
    const pilots = ProgramPage.parse((await api.call('GET', '/api/programs?phase=pilot')).body);
    expect(pilots.items.map((p) => p.key)).toEqual(['DEMAND']);
    const found = ProgramPage.parse((await api.call('GET', '/api/programs?q=kyc')).body);
    expect(found.items.map((p) => p.key)).toEqual(['KYC']);
  });
});

describe('program history', () => {
  it('records the phase change with its before and after', async () => {
    const res = await api.call('GET', '/api/programs/KYC/history');
    expect(res.status).toBe(200);
    const page = HistoryPage.parse(res.body);
    expect(page.items.map((h) => h.field)).toEqual(['created', 'phase', 'gateOverride']);
    expect(page.items[1]).toMatchObject({ before: 'pilot', after: 'production-readiness', actor: 'test', reason: 'Pilot accepted; readiness assessed during the next phase' });
    expect((await api.call('GET', '/api/programs/NOPE/history')).status).toBe(404);
  });

  it('keeps the reason a program moves back a phase in its history', async () => {
    const current = Program.parse((await api.call('GET', '/api/programs/KYC')).body);
    const moved = await api.call('PATCH', '/api/programs/KYC', { phase: 'pilot', reason: 'Readiness review found no drift monitoring' }, { 'if-match': `"${current.version}"` });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const page = HistoryPage.parse((await api.call('GET', '/api/programs/KYC/history')).body);
    expect(page.items.at(-1)).toMatchObject({ field: 'phase', before: 'production-readiness', after: 'pilot', reason: 'Readiness review found no drift monitoring' });
  });
});
