import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from './calendar.js';
import { fromDayNumber, toDayNumber } from './day-number.js';
import { computeTimeline, constraintTimeline, impactOfSlip, type Timeline, type TimelineConstraint, type TimelineInput, type TimelineProgram } from './timeline.js';
import { CONSTRAINT_STATUSES, PHASES, SEVERITIES, isClosedStatus, type Phase } from './vocabulary.js';

const TODAY = '2026-03-01';

function program(id: string, phase: TimelineProgram['phase'], plan: TimelineProgram['plan'] = {}, target: string | null = null): TimelineProgram {
  return { id, phase, plan, targetProductionDate: target };
}

function constraint(ref: string, blocksGate: TimelineConstraint['blocksGate'], deadline: string, extra: Partial<TimelineConstraint> = {}): TimelineConstraint {
  return {
    id: ref.toLowerCase(), ref, programId: ref.split('-')[0] ?? '', blocksGate, status: 'open', deadline, severity: 'medium',
    kind: 'blocker', dimension: 'technical', dependsOn: [], ...extra,
  };
}

function timeline(input: TimelineInput): Timeline {
  const result = computeTimeline(input);
  if (result.kind !== 'ok') throw new Error(`expected a timeline, got ${result.kind}`);
  return result.timeline;
}

/**
 * Three programs sharing the data-platform constraint CLAIMS-1 (FRAUD-1 and HR-1 depend on it), a
 * cross-program chain FRAUD-2 → CLAIMS-4, two overdue constraints and a closed one.
 */
const PORTFOLIO: TimelineInput = {
  today: TODAY,
  programs: [
    program('CLAIMS', 'pilot', { 'production-readiness': '2026-04-01', 'limited-rollout': '2026-05-01', production: '2026-06-01' }, '2026-06-15'),
    program('FRAUD', 'production-readiness', { 'limited-rollout': '2026-03-15', production: '2026-07-01' }, '2026-07-01'),
    program('HR', 'limited-rollout', { production: '2026-08-01' }),
  ],
  constraints: [
    constraint('CLAIMS-1', 'production-readiness', '2026-04-20', { severity: 'high' }),
    constraint('CLAIMS-2', 'limited-rollout', '2026-02-20', { status: 'in_progress' }),
    constraint('CLAIMS-3', 'production', '2026-12-31', { status: 'resolved' }),
    constraint('CLAIMS-4', 'production', '2026-06-10', { dependsOn: ['fraud-2', 'claims-3'] }),
    constraint('FRAUD-1', 'limited-rollout', '2026-03-10', { dependsOn: ['claims-1'] }),
    constraint('FRAUD-2', 'production', '2026-06-20'),
    constraint('HR-1', 'production', '2026-09-01', { dependsOn: ['claims-1'] }),
    constraint('HR-2', 'production', '2026-02-20'),
  ],
  overdueLateness: new Map([['claims-2', 10], ['hr-2', 200]]),
};

