import { systemActor } from '../../context.js';
import { randomUUID } from 'node:crypto';
import { Constraint, Person, Problem, Program, TRANSFER_V3_SECTIONS, TransferDocument, TransferSummary } from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertWorkspaceIfMissing } from '../../db/repos/workspaces.repo.js';
import { startTestApi, type TestApi, type TestResponse } from '../../testing/harness.js';

/*
 * Format version 3: readiness, ownership and monitoring rows travel with the workspace. The services
 * that write these tables are built elsewhere, so the fixtures are inserted straight into the tables.
 */

const AT = '2026-11-20T09:00:00.000Z';
const LATER = '2026-11-24T12:00:00.000Z';

let source: TestApi;
let exported: string;
let amara: Person;
let ben: Person;
let claims: Program;
let kyc: Program;
let first: Constraint;
let second: Constraint;
const gov = randomUUID();
const tech = randomUUID();
const drift = randomUUID();
const latency = randomUUID();

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

const parsed = (): TransferDocument => TransferDocument.parse(JSON.parse(exported));

/** Stands in for the default library a new workspace is seeded with: criteria nothing refers to. */
async function seedDefaultCriteria(api: TestApi): Promise<string[]> {
  const db = api.handoff.deps.database.db;
  const base = { workspace_id: api.handoff.workspace.id, guidance: '', gate: 'production-readiness' as const, refs: '[]', created_at: AT, updated_at: AT };
  await db.insertInto('readiness_criteria').values([
    // The same code as a criterion of the exported document: replacing must not trip over the unique code.
    { ...base, id: randomUUID(), code: 'XGOV-01', dimension: 'governance', text: 'Default: outputs have an owner', required: true },
    { ...base, id: randomUUID(), code: 'XECO-01', dimension: 'economic', text: 'Default: TCO uses production economics', required: true },
  ]).execute();
  return criterionIds(api);
}

async function criterionIds(api: TestApi): Promise<string[]> {
  const rows = await api.handoff.deps.database.db.selectFrom('readiness_criteria').select('id').orderBy('id').execute();
  return rows.map((r) => r.id);
}

