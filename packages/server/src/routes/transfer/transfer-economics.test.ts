import { randomUUID } from 'node:crypto';
import {
  CostItemList, Economics, Person, Problem, Program, TransferDocument, TransferSummary, type CostItem,
} from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi, type TestResponse } from '../../testing/harness.js';

/*
 * Format version 3 also carries phase plans, cost models and cost items. The fixtures go through the
 * API (plans, models, items, an item edit and a retirement), so the money is whatever the numeric
 * columns return, and the history holds `costItem` entries.
 */

const AT = '2026-11-20T09:00:00.000Z';

let source: TestApi;
let exported: string;
let claims: Program;
let kyc: Program;
let gpu: CostItem;
let pilotGpu: CostItem;
let saving: CostItem;
const driftMonitor = randomUUID();

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

beforeAll(async () => {
  source = await startTestApi();
  const amara = Person.parse(await ok(source.call('POST', '/api/people', { name: 'Amara Okafor', email: 'amara@example.com' }), 201));
  claims = Program.parse(await ok(source.call('POST', '/api/programs', { key: 'CLAIMS', name: 'Claims triage', sponsorId: amara.id }), 201));
  kyc = Program.parse(await ok(source.call('POST', '/api/programs', { key: 'KYC', name: 'KYC extraction' }), 201));

  await ok(source.call('PUT', '/api/programs/CLAIMS/plan', { gates: { 'pilot': '2026-10-01', 'production': '2027-03-01' }, reason: 'Kick-off plan' }));
  await ok(source.call('PUT', '/api/programs/KYC/plan', { gates: { 'production-readiness': '2027-01-15' } }));
  await ok(source.call('PUT', '/api/programs/CLAIMS/cost-model', { currency: 'GBP', horizonMonths: 24, discountRate: '0.075' }), 201);
  await ok(source.call('PUT', '/api/programs/KYC/cost-model', { currency: 'JPY' }), 201);

  const items = CostItemList.parse(await ok(source.call('POST', '/api/programs/CLAIMS/cost-items', {
    items: [
      { side: 'cost', label: 'GPU inference', category: 'compute', scope: 'production', recurrence: 'monthly', amount: '12500.00' },
      { side: 'cost', label: 'Pilot GPU', category: 'compute', scope: 'pilot', recurrence: 'monthly', amount: '800', endMonth: 5 },
      { side: 'benefit', label: 'Handling time saved', category: 'cost-saving', scope: 'production', recurrence: 'yearly', amount: '90000.125', startMonth: 3 },
    ],
  }), 201)).items;
  const [a, b, c] = items;
  if (!a || !b || !c) throw new Error('cost items were not created');
  [gpu, pilotGpu, saving] = [a, b, c];
  await ok(source.call('PATCH', `/api/cost-items/${gpu.id}`, { amount: '13250.50' }, { 'if-match': '"1"' }));
  await ok(source.call('POST', `/api/cost-items/${pilotGpu.id}/retire`, { reason: 'Pilot cluster switched off' }));

  // A monitor's history entry, as the monitor service writes it (the service is not needed to carry it).
  await source.handoff.deps.database.db.insertInto('history').values({
    workspace_id: source.handoff.workspace.id, entity_type: 'monitor', entity_id: driftMonitor, change_id: randomUUID(), field: 'breachThreshold',
    before: '0.25', after: '0.3', reason: 'Seasonal drift', actor: 'amara@example.com', at: AT,
  }).execute();
  exported = await rawExport(source);
});
afterAll(async () => { await source.close(); });