describe('the plan-based timeline of a three-program portfolio', () => {
  const t = timeline(PORTFOLIO);
  const [claims, fraud, hr] = t.programs;

  it('projects each gate as the latest of its plan, its blockers (through their dependencies) and the previous gate', () => {
    expect(claims?.gates.map((g) => [g.gate, g.projectedDate, g.slipDays])).toEqual([
      ['production-readiness', '2026-04-20', 19], // CLAIMS-1 beats the 04-01 plan
      ['limited-rollout', '2026-05-01', 0], // the plan beats CLAIMS-2 (overdue: today + 10 = 03-11) and the previous gate
      ['production', '2026-06-20', 19], // CLAIMS-4 waits for FRAUD-2 (06-20); closed CLAIMS-3 (12-31) counts for nothing
    ]);
    expect(fraud?.gates.map((g) => [g.gate, g.projectedDate])).toEqual([['limited-rollout', '2026-04-20'], ['production', '2026-07-01']]);
    expect(hr?.gates.map((g) => [g.gate, g.projectedDate])).toEqual([['production', '2026-09-17']]); // HR-2: today + 200
  });

  it('reads each critical path back from the gate to the constraint or plan that sets it', () => {
    expect(claims?.gates.map((g) => g.criticalPath)).toEqual([
      { kind: 'constraints', constraintIds: ['claims-1'], gates: ['production-readiness'] },
      { kind: 'plan', gates: ['limited-rollout'] },
      { kind: 'constraints', constraintIds: ['fraud-2', 'claims-4'], gates: ['production'] },
    ]);
    expect(fraud?.nextGate?.criticalPath).toEqual({ kind: 'constraints', constraintIds: ['claims-1', 'fraud-1'], gates: ['limited-rollout'] });
  });

  it('names the shared constraint as binding for both programs it holds up, with the production margin', () => {
    expect(claims?.binding).toEqual({ kind: 'constraint', constraintId: 'claims-1', gate: 'production-readiness', delayOverPlanDays: 19, productionSlackDays: 61 });
    expect(fraud?.binding).toEqual({ kind: 'constraint', constraintId: 'claims-1', gate: 'limited-rollout', delayOverPlanDays: 36, productionSlackDays: 72 });
    expect(hr?.binding).toEqual({ kind: 'constraint', constraintId: 'hr-2', gate: 'production', delayOverPlanDays: 47, productionSlackDays: 0 });
  });

  it('gives each constraint its total float and closed ones none', () => {
    const slack = Object.fromEntries(PORTFOLIO.constraints.map((c) => [c.ref, constraintTimeline(t, c.id)?.slackDays]));
    expect(slack).toEqual({ 'CLAIMS-1': 0, 'CLAIMS-2': 51, 'CLAIMS-3': null, 'CLAIMS-4': 0, 'FRAUD-1': 0, 'FRAUD-2': 0, 'HR-1': 16, 'HR-2': 0 });
    expect(constraintTimeline(t, 'fraud-1')?.projectedFinish).toBe('2026-04-20');
    expect(constraintTimeline(t, 'nope')).toBeNull();
  });

  it('moves every gate the shared constraint reaches by the slip beyond its margin to that gate', () => {
    const impact = impactOfSlip(t, 'claims-1', 14);
    if (impact.kind !== 'impact') throw new Error(impact.kind);
    expect(impact.slackDays).toBe(0);
    expect(impact.programs.map((p) => [p.programId, p.nextGateDelayDays, p.productionDelayDays, p.gates.map((g) => [g.gate, g.marginDays, g.delayDays, g.newDate])])).toEqual([
      ['CLAIMS', 14, 0, [['production-readiness', 0, 14, '2026-05-04'], ['limited-rollout', 11, 3, '2026-05-04'], ['production', 61, 0, '2026-06-20']]],
      ['FRAUD', 14, 0, [['limited-rollout', 0, 14, '2026-05-04'], ['production', 72, 0, '2026-07-01']]],
      ['HR', 0, 0, [['production', 150, 0, '2026-09-17']]],
    ]);
  });

  it('moves another program’s production through a cross-program dependency, but not gates it does not reach', () => {
    const impact = impactOfSlip(t, 'fraud-2', 5);
    if (impact.kind !== 'impact') throw new Error(impact.kind);
    expect(impact.programs.map((p) => [p.programId, p.nextGateDelayDays, p.productionDelayDays, p.gates.map((g) => g.gate)])).toEqual([
      ['CLAIMS', 0, 5, ['production']],
      ['FRAUD', 0, 0, ['production']],
    ]);
  });

  it('answers a slip of a closed or unknown constraint without inventing an impact, and rejects a negative slip', () => {
    expect(impactOfSlip(t, 'claims-3', 7)).toEqual({ kind: 'closed', constraintId: 'claims-3' });
    expect(impactOfSlip(t, 'nope', 7)).toEqual({ kind: 'unknown-constraint', constraintId: 'nope' });
    expect(() => impactOfSlip(t, 'claims-1', -1)).toThrow(RangeError);
  });
});

