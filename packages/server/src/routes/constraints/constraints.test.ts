import { Constraint, ConstraintPage, HistoryPage, Person, Problem, Program } from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../testing/harness.js';

let api: TestApi;
let owner: Person;
let other: Person;
let claims: Program;
let kyc: Program;

beforeAll(async () => {
  api = await startTestApi({ now: '2026-11-25T09:00:00.000Z' });
  owner = Person.parse((await api.call('POST', '/api/people', { name: 'Ada Lovelace', email: 'ada@example.com' })).body);
  other = Person.parse((await api.call('POST', '/api/people', { name: 'Alan Turing', email: 'alan@example.com' })).body);
  claims = Program.parse((await api.call('POST', '/api/programs', { name: 'Claims triage', phase: 'pilot' })).body);
  kyc = Program.parse((await api.call('POST', '/api/programs', { name: 'KYC extraction', phase: 'discovery' })).body);
});
afterAll(async () => { await api.close(); });

async function add(program: Program, body: Record<string, unknown>): Promise<Constraint> {
  const res = await api.call('POST', `/api/programs/${program.key}/constraints`, {
    kind: 'blocker', dimension: 'governance', ownerId: owner.id, deadline: '2026-12-15', ...body,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return Constraint.parse(res.body);
}

describe('creating constraints', () => {
  it("numbers refs per program and blocks the program's next gate by default", async () => {
    const a = await add(claims, { title: 'No named owner for model output' });
    const b = await add(claims, { title: 'Drift not monitored' });
    expect([a.ref, b.ref]).toEqual(['CLAIMS-1', 'CLAIMS-2']);
    expect(a).toMatchObject({ blocksGate: 'production-readiness', status: 'open', severity: 'medium', overdue: false, resolvedAt: null });
  });

  it.each([
    ['no owner', { ownerId: undefined }, 'ownerId'],
    ['no deadline', { deadline: undefined }, 'deadline'],
    ['an impossible deadline', { deadline: '2026-11-31' }, 'deadline'],
    ['an unknown owner', { ownerId: '00000000-0000-4000-8000-000000000000' }, 'ownerId'],
    ['an unknown dimension', { dimension: 'legal' }, 'dimension'],
    ['an empty title', { title: '   ' }, 'title'],
    ['an over-long title', { title: 'x'.repeat(301) }, 'title'],
    ['an unknown dependency', { dependsOn: ['00000000-0000-4000-8000-000000000000'] }, 'dependsOn.0'],
  ])('refuses a constraint with %s, naming the field, and stores nothing', async (_label, override, path) => {
    const before = ConstraintPage.parse((await api.call('GET', '/api/constraints?limit=200')).body).items.length;
    const res = await api.call('POST', `/api/programs/${claims.key}/constraints`, {
      title: 'Candidate', kind: 'risk', dimension: 'technical', ownerId: owner.id, deadline: '2026-12-01', ...override,
    });
    expect(res.status).toBe(400);
    expect(Problem.parse(res.body).errors?.map((e) => e.path)).toContain(path);
    const after = ConstraintPage.parse((await api.call('GET', '/api/constraints?limit=200')).body).items.length;
    expect(after).toBe(before);
  });

  it('explains missing fields and allowed values in plain words', async () => {
    const res = await api.call('POST', `/api/programs/${claims.key}/constraints`, { title: 'x', kind: 'blocker', dimension: 'legal', deadline: '2026-12-01' });
    const errors = Problem.parse(res.body).errors ?? [];
    expect(errors).toContainEqual({ path: 'ownerId', message: 'is required' });
    expect(errors).toContainEqual({ path: 'dimension', message: 'must be one of technical, governance, workforce, economic' });
  });

  it('refuses an owner who belongs to another workspace', async () => {
    const db = api.handoff.deps.database.db;
    const now = new Date();
    await db.insertInto('workspaces').values({ id: '11111111-1111-4111-8111-111111111111', slug: 'other', name: 'Other', time_zone: 'UTC', created_at: now, updated_at: now }).execute();
    await db.insertInto('people').values({ id: '22222222-2222-4222-8222-222222222222', workspace_id: '11111111-1111-4111-8111-111111111111', name: 'Stranger', email: 'stranger@example.com', title: null, created_at: now, updated_at: now }).execute();
    const res = await api.call('POST', `/api/programs/${claims.key}/constraints`, {
      title: 'Foreign owner', kind: 'risk', dimension: 'technical', ownerId: '22222222-2222-4222-8222-222222222222', deadline: '2026-12-01',
    });
    expect(res.status).toBe(400);
    expect(Problem.parse(res.body).errors?.[0]?.path).toBe('ownerId');
    expect((await api.call('GET', '/api/people/22222222-2222-4222-8222-222222222222')).status).toBe(404);
  });
});

describe('updating constraints', () => {
  it('refuses to move a deadline without a reason and changes nothing else in that request', async () => {
    const c = await add(claims, { title: 'Retraining authority unassigned' });
    const res = await api.call('PATCH', `/api/constraints/${c.ref}`, { deadline: '2027-01-10', title: 'Renamed' });
    expect(res.status).toBe(400);
    expect(Problem.parse(res.body).errors?.[0]?.path).toBe('reason');
    const now = Constraint.parse((await api.call('GET', `/api/constraints/${c.ref}`)).body);
    expect(now).toMatchObject({ deadline: '2026-12-15', title: 'Retraining authority unassigned', version: 1 });
  });

  it('moves a deadline with a reason and keeps the reason in the history', async () => {
    const c = await add(claims, { title: 'Model card not approved' });
    const res = await api.call('PATCH', `/api/constraints/${c.id}`, { deadline: '2027-01-10', reason: 'Approver on leave until January' });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"2"');
    const history = HistoryPage.parse((await api.call('GET', `/api/constraints/${c.ref}/history`)).body);
    const move = history.items.find((h) => h.field === 'deadline' && h.before !== null);
    expect(move).toMatchObject({ before: '2026-12-15', after: '2027-01-10', reason: 'Approver on leave until January', actor: 'test' });
  });

  it('stamps resolvedAt when resolved and clears it when reopened', async () => {
    const c = await add(claims, { title: 'Legacy fallback still default' });
    const resolved = Constraint.parse((await api.call('PATCH', `/api/constraints/${c.ref}`, { status: 'resolved' })).body);
    expect(resolved.resolvedAt).toBe('2026-11-25T09:00:00.000Z');
    const reopened = Constraint.parse((await api.call('PATCH', `/api/constraints/${c.ref}`, { status: 'open' })).body);
    expect(reopened.resolvedAt).toBeNull();
  });

  it('refuses a stale If-Match with 412 and keeps the stored value', async () => {
    const c = await add(claims, { title: 'Latency above target' });
    expect((await api.call('PATCH', `/api/constraints/${c.ref}`, { severity: 'high' }, { 'if-match': '"1"' })).status).toBe(200);
    expect((await api.call('PATCH', `/api/constraints/${c.ref}`, { severity: 'low' }, { 'if-match': '"1"' })).status).toBe(412);
    expect(Constraint.parse((await api.call('GET', `/api/constraints/${c.ref}`)).body).severity).toBe('high');
  });

  it('accepts dependencies across programs and refuses a cycle with 409 naming it by refs', async () => {
    const platform = await add(kyc, { title: 'Feature store not production-certified', dimension: 'technical' });
    const a = await add(claims, { title: 'Scoring service needs the feature store', dependsOn: [platform.id] });
    const b = await add(claims, { title: 'Go-live depends on scoring', dependsOn: [a.id] });
    expect(b.dependsOn).toEqual([a.id]);
    const res = await api.call('PATCH', `/api/constraints/${platform.ref}`, { dependsOn: [b.id] });
    expect(res.status).toBe(409);
    const problem = Problem.parse(res.body);
    expect(problem.cycle).toEqual([platform.id, b.id, a.id, platform.id]);
    expect(problem.detail).toContain(`${platform.ref} → ${b.ref} → ${a.ref} → ${platform.ref}`);
    const self = await api.call('PATCH', `/api/constraints/${a.ref}`, { dependsOn: [a.id] });
    expect(self.status).toBe(409);
    expect(Constraint.parse((await api.call('GET', `/api/constraints/${platform.ref}`)).body).dependsOn).toEqual([]);
  });

  it('refuses a patch that changes nothing but the reason', async () => {
    const res = await api.call('PATCH', `/api/constraints/CLAIMS-1`, { reason: 'just because' });
    expect(res.status).toBe(400);
  });
});

describe('listing constraints', () => {
  it('filters by program, owner, dimension, kind, status and text', async () => {
    await add(kyc, { title: 'Consent wording unclear', kind: 'risk', dimension: 'workforce', ownerId: other.id });
    const byOwner = ConstraintPage.parse((await api.call(`GET`, `/api/constraints?owner=${other.id}`)).body);
    expect(byOwner.items.map((c) => c.title)).toEqual(['Consent wording unclear']);
    const combined = ConstraintPage.parse((await api.call('GET', `/api/constraints?program=${kyc.id}&kind=risk&dimension=workforce&status=open`)).body);
    expect(combined.items).toHaveLength(1);
    const text = ConstraintPage.parse((await api.call('GET', '/api/constraints?q=consent')).body);
    expect(text.items.map((c) => c.ref)).toEqual([combined.items[0]?.ref]);
    const refSearch = ConstraintPage.parse((await api.call('GET', '/api/constraints?q=CLAIMS-2')).body);
    expect(refSearch.items.map((c) => c.ref)).toContain('CLAIMS-2');
  });

  it('treats LIKE wildcards in the search text literally', async () => {
    const none = ConstraintPage.parse((await api.call('GET', '/api/constraints?q=%25')).body);
    expect(none.items).toHaveLength(0);
  });

  it('pages by deadline without repeating or skipping a row', async () => {
    const all = ConstraintPage.parse((await api.call('GET', '/api/constraints?limit=200')).body).items;
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = ConstraintPage.parse((await api.call('GET', `/api/constraints?limit=3${cursor ? `&cursor=${cursor}` : ''}`)).body);
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((c) => c.id));
    const deadlines = all.map((c) => c.deadline);
    expect(deadlines).toEqual([...deadlines].sort());
  });

  it('lists only the program in the program-scoped route and 404s for an unknown program', async () => {
    const page = ConstraintPage.parse((await api.call('GET', `/api/programs/${kyc.key}/constraints`)).body);
    expect(page.items.every((c) => c.programKey === 'KYC')).toBe(true);
    expect((await api.call('GET', '/api/programs/NOPE/constraints')).status).toBe(404);
  });

  it('rejects a limit above the maximum', async () => {
    const res = await api.call('GET', '/api/constraints?limit=1000');
    expect(res.status).toBe(400);
    expect(Problem.parse(res.body).errors?.[0]?.path).toBe('query.limit');
  });
});

describe('overdue', () => {
  it('becomes overdue only once the deadline day has ended in the workspace time zone', async () => {
    const tz = await startTestApi({ now: '2026-11-25T09:00:00.000Z', timeZone: 'Pacific/Auckland' });
    try {
      const p = Person.parse((await tz.call('POST', '/api/people', { name: 'Kiri Tane', email: 'kiri@example.com' })).body);
      const prog = Program.parse((await tz.call('POST', '/api/programs', { name: 'Service desk copilot' })).body);
      // 09:00 UTC is 22:00 on 25 November in Auckland (UTC+13): the 25th has not ended there yet.
      const c = Constraint.parse((await tz.call('POST', `/api/programs/${prog.key}/constraints`, {
        title: 'Knowledge base stale', kind: 'blocker', dimension: 'technical', ownerId: p.id, deadline: '2026-11-25',
      })).body);
      expect(c.overdue).toBe(false);
      tz.clock.set('2026-11-25T11:30:00.000Z'); // 00:30 on the 26th in Auckland
      const later = Constraint.parse((await tz.call('GET', `/api/constraints/${c.ref}`)).body);
      expect(later).toMatchObject({ overdue: true, daysOverdue: 1 });
      const overdue = ConstraintPage.parse((await tz.call('GET', '/api/constraints?overdue=true')).body);
      expect(overdue.items.map((x) => x.ref)).toEqual([c.ref]);
    } finally {
      await tz.close();
    }
  });
});
