import { drawLateness, type LatenessSampler } from './forecast-lateness.js';
import { fillUniforms, streamKeys } from './prng.js';
import type { TimelineGraph } from './timeline-graph.js';

/**
 * The Monte Carlo's per-trial draws as flat columns over the active constraints. Each constraint's draw
 * is `drawLateness(sampler, counterUniform(trialMix, streamKey(id)))`: a pure function of (seed, trial, id).
 * A sampler with a single observed part (the common case once a class has K samples) is drawn from a
 * pooled Int32Array by index, which gives the same value as `drawLateness` (its only bound is [0, 1),
 * so the uniform is used as is) without the per-part dispatch.
 */

/** Sets `own[i]` = deadline + drawn lateness of each active constraint i for the trial `trialMix` (prng.ts `trialKey`). */
export type TrialDraws = (trialMix: number, own: Float64Array) => void;

/** Compiles the draws of `graph` given each constraint's sampler (null: closed, not drawn). */
export function trialDraws(graph: TimelineGraph, samplers: readonly (LatenessSampler | null)[]): TrialDraws {
  const index = graph.constraints.flatMap((_, i) => (samplers[i] ? [i] : []));
  const count = index.length;
  const sampler = index.flatMap((i) => samplers[i] ?? []);
  const deadline = Int32Array.from(index, (i) => graph.deadline[i] ?? 0);
  const keys = streamKeys(index.map((i) => graph.constraints[i]?.id ?? ''));
  const uniforms = new Float64Array(count);
  // Fast path: start of the observations in the pool and how many, or -1 for the general path.
  const pools = new Map<readonly number[], number>();
  const pooled: number[] = [];
  const fastStart = new Int32Array(count).fill(-1);
  const fastCount = new Int32Array(count);
  sampler.forEach((s, k) => {
    const part = s.parts[0];
    if (s.parts.length !== 1 || !part || part.prior || part.count <= 0) return;
    let base = pools.get(part.sorted);
    if (base === undefined) {
      base = pooled.length;
      pools.set(part.sorted, base);
      pooled.push(...part.sorted);
    }
    fastStart[k] = base + part.from;
    fastCount[k] = part.count;
  });
  const pool = Int32Array.from(pooled);
  return (trialMix, own) => {
    fillUniforms(trialMix, keys, uniforms);
    for (let k = 0; k < count; k++) {
      const u = uniforms[k] ?? 0;
      const start = fastStart[k] ?? -1;
      const s = sampler[k];
      const late = start >= 0 ? (pool[start + Math.floor(u * (fastCount[k] ?? 0))] ?? 0) : s ? drawLateness(s, u) : 0;
      own[index[k] ?? 0] = (deadline[k] ?? 0) + late;
    }
  };
}