describe('overdue and closed constraints', () => {
  it('counts an overdue constraint from today when no lateness forecast is given', () => {
    const t = timeline({ ...PORTFOLIO, overdueLateness: undefined });
    expect(t.programs[2]?.production?.projectedDate).toBe('2026-09-01');
    expect(t.programs[2]?.binding).toMatchObject({ kind: 'constraint', constraintId: 'hr-1' });
    expect(constraintTimeline(t, 'hr-2')?.projectedFinish).toBe(TODAY);
  });

  it('ignores a closed constraint even when active ones depend on it', () => {
    const t = timeline({
      today: TODAY,
      programs: [program('A', 'pilot', { 'production-readiness': '2026-04-01' })],
      constraints: [constraint('A-1', 'production-readiness', '2026-12-01', { status: 'accepted' }), constraint('A-2', 'production-readiness', '2026-03-20', { dependsOn: ['a-1'] })],
    });
    expect(t.programs[0]?.nextGate?.projectedDate).toBe('2026-04-01');
    expect(t.programs[0]?.binding).toEqual({ kind: 'plan', gate: 'production-readiness' });
  });

  it('leaves gates a program has already passed out of its timeline', () => {
    const t = timeline({ today: TODAY, programs: [program('A', 'limited-rollout', { production: '2026-05-01' })], constraints: [constraint('A-1', 'pilot', '2026-09-01')] });
    expect(t.programs[0]?.gates.map((g) => g.projectedDate)).toEqual(['2026-05-01']);
    expect(constraintTimeline(t, 'a-1')?.slackDays).toBeNull();
  });
});

describe('plan dates and today as the binding factor', () => {
  it('says the plan binds when no constraint reaches past the plan date, and carries it through later gates', () => {
    const t = timeline({ today: TODAY, programs: [program('OPS', 'discovery', { pilot: '2026-04-01' })], constraints: [] });
    expect(t.programs[0]?.binding).toEqual({ kind: 'plan', gate: 'pilot' });
    expect(t.programs[0]?.production).toMatchObject({ plannedDate: null, projectedDate: '2026-04-01', slipDays: null, criticalPath: { kind: 'plan', gates: ['pilot', 'production-readiness', 'limited-rollout', 'production'] } });
  });

  it('says the gate could open today when its plan date has passed and nothing blocks it', () => {
    const t = timeline({ today: TODAY, programs: [program('LAB', 'limited-rollout', { production: '2026-01-15' })], constraints: [] });
    expect(t.programs[0]?.binding).toEqual({ kind: 'today', gate: 'production' });
    expect(t.programs[0]?.production).toMatchObject({ projectedDate: TODAY, slipDays: 45, criticalPath: { kind: 'today', gates: ['production'] } });
  });

  it('has no next gate and no binding constraint once in production', () => {
    const t = timeline({ today: TODAY, programs: [program('LIVE', 'production')], constraints: [constraint('LIVE-1', 'production', '2026-04-01')] });
    expect(t.programs[0]).toMatchObject({ gates: [], nextGate: null, production: null, binding: { kind: 'in-production' } });
  });
});

describe('tie rules for the binding constraint', () => {
  const gate = (constraints: TimelineConstraint[], plan: TimelineProgram['plan'] = {}): string | undefined => {
    const binding = timeline({ today: TODAY, programs: [program('X', 'pilot', plan)], constraints, overdueLateness: new Map([['x-9', 19]]) }).programs[0]?.binding;
    return binding?.kind === 'constraint' ? binding.constraintId : binding?.kind;
  };

  it('prefers a constraint over a plan date it ties with: any slip of it moves the gate', () => {
    expect(gate([constraint('X-1', 'production-readiness', '2026-04-01')], { 'production-readiness': '2026-04-01' })).toBe('x-1');
  });

  it('prefers the earliest deadline among constraints finishing the same day', () => {
    // X-9 is overdue since 02-01 and forecast 19 days beyond today: it finishes 03-20 like X-1.
    expect(gate([constraint('X-1', 'production-readiness', '2026-03-20'), constraint('X-9', 'production-readiness', '2026-02-01')])).toBe('x-9');
  });

  it('then the highest severity, then the ref, whatever the input order', () => {
    expect(gate([constraint('X-1', 'production-readiness', '2026-03-20'), constraint('X-2', 'production-readiness', '2026-03-20', { severity: 'critical' })])).toBe('x-2');
    expect(gate([constraint('X-2', 'production-readiness', '2026-03-20'), constraint('X-1', 'production-readiness', '2026-03-20')])).toBe('x-1');
  });

  it('follows the previous gate’s constraint rather than a plan date it ties with', () => {
    const t = timeline({
      today: TODAY,
      programs: [program('X', 'pilot', { 'production-readiness': '2026-04-01', 'limited-rollout': '2026-04-20' })],
      constraints: [constraint('X-1', 'production-readiness', '2026-04-20')],
    });
    expect(t.programs[0]?.gates[1]?.criticalPath).toEqual({ kind: 'constraints', constraintIds: ['x-1'], gates: ['production-readiness', 'limited-rollout'] });
  });

  it('applies the same rules to origins reached through dependencies', () => {
    const constraints = [
      constraint('X-3', 'production-readiness', '2026-03-10', { dependsOn: ['x-2', 'x-1'] }),
      constraint('X-2', 'production-readiness', '2026-03-20', { severity: 'low' }),
      constraint('X-1', 'production-readiness', '2026-03-20', { severity: 'high' }),
    ];
    expect(gate(constraints)).toBe('x-1');
  });
});