describe('workspace export of plans and economics', () => {
  it('carries each program’s plan dates, ordered by program then gate', () => {
    const keyOf = (id: string) => (id === claims.id ? 'CLAIMS' : id === kyc.id ? 'KYC' : id);
    const plans = parsed().gatePlans;
    expect(plans.map((p) => [keyOf(p.programId), p.gate, p.plannedDate]).sort()).toEqual([
      ['CLAIMS', 'pilot', '2026-10-01'], ['CLAIMS', 'production', '2027-03-01'], ['KYC', 'production-readiness', '2027-01-15'],
    ]);
    expect(plans.map((p) => `${p.programId} ${p.gate}`)).toEqual(plans.map((p) => `${p.programId} ${p.gate}`).sort());
  });

  it('carries the cost models and every item, retired ones too, with money exactly as the numeric columns hold it', () => {
    const doc = parsed();
    expect(doc.costModels.find((m) => m.programId === claims.id)).toMatchObject({
      currency: 'GBP', horizonMonths: 24, discountRate: '0.075000000000000000000000000000', version: 1,
    });
    expect(doc.costModels.find((m) => m.programId === kyc.id)).toMatchObject({ currency: 'JPY', horizonMonths: 36, discountRate: '0.080000000000000000000000000000' });
    expect(doc.costItems.map((c) => c.id)).toEqual([gpu.id, pilotGpu.id, saving.id].sort());
    expect(doc.costItems.find((c) => c.id === gpu.id)).toMatchObject({ amount: '13250.500000', version: 2, retiredAt: null, startMonth: 0, endMonth: null });
    expect(doc.costItems.find((c) => c.id === pilotGpu.id)).toMatchObject({ amount: '800.000000', scope: 'pilot', endMonth: 5, version: 2 });
    expect(doc.costItems.find((c) => c.id === pilotGpu.id)?.retiredAt).not.toBeNull();
    expect(doc.costItems.find((c) => c.id === saving.id)).toMatchObject({
      side: 'benefit', category: 'cost-saving', recurrence: 'yearly', amount: '90000.125000', startMonth: 3, version: 1,
    });
  });

  it('carries the history of cost items and monitors', () => {
    const history = parsed().history;
    expect(history.filter((h) => h.entityType === 'costItem' && h.entityId === gpu.id).map((h) => [h.field, h.before, h.after])).toContainEqual(
      ['amount', '12500', '13250.5'],
    );
    expect(history.some((h) => h.entityType === 'costItem' && h.entityId === pilotGpu.id && h.reason === 'Pilot cluster switched off')).toBe(true);
    expect(history.filter((h) => h.entityType === 'monitor')).toEqual([expect.objectContaining({ entityId: driftMonitor, field: 'breachThreshold', before: 0.25, after: 0.3 })]);
  });
});

