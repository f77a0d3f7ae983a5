import { CostItem, Problem } from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../testing/harness.js';
import { addItems, addProgram, getEconomics, itemHistory, monthlyCost, putModel, storedItems } from './economics-fixtures.js';

let api: TestApi;
let gpu: CostItem;

const problem = (body: unknown) => Problem.parse(body);

beforeAll(async () => {
  api = await startTestApi();
  await addProgram(api, 'DESK');
  await addProgram(api, 'BARE');
  await putModel(api, 'DESK', { currency: 'GBP', horizonMonths: 12, discountRate: '0' });
  const [first] = await addItems(api, 'DESK', [{ ...monthlyCost('compute', '1000'), label: 'GPU' }]);
  if (!first) throw new Error('no item created');
  gpu = first;
});
afterAll(async () => { await api.close(); });

describe('cost items', () => {
  it.each([
    ['an amount in exponent form', { amount: '1e3' }, 'items.1.amount', 'cost "Bad" has an amount that cannot be read: "1e3" is not a plain decimal number such as 1250.50'],
    ['an amount with a thousands separator', { amount: '1,000' }, 'items.1.amount', 'cost "Bad" has an amount that cannot be read: "1,000" is not a plain decimal number such as 1250.50'],
    ['a negative amount', { amount: '-5' }, 'items.1.amount', 'cost "Bad" has a negative amount (-5); record savings as a benefit instead'],
    ['more than 6 decimals', { amount: '0.0000001' }, 'items.1.amount', 'cost "Bad" has an amount that cannot be read: "0.0000001" has more than 6 decimal places'],
    ['another currency than the model’s', { currency: 'USD' }, 'items.1.currency', 'cost "Bad" is in USD but the model is in GBP; convert it first (no exchange rates are applied)'],
    ['an end month on a one-off item', { recurrence: 'one-off', endMonth: 3 }, 'items.1.endMonth', 'cost "Bad" is one-off: it falls due in its start month and takes no end month'],
    ['a benefit category on a cost', { category: 'revenue' }, 'items.1.category', 'cost "Bad" has category "revenue"; use one of compute, licences, integration, adoption, monitoring, governance, workforce, other'],
  ])('refuses a batch holding %s, naming the item’s field, and stores none of it', async (_label, more, path, message) => {
    const before = await storedItems(api);
    const res = await api.call('POST', '/api/programs/DESK/cost-items', { items: [monthlyCost('monitoring', '10'), { ...monthlyCost('compute', '5'), label: 'Bad', ...more }] });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(problem(res.body).errors).toEqual([{ path, message }]);
    expect(await storedItems(api)).toBe(before);
  });

  it('names the field of a single item without an index, and a malformed body by its shape', async () => {
    const single = await api.call('POST', '/api/programs/DESK/cost-items', { ...monthlyCost('compute', '5'), amount: '+5' });
    expect(problem(single.body).errors?.map((e) => e.path)).toEqual(['amount']);
    const shape = await api.call('POST', '/api/programs/DESK/cost-items', { items: [{ ...monthlyCost('compute', '5'), scope: 'someday' }] });
    expect(shape.status).toBe(400);
    expect(problem(shape.body).errors?.map((e) => e.path)).toEqual(['items.0.scope']);
  });

  it('refuses items for a program without a cost model with 409', async () => {
    const res = await api.call('POST', '/api/programs/BARE/cost-items', monthlyCost('compute', '5'));
    expect(res.status).toBe(409);
    expect(problem(res.body).detail).toContain('no cost model');
  });

  it('changes an item under If-Match, refuses a stale one with 412, and keeps each changed field in history', async () => {
    const res = await api.call('PATCH', `/api/cost-items/${gpu.id}`, { amount: '1250.50', endMonth: 5 }, { 'if-match': '"1"' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.headers.get('etag')).toBe('"2"');
    expect(CostItem.parse(res.body)).toMatchObject({ amount: '1250.50', endMonth: 5, version: 2 });
    const staleRes = await api.call('PATCH', `/api/cost-items/${gpu.id}`, { amount: '1' }, { 'if-match': '"1"' });
    expect(staleRes.status).toBe(412);
    const bad = await api.call('PATCH', `/api/cost-items/${gpu.id}`, { recurrence: 'one-off' });
    expect(problem(bad.body).errors?.map((e) => e.path)).toEqual(['endMonth']);
    expect(CostItem.parse((await api.call('GET', `/api/cost-items/${gpu.id}`)).body)).toMatchObject({ amount: '1250.50', recurrence: 'monthly', version: 2 });
    expect(await itemHistory(api, gpu.id)).toEqual([
      { field: 'created', after: 'GPU', reason: null },
      { field: 'amount', after: '1250.5', reason: null },
      { field: 'endMonth', after: 5, reason: null },
    ]);
    expect((await getEconomics(api, 'DESK')).production?.tco).toBe('7503.00');
  });

  it('retires an item with a reason: it stops counting, stays readable, and its history records why', async () => {
    const [extra] = await addItems(api, 'DESK', [monthlyCost('licences', '100')]);
    if (!extra) throw new Error('no item created');
    expect((await getEconomics(api, 'DESK')).production?.tco).toBe('8703.00');
    const noReason = await api.call('POST', `/api/cost-items/${extra.id}/retire`, {});
    expect(problem(noReason.body).errors?.map((e) => e.path)).toEqual(['reason']);
    const res = await api.call('POST', `/api/cost-items/${extra.id}/retire`, { reason: 'Licence folded into the enterprise agreement' }, { 'if-match': '"1"' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(CostItem.parse(res.body)).toMatchObject({ retiredAt: '2026-11-25T09:00:00.000Z', version: 2 });
    const e = await getEconomics(api, 'DESK');
    expect(e.production?.tco).toBe('7503.00');
    expect(e.items.map((i) => i.id)).not.toContain(extra.id);
    expect(await itemHistory(api, extra.id)).toEqual([
      { field: 'created', after: 'production licences', reason: null },
      { field: 'retiredAt', after: '2026-11-25T09:00:00.000Z', reason: 'Licence folded into the enterprise agreement' },
    ]);
    expect((await api.call('POST', `/api/cost-items/${extra.id}/retire`, { reason: 'again' })).status).toBe(409);
    expect((await api.call('PATCH', `/api/cost-items/${extra.id}`, { amount: '1' })).status).toBe(409);
  });

  it('refuses a currency change while active items are in the old currency, allows it once they are retired, and ignores a PUT that changes nothing', async () => {
    const res = await api.call('PUT', '/api/programs/DESK/cost-model', { currency: 'EUR' });
    expect(res.status).toBe(409);
    expect(problem(res.body).errors?.map((e) => e.path)).toEqual(['currency']);
    const retired = await api.call('POST', `/api/cost-items/${gpu.id}/retire`, { reason: 'Re-entered in euros' });
    expect(retired.status).toBe(200);
    expect(await putModel(api, 'DESK', { currency: 'EUR' }, 200)).toMatchObject({ currency: 'EUR', horizonMonths: 12, discountRate: '0', version: 2 });
    expect(await putModel(api, 'DESK', { currency: 'EUR', discountRate: '0.000' }, 200)).toMatchObject({ version: 2 });
  });

  it('answers 404 for an item that does not exist and 400 for an id that is not one', async () => {
    expect((await api.call('GET', '/api/cost-items/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await api.call('GET', '/api/cost-items/CLAIMS-1')).status).toBe(400);
  });
});
