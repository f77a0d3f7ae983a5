import { BUILT_IN_ROLES } from '@handoff/core';
import { GovernanceRole, GovernanceRolePage, HistoryPage, OwnershipMap, Person, PersonRoles, Problem, Program } from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../testing/harness.js';

let api: TestApi;
let ola: Person;
let sade: Person;
let claims: Program;

const BUILT_IN_KEYS = BUILT_IN_ROLES.map((r) => r.key);
const person = async (name: string, email: string): Promise<Person> => Person.parse((await api.call('POST', '/api/people', { name, email })).body);
const mapOf = async (program: string): Promise<OwnershipMap> => {
  const res = await api.call('GET', `/api/programs/${program}/roles`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return OwnershipMap.parse(res.body);
};
const assign = (program: string, role: string, personId: string, reason?: string) =>
  api.call('PUT', `/api/programs/${program}/roles/${role}`, { personId, ...(reason ? { reason } : {}) });
const history = async (program: string) => HistoryPage.parse((await api.call('GET', `/api/programs/${program}/history?limit=200`)).body).items;
const roleOf = (map: OwnershipMap, key: string) => map.roles.find((r) => r.key === key);

beforeAll(async () => {
  api = await startTestApi();
  ola = await person('Ola Nordmann', 'ola@example.com');
  sade = await person('Sade Adu', 'sade@example.com');
  claims = Program.parse((await api.call('POST', '/api/programs', { name: 'Claims triage', phase: 'pilot' })).body);
});
afterAll(async () => { await api.close(); });

describe('the ownership map', () => {
  it('lists every built-in role, all vacant and all gaps, for a program nobody owns yet', async () => {
    const map = await mapOf('CLAIMS');
    expect(map.program).toEqual({ id: claims.id, key: 'CLAIMS', name: 'Claims triage' });
    expect(map.roles.map((r) => [r.key, r.builtIn, r.required, r.vacant, r.holder])).toEqual(BUILT_IN_KEYS.map((k) => [k, true, true, true, null]));
    expect(map.gaps).toEqual(BUILT_IN_KEYS);
  });

  it('answers 404 for an unknown program and 400 for a malformed role key', async () => {
    expect((await api.call('GET', '/api/programs/NOPE/roles')).status).toBe(404);
    const res = await assign('CLAIMS', 'Drift_Monitor', ola.id);
    expect(res.status).toBe(400);
    expect(Problem.parse(res.body).errors?.[0]?.path).toBe('path.role');
  });
});

describe('assigning and vacating roles', () => {
  it('assigns a role to one person and records it in the program history with the reason', async () => {
    api.clock.set('2026-11-25T10:00:00.000Z');
    const res = await assign('CLAIMS', 'drift-monitor', ola.id, 'Runs the model monitoring rota');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const map = OwnershipMap.parse(res.body);
    expect(roleOf(map, 'drift-monitor')).toMatchObject({ holder: { id: ola.id, name: 'Ola Nordmann' }, since: '2026-11-25T10:00:00.000Z', vacant: false });
    expect(map.gaps).not.toContain('drift-monitor');
    const entry = (await history('CLAIMS')).find((h) => h.field === 'role:drift-monitor');
    expect(entry).toMatchObject({ before: null, after: ola.id, reason: 'Runs the model monitoring rota', actor: 'test' });
  });

  it('records a change of holder with before and after, and assigning the same holder again writes nothing', async () => {
    expect((await assign('CLAIMS', 'drift-monitor', sade.id, 'Ola moved teams')).status).toBe(200);
    const count = (await history('CLAIMS')).length;
    const again = await assign('CLAIMS', 'drift-monitor', sade.id, 'again');
    expect(again.status).toBe(200);
    expect(roleOf(OwnershipMap.parse(again.body), 'drift-monitor')?.holder?.id).toBe(sade.id);
    const entries = (await history('CLAIMS')).filter((h) => h.field === 'role:drift-monitor');
    expect(entries.map((h) => [h.before, h.after])).toEqual([[null, ola.id], [ola.id, sade.id]]);
    expect(await history('CLAIMS')).toHaveLength(count);
  });

  it('makes the outcome owner the program sponsor, with the same history as a sponsor change', async () => {
    const map = OwnershipMap.parse((await assign('CLAIMS', 'outcome-owner', sade.id, 'COO takes the outcome')).body);
    expect(roleOf(map, 'outcome-owner')).toMatchObject({ holder: { id: sade.id }, since: null, vacant: false });
    const program = Program.parse((await api.call('GET', '/api/programs/CLAIMS')).body);
    expect(program.sponsor?.id).toBe(sade.id);
    expect((await history('CLAIMS')).filter((h) => h.field === 'sponsorId').map((h) => [h.before, h.after, h.reason])).toEqual([[null, sade.id, 'COO takes the outcome']]);
    await api.call('PATCH', '/api/programs/CLAIMS', { sponsorId: ola.id });
    expect(roleOf(await mapOf('CLAIMS'), 'outcome-owner')?.holder?.id).toBe(ola.id);
  });

  it('vacates a role with history; the vacancy shows as a gap and vacating again is a conflict', async () => {
    const res = await api.call('DELETE', '/api/programs/CLAIMS/roles/drift-monitor', { reason: 'Sade left' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const map = OwnershipMap.parse(res.body);
    expect(roleOf(map, 'drift-monitor')).toMatchObject({ holder: null, since: null, vacant: true });
    expect(map.gaps).toContain('drift-monitor');
    expect((await history('CLAIMS')).filter((h) => h.field === 'role:drift-monitor').at(-1)).toMatchObject({ before: sade.id, after: null, reason: 'Sade left' });
    expect((await api.call('DELETE', '/api/programs/CLAIMS/roles/drift-monitor')).status).toBe(409);
  });

  it('vacates the outcome owner without a body by clearing the sponsor', async () => {
    const res = await api.call('DELETE', '/api/programs/CLAIMS/roles/outcome-owner');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(OwnershipMap.parse(res.body).gaps[0]).toBe('outcome-owner');
    expect(Program.parse((await api.call('GET', '/api/programs/CLAIMS')).body).sponsor).toBeNull();
  });

  it('refuses an unknown role with 404 naming it and an unknown person with 400 naming personId, storing nothing', async () => {
    const before = await history('CLAIMS');
    const mapBefore = await mapOf('CLAIMS');
    const unknownRole = await assign('CLAIMS', 'chief-vibes-officer', ola.id);
    expect(unknownRole.status).toBe(404);
    expect(Problem.parse(unknownRole.body).detail).toContain('chief-vibes-officer');
    const unknownPerson = await assign('CLAIMS', 'output-owner', '00000000-0000-4000-8000-000000000000');
    expect(unknownPerson.status).toBe(400);
    expect(Problem.parse(unknownPerson.body).errors?.map((e) => e.path)).toEqual(['personId']);
    const notAnId = await assign('CLAIMS', 'output-owner', 'ola@example.com');
    expect(Problem.parse(notAnId.body).errors?.map((e) => e.path)).toEqual(['personId']);
    expect(await history('CLAIMS')).toEqual(before);
    expect(await mapOf('CLAIMS')).toEqual(mapBefore);
  });
});

describe('workspace roles', () => {
  it('adds a custom role to every map as a required gap, after the built-in roles', async () => {
    const res = await api.call('POST', '/api/governance-roles', { key: 'model-risk-reviewer', name: 'Model risk reviewer', description: 'Second line of defence' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(GovernanceRole.parse(res.body)).toMatchObject({ key: 'model-risk-reviewer', required: true, builtIn: false, retiredAt: null });
    const map = await mapOf('CLAIMS');
    expect(map.roles.at(-1)).toMatchObject({ key: 'model-risk-reviewer', builtIn: false, required: true, vacant: true });
    expect(map.gaps.at(-1)).toBe('model-risk-reviewer');
    expect((await assign('CLAIMS', 'model-risk-reviewer', ola.id)).status).toBe(200);
    expect((await mapOf('CLAIMS')).gaps).not.toContain('model-risk-reviewer');
  });

  it('keeps an optional custom role out of the gaps', async () => {
    await api.call('POST', '/api/governance-roles', { key: 'data-steward', name: 'Data steward', required: false });
    const map = await mapOf('CLAIMS');
    expect(roleOf(map, 'data-steward')).toMatchObject({ required: false, vacant: true });
    expect(map.gaps).not.toContain('data-steward');
    const edited = await api.call('PATCH', '/api/governance-roles/data-steward', { required: true });
    expect(GovernanceRole.parse(edited.body).required).toBe(true);
    expect((await mapOf('CLAIMS')).gaps).toContain('data-steward');
  });

  it.each([
    ['create a built-in key', 'POST', '/api/governance-roles', { key: 'drift-monitor', name: 'Mine' }],
    ['create an escalation role name', 'POST', '/api/governance-roles', { key: 'sponsor', name: 'Sponsor' }],
    ['create a key in use', 'POST', '/api/governance-roles', { key: 'data-steward', name: 'Again' }],
    ['edit a built-in role', 'PATCH', '/api/governance-roles/output-owner', { required: false }],
    ['retire a built-in role', 'POST', '/api/governance-roles/outcome-owner/retire', undefined],
  ])('answers 409 to an attempt to %s', async (_label, method, path, body) => {
    const res = await api.call(method, path, body);
    expect(res.status, JSON.stringify(res.body)).toBe(409);
  });

  it('lists built-in roles first, then custom ones; a retired role leaves the maps but stays listable', async () => {
    const retired = await api.call('POST', '/api/governance-roles/data-steward/retire');
    expect(retired.status, JSON.stringify(retired.body)).toBe(200);
    expect(GovernanceRole.parse(retired.body).retiredAt).not.toBeNull();
    expect((await api.call('POST', '/api/governance-roles/data-steward/retire')).status).toBe(409);
    expect(roleOf(await mapOf('CLAIMS'), 'data-steward')).toBeUndefined();
    expect((await assign('CLAIMS', 'data-steward', ola.id)).status).toBe(404);
    const active = GovernanceRolePage.parse((await api.call('GET', '/api/governance-roles')).body);
    expect(active.items.map((r) => r.key)).toEqual([...BUILT_IN_KEYS, 'model-risk-reviewer']);
    const all = GovernanceRolePage.parse((await api.call('GET', '/api/governance-roles?includeRetired=true')).body);
    expect(all.items.map((r) => r.key)).toEqual([...BUILT_IN_KEYS, 'data-steward', 'model-risk-reviewer']);
    expect((await api.call('PATCH', '/api/governance-roles/unknown-role', { name: 'X' })).status).toBe(404);
  });
});

describe("a person's roles", () => {
  it('lists what a person holds across programs, outcome-owner included, by program then role', async () => {
    await api.call('POST', '/api/programs', { name: 'KYC extraction', phase: 'discovery', sponsorId: ola.id });
    await assign('KYC', 'retraining-authoriser', ola.id);
    await assign('CLAIMS', 'output-owner', ola.id);
    const res = await api.call('GET', `/api/people/${ola.id}/roles`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const roles = PersonRoles.parse(res.body);
    expect(roles.person.id).toBe(ola.id);
    expect(roles.roles.map((r) => `${r.program.key}:${r.role}`)).toEqual(['CLAIMS:output-owner', 'CLAIMS:model-risk-reviewer', 'KYC:outcome-owner', 'KYC:retraining-authoriser']);
    expect(roles.roles.find((r) => r.role === 'outcome-owner')).toMatchObject({ name: 'Production-outcome owner', since: null });
    expect((await api.call('GET', '/api/people/00000000-0000-4000-8000-000000000000/roles')).status).toBe(404);
    expect((await api.call('GET', '/api/people/ola/roles')).status).toBe(404);
  });
});
