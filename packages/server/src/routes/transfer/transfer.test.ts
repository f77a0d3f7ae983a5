import { Constraint, HistoryPage, Person, PersonPage, Problem, Program, TransferDocument, TransferSummary } from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../testing/harness.js';

let source: TestApi;
let exported: string;

async function rawExport(api: TestApi): Promise<string> {
  const res = await api.handoff.app.request('/api/workspace/export');
  expect(res.status).toBe(200);
  return res.text();
}

beforeAll(async () => {
  source = await startTestApi({ timeZone: 'Europe/London' });
  const owner = Person.parse((await source.call('POST', '/api/people', { name: 'Amara Okafor', email: 'amara@example.com', title: 'COO' })).body);
  const other = Person.parse((await source.call('POST', '/api/people', { name: 'Ben Cho', email: 'ben@example.com' })).body);
  const program = Program.parse((await source.call('POST', '/api/programs', { key: 'CLAIMS', name: 'Claims triage', sponsorId: owner.id, phase: 'pilot' })).body);
  const first = Constraint.parse((await source.call('POST', '/api/programs/CLAIMS/constraints', {
    title: 'No model owner', kind: 'blocker', dimension: 'governance', ownerId: owner.id, deadline: '2026-12-01',
  })).body);
  source.clock.advanceDays(1);
  await source.call('POST', `/api/programs/${program.id}/constraints`, {
    title: 'Drift monitoring', kind: 'dependency', dimension: 'technical', ownerId: other.id, deadline: '2026-12-15', dependsOn: [first.id],
  });
  await source.call('PATCH', '/api/constraints/CLAIMS-1', { deadline: '2026-12-20', reason: 'waiting for the board', status: 'in_progress' });
  exported = await rawExport(source);
});
afterAll(async () => { await source.close(); });

describe('workspace export', () => {
  it('holds every row with ids, versions and history, in id order, and never the workspace id', () => {
    const doc = TransferDocument.parse(JSON.parse(exported));
    expect(doc.workspace).toEqual({ name: 'Default workspace', timeZone: 'Europe/London' });
    expect(doc.people.map((p) => p.email).sort()).toEqual(['amara@example.com', 'ben@example.com']);
    expect(doc.people.map((p) => p.id)).toEqual(doc.people.map((p) => p.id).sort());
    expect(doc.programs[0]).toMatchObject({ key: 'CLAIMS', nextConstraintNumber: 3, phase: 'pilot' });
    expect(doc.constraints.find((c) => c.number === 1)).toMatchObject({ deadline: '2026-12-20', status: 'in_progress', version: 2 });
    expect(doc.dependencies).toHaveLength(1);
    expect(doc.history.some((h) => h.field === 'deadline' && h.reason === 'waiting for the board')).toBe(true);
    expect(doc.history.map((h) => h.id)).toEqual(doc.history.map((h) => h.id).sort((a, b) => a - b));
    expect(exported).not.toContain(source.handoff.workspace.id);
  });

  it('gives the same bytes when asked twice', async () => {
    expect(await rawExport(source)).toBe(exported);
  });
});

describe('workspace import', () => {
  /** One empty workspace for the refused imports: each must leave it empty for the next. */
  let empty: TestApi;
  beforeAll(async () => { empty = await startTestApi(); });
  afterAll(async () => { await empty.close(); });

  it('restores into an empty workspace so that exporting again gives identical bytes, and writes continue after it', async () => {
    const target = await startTestApi({ timeZone: 'UTC' });
    try {
      const res = await target.call('POST', '/api/workspace/import', JSON.parse(exported));
      expect(res.status).toBe(200);
      expect(TransferSummary.parse(res.body)).toEqual({ people: 2, programs: 1, constraints: 2, dependencies: 1, history: expect.any(Number) });
      expect(await rawExport(target)).toBe(exported);

      const ben = PersonPage.parse((await target.call('GET', '/api/people?email=ben@example.com')).body).items[0];
      expect(ben?.name).toBe('Ben Cho');
      const next = await target.call('POST', '/api/programs/CLAIMS/constraints', {
        title: 'Union consultation', kind: 'risk', dimension: 'workforce', ownerId: ben?.id, deadline: '2027-01-10',
      });
      expect(next.status).toBe(201);
      const created = Constraint.parse(next.body);
      expect(created.ref).toBe('CLAIMS-3');
      const history = HistoryPage.parse((await target.call('GET', `/api/constraints/${created.id}/history`)).body);
      const maxImported = Math.max(...TransferDocument.parse(JSON.parse(exported)).history.map((h) => h.id));
      expect(Number(history.items[0]?.id)).toBeGreaterThan(maxImported);
    } finally {
      await target.close();
    }
  });

  it('refuses with 409 when the workspace already holds data, and changes nothing', async () => {
    const res = await source.call('POST', '/api/workspace/import', JSON.parse(exported));
    expect(res.status).toBe(409);
    expect(Problem.parse(res.body).detail).toContain('not empty');
    expect(await rawExport(source)).toBe(exported);
  });

  it.each([
    ['a malformed e-mail', (d: TransferDocument) => ({ ...d, people: d.people.map((p, i) => (i === 1 ? { ...p, email: 'nope' } : p)) }), 'people.1.email'],
    ['an owner missing from the document', (d: TransferDocument) => ({
      ...d, constraints: d.constraints.map((c, i) => (i === 0 ? { ...c, ownerId: '00000000-0000-4000-8000-000000000000' } : c)),
    }), 'constraints.0.ownerId'],
    ['a dependency cycle', (d: TransferDocument) => ({
      ...d, dependencies: [...d.dependencies, ...d.dependencies.map((e) => ({ constraintId: e.dependsOnId, dependsOnId: e.constraintId }))],
    }), 'dependencies.1'],
    ['an unknown format version', (d: TransferDocument) => ({ ...d, formatVersion: 99 }), 'formatVersion'],
  ])('answers 400 naming the path for %s and stores nothing', async (_label, spoil, path) => {
    const doc = spoil(TransferDocument.parse(JSON.parse(exported)));
    const res = await empty.call('POST', '/api/workspace/import', doc);
    expect(res.status).toBe(400);
    expect(Problem.parse(res.body).errors?.map((e) => e.path)).toContain(path);
    const after = TransferDocument.parse(JSON.parse(await rawExport(empty)));
    expect(after.people).toEqual([]);
    expect(after.workspace.name).toBe('Default workspace');
  });
});
