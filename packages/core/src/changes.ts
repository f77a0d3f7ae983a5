/**
 * Change rules shared by every entity that keeps history: what changed, field by field, and
 * which changes need a stated reason before they are allowed.
 */

/** A JSON-representable field value as kept in history. */
export type FieldValue = string | number | boolean | null | readonly string[];

/** One field's before and after, as recorded in history. */
export interface FieldChange {
  readonly field: string;
  readonly before: FieldValue;
  readonly after: FieldValue;
}

/** Field-by-field differences between two records, in the order of `fields`. Arrays compare by content. */
export function diffFields<K extends string>(
  before: Readonly<Record<K, FieldValue>>,
  after: Readonly<Record<K, FieldValue>>,
  fields: readonly K[],
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of fields) {
    if (!sameValue(before[field], after[field])) {
      changes.push({ field, before: before[field], after: after[field] });
    }
  }
  return changes;
}

function sameValue(a: FieldValue, b: FieldValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => x === b[i]);
  }
  return a === b;
}

/** Applies a partial patch over a record: keys that are undefined in the patch keep their value. */
export function applyPatch<T extends object>(current: T, patch: Partial<T>): T {
  const next = { ...current };
  for (const key of Object.keys(patch) as (keyof T)[]) {
    const value = patch[key];
    if (value !== undefined) next[key] = value;
  }
  return next;
}
