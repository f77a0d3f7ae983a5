import { fromDayNumber, toDayNumber } from './day-number.js';
import { latenessModels, latenessSampler, type LatenessSampler, type LatenessModel, type LatenessOptions, type LatenessSample } from './forecast-lateness.js';
import { trialDraws } from './forecast-draws.js';
import { trialKey } from './prng.js';
import type { TimelineGraph } from './timeline-graph.js';
import { createProjection, projectInto, walkCriticalConstraints } from './timeline-projection.js';
import type { ConstraintKind, Dimension, Phase } from './vocabulary.js';

export * from './forecast-lateness.js';
export * from './prng.js';

/**
 * Monte Carlo forecast beyond the plan: each trial draws every active constraint's lateness from its
 * reference class (forecast-lateness.ts), given that it is still open today, and runs the same projection
 * as the plan-based timeline. Percentiles of the gate dates over the trials give P50/P80/P95; how often
 * a constraint lies on the critical path gives its criticality index. Randomness comes only from the
 * seed: a constraint's draw in a trial is a pure function of (seed, trial, constraint id) (prng.ts
 * `counterUniform`), so the same inputs and seed give the same forecast whatever the input order, and a
 * program's forecast over its reaching subgraph equals its forecast over any larger graph containing it.
 */

/** Trials when none are given: enough for a P95 that moves by about a day between seeds on typical graphs. */
export const DEFAULT_TRIALS = 2000;

/** The seed (taken modulo 2^32) fixes every draw; see `counterUniform`. */
export type ForecastOptions = LatenessOptions & { readonly trials?: number; readonly seed: number };

/** Forecast dates of one gate. Percentiles are nearest-rank: the ⌈q·trials⌉-th smallest date. */
export interface GateForecast {
  readonly gate: Phase;
  readonly p50: string;
  readonly p80: string;
  readonly p95: string;
}

/** Share of trials (0…1) in which a constraint was on the critical path of the next gate / of production. */
export interface ConstraintCriticality {
  readonly constraintId: string;
  readonly nextGate: number;
  readonly production: number;
}

/** One program's forecast; `criticality` lists constraints ever on a critical path, most critical first. */
export interface ProgramForecast {
  readonly programId: string;
  readonly gates: readonly GateForecast[];
  readonly production: GateForecast | null;
  readonly targetProductionDate: string | null;
  /** Share of trials in which production opens on or before the target; null without target or once in production. */
  readonly onTargetProbability: number | null;
  readonly criticality: readonly ConstraintCriticality[];
}

/** Where the lateness of a reference class came from, for explaining the forecast. */
export interface ReferenceClassUse extends Pick<LatenessModel, 'classSamples' | 'workspaceSamples' | 'weights'> {
  readonly kind: ConstraintKind;
  readonly dimension: Dimension;
}

/** The whole forecast. */
export interface Forecast {
  readonly trials: number;
  readonly programs: readonly ProgramForecast[];
  readonly referenceClasses: readonly ReferenceClassUse[];
}

/** Runs the forecast over `graph` (from compileTimeline) with the workspace's lateness `history`. */
export function forecastTimeline(graph: TimelineGraph, history: readonly LatenessSample[], options: ForecastOptions): Forecast {
  const trials = options.trials ?? DEFAULT_TRIALS;
  if (!Number.isInteger(trials) || trials < 1) throw new RangeError(`trials must be a whole number ≥ 1, got ${trials}`);
  const modelOf = latenessModels(history, options);
  const classes = new Map<string, ReferenceClassUse>();
  const shared = new Map<string, LatenessSampler>();
  const samplers = graph.constraints.map((c, i): LatenessSampler | null => {
    if (graph.active[i] === 0) return null;
    const model = modelOf(c.kind, c.dimension);
    const cls = `${c.kind}/${c.dimension}`;
    if (!classes.has(cls)) classes.set(cls, { kind: c.kind, dimension: c.dimension, classSamples: model.classSamples, workspaceSamples: model.workspaceSamples, weights: model.weights });
    const atLeast = graph.today - (graph.deadline[i] ?? 0);
    const key = `${cls}/${atLeast}`;
    const sampler = shared.get(key) ?? latenessSampler(model, atLeast);
    shared.set(key, sampler);
    return sampler;
  });

  const draw = trialDraws(graph, samplers);
  const n = graph.constraints.length;
  const gateCount = graph.gatePhase.length;
  const own = new Float64Array(n).fill(-Infinity);
  const projection = createProjection(graph);
  const dates = new Float64Array(gateCount * trials);
  const counts = graph.programs.map(() => ({ next: new Map<number, number>(), production: new Map<number, number>() }));
  const bumpers = counts.map((c) => ({
    next: (i: number) => c.next.set(i, (c.next.get(i) ?? 0) + 1),
    production: (i: number) => c.production.set(i, (c.production.get(i) ?? 0) + 1),
  }));

  for (let t = 0; t < trials; t++) {
    draw(trialKey(options.seed, t), own);
    projectInto(graph, own, projection);
    for (let g = 0; g < gateCount; g++) dates[g * trials + t] = projection.gateDate[g] ?? 0;
    bumpers.forEach((bump, p) => {
      const first = graph.programGateStart[p] ?? 0;
      const last = (graph.programGateStart[p + 1] ?? 0) - 1;
      if (last < first) return;
      walkCriticalConstraints(graph, projection, first, bump.next);
      walkCriticalConstraints(graph, projection, last, bump.production);
    });
  }

  const programs = graph.programs.map((program, p): ProgramForecast => {
    const first = graph.programGateStart[p] ?? 0;
    const end = graph.programGateStart[p + 1] ?? 0;
    const gates: GateForecast[] = [];
    let productionDays: Float64Array | null = null;
    for (let g = first; g < end; g++) {
      productionDays = dates.subarray(g * trials, (g + 1) * trials).sort();
      gates.push({ gate: graph.gatePhase[g] ?? 'production', p50: percentile(productionDays, 0.5), p80: percentile(productionDays, 0.8), p95: percentile(productionDays, 0.95) });
    }
    const target = program.targetProductionDate;
    const onTargetProbability = target === null || productionDays === null ? null : countAtMost(productionDays, toDayNumber(target)) / trials;
    return {
      programId: program.id, gates, production: gates[gates.length - 1] ?? null, targetProductionDate: target, onTargetProbability,
      criticality: criticality(graph, counts[p] ?? { next: new Map(), production: new Map() }, trials),
    };
  });
  return { trials, programs, referenceClasses: [...classes.values()] };
}

/** Nearest-rank percentile of sorted day numbers, as a date; monotone in q, so P50 ≤ P80 ≤ P95. */
function percentile(sorted: Float64Array, q: number): string {
  return fromDayNumber(sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? 0);
}

function countAtMost(sorted: Float64Array, day: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? 0) <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Criticality indexes, most critical to production first, then to the next gate, then by ref. */
function criticality(graph: TimelineGraph, counts: { next: Map<number, number>; production: Map<number, number> }, trials: number): ConstraintCriticality[] {
  const ids = new Set([...counts.next.keys(), ...counts.production.keys()]);
  return [...ids]
    .map((i) => ({ i, next: (counts.next.get(i) ?? 0) / trials, production: (counts.production.get(i) ?? 0) / trials }))
    .sort((a, b) => b.production - a.production || b.next - a.next || byText(graph.constraints[a.i]?.ref ?? '', graph.constraints[b.i]?.ref ?? ''))
    .map(({ i, next, production }) => ({ constraintId: graph.constraints[i]?.id ?? '', nextGate: next, production }));
}

/** Code-unit order, independent of locale. */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
