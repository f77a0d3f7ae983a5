import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breachTitle, classifyValue, evaluateMonitor, thresholdProblem, transition, withUnit, type MonitorRule } from './monitor.js';
import { CONSTRAINT_STATUSES, MONITOR_STATES, type MonitorState } from './vocabulary.js';

const DRIFT: MonitorRule = { direction: 'above', warningThreshold: 0.1, breachThreshold: 0.25, windowMinutes: 60 };
const ACCURACY: MonitorRule = { direction: 'below', warningThreshold: 0.92, breachThreshold: 0.9, windowMinutes: 60 };
const AT = Date.parse('2026-11-25T09:00:00Z');
const minutesAgo = (m: number): number => AT - m * 60_000;

describe('classifyValue', () => {
  it.each([
    ['drift well under warning', DRIFT, 0.05, 'ok'],
    ['drift exactly at the warning threshold', DRIFT, 0.1, 'warning'],
    ['drift between warning and breach', DRIFT, 0.2, 'warning'],
    ['drift exactly at the breach threshold', DRIFT, 0.25, 'breach'],
    ['drift over the breach threshold', DRIFT, 0.4, 'breach'],
    ['accuracy comfortably high', ACCURACY, 0.97, 'ok'],
    ['accuracy exactly at the warning threshold', ACCURACY, 0.92, 'warning'],
    ['accuracy exactly at the breach threshold', ACCURACY, 0.9, 'breach'],
    ['accuracy under the breach threshold', ACCURACY, 0.5, 'breach'],
  ] as const)('judges %s as %s', (_label, rule, value, state) => {
    expect(classifyValue(rule, value)).toBe(state);
  });

  it('knows only ok and breach when there is no warning threshold', () => {
    const rule = { ...DRIFT, warningThreshold: null };
    expect([0.05, 0.2, 0.25].map((v) => classifyValue(rule, v))).toEqual(['ok', 'ok', 'breach']);
  });
});

describe('evaluateMonitor', () => {
  it('is unknown with no reading in the window, even with older ones', () => {
    expect(evaluateMonitor(DRIFT, [], AT)).toEqual({ state: 'unknown', mean: null, count: 0 });
    expect(evaluateMonitor(DRIFT, [{ observedAt: minutesAgo(61), value: 0.9 }], AT).state).toBe('unknown');
  });

  it('judges the mean of the window, not the latest reading', () => {
    const readings = [{ observedAt: minutesAgo(50), value: 0.1 }, { observedAt: minutesAgo(10), value: 0.2 }, { observedAt: AT, value: 0.36 }];
    const result = evaluateMonitor(DRIFT, readings, AT);
    expect(classifyValue(DRIFT, 0.36)).toBe('breach');
    expect(result.state).toBe('warning');
    expect(result.count).toBe(3);
    expect(result.mean).toBeCloseTo(0.22, 10);
  });

  it('excludes the window start and includes its end', () => {
    const readings = [{ observedAt: minutesAgo(60), value: 0.9 }, { observedAt: AT, value: 0.05 }, { observedAt: AT + 1, value: 0.9 }];
    expect(evaluateMonitor(DRIFT, readings, AT)).toEqual({ state: 'ok', mean: 0.05, count: 1 });
  });

  it('keeps a constant reading that sits on a threshold on it, however many there are', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 200 }), fc.constantFrom(0.1, 0.25, 0.3, 1 / 3), (n, v) => {
      const readings = Array.from({ length: n }, (_, i) => ({ observedAt: AT - i * 1000, value: v }));
      const rule = { ...DRIFT, breachThreshold: v, warningThreshold: null, windowMinutes: 10 };
      expect(evaluateMonitor(rule, readings, AT)).toEqual({ state: 'breach', mean: v, count: n });
    }));
  });

  it('gives the state of the mean, which lies between the smallest and largest reading', () => {
    const reading = fc.record({ observedAt: fc.integer({ min: minutesAgo(59), max: AT }), value: fc.double({ min: -1e6, max: 1e6, noNaN: true }) });
    fc.assert(fc.property(fc.array(reading, { minLength: 1, maxLength: 50 }), (readings) => {
      const result = evaluateMonitor(DRIFT, readings, AT);
      const values = readings.map((r) => r.value);
      expect(result.mean).not.toBeNull();
      const mean = result.mean ?? Number.NaN;
      expect(mean).toBeGreaterThanOrEqual(Math.min(...values) - 1e-6);
      expect(mean).toBeLessThanOrEqual(Math.max(...values) + 1e-6);
      expect(result.state).toBe(classifyValue(DRIFT, mean));
    }));
  });

  it('mirrors: a "below" monitor on negated values agrees with an "above" one', () => {
    fc.assert(fc.property(fc.double({ min: -10, max: 10, noNaN: true }), (v) => {
      const below = { direction: 'below' as const, warningThreshold: -0.1, breachThreshold: -0.25, windowMinutes: 5 };
      expect(classifyValue(below, -v)).toBe(classifyValue(DRIFT, v));
    }));
  });
});

