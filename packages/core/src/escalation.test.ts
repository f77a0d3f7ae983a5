import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ESCALATION_POLICY, nextDueAt, planEscalation, levelDueAt, resolveTargets, type EscalationAction, type EscalationClock, type RoleDirectory,
} from './escalation.js';

const UTC = 'UTC';
const people: RoleDirectory = { owner: ['owner-1'], sponsor: ['sponsor-1'], board: ['board-1', 'board-2'] };
const at = (iso: string): number => Date.parse(iso);
const clock = (over: Partial<EscalationClock> = {}): EscalationClock => ({
  deadline: '2026-12-01', active: true, done: [], acknowledgedAt: null, pausedAt: null, pausedMs: 0, ...over,
});
const levels = (actions: readonly EscalationAction[]): string[] =>
  actions.map((a) => `${a.kind}:${DEFAULT_ESCALATION_POLICY.levels[a.level]?.name ?? a.level}`);

describe('planEscalation on the default ladder', () => {
  it.each([
    ['four days before the deadline: nothing yet', '2026-11-27T23:59:59Z', [], '2026-11-28T00:00:00Z'],
    ['three days before: the reminder to the owner', '2026-11-28T00:00:00Z', ['notify:reminder'], '2026-12-01T00:00:00Z'],
    ['on the deadline day, nothing fired before: reminder and due at once', '2026-12-01T08:00:00Z', ['notify:reminder', 'notify:due'], '2026-12-08T00:00:00Z'],
    ['seven days overdue: up to the sponsor', '2026-12-08T00:00:00Z', ['notify:reminder', 'notify:due', 'notify:sponsor'], '2026-12-22T00:00:00Z'],
    ['21 days overdue: the whole ladder', '2026-12-22T00:00:00Z', ['notify:reminder', 'notify:due', 'notify:sponsor', 'notify:board'], null],
  ])('%s', (_label, now, expected, next) => {
    const plan = planEscalation(DEFAULT_ESCALATION_POLICY, clock(), at(now), UTC, people);
    expect(levels(plan.actions)).toEqual(expected);
    expect(plan.nextAt).toBe(next === null ? null : at(next));
  });

  it('fires nothing again for levels already done in this cycle', () => {
    const plan = planEscalation(DEFAULT_ESCALATION_POLICY, clock({ done: [0, 1, 2] }), at('2026-12-10T00:00:00Z'), UTC, people);
    expect(plan.actions).toEqual([]);
    expect(plan.nextAt).toBe(at('2026-12-22T00:00:00Z'));
  });

  it('names the board members as recipients and asks for a decision at the board level', () => {
    const plan = planEscalation(DEFAULT_ESCALATION_POLICY, clock({ done: [0, 1, 2] }), at('2026-12-23T00:00:00Z'), UTC, people);
    expect(plan.actions).toEqual([{ kind: 'notify', level: 3, recipients: ['board-1', 'board-2'], createsDecision: true }]);
  });

  it('never escalates a closed constraint or a paused one', () => {
    expect(planEscalation(DEFAULT_ESCALATION_POLICY, clock({ active: false }), at('2027-01-01T00:00:00Z'), UTC, people)).toEqual({ actions: [], nextAt: null });
    expect(planEscalation(DEFAULT_ESCALATION_POLICY, clock({ pausedAt: at('2026-11-20T00:00:00Z') }), at('2027-01-01T00:00:00Z'), UTC, people)).toEqual({ actions: [], nextAt: null });
  });

  it('adds paused time to every level', () => {
    const pausedTenDays = clock({ done: [0, 1], pausedMs: 10 * 86_400_000 });
    const plan = planEscalation(DEFAULT_ESCALATION_POLICY, pausedTenDays, at('2026-12-10T00:00:00Z'), UTC, people);
    expect(plan.actions).toEqual([]);
    expect(plan.nextAt).toBe(at('2026-12-18T00:00:00Z'));
  });
});

describe('acknowledgement', () => {
  it('silences not-acknowledged levels and holds the others for the hold period', () => {
    const acked = clock({ done: [0], acknowledgedAt: at('2026-12-06T12:00:00Z') });
    const during = planEscalation(DEFAULT_ESCALATION_POLICY, acked, at('2026-12-08T00:00:00Z'), UTC, people);
    expect(during.actions).toEqual([]);
    expect(during.nextAt).toBe(at('2026-12-09T12:00:00Z'));
    const after = planEscalation(DEFAULT_ESCALATION_POLICY, acked, at('2026-12-09T12:00:00Z'), UTC, people);
    expect(levels(after.actions)).toEqual(['notify:sponsor']);
  });
});

describe('vacant roles', () => {
  it('skips a level nobody holds and carries the escalation to the next level at once', () => {
    const noSponsor: RoleDirectory = { owner: ['owner-1'], board: ['board-1'] };
    const plan = planEscalation(DEFAULT_ESCALATION_POLICY, clock({ done: [0, 1] }), at('2026-12-08T00:00:00Z'), UTC, noSponsor);
    expect(plan.actions).toEqual([
      { kind: 'skip', level: 2, vacant: ['sponsor'] },
      { kind: 'notify', level: 3, recipients: ['board-1'], createsDecision: true },
    ]);
  });
});

