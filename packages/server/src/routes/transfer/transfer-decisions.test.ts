import { Decision, Person, Problem, Program, TransferDocument } from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi, type TestResponse } from '../../testing/harness.js';

/** A decision's effect and its options with effects travel in the workspace document and come back unchanged. */
let source: TestApi;
let exported: string;
let decided: Decision;
let pending: Decision;

async function ok(call: Promise<TestResponse>, status = 200): Promise<unknown> {
  const res = await call;
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}
async function rawExport(api: TestApi): Promise<string> {
  const res = await api.handoff.request('/api/workspace/export');
  expect(res.status).toBe(200);
  return res.text();
}

beforeAll(async () => {
  source = await startTestApi();
  const bea = Person.parse(await ok(source.call('POST', '/api/people', { name: 'Bea Board', email: 'bea@example.com', boardMember: true }), 201));
  Program.parse(await ok(source.call('POST', '/api/programs', { key: 'CLAIMS', name: 'Claims triage', phase: 'pilot' }), 201));
  await ok(source.call('POST', '/api/programs/CLAIMS/constraints', {
    title: 'Vendor contract unsigned', kind: 'blocker', dimension: 'governance', ownerId: bea.id, deadline: '2026-12-05', severity: 'high',
  }), 201);
  const request = (title: string) => source.call('POST', '/api/decisions', {
    programId: 'CLAIMS', constraintId: 'CLAIMS-1', title, context: 'Legal is slow.',
    options: [{ label: 'Re-plan', effect: { kind: 'move-deadline' } }, { label: 'Accept', effect: { kind: 'accept-constraint' } }], recommendedOption: 1, dueDate: '2026-12-01',
  });
  const first = Decision.parse(await ok(request('Vendor contract'), 201));
  decided = Decision.parse(await ok(source.call('POST', `/api/decisions/${first.id}/decide`, { option: 1, decidedBy: bea.id, effect: { kind: 'move-deadline', to: '2027-01-10' } })));
  pending = Decision.parse(await ok(request('Vendor contract, again'), 201));
  exported = await rawExport(source);
});
afterAll(async () => { await source.close(); });

describe('decisions in the workspace document', () => {
  it('carries the effect taken and the options with their effects', () => {
    const doc = TransferDocument.parse(JSON.parse(exported));
    const taken = doc.decisions.find((d) => d.id === decided.id);
    expect(taken?.effect).toEqual({ kind: 'move-deadline', constraintId: decided.constraintId, from: '2026-12-05', to: '2027-01-10' });
    expect(doc.decisions.find((d) => d.id === pending.id)).toMatchObject({ effect: null, options: [{ label: 'Re-plan', effect: { kind: 'move-deadline' } }, { label: 'Accept', effect: { kind: 'accept-constraint' } }] });
  });

  it('reads a decision without an effect (a version-2 document) as having none', () => {
    const doc = TransferDocument.parse(JSON.parse(exported));
    const older = doc.decisions.map(({ effect: _dropped, ...rest }) => rest);
    expect(TransferDocument.parse({ ...doc, decisions: older }).decisions.map((d) => d.effect)).toEqual([null, null]);
  });

  it('restores them so that the decisions read the same and exporting again gives identical bytes', async () => {
    const target = await startTestApi();
    try {
      await ok(target.call('POST', '/api/workspace/import', JSON.parse(exported)));
      expect(Decision.parse(await ok(target.call('GET', `/api/decisions/${decided.id}`)))).toEqual(decided);
      expect(Decision.parse(await ok(target.call('GET', `/api/decisions/${pending.id}`)))).toMatchObject({ optionEffects: pending.optionEffects, status: 'pending' });
      expect(await rawExport(target)).toBe(exported);
    } finally {
      await target.close();
    }
  });

  it('refuses with 400 a document whose effect names a constraint it does not carry', async () => {
    const target = await startTestApi();
    try {
      const doc = TransferDocument.parse(JSON.parse(exported));
      const missing = '00000000-0000-4000-8000-000000000000';
      const spoilt = { ...doc, decisions: doc.decisions.map((d) => (d.effect?.kind === 'move-deadline' ? { ...d, effect: { ...d.effect, constraintId: missing } } : d)) };
      const index = spoilt.decisions.findIndex((d) => d.id === decided.id);
      const p = Problem.parse(await ok(target.call('POST', '/api/workspace/import', spoilt), 400));
      expect(p.errors?.map((e) => e.path)).toContain(`decisions.${index}.effect.constraintId`);
    } finally {
      await target.close();
    }
  });
});
