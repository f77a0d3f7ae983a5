import { CostItemList, HistoryPage, Problem } from '@handoff/contract';
import { economics, type BenefitItem, type CostItem as CoreCostItem } from '@handoff/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { economicGaps } from '../../services/economics.service.js';
import { startTestApi, type TestApi } from '../../testing/harness.js';
import { addItems, addProgram, getEconomics, monthlyCost, putModel } from './economics-fixtures.js';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
  await addProgram(api, 'CLAIMS');
  await addProgram(api, 'NPV');
  await addProgram(api, 'EMPTY');
});
afterAll(async () => { await api.close(); });

const pilotAndBuild = [
  monthlyCost('compute', '2000.00', 'pilot'),
  monthlyCost('licences', '500', 'pilot'),
  { side: 'benefit', label: 'Pilot handler time', category: 'cost-saving', scope: 'pilot', recurrence: 'monthly', amount: '3000' },
  monthlyCost('compute', '6000'),
  { side: 'cost', label: 'Scoring licence', category: 'licences', scope: 'production', recurrence: 'yearly', amount: '24000' },
  { side: 'cost', label: 'Claims system integration', category: 'integration', scope: 'production', recurrence: 'one-off', amount: '80000' },
  { side: 'benefit', label: 'Handler time', category: 'cost-saving', scope: 'production', recurrence: 'monthly', amount: '15000', startMonth: 3 },
];
const productionCosts = [
  { side: 'cost', label: 'Change management', category: 'adoption', scope: 'production', recurrence: 'one-off', amount: '30000' },
  monthlyCost('monitoring', '1500'),
  monthlyCost('governance', '1000.5'),
  { ...monthlyCost('workforce', '2500'), endMonth: 23 },
];

/** The core's report for the same items, as the API should present them. */
function coreReport(items: readonly Record<string, unknown>[], horizonMonths: number, rate: string) {
  const lines = items.map((item, i) => ({
    id: `item-${i}`, label: String(item.label), scope: item.scope === 'pilot' ? 'pilot' as const : 'production' as const,
    recurrence: item.recurrence === 'one-off' ? 'one-off' as const : item.recurrence === 'yearly' ? 'yearly' as const : 'monthly' as const,
    amount: String(item.amount), currency: 'GBP',
    startMonth: typeof item.startMonth === 'number' ? item.startMonth : 0, endMonth: typeof item.endMonth === 'number' ? item.endMonth : undefined,
  }));
  const costs: CoreCostItem[] = [];
  const benefits: BenefitItem[] = [];
  for (const [i, line] of lines.entries()) {
    const category = items[i]?.category;
    if (items[i]?.side === 'cost' && (category === 'compute' || category === 'licences' || category === 'integration' || category === 'adoption'
      || category === 'monitoring' || category === 'governance' || category === 'workforce')) costs.push({ ...line, category });
    if (category === 'cost-saving') benefits.push({ ...line, category });
  }
  const result = economics({ currency: 'GBP', costs, benefits }, { horizonMonths, discountRatePerYear: rate });
  if (result.kind !== 'ok') throw new Error(JSON.stringify(result.issues));
  return result.report;
}