describe('workspace import of plans and economics', () => {
  it('restores plans, models and items so that exporting again gives identical bytes and the economics read the same', async () => {
    const target = await startTestApi();
    try {
      const summary = TransferSummary.parse(await ok(target.call('POST', '/api/workspace/import', JSON.parse(exported))));
      expect(summary).toMatchObject({ programs: 2, gatePlans: 3, costModels: 2, costItems: 3 });
      expect(await rawExport(target)).toBe(exported);

      const economics = async (api: TestApi) => Economics.parse(await ok(api.call('GET', '/api/programs/CLAIMS/economics')));
      const restored = await economics(target);
      expect(restored).toEqual(await economics(source));
      expect(restored.items.map((i) => i.id).sort()).toEqual([gpu.id, saving.id].sort());

      // The restored item goes on from its restored version, and its next history entry follows the restored ones.
      await ok(target.call('PATCH', `/api/cost-items/${gpu.id}`, { amount: '14000' }, { 'if-match': '"2"' }));
      const after = TransferDocument.parse(JSON.parse(await rawExport(target)));
      expect(after.costItems.find((c) => c.id === gpu.id)).toMatchObject({ amount: '14000.000000', version: 3 });
      const newest = after.history.at(-1);
      expect(newest).toMatchObject({ entityType: 'costItem', entityId: gpu.id, field: 'amount', after: '14000' });
      expect(newest?.id).toBeGreaterThan(Math.max(...parsed().history.map((h) => h.id)));
    } finally {
      await target.close();
    }
  });

  describe('refuses a document with a broken plan or economics row', () => {
    /** One empty workspace for every refused import: each must leave it empty. */
    let empty: TestApi;
    beforeAll(async () => { empty = await startTestApi(); });
    afterAll(async () => { await empty.close(); });

    const missing = '00000000-0000-4000-8000-000000000000';
    type Doc = TransferDocument;
    const firstOf = <T>(items: T[], change: (item: T) => T): T[] => items.map((item, i) => (i === 0 ? change(item) : item));
    it.each([
      ['a plan date of a program missing from the document', (d: Doc) => ({ ...d, gatePlans: firstOf(d.gatePlans, (p) => ({ ...p, programId: missing })) }), 'gatePlans.0.programId'],
      ['two plan dates for one gate of one program', (d: Doc) => ({ ...d, gatePlans: d.gatePlans.map((p) => ({ ...p, programId: claims.id, gate: 'pilot' as const })) }), 'gatePlans.1.gate'],
      ['a cost model of a program missing from the document', (d: Doc) => ({ ...d, costModels: firstOf(d.costModels, (m) => ({ ...m, programId: missing })) }), 'costModels.0.programId'],
      ['two cost models of one program', (d: Doc) => ({ ...d, costModels: d.costModels.map((m) => ({ ...m, programId: claims.id })) }), 'costModels.1.programId'],
      ['a cost item of a program without a cost model in the document', (d: Doc) => ({ ...d, costItems: firstOf(d.costItems, (c) => ({ ...c, programId: missing })) }), 'costItems.0.programId'],
      ['a cost item whose model is left out', (d: Doc) => ({ ...d, costModels: d.costModels.filter((m) => m.programId !== claims.id) }), 'costItems.0.programId'],
      ['an amount with more decimals than the column keeps', (d: Doc) => ({ ...d, costItems: firstOf(d.costItems, (c) => ({ ...c, amount: '1.0000001' })) }), 'costItems.0.amount'],
      ['a negative amount', (d: Doc) => ({ ...d, costItems: firstOf(d.costItems, (c) => ({ ...c, amount: '-5.000000' })) }), 'costItems.0.amount'],
      ['an amount in exponent form', (d: Doc) => ({ ...d, costItems: firstOf(d.costItems, (c) => ({ ...c, amount: '1e3' })) }), 'costItems.0.amount'],
      ['an amount with 16 integer digits', (d: Doc) => ({ ...d, costItems: firstOf(d.costItems, (c) => ({ ...c, amount: '1000000000000000' })) }), 'costItems.0.amount'],
      ['a discount rate above 1', (d: Doc) => ({ ...d, costModels: firstOf(d.costModels, (m) => ({ ...m, discountRate: '1.5' })) }), 'costModels.0.discountRate'],
      ['a horizon of 0 months', (d: Doc) => ({ ...d, costModels: firstOf(d.costModels, (m) => ({ ...m, horizonMonths: 0 })) }), 'costModels.0.horizonMonths'],
      ['a lower-case currency', (d: Doc) => ({ ...d, costModels: firstOf(d.costModels, (m) => ({ ...m, currency: 'gbp' })) }), 'costModels.0.currency'],
      ['an item ending before it starts', (d: Doc) => ({ ...d, costItems: firstOf(d.costItems, (c) => ({ ...c, startMonth: 6, endMonth: 2 })) }), 'costItems.0.endMonth'],
      ['a benefit category on a cost', (d: Doc) => ({ ...d, costItems: d.costItems.map((c) => ({ ...c, side: 'cost' as const, category: 'revenue' })) }), 'costItems.0.category'],
      ['two cost items with one id', (d: Doc) => ({ ...d, costItems: d.costItems.map((c) => ({ ...c, id: gpu.id })) }), 'costItems.1.id'],
      ['plan and economics rows in a version-2 document', (d: Doc) => ({ ...d, formatVersion: 2, criteria: [] }), 'costItems'],
    ])('answers 400 naming the path for %s and stores nothing', async (_label, spoil, path) => {
      const res = await empty.call('POST', '/api/workspace/import', spoil(parsed()));
      expect(res.status).toBe(400);
      expect(Problem.parse(res.body).errors?.map((e) => e.path)).toContain(path);
      const after = TransferDocument.parse(JSON.parse(await rawExport(empty)));
      expect([after.people, after.programs, after.gatePlans, after.costModels, after.costItems]).toEqual([[], [], [], [], []]);
    });
  });
});
