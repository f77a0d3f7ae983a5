import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STALE_AFTER_DAYS, compareAgendaEntries, isStale, planReviewItem, staleCutoff } from './review.js';

const CREATED = '2026-11-01T09:00:00.000Z';

describe('isStale', () => {
  it.each([
    ['created six days ago, never reviewed', null, '2026-11-07T09:00:00.000Z', false],
    ['created exactly seven days ago, never reviewed', null, '2026-11-08T09:00:00.000Z', false],
    ['created seven days and a millisecond ago, never reviewed', null, '2026-11-08T09:00:00.001Z', true],
    ['reviewed yesterday, created long ago', '2026-11-20T09:00:00.000Z', '2026-11-21T09:00:00.000Z', false],
    ['reviewed eight days ago', '2026-11-10T09:00:00.000Z', '2026-11-18T09:00:00.000Z', true],
  ])('judges a constraint %s', (_label, lastReviewedAt, now, stale) => {
    expect(isStale(lastReviewedAt, CREATED, now)).toBe(stale);
  });

  it('puts the cutoff the stale period before now', () => {
    expect(STALE_AFTER_DAYS).toBe(7);
    expect(staleCutoff('2026-11-25T09:00:00.000Z')).toBe('2026-11-18T09:00:00.000Z');
  });

  it('agrees with comparing against the cutoff, as the database filter does', () => {
    const instant = fc.integer({ min: Date.parse('2020-01-01T00:00:00Z'), max: Date.parse('2030-01-01T00:00:00Z') }).map((t) => new Date(t).toISOString());
    fc.assert(fc.property(fc.option(instant), instant, instant, (reviewed, created, now) => {
      const reference = reviewed ?? created;
      expect(isStale(reviewed, created, now)).toBe(reference < staleCutoff(now));
    }));
  });
});

describe('planReviewItem', () => {
  it('moves the deadline of a re-plan with its reason', () => {
    expect(planReviewItem({ decision: 're-plan', newDeadline: '2027-01-15', reason: ' Vendor slipped ' }, '2026-12-01')).toEqual({
      kind: 'ok', effect: { kind: 'update', patch: { deadline: '2027-01-15', reason: 'Vendor slipped' } },
    });
  });

  it.each([
    ['no new deadline', { reason: 'x' }, [['newDeadline', 'is required for re-plan']]],
    ['no reason', { newDeadline: '2027-01-15' }, [['reason', 'is required for re-plan: why the deadline moves is kept in the history']]],
    ['a blank reason', { newDeadline: '2027-01-15', reason: '  ' }, [['reason', 'is required for re-plan: why the deadline moves is kept in the history']]],
    ['the current deadline', { newDeadline: '2026-12-01', reason: 'x' }, [['newDeadline', 'is the current deadline (2026-12-01): a re-plan moves it']]],
  ])('refuses a re-plan with %s, naming the field', (_label, fields, problems) => {
    const plan = planReviewItem({ decision: 're-plan', ...fields }, '2026-12-01');
    expect(plan).toEqual({ kind: 'invalid', problems: problems.map(([field, message]) => ({ field, message })) });
  });

  it.each([
    ['on-track', { kind: 'record-only' }],
    ['at-risk', { kind: 'record-only' }],
    ['escalate-now', { kind: 'escalate' }],
    ['resolved', { kind: 'update', patch: { status: 'resolved' } }],
  ] as const)('gives %s its effect', (decision, effect) => {
    expect(planReviewItem({ decision }, '2026-12-01')).toEqual({ kind: 'ok', effect });
  });

  it('keeps the note of a resolution as the reason in history', () => {
    expect(planReviewItem({ decision: 'resolved', note: 'Owner appointed' }, '2026-12-01')).toEqual({
      kind: 'ok', effect: { kind: 'update', patch: { status: 'resolved', reason: 'Owner appointed' } },
    });
  });

  it('refuses a new deadline or a reason on any decision but re-plan', () => {
    expect(planReviewItem({ decision: 'at-risk', newDeadline: '2027-01-01', reason: 'late' }, '2026-12-01')).toEqual({
      kind: 'invalid',
      problems: [{ field: 'newDeadline', message: 'is only taken by a re-plan' }, { field: 'reason', message: 'is only taken by a re-plan (use note)' }],
    });
  });
});

describe('compareAgendaEntries', () => {
  it('puts overdue constraints first, then orders by deadline and number', () => {
    const entries = [
      { overdue: false, deadline: '2026-12-01', number: 4 },
      { overdue: true, deadline: '2026-11-20', number: 9 },
      { overdue: false, deadline: '2026-11-30', number: 2 },
      { overdue: true, deadline: '2026-11-02', number: 3 },
      { overdue: false, deadline: '2026-11-30', number: 1 },
    ];
    expect([...entries].sort(compareAgendaEntries).map((e) => e.number)).toEqual([3, 9, 1, 2, 4]);
  });
});