describe('transition', () => {
  it.each([
    ['ok', 'breach', null, 'open'],
    ['unknown', 'breach', null, 'open'],
    ['warning', 'breach', 'resolved', 'reopen'],
    ['ok', 'breach', 'accepted', 'reopen'],
    ['ok', 'breach', 'open', 'note-breach'],
    ['warning', 'breach', 'in_progress', 'note-breach'],
    ['breach', 'breach', 'open', 'none'],
    ['breach', 'breach', null, 'open'],
    ['breach', 'ok', 'open', 'recover'],
    ['breach', 'warning', 'resolved', 'recover'],
    ['breach', 'ok', null, 'none'],
    ['breach', 'unknown', 'open', 'none'],
    ['ok', 'warning', null, 'none'],
    ['unknown', 'ok', null, 'none'],
  ] as const)('from %s to %s with a constraint %s: %s', (prev, next, constraint, kind) => {
    expect(transition(prev, next, constraint).kind).toBe(kind);
  });

  it('acts on an existing constraint only when the state enters or leaves breach, and never opens one outside breach', () => {
    const state = fc.constantFrom<MonitorState>(...MONITOR_STATES);
    fc.assert(fc.property(state, state, fc.option(fc.constantFrom(...CONSTRAINT_STATUSES)), (prev, next, constraint) => {
      const kind = transition(prev, next, constraint).kind;
      const moved = (prev === 'breach') !== (next === 'breach');
      if (!moved && constraint !== null) expect(kind).toBe('none');
      if (next !== 'breach') expect(['open', 'reopen', 'note-breach']).not.toContain(kind);
    }));
  });
});

describe('thresholdProblem', () => {
  it.each([
    ['above', 0.1, 0.25, null],
    ['above', null, 0.25, null],
    ['above', 0.25, 0.25, 'must be below the breach threshold (0.25) when higher values are worse'],
    ['above', 0.3, 0.25, 'must be below the breach threshold (0.25) when higher values are worse'],
    ['below', 0.92, 0.9, null],
    ['below', 0.9, 0.9, 'must be above the breach threshold (0.9) when lower values are worse'],
    ['below', 0.8, 0.9, 'must be above the breach threshold (0.9) when lower values are worse'],
  ] as const)('%s: warning %s, breach %s → %s', (direction, warning, breach, problem) => {
    expect(thresholdProblem(direction, warning, breach)).toBe(problem);
  });
});

describe('breachTitle', () => {
  it.each([
    ['Claims model drift', '', 0.25, 0.3123456789, 'Claims model drift breached: 0.312 (threshold 0.25)'],
    ['p95 latency', 'ms', 800, 1250, 'p95 latency breached: 1250 ms (threshold 800 ms)'],
    ['AI share', '%', 60, 41.5, 'AI share breached: 41.5% (threshold 60%)'],
    ['Drift', 'PSI', 0.25, null, 'Drift breached: alert firing (threshold 0.25 PSI)'],
  ] as const)('titles %s', (name, unit, threshold, value, title) => {
    expect(breachTitle(name, unit, threshold, value)).toBe(title);
  });

  it('writes very small and very large values without losing their magnitude', () => {
    expect(withUnit(0.000012345678, '')).toBe('0.0000123');
    expect(withUnit(44.33333, '%')).toBe('44.3%');
    expect(withUnit(123456789, 'USD')).toBe('123456789 USD');
  });
});