beforeAll(async () => {
  source = await startTestApi();
  const person = async (body: object) => Person.parse(await ok(source.call('POST', '/api/people', body), 201));
  amara = await person({ name: 'Amara Okafor', email: 'amara@example.com' });
  ben = await person({ name: 'Ben Cho', email: 'ben@example.com' });
  claims = Program.parse(await ok(source.call('POST', '/api/programs', { key: 'CLAIMS', name: 'Claims triage', sponsorId: amara.id }), 201));
  kyc = Program.parse(await ok(source.call('POST', '/api/programs', { key: 'KYC', name: 'KYC extraction' }), 201));
  const add = async (body: object) => Constraint.parse(await ok(source.call('POST', '/api/programs/CLAIMS/constraints', body), 201));
  first = await add({ title: 'No output owner', kind: 'blocker', dimension: 'governance', ownerId: ben.id, deadline: '2026-12-10' });
  second = await add({ title: 'Model drift above threshold', kind: 'risk', dimension: 'technical', ownerId: ben.id, deadline: '2026-12-01' });

  const db = source.handoff.deps.database.db;
  const ws = { workspace_id: source.handoff.workspace.id };
  await db.insertInto('readiness_criteria').values([
    {
      ...ws, id: gov, code: 'XGOV-01', dimension: 'governance', text: 'A named person owns the outputs', guidance: 'Name one person, not a committee.',
      required: true, gate: 'production-readiness', created_at: AT, updated_at: AT,
      refs: JSON.stringify([{ framework: 'nist-ai-rmf', id: 'GOVERN 2.1' }, { framework: 'eu-ai-act', id: 'Art. 14' }]),
    },
    {
      ...ws, id: tech, code: 'XTECH-01', dimension: 'technical', text: 'Latency at target load', guidance: '', required: false, gate: 'pilot',
      refs: '[]', retired_at: LATER, created_at: AT, updated_at: LATER, version: 2,
    },
  ]).execute();
  const monitorBase = { ...ws, program_id: claims.id, created_at: AT, updated_at: AT };
  await db.insertInto('monitors').values([
    {
      ...monitorBase, id: drift, key: 'drift-psi', name: 'Input drift (PSI)', metric: 'drift-psi', unit: '', direction: 'above',
      warning_threshold: 0.1, breach_threshold: 0.25, window_minutes: 60, owner_role: 'drift-monitor', deadline_days: 7, severity: 'high',
      dimension: 'governance', alert_labels: JSON.stringify({ program: 'CLAIMS', alertname: 'ClaimsModelDrift' }), state: 'breach',
      state_since: AT, last_value: 0.3125, last_observed_at: AT,
    },
    {
      ...monitorBase, id: latency, key: 'latency', name: 'p95 latency', metric: 'latency-p95', unit: 'ms', direction: 'above',
      warning_threshold: null, breach_threshold: 800, window_minutes: 15, owner_role: 'output-owner', deadline_days: 3, severity: 'medium',
      dimension: 'technical', alert_labels: '{}', state: 'ok', retired_at: LATER, version: 3,
    },
  ]).execute();
  await db.updateTable('constraints').set({ criterion_id: gov }).where('id', '=', first.id).execute();
  await db.updateTable('constraints').set({ monitor_id: drift, recovered_at: LATER }).where('id', '=', second.id).execute();

  const batch = randomUUID();
  const assessed = { ...ws, program_id: claims.id, evidence: '', links: '[]' };
  await db.insertInto('readiness_assessments').values([
    { ...assessed, criterion_id: gov, batch_id: batch, status: 'not-met', assessed_by: amara.id, assessed_at: AT },
    { ...assessed, criterion_id: tech, batch_id: batch, status: 'partial', assessed_by: amara.id, assessed_at: AT },
    {
      ...assessed, criterion_id: gov, batch_id: randomUUID(), status: 'met', evidence: 'RACI signed', assessed_by: ben.id, assessed_at: LATER,
      links: JSON.stringify(['https://wiki.example.com/raci']),
    },
  ]).execute();
  await db.insertInto('gate_overrides').values({
    ...ws, id: randomUUID(), program_id: claims.id, from_phase: 'pilot', to_phase: 'production-readiness', decided_by: amara.id,
    reason: 'Board accepted the governance gap for four weeks', unmet: JSON.stringify([{ dimension: 'governance', criteria: ['XGOV-01'] }]), created_at: AT,
  }).execute();
  await db.insertInto('governance_roles').values([
    { ...ws, key: 'model-risk', name: 'Model risk officer', description: 'Signs off model risk', required: true, created_at: AT, updated_at: AT },
    { ...ws, key: 'ethics-review', name: 'Ethics reviewer', description: '', required: false, retired_at: LATER, created_at: AT, updated_at: LATER },
  ]).execute();
  await db.insertInto('program_roles').values([
    { ...ws, program_id: claims.id, role_key: 'drift-monitor', person_id: ben.id, assigned_at: AT },
    { ...ws, program_id: claims.id, role_key: 'model-risk', person_id: amara.id, assigned_at: LATER },
    { ...ws, program_id: kyc.id, role_key: 'output-owner', person_id: ben.id, assigned_at: AT },
  ]).execute();
  const read = { ...ws, received_at: AT };
  await db.insertInto('monitor_readings').values([
    { ...read, monitor_id: drift, observed_at: AT, value: 0.3125, source: 'alertmanager' },
    { ...read, monitor_id: drift, observed_at: LATER, value: 0.08, source: 'api' },
    { ...read, monitor_id: latency, observed_at: AT, value: 612.5, source: 'import' },
  ]).execute();
  await db.insertInto('alert_events').values([
    { ...ws, fingerprint: 'a1b2', starts_at: AT, status: 'resolved', monitor_id: drift, alertname: 'ClaimsModelDrift', labels: '{"program":"CLAIMS"}', received_at: LATER },
    { ...ws, fingerprint: 'a1b2', starts_at: AT, status: 'firing', monitor_id: drift, alertname: 'ClaimsModelDrift', labels: '{"program":"CLAIMS"}', received_at: AT },
    { ...ws, fingerprint: '0fff', starts_at: LATER, status: 'firing', alertname: 'Unrelated', labels: '{}', received_at: LATER },
  ]).execute();
  exported = await rawExport(source);
});
afterAll(async () => { await source.close(); });