describe('rejected graphs', () => {
  it('rejects a dependency cycle and names it from where it closes', () => {
    const result = computeTimeline({
      today: TODAY,
      programs: [program('A', 'pilot')],
      constraints: [
        constraint('A-4', 'production', '2026-04-01', { dependsOn: ['a-1'] }),
        constraint('A-1', 'production', '2026-04-01', { dependsOn: ['a-2'] }),
        constraint('A-2', 'production', '2026-04-01', { dependsOn: ['a-3'] }),
        constraint('A-3', 'production', '2026-04-01', { dependsOn: ['a-1'] }),
      ],
    });
    expect(result).toEqual({ kind: 'cycle', cycle: ['a-1', 'a-2', 'a-3', 'a-1'], refs: ['A-1', 'A-2', 'A-3', 'A-1'] });
  });

  it('rejects a constraint depending on itself', () => {
    const result = computeTimeline({ today: TODAY, programs: [], constraints: [constraint('A-1', 'production', '2026-04-01', { dependsOn: ['a-1'] })] });
    expect(result).toMatchObject({ kind: 'cycle', cycle: ['a-1', 'a-1'] });
  });

  it('rejects a dependency on a constraint that was not given', () => {
    const result = computeTimeline({ today: TODAY, programs: [], constraints: [constraint('A-1', 'production', '2026-04-01', { dependsOn: ['gone'] })] });
    expect(result).toEqual({ kind: 'unknown-dependency', constraintId: 'a-1', dependsOn: 'gone' });
  });
});

describe('large graphs', () => {
  it('projects a chain of 100,000 dependent constraints without recursion', () => {
    const n = 100_000;
    const constraints = Array.from({ length: n }, (_, i) =>
      // Only the last blocks a remaining gate, so the critical path must walk the whole chain back.
      constraint(`A-${i}`, i === n - 1 ? 'production' : 'pilot', i === 0 ? '2027-01-01' : '2026-04-01', { dependsOn: i === 0 ? [] : [`a-${i - 1}`] }));
    const t = timeline({ today: TODAY, programs: [program('A', 'limited-rollout')], constraints });
    const path = t.programs[0]?.production?.criticalPath;
    expect(t.programs[0]?.production?.projectedDate).toBe('2027-01-01');
    expect(path?.kind === 'constraints' ? [path.constraintIds.length, path.constraintIds[0]] : path).toEqual([n, 'a-0']);
  });
});

describe('day numbers', () => {
  it('agree with the calendar module on differences and round-trip every date', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), fc.integer({ min: -5000, max: 5000 }), (offset, step) => {
        const a = addDays('2000-01-01', offset);
        const b = addDays(a, step);
        expect(toDayNumber(b) - toDayNumber(a)).toBe(daysBetween(a, b));
        expect(fromDayNumber(toDayNumber(a))).toBe(a);
      }),
    );
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(() => toDayNumber('2026-3-01')).toThrow(RangeError);
  });
});

/** A random portfolio: up to 4 programs, up to 30 constraints whose dependencies point to earlier ones (a DAG). */
interface Spec {
  readonly programs: readonly { phase: Phase; plan: readonly (number | null)[]; target: number | null }[];
  readonly constraints: readonly { program: number; gate: Phase; status: TimelineConstraint['status']; deadline: number; severity: TimelineConstraint['severity']; deps: readonly number[]; lateness: number }[];
}

const specArb = (deadlineMin: number, cyclic = false): fc.Arbitrary<Spec> => fc.record({
  programs: fc.array(fc.record({
    phase: fc.constantFrom(...PHASES),
    plan: fc.array(fc.option(fc.integer({ min: -30, max: 200 }), { nil: null }), { minLength: 4, maxLength: 4 }),
    target: fc.option(fc.integer({ min: 0, max: 300 }), { nil: null }),
  }), { minLength: 1, maxLength: 4 }),
  constraints: fc.array(fc.record({
    program: fc.nat(3), gate: fc.constantFrom(...PHASES), status: fc.constantFrom(...CONSTRAINT_STATUSES),
    deadline: fc.integer({ min: deadlineMin, max: 200 }), severity: fc.constantFrom(...SEVERITIES),
    deps: fc.uniqueArray(fc.nat(29), { maxLength: cyclic ? 2 : 3 }), lateness: fc.nat(60),
  }), { maxLength: cyclic ? 8 : 30 }),
});

