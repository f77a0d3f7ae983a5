/**
 * Which monitor an Alertmanager alert belongs to. Two ways, in this order:
 * 1. by name: labels `handoff_program` (program key, any case) and `handoff_monitor` (monitor key) name
 *    one monitor directly; if they name none, the alert is unmatched (never guessed from other labels);
 * 2. by labels: every label matcher of a monitor (`alertLabels`) equals the alert's label of that name;
 *    the monitor with the most matchers wins. Monitors without matchers never match by labels (they
 *    would match every alert). Two winners with as many matchers each are ambiguous: nothing is guessed.
 */

/** A label name the Handoff receiver reads to name the program of an alert directly. */
export const PROGRAM_LABEL = 'handoff_program';
/** A label name the Handoff receiver reads to name the monitor (its key) of an alert directly. */
export const MONITOR_LABEL = 'handoff_monitor';

/** What matching needs of a monitor (only monitors not retired are passed in). */
export interface AlertTarget {
  readonly programKey: string;
  readonly key: string;
  readonly alertLabels: Readonly<Record<string, string>>;
}

/** The outcome of matching one alert. */
export type AlertMatch<M> =
  | { readonly kind: 'matched'; readonly monitor: M; readonly by: 'name' | 'labels' }
  | { readonly kind: 'unmatched' }
  | { readonly kind: 'ambiguous'; readonly candidates: readonly M[] };

/** Finds the monitor of an alert from its labels (see the rules above). */
export function matchAlert<M extends AlertTarget>(labels: Readonly<Record<string, string>>, monitors: readonly M[]): AlertMatch<M> {
  const program = labels[PROGRAM_LABEL];
  const key = labels[MONITOR_LABEL];
  if (program !== undefined && key !== undefined) {
    const named = monitors.find((m) => m.programKey === program.trim().toUpperCase() && m.key === key.trim());
    return named ? { kind: 'matched', monitor: named, by: 'name' } : { kind: 'unmatched' };
  }
  let best: M[] = [];
  let bestSize = 0;
  for (const m of monitors) {
    const matchers = Object.entries(m.alertLabels);
    if (matchers.length === 0 || !matchers.every(([name, value]) => labels[name] === value)) continue;
    if (matchers.length > bestSize) {
      best = [m];
      bestSize = matchers.length;
    } else if (matchers.length === bestSize) {
      best.push(m);
    }
  }
  const [only] = best;
  if (only === undefined) return { kind: 'unmatched' };
  return best.length === 1 ? { kind: 'matched', monitor: only, by: 'labels' } : { kind: 'ambiguous', candidates: best };
}

/**
 * Normalisation of Alertmanager webhook alerts (payload version 4). Times arrive as Go RFC 3339 strings
 * (nanoseconds allowed); an unset time is Go's zero time `0001-01-01T00:00:00Z`. On a firing alert `endsAt`
 * is only when Alertmanager will consider it resolved if no update comes (resolve_timeout), not an end.
 */

/** One alert as the webhook carries it (already checked for shape by the contract). */
export interface WebhookAlert {
  readonly status: 'firing' | 'resolved';
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly fingerprint?: string | undefined;
}

/** An alert ready to record and apply: instants in ms since the epoch, `endsAt` null when unset. */
export interface NormalisedAlert {
  readonly fingerprint: string;
  readonly status: 'firing' | 'resolved';
  readonly startsAt: number;
  readonly endsAt: number | null;
  readonly alertname: string;
  readonly labels: Readonly<Record<string, string>>;
  /** The numeric `value` annotation (else label) of a firing alert, or null. */
  readonly value: number | null;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The instant of a Go time string in ms, or null for the zero time (or anything before 1970, never a real alert time). */
export function goTime(value: string): number | null {
  const ms = Date.parse(value);
  return Number.isFinite(ms) && ms >= 0 ? ms : null;
}

/** A finite number written as text (`0.31`, `1e-3`), else null: `NaN`, `+Inf` and prose are not values. */
export function numericText(text: string | undefined): number | null {
  if (text === undefined || !NUMBER.test(text.trim())) return null;
  const n = Number(text.trim());
  return Number.isFinite(n) ? n : null;
}

/**
 * An alert's identity when the sender gave no `fingerprint` (Alertmanager always does; hand-written senders
 * may not): its labels, sorted by name, which is what Alertmanager's fingerprint hashes.
 */
export function labelsFingerprint(labels: Readonly<Record<string, string>>): string {
  return `labels:${JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))}`;
}

/**
 * Normalises one webhook alert. An unset `startsAt` (never sent by Alertmanager) becomes the epoch, so the
 * alert is still recorded once and a resend is still a duplicate.
 */
export function normaliseAlert(alert: WebhookAlert): NormalisedAlert {
  const startsAt = goTime(alert.startsAt) ?? 0;
  const fingerprint = alert.fingerprint?.trim() || labelsFingerprint(alert.labels);
  return {
    fingerprint,
    status: alert.status,
    startsAt,
    endsAt: goTime(alert.endsAt),
    alertname: alert.labels.alertname ?? '',
    labels: alert.labels,
    value: alert.status === 'firing' ? numericText(alert.annotations.value) ?? numericText(alert.labels.value) : null,
  };
}

/**
 * The order alerts of one group are applied in: by `startsAt`, a firing before the resolution of the same
 * start, then by fingerprint, so the outcome does not depend on the order Alertmanager listed them.
 */
export function compareAlerts(a: NormalisedAlert, b: NormalisedAlert): number {
  if (a.startsAt !== b.startsAt) return a.startsAt - b.startsAt;
  if (a.status !== b.status) return a.status === 'firing' ? -1 : 1;
  return a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0;
}

/** When a resolved alert ended: its `endsAt`, or `receivedAt` (ms) when Alertmanager left it at the zero time. */
export function resolvedAt(alert: NormalisedAlert, receivedAt: number): number {
  return alert.endsAt ?? receivedAt;
}