describe('workspace export, format version 3', () => {
  it('carries the criteria, every assessment in sequence order and the gate override', () => {
    const doc = parsed();
    expect(doc.formatVersion).toBe(3);
    expect(doc.criteria.find((c) => c.id === gov)).toEqual({
      id: gov, code: 'XGOV-01', dimension: 'governance', text: 'A named person owns the outputs', guidance: 'Name one person, not a committee.',
      required: true, gate: 'production-readiness', refs: [{ framework: 'nist-ai-rmf', id: 'GOVERN 2.1' }, { framework: 'eu-ai-act', id: 'Art. 14' }],
      retiredAt: null, createdAt: AT, updatedAt: AT, version: 1,
    });
    expect(doc.criteria.find((c) => c.id === tech)).toMatchObject({ retiredAt: LATER, version: 2, required: false, gate: 'pilot' });
    expect(doc.assessments.map((a) => [a.criterionId, a.status])).toEqual([[gov, 'not-met'], [tech, 'partial'], [gov, 'met']]);
    expect(doc.assessments.map((a) => a.id)).toEqual(doc.assessments.map((a) => a.id).sort((x, y) => x - y));
    expect(doc.assessments[2]).toMatchObject({ assessedBy: ben.id, evidence: 'RACI signed', links: ['https://wiki.example.com/raci'], assessedAt: LATER });
    expect(doc.gateOverrides).toEqual([expect.objectContaining({ fromPhase: 'pilot', decidedBy: amara.id, unmet: [{ dimension: 'governance', criteria: ['XGOV-01'] }] })]);
  });

  it('carries roles by key, role holders by program then role, monitors, readings and alert events, and the constraint links', () => {
    const doc = parsed();
    expect(doc.governanceRoles.map((r) => [r.key, r.retiredAt])).toEqual([['ethics-review', LATER], ['model-risk', null]]);
    const holders = [[claims.id, 'drift-monitor', ben.id], [claims.id, 'model-risk', amara.id], [kyc.id, 'output-owner', ben.id]]
      .sort((a, b) => (a[0] === b[0] ? 0 : String(a[0]) < String(b[0]) ? -1 : 1));
    expect(doc.programRoles.map((r) => [r.programId, r.roleKey, r.personId])).toEqual(holders);
    expect(doc.monitors.find((m) => m.id === drift)).toMatchObject({
      key: 'drift-psi', warningThreshold: 0.1, breachThreshold: 0.25, state: 'breach', stateSince: AT, lastValue: 0.3125,
      alertLabels: { program: 'CLAIMS', alertname: 'ClaimsModelDrift' }, retiredAt: null, version: 1,
    });
    expect(doc.monitors.find((m) => m.id === latency)).toMatchObject({ warningThreshold: null, lastValue: null, unit: 'ms', retiredAt: LATER, version: 3 });
    expect(doc.monitorReadings.map((r) => [r.monitorId, r.value, r.source])).toEqual([[drift, 0.3125, 'alertmanager'], [drift, 0.08, 'api'], [latency, 612.5, 'import']]);
    expect(doc.alertEvents.map((e) => [e.fingerprint, e.status, e.monitorId])).toEqual([['0fff', 'firing', null], ['a1b2', 'firing', drift], ['a1b2', 'resolved', drift]]);
    expect(doc.constraints.find((c) => c.id === first.id)).toMatchObject({ criterionId: gov, monitorId: null, recoveredAt: null });
    expect(doc.constraints.find((c) => c.id === second.id)).toMatchObject({ criterionId: null, monitorId: drift, recoveredAt: LATER });
  });
});

