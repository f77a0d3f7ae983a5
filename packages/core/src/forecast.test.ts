import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './calendar.js';
import {
  DEFAULT_LATENESS_PRIOR, conditionalSampler, counterUniform, forecastTimeline, latenessModels, mulberry32, overdueLatenessForecast, streamKey, trialKey,
  type ForecastOptions, type LatenessSample,
} from './forecast.js';
import { compileTimeline, computeTimeline, constraintTimeline, constraintsReachingProgram, type TimelineConstraint, type TimelineGraph, type TimelineInput } from './timeline.js';
import { PHASES, type Phase } from './vocabulary.js';

const TODAY = '2026-03-01';

function samples(kind: LatenessSample['kind'], dimension: LatenessSample['dimension'], ...days: number[]): LatenessSample[] {
  return days.map((lateDays) => ({ kind, dimension, lateDays }));
}
const times = (count: number, days: number): number[] => Array.from({ length: count }, () => days);

function constraint(ref: string, deadline: string, extra: Partial<TimelineConstraint> = {}): TimelineConstraint {
  return {
    id: ref.toLowerCase(), ref, programId: 'A', blocksGate: 'production', status: 'open', deadline, severity: 'medium',
    kind: 'blocker', dimension: 'technical', dependsOn: [], ...extra,
  };
}

function graphOf(constraints: TimelineConstraint[], target: string | null = null, phase: Phase = 'limited-rollout'): TimelineGraph {
  const compiled = compileTimeline({ today: TODAY, programs: [{ id: 'A', phase, plan: {}, targetProductionDate: target }], constraints });
  if (compiled.kind !== 'ok') throw new Error(compiled.kind);
  return compiled.graph;
}

describe('mulberry32', () => {
  it('repeats its sequence for a seed, stays in [0, 1) and differs between seeds', () => {
    const draw = (seed: number): number[] => Array.from({ length: 1000 }, mulberry32(seed));
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42).every((u) => u >= 0 && u < 1)).toBe(true);
    expect(draw(43)).not.toEqual(draw(42));
  });
});

