import { describe, expect, it } from 'vitest';
import { applyPatch, diffFields, type FieldValue } from './changes.js';

type Row = Record<'title' | 'deadline' | 'tags' | 'note', FieldValue>;
const base: Row = { title: 'Model monitoring', deadline: '2026-12-01', tags: ['a', 'b'], note: null };
const FIELDS = ['title', 'deadline', 'tags', 'note'] as const;

describe('diffFields', () => {
  it.each<[string, Partial<Row>, { field: string; before: FieldValue; after: FieldValue }[]]>([
    ['nothing when nothing changed', {}, []],
    ['nothing when an array has the same content in a new instance', { tags: ['a', 'b'] }, []],
    ['a scalar change with before and after', { title: 'Drift monitoring' }, [{ field: 'title', before: 'Model monitoring', after: 'Drift monitoring' }]],
    ['an array whose order changed', { tags: ['b', 'a'] }, [{ field: 'tags', before: ['a', 'b'], after: ['b', 'a'] }]],
    ['an array that grew', { tags: ['a', 'b', 'c'] }, [{ field: 'tags', before: ['a', 'b'], after: ['a', 'b', 'c'] }]],
    ['null becoming a value', { note: 'x' }, [{ field: 'note', before: null, after: 'x' }]],
    ['a value becoming null', { deadline: null }, [{ field: 'deadline', before: '2026-12-01', after: null }]],
  ])('lists %s', (_label, patch, expected) => {
    expect(diffFields(base, { ...base, ...patch }, FIELDS)).toEqual(expected);
  });

  it('lists changes in the order of the given fields, not of the records', () => {
    const after: Row = { ...base, note: 'n', title: 't' };
    expect(diffFields(base, after, ['note', 'title']).map((c) => c.field)).toEqual(['note', 'title']);
    expect(diffFields(base, after, ['title', 'note']).map((c) => c.field)).toEqual(['title', 'note']);
  });

  it('ignores fields it was not asked about', () => {
    const after: Row = { ...base, title: 'other' };
    expect(diffFields(base, after, ['deadline'])).toEqual([]);
  });
});

describe('applyPatch', () => {
  it('overrides the fields the patch sets, keeps the ones it leaves undefined, and does not mutate', () => {
    const current: { a: number; b: string; c: string | null } = { a: 1, b: 'x', c: null };
    const next = applyPatch(current, { a: 2, b: undefined, c: 'set' });
    expect(next).toEqual({ a: 2, b: 'x', c: 'set' });
    expect(current).toEqual({ a: 1, b: 'x', c: null });
    expect(next).not.toBe(current);
  });

  it('lets null clear a field, since null is a value and undefined is absence', () => {
    const current: { c: string | null } = { c: 'set' };
    expect(applyPatch(current, { c: null })).toEqual({ c: null });
  });
});