describe('workspace import, format version 3', () => {
  it('restores every new row into an empty workspace so that exporting again gives identical bytes', async () => {
    const target = await startTestApi();
    try {
      const summary = TransferSummary.parse(await ok(target.call('POST', '/api/workspace/import', JSON.parse(exported))));
      const doc = parsed();
      expect(summary).toMatchObject({
        criteria: doc.criteria.length, assessments: 3, gateOverrides: 1, governanceRoles: 2, programRoles: 3, monitors: 2, monitorReadings: 3, alertEvents: 3,
      });
      expect(await rawExport(target)).toBe(exported);
    } finally {
      await target.close();
    }
  });

  it('replaces the unreferenced default criteria of a seeded workspace with exactly the document’s criteria', async () => {
    const target = await startTestApi();
    try {
      const seeded = await seedDefaultCriteria(target);
      expect(seeded.length).toBeGreaterThanOrEqual(2);
      await ok(target.call('POST', '/api/workspace/import', JSON.parse(exported)));
      expect(await criterionIds(target)).toEqual(parsed().criteria.map((c) => c.id).sort());
      expect(await rawExport(target)).toBe(exported);
    } finally {
      await target.close();
    }
  });

  it('imports a version-2 document into a seeded workspace and keeps the default criteria, with the constraint links null', async () => {
    const target = await startTestApi();
    try {
      const seeded = await seedDefaultCriteria(target);
      const v2: Record<string, unknown> = {
        ...parsed(),
        formatVersion: 2,
        constraints: parsed().constraints.map(({ criterionId: _c, monitorId: _m, recoveredAt: _r, ...rest }) => rest),
      };
      for (const section of TRANSFER_V3_SECTIONS) delete v2[section];
      const summary = TransferSummary.parse(await ok(target.call('POST', '/api/workspace/import', v2)));
      expect(summary).toMatchObject({ people: 2, constraints: 2, criteria: 0, assessments: 0, monitors: 0 });
      expect(await criterionIds(target)).toEqual(seeded);
      const restored = TransferDocument.parse(JSON.parse(await rawExport(target)));
      expect(restored.formatVersion).toBe(3);
      expect(restored.criteria.map((c) => c.id).sort()).toEqual(seeded);
      expect(restored.constraints.map((c) => [c.criterionId, c.monitorId, c.recoveredAt])).toEqual([[null, null, null], [null, null, null]]);
    } finally {
      await target.close();
    }
  });

  it('does not count unreferenced default criteria as data when refusing a workspace that holds something else', async () => {
    const target = await startTestApi();
    try {
      await seedDefaultCriteria(target);
      await ok(target.call('POST', '/api/people', { name: 'Lena Berg', email: 'lena@example.com' }), 201);
      const res = await target.call('POST', '/api/workspace/import', JSON.parse(exported));
      expect(res.status).toBe(409);
      const detail = Problem.parse(res.body).detail ?? '';
      expect(detail).toContain('1 people');
      expect(detail).not.toContain('criteria');
    } finally {
      await target.close();
    }
  });

  it('moves the assessment and reading sequences past the restored ids, and refuses ids another workspace of the database holds', async () => {
    const target = await startTestApi();
    try {
      await ok(target.call('POST', '/api/workspace/import', JSON.parse(exported)));
      const doc = parsed();
      const db = target.handoff.deps.database.db;
      const ws = { workspace_id: target.handoff.workspace.id };
      const assessment = await db.insertInto('readiness_assessments').values({
        ...ws, program_id: claims.id, criterion_id: gov, batch_id: randomUUID(), status: 'met', evidence: '', links: '[]', assessed_by: ben.id, assessed_at: LATER,
      }).returning('id').executeTakeFirstOrThrow();
      expect(Number(assessment.id)).toBeGreaterThan(Math.max(...doc.assessments.map((a) => a.id)));
      const reading = await db.insertInto('monitor_readings').values({
        ...ws, monitor_id: drift, observed_at: LATER, value: 0.2, source: 'api', received_at: LATER,
      }).returning('id').executeTakeFirstOrThrow();
      expect(Number(reading.id)).toBeGreaterThan(Math.max(...doc.monitorReadings.map((r) => r.id)));

      const other = await insertWorkspaceIfMissing(db, { id: randomUUID(), slug: 'other', name: 'Other', time_zone: 'UTC', created_at: new Date(AT) });
      const actor = systemActor(other, 'test');
      const attempt = (d: TransferDocument) => target.handoff.services.transfer.import(actor, d);
      await expect(attempt({ ...doc, history: [] })).rejects.toMatchObject({ code: 'conflict', errors: [{ path: 'assessments' }] });
      await expect(attempt({ ...doc, history: [], assessments: [] })).rejects.toMatchObject({ code: 'conflict', errors: [{ path: 'monitorReadings' }] });
    } finally {
      await target.close();
    }
  });

  describe('refuses a document with a broken reference', () => {
    /** One seeded workspace for every refused import: each must leave it exactly as it was. */
    let empty: TestApi;
    let seeded: string[];
    beforeAll(async () => {
      empty = await startTestApi();
      seeded = await seedDefaultCriteria(empty);
    });
    afterAll(async () => { await empty.close(); });

    const missing = '00000000-0000-4000-8000-000000000000';
    type Doc = TransferDocument;
    const firstOf = <T>(items: T[], change: (item: T) => T): T[] => items.map((item, i) => (i === 0 ? change(item) : item));
    it.each([
      ['an assessment of a criterion missing from the document', (d: Doc) => ({ ...d, assessments: firstOf(d.assessments, (a) => ({ ...a, criterionId: missing })) }), 'assessments.0.criterionId'],
      ['an assessment of a program missing from the document', (d: Doc) => ({ ...d, assessments: firstOf(d.assessments, (a) => ({ ...a, programId: missing })) }), 'assessments.0.programId'],
      ['an assessment by someone missing from the document', (d: Doc) => ({ ...d, assessments: firstOf(d.assessments, (a) => ({ ...a, assessedBy: missing })) }), 'assessments.0.assessedBy'],
      ['a gate override of a program missing from the document', (d: Doc) => ({ ...d, gateOverrides: firstOf(d.gateOverrides, (o) => ({ ...o, programId: missing })) }), 'gateOverrides.0.programId'],
      ['a gate override decided by someone missing from the document', (d: Doc) => ({ ...d, gateOverrides: firstOf(d.gateOverrides, (o) => ({ ...o, decidedBy: missing })) }), 'gateOverrides.0.decidedBy'],
      ['a role held by someone missing from the document', (d: Doc) => ({ ...d, programRoles: firstOf(d.programRoles, (r) => ({ ...r, personId: missing })) }), 'programRoles.0.personId'],
      ['a role of a program missing from the document', (d: Doc) => ({ ...d, programRoles: firstOf(d.programRoles, (r) => ({ ...r, programId: missing })) }), 'programRoles.0.programId'],
      ['a monitor of a program missing from the document', (d: Doc) => ({ ...d, monitors: firstOf(d.monitors, (m) => ({ ...m, programId: missing })) }), 'monitors.0.programId'],
      ['a reading of a monitor missing from the document', (d: Doc) => ({ ...d, monitorReadings: firstOf(d.monitorReadings, (r) => ({ ...r, monitorId: missing })) }), 'monitorReadings.0.monitorId'],
      ['an alert event of a monitor missing from the document', (d: Doc) => ({ ...d, alertEvents: firstOf(d.alertEvents, (e) => ({ ...e, monitorId: missing })) }), 'alertEvents.0.monitorId'],
      ['a constraint closing a criterion missing from the document', (d: Doc) => ({ ...d, constraints: d.constraints.map((c) => ({ ...c, criterionId: missing })) }), 'constraints.0.criterionId'],
      ['a constraint opened by a monitor missing from the document', (d: Doc) => ({ ...d, constraints: d.constraints.map((c) => ({ ...c, monitorId: missing })) }), 'constraints.0.monitorId'],
      ['two constraints of one monitor', (d: Doc) => ({ ...d, constraints: d.constraints.map((c) => ({ ...c, monitorId: drift })) }), 'constraints.1.monitorId'],
      ['two criteria with one code', (d: Doc) => ({ ...d, criteria: d.criteria.map((c) => ({ ...c, code: 'XGOV-01' })) }), 'criteria.1.code'],
      ['a monitor measuring an unknown metric', (d: Doc) => ({ ...d, monitors: d.monitors.map((m, i) => (i === 0 ? { ...m, metric: 'vibes' } : m)) }), 'monitors.0.metric'],
      ['readiness rows in a version-2 document', (d: Doc) => ({ ...d, formatVersion: 2 }), 'criteria'],
    ])('answers 400 naming the path for %s and stores nothing', async (_label, spoil, path) => {
      const res = await empty.call('POST', '/api/workspace/import', spoil(parsed()));
      expect(res.status).toBe(400);
      expect(Problem.parse(res.body).errors?.map((e) => e.path)).toContain(path);
      const after = TransferDocument.parse(JSON.parse(await rawExport(empty)));
      expect(after.people).toEqual([]);
      expect(after.criteria.map((c) => c.id).sort()).toEqual(seeded);
    });
  });
});
