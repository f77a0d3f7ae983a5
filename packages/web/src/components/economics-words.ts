import type { CostItemInput, Economics } from '@handoff/contract';

export type Side = CostItemInput['side'];
export type Scope = CostItemInput['scope'];
export type Recurrence = CostItemInput['recurrence'];

/** Every value the API takes, in words (Records, so the compiler refuses a list that misses one). */
export const SIDES: Readonly<Record<Side, string>> = { cost: 'cost', benefit: 'benefit' };
export const SCOPES: Readonly<Record<Scope, string>> = { pilot: 'pilot', production: 'production' };
export const RECURRENCES: Readonly<Record<Recurrence, string>> = { 'one-off': 'one-off', 'monthly': 'monthly', 'yearly': 'yearly' };

/** Narrows a select's value to a key of `words`. */
export function oneOf<K extends string>(words: Readonly<Record<K, string>>, value: string): value is K {
  return Object.hasOwn(words, value);
}

/**
 * The categories the API knows for each side, as the economics answer lists them (every category, zeros included,
 * in the core's order): nothing here repeats the core's list.
 */
export function categoriesOf(e: Economics): Readonly<Record<Side, readonly string[]>> {
  const scope = e.production ?? e.pilot;
  return { cost: scope?.tcoByCategory.map((c) => c.category) ?? [], benefit: scope?.benefitsByCategory.map((c) => c.category) ?? [] };
}