describe('program economics', () => {
  it('answers 200 with model null and says the cost model is missing when there is none', async () => {
    const e = await getEconomics(api, 'EMPTY');
    expect(e).toMatchObject({ model: null, basis: 'no-cost-model', missing: ['cost-model'], pilot: null, production: null, items: [] });
    expect(e.summary).toContain('no cost model');
    expect(await economicGaps(api.handoff.deps.database.db, api.handoff.actor.workspaceId, e.programId)).toEqual(['no cost model']);
  });

  it('creates a cost model with defaults, changes it under If-Match, refuses a stale one and keeps costModel.* in program history', async () => {
    const created = await putModel(api, 'CLAIMS', { currency: 'GBP' });
    expect(created).toMatchObject({ programKey: 'CLAIMS', currency: 'GBP', horizonMonths: 36, discountRate: '0.08', version: 1 });
    const changed = await putModel(api, 'CLAIMS', { currency: 'GBP', discountRate: '0.0650' }, 200, { 'if-match': '"1"' });
    expect(changed).toMatchObject({ horizonMonths: 36, discountRate: '0.065', version: 2 });
    const staleRes = await api.call('PUT', '/api/programs/CLAIMS/cost-model', { currency: 'GBP', horizonMonths: 12 }, { 'if-match': '"1"' });
    expect(staleRes.status).toBe(412);
    const history = HistoryPage.parse((await api.call('GET', '/api/programs/CLAIMS/history?limit=200')).body).items;
    expect(history.filter((h) => h.field.startsWith('costModel.')).map((h) => [h.field, h.before, h.after])).toEqual([
      ['costModel.currency', null, 'GBP'], ['costModel.horizonMonths', null, 36], ['costModel.discountRate', null, '0.08'],
      ['costModel.discountRate', '0.08', '0.065'],
    ]);
    await putModel(api, 'CLAIMS', { currency: 'GBP', discountRate: '0.08' }, 200);
  });

  it.each([
    ['a currency that is not a code', { currency: 'gbp' }, 'currency'],
    ['a discount rate above 1', { currency: 'GBP', discountRate: '1.5' }, 'discountRate'],
    ['a discount rate in exponent form', { currency: 'GBP', discountRate: '8e-2' }, 'discountRate'],
    ['a horizon beyond ten years', { currency: 'GBP', horizonMonths: 121 }, 'horizonMonths'],
  ])('refuses a cost model with %s, naming the field and changing nothing', async (_label, body, path) => {
    const res = await api.call('PUT', '/api/programs/CLAIMS/cost-model', body);
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect((Problem.parse(res.body).errors ?? []).map((e) => e.path)).toEqual([path]);
    expect((await getEconomics(api, 'CLAIMS')).model).toMatchObject({ currency: 'GBP', horizonMonths: 36, discountRate: '0.08' });
  });

  it('gives the core’s figures for the same items, pilot and production side by side, flagged as pilot economics', async () => {
    const items = await addItems(api, 'CLAIMS', pilotAndBuild);
    expect(items.map((i) => [i.label, i.amount, i.currency])).toContainEqual(['pilot licences', '500.00', 'GBP']);
    const e = await getEconomics(api, 'CLAIMS', '?cashFlow=true');
    const core = coreReport(pilotAndBuild, 36, '0.08');
    for (const scope of ['pilot', 'production'] as const) {
      expect(e[scope]).toEqual({
        tco: core[scope].tco, tcoByCategory: core[scope].tcoByCategory, benefits: core[scope].benefits, benefitsByCategory: core[scope].benefitsByCategory,
        net: core[scope].net, npv: core[scope].npv, paybackMonth: core[scope].paybackMonth, cashFlow: core[scope].cashFlow,
      });
    }
    // 6000 × 36 + 24000 × 3 + 80000 = 368,000 over three years.
    expect(e.production?.tco).toBe('368000.00');
    expect(e).toMatchObject({ basis: 'pilot-economics', missing: ['adoption', 'monitoring', 'governance', 'workforce'], currency: 'GBP', horizonMonths: 36 });
    expect(e.pilotHides).toEqual([{ category: 'integration', total: '80000.00' }]);
    expect(e.items).toHaveLength(pilotAndBuild.length);
    expect(await economicGaps(api.handoff.deps.database.db, api.handoff.actor.workspaceId, e.programId)).toEqual(['pilot-economics: no adoption, monitoring, governance, workforce costs']);
    expect((await getEconomics(api, 'CLAIMS')).production?.cashFlow).toBeUndefined();
  });

  it('clears the pilot-economics flag once adoption, monitoring, governance and workforce costs are in production', async () => {
    await addItems(api, 'CLAIMS', productionCosts.slice(0, 3));
    expect(await getEconomics(api, 'CLAIMS')).toMatchObject({ basis: 'pilot-economics', missing: ['workforce'] });
    const single = await api.call('POST', '/api/programs/CLAIMS/cost-items', productionCosts[3]);
    expect(single.status, JSON.stringify(single.body)).toBe(201);
    expect(CostItemList.parse(single.body).items.map((i) => [i.category, i.endMonth])).toEqual([['workforce', 23]]);
    const e = await getEconomics(api, 'CLAIMS');
    const core = coreReport([...pilotAndBuild, ...productionCosts], 36, '0.08');
    expect(e).toMatchObject({ basis: 'production-economics', missing: [], production: { tco: core.production.tco, npv: core.production.npv } });
    expect(e.summary).toMatch(/^production economics/);
    expect(await economicGaps(api.handoff.deps.database.db, api.handoff.actor.workspaceId, e.programId)).toEqual([]);
  });

  it('matches a hand-computed NPV: 1 % a month, −1000 then +606.00 and +612.06 is 200.00, paid back in month 2', async () => {
    await putModel(api, 'NPV', { currency: 'GBP', horizonMonths: 12, discountRate: '0.126825030131969720661201' });
    await addItems(api, 'NPV', [
      { side: 'cost', label: 'Build', category: 'integration', scope: 'production', recurrence: 'one-off', amount: '1000' },
      { side: 'benefit', label: 'First saving', category: 'cost-saving', scope: 'production', recurrence: 'one-off', amount: '606.00', startMonth: 1 },
      { side: 'benefit', label: 'Second saving', category: 'cost-saving', scope: 'production', recurrence: 'one-off', amount: '612.06', startMonth: 2 },
    ]);
    const e = await getEconomics(api, 'NPV');
    expect(e.production).toMatchObject({ tco: '1000.00', benefits: '1218.06', net: '218.06', npv: '200.00', paybackMonth: 2 });
    expect(e.discountRate).toBe('0.126825030131969720661201');
    // At 0 % the NPV is the undiscounted net; a shorter horizon drops what falls after it.
    expect((await getEconomics(api, 'NPV', '?discountRate=0')).production?.npv).toBe('218.06');
    expect((await getEconomics(api, 'NPV', '?horizonMonths=2')).production).toMatchObject({ benefits: '606.00', paybackMonth: null });
  });

  it('refuses a bad horizon or rate in the query with 400 naming it', async () => {
    const res = await api.call('GET', '/api/programs/NPV/economics?horizonMonths=0&discountRate=-0.1');
    expect(res.status).toBe(400);
    expect((Problem.parse(res.body).errors ?? []).map((e) => e.path)).toEqual(['query.horizonMonths', 'query.discountRate']);
    expect((await api.call('GET', '/api/programs/NOPE/economics')).status).toBe(404);
  });
});