function build(spec: Spec, cyclic = false): TimelineInput {
  const programs = spec.programs.map((p, i) => {
    const remaining = PHASES.slice(PHASES.indexOf(p.phase) + 1);
    const plan = Object.fromEntries(remaining.flatMap((phase, k) => {
      const offset = p.plan[k];
      return offset === null || offset === undefined ? [] : [[phase, addDays(TODAY, offset)]];
    }));
    return program(`P${i}`, p.phase, plan, p.target === null ? null : addDays(TODAY, p.target));
  });
  const n = spec.constraints.length;
  const constraints = spec.constraints.map((c, i) => constraint(`P${c.program % programs.length}-${i}`, c.gate, addDays(TODAY, c.deadline), {
    id: `c${i}`, status: c.status, severity: c.severity,
    dependsOn: c.deps.filter((d) => d < n && (cyclic || d < i)).map((d) => `c${d}`),
  }));
  return { today: TODAY, programs, constraints, overdueLateness: new Map(spec.constraints.map((c, i) => [`c${i}`, c.lateness])) };
}

/** Own finish straight from the input: deadline, or today plus lateness when overdue. */
function ownDate(input: TimelineInput, c: TimelineConstraint): string {
  return c.deadline >= input.today ? c.deadline : addDays(input.today, input.overdueLateness?.get(c.id) ?? 0);
}

/** Reference: a graph is acyclic when repeatedly removing nodes without remaining dependencies removes them all. */
function acyclic(constraints: readonly TimelineConstraint[]): boolean {
  const left = new Map(constraints.map((c) => [c.id, c.dependsOn]));
  for (let changed = true; changed;) {
    changed = false;
    for (const [id, deps] of left) {
      if (deps.every((d) => !left.has(d))) {
        left.delete(id);
        changed = true;
      }
    }
  }
  return left.size === 0;
}

function gateDates(t: Timeline): string[] {
  return t.programs.flatMap((p) => p.gates.map((g) => `${p.programId}/${g.gate}/${g.projectedDate}`));
}

