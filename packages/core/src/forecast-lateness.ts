import { normalQuantile, normalUpperTail } from './normal-distribution.js';
import type { ConstraintKind, Dimension } from './vocabulary.js';

/**
 * Reference-class forecasting of lateness (Kahneman & Tversky's "outside view"; Flyvbjerg, "From Nobel
 * Prize to Project Management: Getting Risks Right", 2006): how late a constraint will resolve is read
 * from how late constraints of the same kind and dimension actually resolved in this workspace, not from
 * its owner's estimate. Lateness is in whole days: resolution date minus deadline (negative when early).
 *
 * A class with fewer than K samples is shrunk toward the whole workspace's history, and a workspace with
 * fewer than K toward a prior, each level weighted min(1, samples / K). The prior is right-skewed on
 * purpose: the planning fallacy (Buehler, Griffin & Ross 1994) and overrun studies (Flyvbjerg 2006) find
 * that work finishes late far more often and by far more than it finishes early, with a long tail.
 */

/** Resolved constraints of the workspace's history that share kind, dimension and lateness. */
export interface LatenessSample {
  readonly kind: ConstraintKind;
  readonly dimension: Dimension;
  /** Resolution date minus deadline, in whole days (rounded if not whole). */
  readonly lateDays: number;
  /**
   * How many resolved constraints this sample stands for (a whole number ≥ 0; default 1), so a history read
   * grouped by (kind, dimension, lateness) is used as it comes instead of one object per constraint.
   */
  readonly count?: number;
}

/**
 * K: below this many samples a class (or the workspace) is blended with the level above. 20 because an
 * empirical P95 needs at least 20 observations to be anything but the largest one seen.
 */
export const MIN_CLASS_SAMPLES = 20;

/** Shifted lognormal: lateness = shiftDays + scaleDays · exp(sigma · Z), Z standard normal; median shift + scale. */
export interface LatenessPrior {
  readonly shiftDays: number;
  readonly scaleDays: number;
  readonly sigma: number;
}

/**
 * The default prior, a judgement rather than a measurement: at most a week early, median a week late,
 * P80 about 21 days and P95 about 46 days late (after rounding up to whole days).
 */
export const DEFAULT_LATENESS_PRIOR: LatenessPrior = { shiftDays: -7, scaleDays: 14, sigma: 0.8 };

/** One part of the mixture: sorted observed lateness, or the prior rounded up to whole days. */
export type LatenessComponent =
  | { readonly kind: 'empirical'; readonly weight: number; readonly sorted: readonly number[] }
  | { readonly kind: 'prior'; readonly weight: number; readonly prior: LatenessPrior };

/** The lateness distribution of one reference class, with the weights that explain it. */
export interface LatenessModel {
  readonly classSamples: number;
  readonly workspaceSamples: number;
  /** Shares of the class history, the workspace history and the prior; they sum to 1. */
  readonly weights: { readonly class: number; readonly workspace: number; readonly prior: number };
  readonly components: readonly LatenessComponent[];
  readonly prior: LatenessPrior;
}

/** Options for building lateness models. */
export interface LatenessOptions {
  readonly minClassSamples?: number;
  readonly prior?: LatenessPrior;
}

/** Builds the model of every reference class from the workspace history; returns a lookup by class. */
export function latenessModels(history: readonly LatenessSample[], options: LatenessOptions = {}): (kind: ConstraintKind, dimension: Dimension) => LatenessModel {
  const k = options.minClassSamples ?? MIN_CLASS_SAMPLES;
  const prior = options.prior ?? DEFAULT_LATENESS_PRIOR;
  // Counts per class and lateness first, then each sorted list is written out once (linear in the samples
  // plus the distinct lateness values, which a history read grouped by lateness keeps small).
  const byClass = new Map<string, Map<number, number>>();
  const all = new Map<number, number>();
  for (const s of history) {
    const n = s.count ?? 1;
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`a lateness sample's count must be a whole number ≥ 0, got ${n}`);
    if (n === 0) continue;
    const days = Math.round(s.lateDays);
    all.set(days, (all.get(days) ?? 0) + n);
    const key = `${s.kind}/${s.dimension}`;
    let counts = byClass.get(key);
    if (!counts) byClass.set(key, (counts = new Map()));
    counts.set(days, (counts.get(days) ?? 0) + n);
  }
  const allSorted = sortedFromCounts(all);
  const cache = new Map<string, LatenessModel>();
  return (kind, dimension) => {
    const key = `${kind}/${dimension}`;
    const cached = cache.get(key);
    if (cached) return cached;
    const counts = byClass.get(key);
    const own = counts ? sortedFromCounts(counts) : [];
    const wClass = Math.min(1, own.length / k);
    const wWorkspace = (1 - wClass) * Math.min(1, allSorted.length / k);
    const wPrior = 1 - wClass - wWorkspace;
    const model: LatenessModel = {
      classSamples: own.length, workspaceSamples: allSorted.length, prior,
      weights: { class: wClass, workspace: wWorkspace, prior: wPrior },
      components: [
        { kind: 'empirical' as const, weight: wClass, sorted: own },
        { kind: 'empirical' as const, weight: wWorkspace, sorted: allSorted },
        { kind: 'prior' as const, weight: wPrior, prior },
      ].filter((c) => c.weight > 0),
    };
    cache.set(key, model);
    return model;
  };
}

/** Every lateness value repeated as often as it was counted, ascending. */
function sortedFromCounts(counts: ReadonlyMap<number, number>): number[] {
  const values = [...counts.keys()].sort((a, b) => a - b);
  const out: number[] = [];
  for (const v of values) for (let i = counts.get(v) ?? 0; i > 0; i--) out.push(v);
  return out;
}