describe('governance roles as targets', () => {
  const driftLevel = { name: 'drift', offsetDays: 0, condition: 'not-resolved', targets: [{ kind: 'program-role', role: 'drift-monitor' }], createsDecision: false } as const;

  it('resolves a program-role target to its holder through the directory', () => {
    expect(resolveTargets(driftLevel, { 'drift-monitor': ['dm-1'] })).toEqual({ recipients: ['dm-1'], vacant: [] });
  });

  it('names a vacant governance role by its key, so the skip says who is missing', () => {
    expect(resolveTargets(driftLevel, { 'drift-monitor': [] })).toEqual({ recipients: [], vacant: ['drift-monitor'] });
    expect(resolveTargets({ ...driftLevel, targets: [...driftLevel.targets, { kind: 'role', role: 'owner' }] }, { owner: ['owner-1'] }))
      .toEqual({ recipients: ['owner-1'], vacant: ['drift-monitor'] });
  });
});

describe('time zones', () => {
  it('falls due at local midnight of the workspace', () => {
    const due = levelDueAt({ name: 'due', offsetDays: 0, condition: 'not-resolved', targets: [], createsDecision: false }, clock(), 'Pacific/Auckland');
    expect(new Date(due).toISOString()).toBe('2026-11-30T11:00:00.000Z');
  });
});

describe('properties', () => {
  const day = 86_400_000;
  const start = at('2026-11-20T00:00:00Z');

  it('fires every due level exactly once, however the sweeps are spaced', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 * day }), { minLength: 1, maxLength: 12 }), (offsets) => {
        const times = [...offsets].sort((a, b) => a - b).map((o) => start + o);
        let state = clock();
        const fired: number[] = [];
        for (const t of times) {
          const plan = planEscalation(DEFAULT_ESCALATION_POLICY, state, t, UTC, people);
          for (const a of plan.actions) fired.push(a.level);
          state = { ...state, done: [...state.done, ...plan.actions.map((a) => a.level)] };
          if (plan.nextAt !== null) expect(plan.nextAt).toBeGreaterThan(t);
        }
        const last = times[times.length - 1] ?? start;
        const expected = DEFAULT_ESCALATION_POLICY.levels.flatMap((l, i) => (levelDueAt(l, state, UTC) <= last ? [i] : []));
        expect(fired).toEqual(expected);
      }),
    );
  });

  it('never fires a level earlier because the deadline moved later', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 30 }), (nowDays, shift) => {
        const now = start + nowDays * day;
        const base = planEscalation(DEFAULT_ESCALATION_POLICY, clock(), now, UTC, people).actions.length;
        const later = planEscalation(DEFAULT_ESCALATION_POLICY, clock({ deadline: new Date(Date.parse('2026-12-01') + shift * day).toISOString().slice(0, 10) }), now, UTC, people).actions.length;
        expect(later).toBeLessThanOrEqual(base);
      }),
    );
  });
});

describe('nextDueAt', () => {
  it('is the first level not yet done, held past an acknowledgement, and null when paused or closed', () => {
    expect(nextDueAt(DEFAULT_ESCALATION_POLICY, clock(), UTC)).toBe(at('2026-11-28T00:00:00Z'));
    expect(nextDueAt(DEFAULT_ESCALATION_POLICY, clock({ done: [0, 1] }), UTC)).toBe(at('2026-12-08T00:00:00Z'));
    expect(nextDueAt(DEFAULT_ESCALATION_POLICY, clock({ done: [0], acknowledgedAt: at('2026-12-06T12:00:00Z') }), UTC)).toBe(at('2026-12-09T12:00:00Z'));
    expect(nextDueAt(DEFAULT_ESCALATION_POLICY, clock({ pausedAt: 1 }), UTC)).toBeNull();
    expect(nextDueAt(DEFAULT_ESCALATION_POLICY, clock({ active: false }), UTC)).toBeNull();
    expect(nextDueAt(DEFAULT_ESCALATION_POLICY, clock({ done: [0, 1, 2, 3] }), UTC)).toBeNull();
  });
});

describe('escalate now', () => {
  it('fires the next level at once, ignoring its time and any acknowledgement hold, and only that one', () => {
    const acked = clock({ done: [0], acknowledgedAt: at('2026-11-29T00:00:00Z') });
    const plan = planEscalation(DEFAULT_ESCALATION_POLICY, acked, at('2026-11-29T01:00:00Z'), UTC, people, { forceNext: true });
    expect(levels(plan.actions)).toEqual(['notify:sponsor']);
  });

  it('carries on past a vacant level to the next one', () => {
    const plan = planEscalation(DEFAULT_ESCALATION_POLICY, clock({ done: [0, 1] }), at('2026-11-20T00:00:00Z'), UTC, { owner: ['o'], board: ['b'] }, { forceNext: true });
    expect(levels(plan.actions)).toEqual(['skip:sponsor', 'notify:board']);
  });
});
