import {
  Constraint, DecisionPage, DigestResult, HistoryPage, InboxPage, Person, PersonPage, Problem, Program, SweepResult,
  TRANSFER_V2_SECTIONS, TRANSFER_V3_SECTIONS, TRANSFER_WORKSPACE_ENTITY_ID, TransferDocument, TransferSummary,
} from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi, type TestResponse } from '../../testing/harness.js';

/** The instant of the source's escalation sweep: a restore swept at this instant must fire nothing. */
const SWEEP_AT = '2026-11-28T00:00:00.000Z';
const DIGEST_AT = '2026-11-30T08:00:00.000Z';
const WEBHOOK = 'https://hooks.slack.com/services/T000/B000/SECRETXYZ';

let source: TestApi;
let exported: string;
let amara: Person;
let ben: Person;
let bea: Person;

async function rawExport(api: TestApi): Promise<string> {
  const res = await api.handoff.request('/api/workspace/export');
  expect(res.status).toBe(200);
  return res.text();
}

async function ok(pending: Promise<TestResponse>, status = 200): Promise<unknown> {
  const res = await pending;
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}

async function sweep(api: TestApi, at: string): Promise<SweepResult> {
  return SweepResult.parse(await ok(api.call('POST', '/api/escalations/sweep', { at })));
}

const parsed = (): TransferDocument => TransferDocument.parse(JSON.parse(exported));

const ladder = [
  { name: 'reminder', offsetDays: -3, condition: 'not-acknowledged', targets: [{ kind: 'role', role: 'owner' }], createsDecision: false },
  { name: 'due', offsetDays: 0, condition: 'not-acknowledged', targets: [{ kind: 'role', role: 'owner' }], createsDecision: false },
  { name: 'sponsor', offsetDays: 7, condition: 'not-resolved', targets: [{ kind: 'role', role: 'sponsor' }], createsDecision: false },
  { name: 'board', offsetDays: 21, condition: 'not-resolved', targets: [{ kind: 'role', role: 'board' }], createsDecision: true },
];

beforeAll(async () => {
  source = await startTestApi({ timeZone: 'Europe/London' });
  const person = async (body: object) => Person.parse(await ok(source.call('POST', '/api/people', body), 201));
  amara = await person({ name: 'Amara Okafor', email: 'amara@example.com', title: 'COO' });
  ben = await person({ name: 'Ben Cho', email: 'ben@example.com' });
  bea = await person({ name: 'Bea Board', email: 'bea@example.com', boardMember: true });
  const claims = Program.parse(await ok(source.call('POST', '/api/programs', { key: 'CLAIMS', name: 'Claims triage', sponsorId: amara.id, phase: 'pilot' }), 201));
  await ok(source.call('POST', '/api/programs', { key: 'KYC', name: 'KYC extraction', sponsorId: amara.id }), 201);
  // A workspace default (its history names the workspace) and a program override that goes to the board at once.
  await ok(source.call('PUT', '/api/escalation-policy', { levels: ladder, acknowledgementHoldDays: 3 }));
  await ok(source.call('PUT', '/api/programs/KYC/escalation-policy', {
    levels: [{ name: 'board at once', offsetDays: 1, condition: 'not-resolved', targets: [{ kind: 'role', role: 'board' }, { kind: 'person', personId: ben.id }], createsDecision: true }],
  }));
  const add = async (program: string, body: object) => Constraint.parse(await ok(source.call('POST', `/api/programs/${program}/constraints`, body), 201));
  const first = await add('CLAIMS', { title: 'No model owner', kind: 'blocker', dimension: 'governance', ownerId: amara.id, deadline: '2026-12-01' });
  source.clock.advanceDays(1);
  await add(claims.id, { title: 'Drift monitoring', kind: 'dependency', dimension: 'technical', ownerId: ben.id, deadline: '2026-12-15', dependsOn: [first.id] });
  await ok(source.call('PATCH', '/api/constraints/CLAIMS-1', { deadline: '2026-12-20', reason: 'waiting for the board', status: 'in_progress' }));
  await add('CLAIMS', { title: 'Consent wording unclear', kind: 'risk', dimension: 'governance', ownerId: ben.id, deadline: '2026-11-27' });
  await add('CLAIMS', { title: 'Regulator opinion pending', kind: 'dependency', dimension: 'governance', ownerId: ben.id, deadline: '2026-12-30' });
  await add('KYC', { title: 'Feature store not certified', kind: 'blocker', dimension: 'technical', ownerId: ben.id, deadline: '2026-11-26', severity: 'high' });

  // CLAIMS-3: reminder and due; KYC-1: the override's board level, which raises a decision.
  expect(await sweep(source, SWEEP_AT)).toMatchObject({ notified: 3, decisions: 1 });
  source.clock.set('2026-11-28T10:00:00.000Z');
  await ok(source.call('POST', '/api/constraints/CLAIMS-3/acknowledge', { personId: ben.id, note: 'Legal is on it' }));
  await ok(source.call('POST', '/api/constraints/CLAIMS-4/pause', { reason: 'Waiting for the regulator' }));
  const pending = DecisionPage.parse(await ok(source.call('GET', '/api/decisions?status=pending'))).items;
  expect(pending).toHaveLength(1);
  await ok(source.call('POST', `/api/decisions/${pending[0]?.id}/decide`, { outcome: 'Fund the certification', decidedBy: bea.id }));
  await ok(source.call('POST', '/api/notification-channels', { kind: 'slack', name: '#ai-programs', webhookUrl: WEBHOOK }), 201);
  const inbox = InboxPage.parse(await ok(source.call('GET', `/api/people/${ben.id}/inbox`)));
  await ok(source.call('POST', `/api/people/${ben.id}/inbox/${inbox.items[0]?.id}/read`));
  await ok(source.call('POST', '/api/programs/CLAIMS/reviews', {
    reviewerId: amara.id, note: 'Weekly review',
    items: [{ constraintId: 'CLAIMS-2', decision: 'on-track' }, { constraintId: 'CLAIMS-1', decision: 'at-risk', note: 'board is slow' }],
  }), 201);
  expect(DigestResult.parse(await ok(source.call('POST', '/api/digests/send', { at: DIGEST_AT }))).sent).toBeGreaterThan(0);
  exported = await rawExport(source);
});
afterAll(async () => { await source.close(); });