describe('counter-based draws', () => {
  const ids = Array.from({ length: 2000 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);

  it('give each (seed, trial, id) one fixed uniform in [0, 1), whatever else is drawn and in what order', () => {
    const draw = (seed: number, trial: number, id: string): number => counterUniform(trialKey(seed, trial), streamKey(id));
    const forward = ids.map((id) => draw(42, 3, id));
    const backward = [...ids].reverse().map((id) => draw(42, 3, id)).reverse();
    expect(backward).toEqual(forward);
    expect(forward.every((u) => u >= 0 && u < 1)).toBe(true);
    expect(ids.map((id) => draw(43, 3, id))).not.toEqual(forward);
    expect(ids.map((id) => draw(42, 4, id))).not.toEqual(forward);
  });

  it('look uniform and uncorrelated: decile counts near 10% and near-zero correlation between neighbouring ids and trials', () => {
    const across = ids.flatMap((id) => Array.from({ length: 20 }, (_, t) => counterUniform(trialKey(7, t), streamKey(id))));
    const deciles = Array.from({ length: 10 }, (_, d) => across.filter((u) => Math.floor(u * 10) === d).length / across.length);
    for (const share of deciles) expect(Math.abs(share - 0.1)).toBeLessThan(0.01);
    const pairs = (a: number[], b: number[]): number => {
      const mean = (x: number[]): number => x.reduce((s, v) => s + v, 0) / x.length;
      const ma = mean(a);
      const mb = mean(b);
      const cov = a.reduce((s, v, i) => s + (v - ma) * ((b[i] ?? 0) - mb), 0);
      const va = a.reduce((s, v) => s + (v - ma) ** 2, 0);
      const vb = b.reduce((s, v) => s + (v - mb) ** 2, 0);
      return cov / Math.sqrt(va * vb);
    };
    const neighbours = pairs(ids.slice(0, -1).map((id) => counterUniform(trialKey(7, 0), streamKey(id))), ids.slice(1).map((id) => counterUniform(trialKey(7, 0), streamKey(id))));
    const key = streamKey(ids[0] ?? '');
    const trials = pairs(Array.from({ length: 2000 }, (_, t) => counterUniform(trialKey(7, t), key)), Array.from({ length: 2000 }, (_, t) => counterUniform(trialKey(7, t + 1), key)));
    expect(Math.abs(neighbours)).toBeLessThan(0.08);
    expect(Math.abs(trials)).toBeLessThan(0.08);
  });
});

describe('reference-class lateness models', () => {
  const history = [...samples('blocker', 'technical', ...times(5, 3)), ...samples('risk', 'governance', ...times(25, 12))];
  const modelOf = latenessModels(history);

  it('blends a short class with the workspace history by its share of K, and a class with K samples stands alone', () => {
    expect(modelOf('blocker', 'technical').weights).toEqual({ class: 0.25, workspace: 0.75, prior: 0 });
    expect(modelOf('risk', 'governance').weights).toEqual({ class: 1, workspace: 0, prior: 0 });
    expect(modelOf('dependency', 'economic').weights).toEqual({ class: 0, workspace: 1, prior: 0 });
  });

  it('falls back to the prior when the workspace has no history, and in proportion when it has little', () => {
    expect(latenessModels([])('blocker', 'technical').weights).toEqual({ class: 0, workspace: 0, prior: 1 });
    expect(latenessModels(samples('risk', 'workforce', ...times(10, 1)))('blocker', 'technical').weights).toEqual({ class: 0, workspace: 0.5, prior: 0.5 });
  });

  it('draws only lateness at least as large as a constraint has already run up', () => {
    const model = modelOf('risk', 'governance');
    const random = mulberry32(1);
    expect(new Set(Array.from({ length: 200 }, () => conditionalSampler(model, 5)(random())))).toEqual(new Set([12]));
    // Beyond every observation the prior's tail takes over.
    expect(Array.from({ length: 200 }, () => conditionalSampler(model, 30)(random())).every((d) => d >= 30)).toBe(true);
  });

  it('forecasts the median days beyond today of an overdue constraint from the lateness still possible', () => {
    const model = latenessModels(samples('blocker', 'technical', ...Array.from({ length: 20 }, (_, i) => i)))('blocker', 'technical');
    expect(overdueLatenessForecast(model, 10)).toBe(4); // 10…19 remain; half resolve by day 14
    expect(overdueLatenessForecast(model, 10, 0.95)).toBe(9);
  });

  it('reads a sample with a count as that many resolved constraints: the same models as the samples one by one', () => {
    const kinds = ['blocker', 'risk'] as const;
    const dimensions = ['technical', 'governance'] as const;
    const grouped = fc.array(fc.record({
      kind: fc.constantFrom(...kinds), dimension: fc.constantFrom(...dimensions), lateDays: fc.integer({ min: -20, max: 120 }), count: fc.nat({ max: 30 }),
    }), { maxLength: 30 });
    fc.assert(fc.property(grouped, (history) => {
      const oneByOne = history.flatMap((s) => samples(s.kind, s.dimension, ...times(s.count, s.lateDays)));
      const counted = latenessModels(history);
      const expanded = latenessModels(oneByOne);
      for (const kind of kinds) for (const dimension of dimensions) expect(counted(kind, dimension)).toEqual(expanded(kind, dimension));
    }));
  });

  it('refuses a count that is not a whole number of constraints', () => {
    expect(() => latenessModels([{ kind: 'risk', dimension: 'technical', lateDays: 3, count: 1.5 }])).toThrow(RangeError);
    expect(() => latenessModels([{ kind: 'risk', dimension: 'technical', lateDays: 3, count: -1 }])).toThrow(RangeError);
  });

  it('uses a right-skewed prior whose quantiles are the documented ones', () => {
    const prior = latenessModels([])('blocker', 'technical');
    const unconditional = DEFAULT_LATENESS_PRIOR.shiftDays;
    expect(overdueLatenessForecast(prior, unconditional, 0.8) + unconditional).toBeGreaterThanOrEqual(20);
    expect(overdueLatenessForecast(prior, unconditional, 0.8) + unconditional).toBeLessThanOrEqual(21);
    expect(overdueLatenessForecast(prior, unconditional, 0.95) + unconditional).toBeGreaterThanOrEqual(45);
    expect(overdueLatenessForecast(prior, unconditional, 0.95) + unconditional).toBeLessThanOrEqual(46);
  });
});

describe('the Monte Carlo forecast', () => {
  const tenLate = samples('blocker', 'technical', ...times(20, 10));

  it('reproduces the history exactly when every constraint of the class resolved the same days late', () => {
    const graph = graphOf([constraint('A-1', '2026-04-01')], '2026-04-11');
    const forecast = forecastTimeline(graph, tenLate, { seed: 7, trials: 500 });
    expect(forecast.programs[0]).toMatchObject({
      production: { gate: 'production', p50: '2026-04-11', p80: '2026-04-11', p95: '2026-04-11' },
      onTargetProbability: 1,
      criticality: [{ constraintId: 'a-1', nextGate: 1, production: 1 }],
    });
    expect(forecastTimeline(graphOf([constraint('A-1', '2026-04-01')], '2026-04-10'), tenLate, { seed: 7, trials: 50 }).programs[0]?.onTargetProbability).toBe(0);
  });

  it('reads P50, P80 and P95 as nearest-rank percentiles of the trial dates', () => {
    const history = samples('blocker', 'technical', ...times(10, 0), ...times(10, 10), ...times(10, 30));
    const forecast = forecastTimeline(graphOf([constraint('A-1', '2026-04-01')]), history, { seed: 3 });
    expect(forecast.trials).toBe(2000);
    expect(forecast.programs[0]?.production).toEqual({ gate: 'production', p50: '2026-04-11', p80: '2026-05-01', p95: '2026-05-01' });
  });

  it('counts an overdue constraint from the lateness it can still have, never before today', () => {
    const atFive = forecastTimeline(graphOf([constraint('A-1', addDays(TODAY, -5))]), tenLate, { seed: 1, trials: 200 });
    expect(atFive.programs[0]?.production?.p95).toBe(addDays(TODAY, 5));
    const beyondHistory = forecastTimeline(graphOf([constraint('A-1', addDays(TODAY, -15))]), tenLate, { seed: 1, trials: 200 });
    // Fifteen days late is beyond every observation: the prior's tail says it is likely to run on well past today.
    expect((beyondHistory.programs[0]?.production?.p50 ?? '') > addDays(TODAY, 5)).toBe(true);
  });

  it('shares criticality between constraints that each drive the gate in some trials', () => {
    const history = [...tenLate, ...samples('risk', 'governance', ...times(20, 0), ...times(20, 20))];
    const graph = graphOf([constraint('A-1', '2026-04-01'), constraint('A-2', '2026-04-01', { kind: 'risk', dimension: 'governance' }), constraint('A-3', '2026-09-01', { status: 'resolved' })]);
    const { criticality } = forecastTimeline(graph, history, { seed: 11 }).programs[0] ?? { criticality: [] };
    expect(criticality.map((c) => c.constraintId).sort()).toEqual(['a-1', 'a-2']);
    expect((criticality[0]?.production ?? 0) + (criticality[1]?.production ?? 0)).toBeCloseTo(1, 10);
    for (const c of criticality) expect(c.production).toBeGreaterThan(0.4);
  });

  it('agrees with the plan-based timeline when history says constraints resolve on their deadlines', () => {
    const input: TimelineInput = {
      today: TODAY,
      programs: [{ id: 'A', phase: 'pilot', plan: { 'limited-rollout': '2026-06-01' }, targetProductionDate: null }, { id: 'B', phase: 'pilot', plan: {}, targetProductionDate: null }],
      constraints: [
        constraint('A-1', '2026-04-15', { blocksGate: 'production-readiness' }),
        constraint('B-1', '2026-05-20', { programId: 'B', blocksGate: 'limited-rollout', dependsOn: ['a-1'], kind: 'risk' }),
        constraint('B-2', '2026-07-04', { programId: 'B', dependsOn: ['b-1'], dimension: 'workforce' }),
      ],
    };
    const result = computeTimeline(input);
    if (result.kind !== 'ok') throw new Error(result.kind);
    const forecast = forecastTimeline(result.timeline.graph, samples('blocker', 'economic', ...times(20, 0)), { seed: 5, trials: 100 });
    expect(forecast.programs.map((p) => p.gates.map((g) => [g.gate, g.p50, g.p95])))
      .toEqual(result.timeline.programs.map((p) => p.gates.map((g) => [g.gate, g.projectedDate, g.projectedDate])));
    expect(forecast.referenceClasses.map((c) => [c.kind, c.dimension, c.weights.workspace])).toEqual([['blocker', 'technical', 1], ['risk', 'technical', 1], ['blocker', 'workforce', 1]]);
  });

  it('has no production forecast or target probability for a program already in production', () => {
    const forecast = forecastTimeline(graphOf([constraint('A-1', '2026-04-01')], '2026-05-01', 'production'), [], { seed: 1, trials: 10 });
    expect(forecast.programs[0]).toMatchObject({ gates: [], production: null, onTargetProbability: null, criticality: [] });
  });

  it('rejects a trial count that is not a positive whole number', () => {
    const graph = graphOf([constraint('A-1', '2026-04-01')]);
    expect(() => forecastTimeline(graph, [], { seed: 1, trials: 0 })).toThrow(RangeError);
    expect(() => forecastTimeline(graph, [], { seed: 1, trials: 2.5 })).toThrow(RangeError);
  });
});

/** Random portfolios for the forecast properties: constraints depend on earlier ones, a few are overdue or closed. */
const inputArb: fc.Arbitrary<TimelineInput> = fc.record({
  programs: fc.array(fc.record({ phase: fc.constantFrom(...PHASES.slice(0, 4)), plan: fc.option(fc.integer({ min: -10, max: 120 }), { nil: null }), target: fc.integer({ min: 0, max: 200 }) }), { minLength: 1, maxLength: 3 }),
  constraints: fc.array(fc.record({ program: fc.nat(2), gate: fc.constantFrom(...PHASES), closed: fc.boolean(), deadline: fc.integer({ min: -30, max: 150 }), deps: fc.uniqueArray(fc.nat(14), { maxLength: 2 }), risk: fc.boolean() }), { maxLength: 15 }),
}).map(({ programs, constraints }) => ({
  today: TODAY,
  programs: programs.map((p, i) => ({ id: `P${i}`, phase: p.phase, plan: p.plan === null ? {} : { production: addDays(TODAY, p.plan) }, targetProductionDate: addDays(TODAY, p.target) })),
  constraints: constraints.map((c, i) => constraint(`C-${i}`, addDays(TODAY, c.deadline), {
    id: `c${i}`, programId: `P${c.program % programs.length}`, blocksGate: c.gate, status: c.closed ? 'resolved' : 'open',
    kind: c.risk ? 'risk' : 'blocker', dependsOn: c.deps.filter((d) => d < i).map((d) => `c${d}`),
  })),
}));

const historyArb = fc.array(fc.record({ kind: fc.constantFrom('blocker' as const, 'risk' as const), dimension: fc.constant('technical' as const), lateDays: fc.integer({ min: -10, max: 90 }) }), { maxLength: 40 });

function forecastOf(input: TimelineInput, history: LatenessSample[], options: ForecastOptions): ReturnType<typeof forecastTimeline> {
  const compiled = compileTimeline(input);
  if (compiled.kind !== 'ok') throw new Error(compiled.kind);
  return forecastTimeline(compiled.graph, history, options);
}

describe('forecast properties', () => {
  it('gives the same forecast for the same seed, to the last criticality index', () => {
    fc.assert(
      fc.property(inputArb, historyArb, fc.nat(), (input, history, seed) => {
        expect(forecastOf(input, history, { seed, trials: 60 })).toEqual(forecastOf(input, history, { seed, trials: 60 }));
      }),
      { numRuns: 40 },
    );
  });

  it('orders P50 ≤ P80 ≤ P95, never forecasts a gate before today, and keeps probabilities within [0, 1]', () => {
    fc.assert(
      fc.property(inputArb, historyArb, fc.nat(), (input, history, seed) => {
        const forecast = forecastOf(input, history, { seed, trials: 60 });
        const plan = computeTimeline(input);
        if (plan.kind !== 'ok') throw new Error(plan.kind);
        forecast.programs.forEach((p, pi) => {
          p.gates.forEach((g) => {
            expect(g.p50 <= g.p80 && g.p80 <= g.p95).toBe(true);
            expect(g.p50 >= TODAY).toBe(true);
          });
          expect(p.onTargetProbability === null || (p.onTargetProbability >= 0 && p.onTargetProbability <= 1)).toBe(true);
          for (const c of p.criticality) expect(c.production > 0 || c.nextGate > 0).toBe(true);
          expect(p.gates.length).toBe(plan.timeline.programs[pi]?.gates.length);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('forecasts a program over its reaching subgraph exactly as over the whole graph, unrelated constraints and input order notwithstanding', () => {
    fc.assert(
      fc.property(inputArb, historyArb, fc.nat(), (input, history, seed) => {
        const whole = forecastOf(input, history, { seed, trials: 40 });
        const reversed = forecastOf({ ...input, constraints: [...input.constraints].reverse() }, history, { seed, trials: 40 });
        expect(reversed.programs).toEqual(whole.programs);
        const sub = reachingSubgraph(input, 'P0');
        expect(forecastOf(sub, history, { seed, trials: 40 }).programs).toEqual(whole.programs.slice(0, 1));
      }),
      { numRuns: 60 },
    );
  });

  it('finds, in the whole graph, exactly the constraints whose slack a timeline of the program alone defines', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const whole = computeTimeline(input);
        const alone = computeTimeline(reachingSubgraph(input, 'P0'));
        if (whole.kind !== 'ok' || alone.kind !== 'ok') throw new Error('cycle');
        const reached = constraintsReachingProgram(whole.timeline.graph, 0).map((i) => whole.timeline.graph.constraints[i]?.id);
        const withSlack = alone.timeline.graph.constraints.filter((c) => constraintTimeline(alone.timeline, c.id)?.slackDays != null).map((c) => c.id);
        expect(new Set(reached)).toEqual(new Set(withSlack));
      }),
      { numRuns: 80 },
    );
  });
});

/**
 * What the server loads for one program: its program and its active constraints plus, transitively, what
 * active ones depend on (closed ones as the ends of chains, their dependencies dropped), in reverse order.
 */
function reachingSubgraph(input: TimelineInput, programId: string): TimelineInput {
  const byId = new Map(input.constraints.map((c) => [c.id, c]));
  const reach = new Set<string>();
  const stack = input.constraints.filter((c) => c.programId === programId && c.status === 'open').map((c) => c.id);
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    const c = byId.get(id);
    if (!c || reach.has(id)) continue;
    reach.add(id);
    if (c.status === 'open') stack.push(...c.dependsOn);
  }
  return {
    ...input,
    programs: input.programs.filter((p) => p.id === programId),
    constraints: input.constraints.filter((c) => reach.has(c.id)).map((c) => (c.status === 'open' ? c : { ...c, dependsOn: [] })).reverse(),
  };
}