function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? 0) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** P(lateness ≥ x) under the prior rounded up to whole days, i.e. P(L > x - 1). */
function priorTail(prior: LatenessPrior, x: number): number {
  const y = x - 1 - prior.shiftDays;
  return y <= 0 ? 1 : normalUpperTail(Math.log(y / prior.scaleDays) / prior.sigma);
}

/** P(lateness ≥ x) for one component. */
function tail(c: LatenessComponent, x: number): number {
  if (c.kind === 'prior') return priorTail(c.prior, x);
  return c.sorted.length === 0 ? 0 : (c.sorted.length - lowerBound(c.sorted, x)) / c.sorted.length;
}

/** A draw from the prior given lateness ≥ atLeast, whose tail probability is `t` > 0; `u` uniform in [0, 1). */
function drawPrior(prior: LatenessPrior, atLeast: number, t: number, u: number): number {
  const s = Math.min(1 - 1e-16, Math.max(1e-300, t * (1 - u)));
  const late = prior.shiftDays + prior.scaleDays * Math.exp(-prior.sigma * normalQuantile(s));
  return Math.max(atLeast, Math.ceil(late));
}

/**
 * One part of a conditional sampler, all parts one shape so drawing stays monomorphic: the prior (`prior`
 * set, `tail` its probability beyond the bound) or observations (`sorted[from .. from + count)`).
 */
interface SamplerPart {
  readonly prior: LatenessPrior | null;
  readonly tail: number;
  readonly sorted: readonly number[];
  readonly from: number;
  readonly count: number;
}

/** A compiled sampler of lateness given that it is at least `atLeast` days; draw with `drawLateness`. */
export interface LatenessSampler {
  readonly atLeast: number;
  readonly parts: readonly SamplerPart[];
  /** Cumulative shares: part i takes uniforms in [bounds[i], bounds[i+1]). */
  readonly bounds: readonly number[];
}

/**
 * Compiles the sampler of lateness given that it is at least `atLeast` days (a constraint still open
 * today is at least today − deadline days late): each component is weighted by its weight times its tail
 * beyond `atLeast`. When no history reaches that far, the prior's tail is used; when even that is nil, it
 * resolves today (no parts).
 */
export function latenessSampler(model: LatenessModel, atLeast: number): LatenessSampler {
  const weighted = model.components.map((c) => ({ c, w: c.weight * tail(c, atLeast) })).filter((p) => p.w > 0);
  const total = weighted.reduce((sum, p) => sum + p.w, 0);
  const priorPart = (prior: LatenessPrior, t: number): SamplerPart => ({ prior, tail: t, sorted: [], from: 0, count: 0 });
  if (total <= 0) {
    const t = priorTail(model.prior, atLeast);
    return { atLeast, parts: t > 0 ? [priorPart(model.prior, t)] : [], bounds: [0, 1] };
  }
  const parts = weighted.map(({ c, w }): SamplerPart => {
    if (c.kind === 'prior') return priorPart(c.prior, w / c.weight);
    const from = lowerBound(c.sorted, atLeast);
    return { prior: null, tail: 0, sorted: c.sorted, from, count: c.sorted.length - from };
  });
  const bounds = [0];
  let sum = 0;
  for (const p of weighted) bounds.push((sum += p.w / total));
  return { atLeast, parts, bounds };
}

/** One draw of a compiled sampler from a uniform `u` in [0, 1): its position among the parts picks one, the rest of it draws within. */
export function drawLateness(s: LatenessSampler, u: number): number {
  const { parts, bounds, atLeast } = s;
  const m = parts.length;
  if (m === 0) return atLeast;
  let i = 0;
  while (i < m - 1 && u >= (bounds[i + 1] ?? 1)) i++;
  const low = bounds[i] ?? 0;
  const within = Math.min(Math.max((u - low) / ((bounds[i + 1] ?? 1) - low), 0), 1 - Number.EPSILON);
  const part = parts[i];
  if (!part) return atLeast;
  if (part.prior) return drawPrior(part.prior, atLeast, part.tail, within);
  return part.sorted[part.from + Math.floor(within * part.count)] ?? atLeast;
}

/** `latenessSampler` as a function of one uniform in [0, 1). */
export function conditionalSampler(model: LatenessModel, atLeast: number): (u: number) => number {
  const sampler = latenessSampler(model, atLeast);
  return (u) => drawLateness(sampler, u);
}

/** P(lateness ≥ x) for the whole model. */
function modelTail(model: LatenessModel, x: number): number {
  return model.components.reduce((sum, c) => sum + c.weight * tail(c, x), 0);
}

/**
 * Forecast days beyond today for a constraint `daysOverdue` days past its deadline: the `quantile`
 * (default the median) of its lateness given it is at least that late, minus the days already passed.
 * This is what the plan-based timeline takes as `overdueLateness`.
 */
export function overdueLatenessForecast(model: LatenessModel, daysOverdue: number, quantile = 0.5): number {
  let m = model;
  if (modelTail(m, daysOverdue) <= 0) m = { ...model, components: [{ kind: 'prior', weight: 1, prior: model.prior }] };
  const base = modelTail(m, daysOverdue);
  if (base <= 0) return 0;
  // Smallest x ≥ daysOverdue with P(lateness > x | lateness ≥ daysOverdue) ≤ 1 − quantile; the tail falls as x grows.
  let lo = daysOverdue;
  let hi = daysOverdue + 36_525;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (modelTail(m, mid + 1) <= (1 - quantile) * base) hi = mid;
    else lo = mid + 1;
  }
  return lo - daysOverdue;
}
