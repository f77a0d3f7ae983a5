import type { CostItem, CostItemInput, CostItemUpdate } from '@handoff/contract';
import type { ItemDraft } from './economics-item-form.js';
import { wholeOrText } from './economics-model.js';

/**
 * Request bodies from a draft. Months that are whole numbers go as numbers, anything else as typed (the server
 * names what is wrong); money goes as the decimal string typed. Typed loosely on purpose: a bad value must reach
 * the server so its message can show beside the field.
 */
type Loose<T> = { [K in keyof T]?: unknown };

/** POST /api/programs/{id}/cost-items: one item, in the model's currency. */
export function createBody(d: ItemDraft): Loose<CostItemInput> {
  return {
    side: d.side, label: d.label, category: d.category, scope: d.scope, recurrence: d.recurrence, amount: d.amount.trim(),
    startMonth: d.startMonth.trim() === '' ? 0 : wholeOrText(d.startMonth), endMonth: d.endMonth.trim() === '' ? null : wholeOrText(d.endMonth),
  };
}

const EDITABLE = ['label', 'category', 'scope', 'recurrence', 'amount', 'startMonth', 'endMonth'] as const satisfies readonly (keyof CostItemUpdate & keyof CostItem)[];

/** PATCH /api/cost-items/{id}: only the fields that changed (null when none did). */
export function updateBody(item: CostItem, d: ItemDraft): Loose<CostItemUpdate> | null {
  const next = createBody(d);
  const changed: Loose<CostItemUpdate> = {};
  for (const k of EDITABLE) if (next[k] !== item[k]) changed[k] = next[k];
  return Object.keys(changed).length === 0 ? null : changed;
}
