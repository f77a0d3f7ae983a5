import { performance } from 'node:perf_hooks';

/**
 * Timing for `npm run bench`: a subject and its baseline run alternately, one run each per round, so
 * that whatever else the (shared) machine does at a moment slows both; the answer is their p50 and p95
 * in milliseconds and the ratios subject / baseline. Speed goals are read from these ratios, never
 * asserted in tests.
 */

export interface Percentiles {
  readonly p50: number;
  readonly p95: number;
}

export interface Comparison {
  readonly subject: Percentiles;
  readonly baseline: Percentiles;
  /** subject / baseline, per percentile. */
  readonly ratio: Percentiles;
}

/** Round `i` of a run: which input to use, so subject and baseline of a round see the same one. */
export type Measured = (round: number) => unknown;

/** Nearest-rank percentile (`q` in 0…1) of unsorted samples; NaN for none. */
export function percentile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

/** Runs `warmup` untimed rounds, then `runs` timed rounds of baseline then subject. */
export async function compare(subject: Measured, baseline: Measured, runs: number, warmup = 2): Promise<Comparison> {
  for (let i = 0; i < warmup; i++) {
    await baseline(i);
    await subject(i);
  }
  const base: number[] = [];
  const subj: number[] = [];
  for (let i = 0; i < runs; i++) {
    base.push(await timed(() => baseline(warmup + i)));
    subj.push(await timed(() => subject(warmup + i)));
  }
  const subjectP = { p50: percentile(subj, 0.5), p95: percentile(subj, 0.95) };
  const baselineP = { p50: percentile(base, 0.5), p95: percentile(base, 0.95) };
  return { subject: subjectP, baseline: baselineP, ratio: { p50: subjectP.p50 / baselineP.p50, p95: subjectP.p95 / baselineP.p95 } };
}

/** Times one call; with `node --expose-gc` (as `npm run bench` runs) garbage is collected first, outside the timing. */
async function timed(fn: () => unknown): Promise<number> {
  globalThis.gc?.();
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** One report line: what was measured, its figures, the baseline's, the ratios and the target. */
export function formatComparison(label: string, baselineLabel: string, c: Comparison, target: number): string {
  const ms = (p: Percentiles) => `p50 ${p.p50.toFixed(1).padStart(7)} ms  p95 ${p.p95.toFixed(1).padStart(7)} ms`;
  const met = c.ratio.p50 <= target ? 'met' : 'NOT met';
  return `${label.padEnd(48)} ${ms(c.subject)}\n${`  vs ${baselineLabel}`.padEnd(48)} ${ms(c.baseline)}\n`
    + `${'  ratio'.padEnd(48)} p50 ${c.ratio.p50.toFixed(2).padStart(6)}x    p95 ${c.ratio.p95.toFixed(2).padStart(6)}x    target ≤ ${target}x (p50): ${met}`;
}
