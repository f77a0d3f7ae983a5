import { isClosedStatus, type ConstraintStatus, type MonitorDirection, type MonitorState } from './vocabulary.js';

/**
 * Monitored thresholds (issue 5): how a monitor's state follows from its readings, what a change of state
 * does to its risk constraint, and which monitor an Alertmanager alert belongs to.
 *
 * The rule: the state is judged on the MEAN of the readings inside the evaluation window, the
 * `windowMinutes` ending at the evaluation instant (start excluded, end included). The mean is compared
 * with the breach threshold first, then the warning threshold, in the monitor's direction. A value
 * exactly AT a threshold has crossed it (PSI 0.25 against a breach threshold of 0.25 is a breach;
 * accuracy 0.90 against a "below" breach threshold of 0.90 is a breach): a threshold names the first
 * bad value, so nobody argues about the last good one. No reading in the window means `unknown`.
 */

/** What the evaluation needs of a monitor; thresholds are in the metric's unit. */
export interface MonitorRule {
  readonly direction: MonitorDirection;
  /** Null: no warning level, only ok or breach. */
  readonly warningThreshold: number | null;
  readonly breachThreshold: number;
  /** Length of the evaluation window, 1 to 525,600 minutes (one year). */
  readonly windowMinutes: number;
}

/** One reading: when it was observed (milliseconds since the epoch) and its value. */
export interface MonitorReading {
  readonly observedAt: number;
  readonly value: number;
}

/** The outcome of one evaluation: the state and what it was judged on (mean null when unknown). */
export interface MonitorEvaluation {
  readonly state: MonitorState;
  readonly mean: number | null;
  readonly count: number;
}

/** True when `value` has reached `threshold` on the bad side (`above`: at or over it; `below`: at or under it). */
export function crosses(direction: MonitorDirection, value: number, threshold: number): boolean {
  return direction === 'above' ? value >= threshold : value <= threshold;
}

/** The state one value stands for: breach first, then warning, else ok. */
export function classifyValue(rule: Pick<MonitorRule, 'direction' | 'warningThreshold' | 'breachThreshold'>, value: number): Exclude<MonitorState, 'unknown'> {
  if (crosses(rule.direction, value, rule.breachThreshold)) return 'breach';
  if (rule.warningThreshold !== null && crosses(rule.direction, value, rule.warningThreshold)) return 'warning';
  return 'ok';
}

/**
 * Evaluates a monitor at instant `at` (ms) from the readings in its window (`at - windowMinutes`, `at`].
 * Readings outside the window are ignored, so the caller may pass more than the window holds. The mean is
 * computed incrementally, which keeps it exact when all readings are equal (a constant reading sitting on
 * a threshold stays on it rather than drifting by rounding).
 */
export function evaluateMonitor(rule: MonitorRule, readings: readonly MonitorReading[], at: number): MonitorEvaluation {
  const from = at - rule.windowMinutes * 60_000;
  let mean = 0;
  let count = 0;
  for (const r of readings) {
    if (r.observedAt <= from || r.observedAt > at) continue;
    count += 1;
    mean += (r.value - mean) / count;
  }
  if (count === 0) return { state: 'unknown', mean: null, count };
  return { state: classifyValue(rule, mean), mean, count };
}

/**
 * What a change of state means for the monitor's risk constraint (`constraint`: its status, null when the
 * monitor has none yet). Entering `breach` opens one, re-opens a closed one, or only notes the breach on an
 * active one (never a second constraint). Leaving `breach` for ok or warning records the recovery on the
 * constraint, which stays open: a recovered metric is not a fixed cause, so closing is left to its owner.
 * Moving to `unknown` (no data) is neither a breach nor a recovery. A monitor still in breach without a
 * constraint (its owner role and the sponsor were vacant) opens one as soon as an evaluation finds an owner.
 */
export type MonitorTransition =
  | { readonly kind: 'open' }
  | { readonly kind: 'reopen' }
  | { readonly kind: 'note-breach' }
  | { readonly kind: 'recover' }
  | { readonly kind: 'none' };

/** Decides what a move from `prev` to `next` does to the monitor's constraint (see MonitorTransition). */
export function transition(prev: MonitorState, next: MonitorState, constraint: ConstraintStatus | null): MonitorTransition {
  // A breach without a constraint (nobody could own it when it began) tries again at every evaluation.
  if (next === 'breach' && constraint === null) return { kind: 'open' };
  if (next === 'breach' && prev !== 'breach') return isClosedStatus(constraint ?? 'open') ? { kind: 'reopen' } : { kind: 'note-breach' };
  if (prev === 'breach' && (next === 'ok' || next === 'warning') && constraint !== null) return { kind: 'recover' };
  return { kind: 'none' };
}

/**
 * Why a pair of thresholds is refused, or null when fine: the warning threshold must sit strictly on the
 * safe side of the breach threshold (below it for `above`, above it for `below`), or a warning could never
 * show before the breach.
 */
export function thresholdProblem(direction: MonitorDirection, warning: number | null, breach: number): string | null {
  if (warning === null) return null;
  if (direction === 'above' && warning >= breach) return `must be below the breach threshold (${formatValue(breach)}) when higher values are worse`;
  if (direction === 'below' && warning <= breach) return `must be above the breach threshold (${formatValue(breach)}) when lower values are worse`;
  return null;
}

/** A number as people read it: at most six significant digits, no trailing zeros. */
export function formatValue(value: number): string {
  // Three significant digits read well in a title (44.3%, 0.312); whole numbers from 1,000 up keep every digit.
  return String(Math.abs(value) >= 1000 ? Math.round(value) : Number(value.toPrecision(3)));
}

/** A value with its unit: a space before a unit that starts with a letter (`412 ms`), none before `%`. */
export function withUnit(value: number, unit: string): string {
  if (unit === '') return formatValue(value);
  return /^[A-Za-z]/.test(unit) ? `${formatValue(value)} ${unit}` : `${formatValue(value)}${unit}`;
}

/** The title of a breach's risk constraint, e.g. "Claims model drift breached: 0.31 (threshold 0.25)". */
export function breachTitle(name: string, unit: string, breachThreshold: number, value: number | null): string {
  const seen = value === null ? 'alert firing' : withUnit(value, unit);
  return `${name} breached: ${seen} (threshold ${withUnit(breachThreshold, unit)})`;
}
