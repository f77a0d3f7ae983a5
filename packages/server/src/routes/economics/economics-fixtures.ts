import { CostItemList, CostModel, Economics, Program, type CostItem } from '@handoff/contract';
import { expect } from 'vitest';
import type { TestApi } from '../../testing/harness.js';

/** Test helpers for economics: programs, cost models and items, all through the API. */

export async function addProgram(api: TestApi, key: string): Promise<Program> {
  const res = await api.call('POST', '/api/programs', { name: `${key} program`, key, phase: 'pilot' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return Program.parse(res.body);
}

export async function putModel(api: TestApi, key: string, body: Record<string, unknown>, status = 201, headers: Record<string, string> = {}): Promise<CostModel> {
  const res = await api.call('PUT', `/api/programs/${key}/cost-model`, body, headers);
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return CostModel.parse(res.body);
}

/** A monthly production cost of `amount` from go-live, in `category`. */
export function monthlyCost(category: string, amount: string, scope = 'production'): Record<string, unknown> {
  return { side: 'cost', label: `${scope} ${category}`, category, scope, recurrence: 'monthly', amount };
}

export async function addItems(api: TestApi, key: string, items: readonly Record<string, unknown>[]): Promise<CostItem[]> {
  const res = await api.call('POST', `/api/programs/${key}/cost-items`, { items });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return CostItemList.parse(res.body).items;
}

export async function getEconomics(api: TestApi, key: string, query = ''): Promise<Economics> {
  const res = await api.call('GET', `/api/programs/${key}/economics${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return Economics.parse(res.body);
}

/** Rows of the cost_items table (any program, retired included): "nothing stored" checks count them. */
export async function storedItems(api: TestApi): Promise<number> {
  const row = await api.handoff.deps.database.db.selectFrom('cost_items').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** History of one cost item, oldest first, as field → [after, reason]. */
export async function itemHistory(api: TestApi, id: string): Promise<{ field: string; after: unknown; reason: string | null }[]> {
  const rows = await api.handoff.deps.database.db.selectFrom('history').select(['field', 'after', 'reason'])
    .where('entity_type', '=', 'costItem').where('entity_id', '=', id).orderBy('id').execute();
  return rows.map((r) => ({ field: r.field, after: r.after, reason: r.reason }));
}
