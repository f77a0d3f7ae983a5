import { describe, expect, it } from 'vitest';
import { planConstraintUpdate, type ConstraintPatch, type ConstraintState } from './constraint-rules.js';

const NOW = '2026-11-25T09:00:00.000Z';
const EARLIER = '2026-11-01T12:00:00.000Z';

const open: ConstraintState = {
  title: 'No named owner for model drift',
  description: 'Nobody authorises retraining.',
  kind: 'blocker',
  dimension: 'governance',
  ownerId: 'person-1',
  deadline: '2026-12-01',
  status: 'open',
  severity: 'high',
  blocksGate: 'production-readiness',
  dependsOn: ['c-1', 'c-3'],
  resolvedAt: null,
};
const resolved: ConstraintState = { ...open, status: 'resolved', resolvedAt: EARLIER };

describe('planConstraintUpdate: deadlines never move silently', () => {
  it.each<[string, ConstraintPatch]>([
    ['no reason', { deadline: '2026-12-15' }],
    ['an empty reason', { deadline: '2026-12-15', reason: '' }],
    ['a blank reason', { deadline: '2026-12-15', reason: '   ' }],
  ])('refuses a deadline move with %s, naming the deadline', (_label, patch) => {
    expect(planConstraintUpdate(open, patch, NOW)).toEqual({ kind: 'reason-required', field: 'deadline' });
  });

  it('applies a deadline move with a reason and lists exactly that change', () => {
    const plan = planConstraintUpdate(open, { deadline: '2026-12-15', reason: 'vendor slipped' }, NOW);
    expect(plan).toEqual({
      kind: 'apply',
      next: { ...open, deadline: '2026-12-15' },
      changes: [{ field: 'deadline', before: '2026-12-01', after: '2026-12-15' }],
    });
  });

  it('needs no reason when the patch repeats the current deadline', () => {
    const plan = planConstraintUpdate(open, { deadline: '2026-12-01', severity: 'critical' }, NOW);
    expect(plan.kind).toBe('apply');
    if (plan.kind === 'apply') expect(plan.changes).toEqual([{ field: 'severity', before: 'high', after: 'critical' }]);
  });

  it('needs no reason for edits that leave the deadline alone', () => {
    const plan = planConstraintUpdate(open, { title: 'Retraining has no approver' }, NOW);
    expect(plan.kind).toBe('apply');
  });
});

describe('planConstraintUpdate: closing and reopening', () => {
  it.each<[string, ConstraintState, ConstraintPatch, string | null]>([
    ['resolving an open constraint stamps now', open, { status: 'resolved' }, NOW],
    ['accepting an open constraint stamps now', open, { status: 'accepted' }, NOW],
    ['moving between closed statuses keeps the first stamp', resolved, { status: 'accepted' }, EARLIER],
    ['editing a closed constraint keeps its stamp', resolved, { severity: 'low' }, EARLIER],
    ['reopening clears the stamp', resolved, { status: 'open' }, null],
    ['starting work on a reopened constraint keeps it clear', resolved, { status: 'in_progress' }, null],
    ['progressing an open constraint leaves it unstamped', open, { status: 'in_progress' }, null],
  ])('%s', (_label, current, patch, resolvedAt) => {
    const plan = planConstraintUpdate(current, patch, NOW);
    expect(plan.kind).toBe('apply');
    if (plan.kind === 'apply') expect(plan.next.resolvedAt).toBe(resolvedAt);
  });

  it('records closing as a status change and a resolvedAt change, in history order', () => {
    const plan = planConstraintUpdate(open, { status: 'resolved' }, NOW);
    expect(plan.kind === 'apply' && plan.changes).toEqual([
      { field: 'status', before: 'open', after: 'resolved' },
      { field: 'resolvedAt', before: null, after: NOW },
    ]);
  });

  it('records reopening as clearing resolvedAt', () => {
    const plan = planConstraintUpdate(resolved, { status: 'open' }, NOW);
    expect(plan.kind === 'apply' && plan.changes).toEqual([
      { field: 'status', before: 'resolved', after: 'open' },
      { field: 'resolvedAt', before: EARLIER, after: null },
    ]);
  });
});

describe('planConstraintUpdate: dependencies and other fields', () => {
  it('de-duplicates and sorts dependsOn, and lists it as one change', () => {
    const plan = planConstraintUpdate(open, { dependsOn: ['c-9', 'c-2', 'c-9', 'c-2', 'c-5'] }, NOW);
    expect(plan.kind === 'apply' && plan.next.dependsOn).toEqual(['c-2', 'c-5', 'c-9']);
    expect(plan.kind === 'apply' && plan.changes).toEqual([{ field: 'dependsOn', before: ['c-1', 'c-3'], after: ['c-2', 'c-5', 'c-9'] }]);
  });

  it('sees the same dependencies in another order and with repeats as no change', () => {
    const plan = planConstraintUpdate(open, { dependsOn: ['c-3', 'c-1', 'c-3'] }, NOW);
    expect(plan.kind === 'apply' && plan.changes).toEqual([]);
  });

  it('clears all dependencies with an empty list', () => {
    const plan = planConstraintUpdate(open, { dependsOn: [] }, NOW);
    expect(plan.kind === 'apply' && plan.next.dependsOn).toEqual([]);
  });

  it('plans no change for a patch with only a reason, and never stores the reason as a field', () => {
    const plan = planConstraintUpdate(open, { reason: 'weekly review' }, NOW);
    expect(plan).toEqual({ kind: 'apply', next: open, changes: [] });
    expect(plan.kind === 'apply' && 'reason' in plan.next).toBe(false);
  });

  it('lists several changed fields in history order whatever the patch order', () => {
    const plan = planConstraintUpdate(open, { severity: 'critical', ownerId: 'person-2', title: 'Renamed', deadline: '2027-01-10', reason: 'rescoped' }, NOW);
    expect(plan.kind === 'apply' && plan.changes.map((c) => c.field)).toEqual(['title', 'ownerId', 'deadline', 'severity']);
  });

  it('does not modify the current state it was given', () => {
    const before = { ...open, dependsOn: [...open.dependsOn] };
    planConstraintUpdate(open, { status: 'resolved', dependsOn: ['z', 'a'], deadline: '2027-01-01', reason: 'r' }, NOW);
    expect(open).toEqual(before);
  });
});