describe('timeline properties', () => {
  it('never accepts a cycle, and every cycle it names is real', () => {
    fc.assert(
      fc.property(specArb(-40, true), (spec) => {
        const input = build(spec, true);
        const result = computeTimeline(input);
        expect(result.kind === 'cycle').toBe(!acyclic(input.constraints));
        if (result.kind !== 'cycle') return;
        const byId = new Map(input.constraints.map((c) => [c.id, c]));
        expect(result.cycle[0]).toBe(result.cycle[result.cycle.length - 1]);
        result.cycle.slice(0, -1).forEach((id, k) => expect(byId.get(id)?.dependsOn).toContain(result.cycle[k + 1]));
      }),
      { numRuns: 300 },
    );
  });

  it('gives every constraint slack ≥ 0 when nothing is late, exactly the slip it absorbs before a gate moves', () => {
    fc.assert(
      fc.property(specArb(0), (spec) => {
        const t = timeline(build(spec));
        for (const c of t.graph.constraints) {
          const slack = constraintTimeline(t, c.id)?.slackDays;
          if (slack === null || slack === undefined) continue;
          expect(slack).toBeGreaterThanOrEqual(0);
          const moved = (days: number): number => {
            const impact = impactOfSlip(t, c.id, days);
            return impact.kind === 'impact' ? Math.max(0, ...impact.programs.flatMap((p) => p.gates.map((g) => g.delayDays))) : -1;
          };
          expect([moved(slack), moved(slack + 1)]).toEqual([0, 1]);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('makes each critical path as long as its gate’s projected date, through real dependencies', () => {
    fc.assert(
      fc.property(specArb(-40), (spec) => {
        const input = build(spec);
        const byId = new Map(input.constraints.map((c) => [c.id, c]));
        const t = timeline(input);
        t.programs.forEach((p, pi) => p.gates.forEach((g) => {
          const path = g.criticalPath;
          expect(path.gates[path.gates.length - 1]).toBe(g.gate);
          const start = path.kind === 'today' ? TODAY : path.kind === 'plan' ? input.programs[pi]?.plan[path.gates[0] ?? 'production'] : ownDate(input, byId.get(path.constraintIds[0] ?? '') ?? input.constraints[0]!);
          expect(start).toBe(g.projectedDate);
          if (path.kind !== 'constraints') return;
          const chain = path.constraintIds.map((id) => byId.get(id));
          chain.forEach((c, k) => {
            expect(c && !isClosedStatus(c.status)).toBe(true);
            if (k > 0) expect(c?.dependsOn).toContain(path.constraintIds[k - 1]);
          });
          expect([chain[chain.length - 1]?.programId, chain[chain.length - 1]?.blocksGate]).toEqual([p.programId, path.gates[0]]);
        }));
      }),
      { numRuns: 300 },
    );
  });

  it('never moves a gate earlier when a constraint is delayed', () => {
    fc.assert(
      fc.property(specArb(-40), fc.nat(29), fc.integer({ min: 1, max: 90 }), (spec, pick, days) => {
        const input = build(spec);
        const target = input.constraints[pick % Math.max(1, input.constraints.length)];
        if (!target) return;
        const before = timeline(input);
        // Later own finish: a later deadline, or for an overdue constraint a longer forecast lateness.
        const overdue = target.deadline < input.today;
        const later = input.constraints.map((c) => (c === target && !overdue ? { ...c, deadline: addDays(c.deadline, days) } : c));
        const lateness = new Map(input.overdueLateness);
        if (overdue) lateness.set(target.id, (lateness.get(target.id) ?? 0) + days);
        const after = timeline({ ...input, constraints: later, overdueLateness: lateness });
        after.programs.forEach((p, pi) => p.gates.forEach((g, gi) => expect(g.projectedDate >= (before.programs[pi]?.gates[gi]?.projectedDate ?? '')).toBe(true)));
      }),
      { numRuns: 300 },
    );
  });

  it('predicts a slip exactly as recomputing the whole timeline with the later finish does', () => {
    fc.assert(
      fc.property(specArb(-40), fc.nat(29), fc.nat(120), (spec, pick, days) => {
        const input = build(spec);
        const target = input.constraints[pick % Math.max(1, input.constraints.length)];
        if (!target || isClosedStatus(target.status)) return;
        const before = timeline(input);
        const impact = impactOfSlip(before, target.id, days);
        if (impact.kind !== 'impact') throw new Error(impact.kind);
        // Finishing N days after its projected finish: a constraint with that deadline and no dependencies.
        const slipped = { ...target, deadline: addDays(impact.projectedFinish, days), dependsOn: [] };
        const after = timeline({ ...input, constraints: input.constraints.map((c) => (c === target ? slipped : c)) });
        const predicted = new Map(impact.programs.flatMap((p) => p.gates.map((g) => [`${p.programId}/${g.gate}`, g.newDate])));
        expect(gateDates(after)).toEqual(before.programs.flatMap((p) => p.gates.map((g) => `${p.programId}/${g.gate}/${predicted.get(`${p.programId}/${g.gate}`) ?? g.projectedDate}`)));
      }),
      { numRuns: 300 },
    );
  });

  it('moves gates monotonically with the slip, never by more than the slip, and not at all within the slack', () => {
    fc.assert(
      fc.property(specArb(-40), fc.nat(29), fc.nat(60), fc.nat(60), (spec, pick, a, b) => {
        const t = timeline(build(spec));
        const target = t.graph.constraints[pick % Math.max(1, t.graph.constraints.length)];
        if (!target) return;
        const [small, large] = [Math.min(a, b), Math.max(a, b)];
        const first = impactOfSlip(t, target.id, small);
        const second = impactOfSlip(t, target.id, large);
        if (first.kind !== 'impact' || second.kind !== 'impact') return;
        first.programs.forEach((p, pi) => p.gates.forEach((g, gi) => {
          const bigger = second.programs[pi]?.gates[gi]?.delayDays ?? -1;
          expect(g.delayDays).toBeGreaterThanOrEqual(0);
          expect(g.delayDays).toBeLessThanOrEqual(bigger);
          expect(bigger).toBeLessThanOrEqual(large);
          if (first.slackDays !== null && small <= first.slackDays) expect(g.delayDays).toBe(0);
        }));
      }),
      { numRuns: 300 },
    );
  });
});