describe('workspace export', () => {
  it('holds every row with ids, versions and history, in id order, and never the workspace id', () => {
    const doc = parsed();
    expect(doc).toMatchObject({ formatVersion: 3, workspace: { name: 'Default workspace', timeZone: 'Europe/London' } });
    expect(doc.people.map((p) => p.email).sort()).toEqual(['amara@example.com', 'bea@example.com', 'ben@example.com']);
    expect(doc.people.map((p) => p.id)).toEqual(doc.people.map((p) => p.id).sort());
    expect(doc.people.find((p) => p.id === bea.id)?.boardMember).toBe(true);
    expect(doc.programs.find((p) => p.key === 'CLAIMS')).toMatchObject({ nextConstraintNumber: 5, phase: 'pilot' });
    expect(doc.constraints.find((c) => c.number === 1 && c.title === 'No model owner')).toMatchObject({ deadline: '2026-12-20', status: 'in_progress' });
    expect(doc.dependencies).toHaveLength(1);
    expect(doc.history.some((h) => h.field === 'deadline' && h.reason === 'waiting for the board')).toBe(true);
    expect(doc.history.map((h) => h.id)).toEqual(doc.history.map((h) => h.id).sort((a, b) => a - b));
    expect(doc.history.filter((h) => h.entityType === 'workspace').map((h) => h.entityId)).toEqual([TRANSFER_WORKSPACE_ENTITY_ID]);
    expect(exported).not.toContain(source.handoff.workspace.id);
  });

  it('carries the escalation state: policies, clocks with their snapshots, acknowledgement and pause, the fired levels and the decision', () => {
    const doc = parsed();
    expect(doc.escalationPolicies.map((p) => p.programId === null).sort()).toEqual([false, true]);
    expect(doc.escalationPolicies.find((p) => p.programId !== null)?.levels[0]?.targets).toEqual([{ kind: 'role', role: 'board' }, { kind: 'person', personId: ben.id }]);
    expect(doc.escalations).toHaveLength(doc.constraints.length);
    const byTitle = (title: string) => doc.escalations.find((e) => e.constraintId === doc.constraints.find((c) => c.title === title)?.id);
    expect(byTitle('Consent wording unclear')).toMatchObject({ done: [0, 1], level: 1, acknowledgedBy: ben.id, acknowledgedAt: '2026-11-28T10:00:00.000Z' });
    expect(byTitle('Consent wording unclear')?.policy?.levels.map((l) => l.name)).toEqual(['reminder', 'due', 'sponsor', 'board']);
    expect(byTitle('Regulator opinion pending')).toMatchObject({ pausedAt: '2026-11-28T10:00:00.000Z', pausedReason: 'Waiting for the regulator', nextLevelAt: null });
    expect(doc.escalationEvents.map((e) => e.levelName).sort()).toEqual(['board at once', 'due', 'reminder']);
    expect(doc.escalationEvents.map((e) => e.id)).toEqual(doc.escalationEvents.map((e) => e.id).sort((a, b) => a - b));
    expect(doc.decisions).toHaveLength(1);
    expect(doc.decisions[0]).toMatchObject({ source: 'escalation', escalationCycle: 1, status: 'decided', outcome: 'Fund the certification', decidedBy: bea.id, version: 2 });
  });

  it('carries channels with the webhook URL in full, the inbox with read marks, digests sent and reviews', () => {
    const doc = parsed();
    expect(doc.notificationChannels).toEqual([expect.objectContaining({ name: '#ai-programs', webhookUrl: WEBHOOK, enabled: true, programId: null })]);
    expect(doc.inboxItems.filter((n) => n.personId === ben.id).length).toBeGreaterThan(1);
    expect(doc.inboxItems.filter((n) => n.readAt !== null)).toHaveLength(1);
    expect(doc.inboxItems.some((n) => n.kind === 'digest')).toBe(true);
    expect(doc.digests.map((d) => d.weekStart)).toContain('2026-11-30');
    expect(doc.reviews).toEqual([expect.objectContaining({ reviewerId: amara.id, note: 'Weekly review' })]);
    expect(doc.reviewItems.map((i) => [i.position, i.decision])).toEqual([[0, 'on-track'], [1, 'at-risk']]);
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

  it('restores into an empty workspace so that exporting again gives identical bytes, and a sweep at the same instant fires nothing new', async () => {
    const target = await startTestApi({ timeZone: 'UTC' });
    try {
      const doc = parsed();
      const summary = TransferSummary.parse(await ok(target.call('POST', '/api/workspace/import', JSON.parse(exported))));
      expect(summary).toMatchObject({
        people: 3, programs: 2, constraints: 5, dependencies: 1, escalationPolicies: 2, escalations: 5, escalationEvents: 3, decisions: 1,
        notificationChannels: 1, inboxItems: doc.inboxItems.length, digests: doc.digests.length, reviews: 1, reviewItems: 2,
      });
      expect(await rawExport(target)).toBe(exported);
      // Nothing queued in the source is sent again: the outbox is not part of the document.
      expect(await target.handoff.deps.database.db.selectFrom('outbox').select('id').execute()).toEqual([]);

      expect(await sweep(target, SWEEP_AT)).toMatchObject({ notified: 0, skipped: 0, decisions: 0, notifications: 0 });
      expect(DigestResult.parse(await ok(target.call('POST', '/api/digests/send', { at: DIGEST_AT })))).toMatchObject({ sent: 0, alreadySent: doc.digests.length });
      expect(await rawExport(target)).toBe(exported);

      // History about the workspace now names the target workspace.
      const own = await target.handoff.deps.database.db.selectFrom('history').select('entity_id').where('entity_type', '=', 'workspace').execute();
      expect(own).toEqual([{ entity_id: target.handoff.workspace.id }]);
    } finally {
      await target.close();
    }
  });

  it('continues after a restore: the next level fires once, with new sequence numbers, and new constraints number on', async () => {
    const target = await startTestApi({ timeZone: 'UTC' });
    try {
      await ok(target.call('POST', '/api/workspace/import', JSON.parse(exported)));
      const doc = parsed();
      // CLAIMS-3 (acknowledged) reaches its sponsor level on 2026-12-04 and nothing else is due.
      expect(await sweep(target, '2026-12-04T00:00:00.000Z')).toMatchObject({ notified: 1, decisions: 0 });
      const events = await target.handoff.deps.database.db.selectFrom('escalation_events').select(['id', 'level_name']).orderBy('id').execute();
      expect(events.map((e) => e.level_name).slice(-1)).toEqual(['sponsor']);
      expect(Number(events.at(-1)?.id)).toBeGreaterThan(Math.max(...doc.escalationEvents.map((e) => e.id)));

      const benId = PersonPage.parse(await ok(target.call('GET', '/api/people?email=ben@example.com'))).items[0]?.id;
      const created = Constraint.parse(await ok(target.call('POST', '/api/programs/CLAIMS/constraints', {
        title: 'Union consultation', kind: 'risk', dimension: 'workforce', ownerId: benId, deadline: '2027-01-10',
      }), 201));
      expect(created.ref).toBe('CLAIMS-5');
      const history = HistoryPage.parse(await ok(target.call('GET', `/api/constraints/${created.id}/history`)));
      expect(Number(history.items[0]?.id)).toBeGreaterThan(Math.max(...doc.history.map((h) => h.id)));
    } finally {
      await target.close();
    }
  });

  it('still imports a version-1 document, which carries no escalation state, so the sweep starts the clocks afresh', async () => {
    const target = await startTestApi({ timeZone: 'UTC' });
    try {
      const v1: Record<string, unknown> = { ...parsed(), formatVersion: 1 };
      for (const section of [...TRANSFER_V2_SECTIONS, ...TRANSFER_V3_SECTIONS]) delete v1[section];
      const summary = TransferSummary.parse(await ok(target.call('POST', '/api/workspace/import', v1)));
      expect(summary).toMatchObject({ people: 3, constraints: 5, escalations: 0, escalationEvents: 0, decisions: 0 });
      const restored = TransferDocument.parse(JSON.parse(await rawExport(target)));
      expect(restored).toMatchObject({ formatVersion: 3, escalations: [], escalationEvents: [] });
      expect(restored.constraints).toEqual(parsed().constraints);
      // What version 2 exists for: without the clocks, the levels that already fired in the source fire again.
      expect((await sweep(target, SWEEP_AT)).notified).toBeGreaterThan(0);
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

  it('refuses with 409 a workspace that holds only an escalation policy', async () => {
    const target = await startTestApi();
    try {
      await ok(target.call('PUT', '/api/escalation-policy', { levels: ladder }));
      const res = await target.call('POST', '/api/workspace/import', JSON.parse(exported));
      expect(res.status).toBe(409);
      expect(Problem.parse(res.body).detail).toContain('1 escalation policies');
    } finally {
      await target.close();
    }
  });

  const missing = '00000000-0000-4000-8000-000000000000';
  const first = <T>(items: T[], change: (item: T) => T): T[] => items.map((item, i) => (i === 0 ? change(item) : item));
  it.each([
    ['a malformed e-mail', (d: TransferDocument) => ({ ...d, people: d.people.map((p, i) => (i === 1 ? { ...p, email: 'nope' } : p)) }), 'people.1.email'],
    ['an owner missing from the document', (d: TransferDocument) => ({ ...d, constraints: first(d.constraints, (c) => ({ ...c, ownerId: missing })) }), 'constraints.0.ownerId'],
    ['a dependency cycle', (d: TransferDocument) => ({
      ...d, dependencies: [...d.dependencies, ...d.dependencies.map((e) => ({ constraintId: e.dependsOnId, dependsOnId: e.constraintId }))],
    }), 'dependencies.1'],
    ['an unknown format version', (d: TransferDocument) => ({ ...d, formatVersion: 99 }), 'formatVersion'],
    ['an escalation clock of a constraint missing from the document', (d: TransferDocument) => ({ ...d, escalations: first(d.escalations, (e) => ({ ...e, constraintId: missing })) }), 'escalations.0.constraintId'],
    ['a fired level that reached someone missing from the document', (d: TransferDocument) => ({
      ...d, escalationEvents: first(d.escalationEvents, (e) => ({ ...e, recipients: [missing] })),
    }), 'escalationEvents.0.recipients.0'],
    ['the same level fired twice in one cycle', (d: TransferDocument) => ({
      ...d, escalationEvents: [...d.escalationEvents, ...d.escalationEvents.slice(0, 1).map((e) => ({ ...e, id: e.id + 1000 }))],
    }), 'escalationEvents.3.level'],
    ['a decision of a program missing from the document', (d: TransferDocument) => ({ ...d, decisions: first(d.decisions, (x) => ({ ...x, programId: missing })) }), 'decisions.0.programId'],
    ['a decision taken by someone missing from the document', (d: TransferDocument) => ({ ...d, decisions: first(d.decisions, (x) => ({ ...x, decidedBy: missing })) }), 'decisions.0.decidedBy'],
    ['an inbox item of someone missing from the document', (d: TransferDocument) => ({ ...d, inboxItems: first(d.inboxItems, (n) => ({ ...n, personId: missing })) }), 'inboxItems.0.personId'],
    ['a review item of a review missing from the document', (d: TransferDocument) => ({ ...d, reviewItems: first(d.reviewItems, (r) => ({ ...r, reviewId: missing })) }), 'reviewItems.0.reviewId'],
    ['a webhook URL that is not http(s)', (d: TransferDocument) => ({ ...d, notificationChannels: first(d.notificationChannels, (c) => ({ ...c, webhookUrl: 'ftp://x' })) }), 'notificationChannels.0.webhookUrl'],
    ['escalation state in a version-1 document', (d: TransferDocument) => ({ ...d, formatVersion: 1 }), 'escalations'],
  ])('answers 400 naming the path for %s and stores nothing', async (_label, spoil, path) => {
    const res = await empty.call('POST', '/api/workspace/import', spoil(parsed()));
    expect(res.status).toBe(400);
    expect(Problem.parse(res.body).errors?.map((e) => e.path)).toContain(path);
    const after = TransferDocument.parse(JSON.parse(await rawExport(empty)));
    expect(after.people).toEqual([]);
    expect(after.workspace.name).toBe('Default workspace');
  });
});
