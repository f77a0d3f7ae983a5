/**
 * The weekly review of a program's constraint library: the decisions a review can take on each active
 * constraint, what each one does, when a constraint counts as stale, and the order of the agenda.
 * Instants are ISO strings passed in: no clock here.
 */

/** The decisions a review takes, one per constraint reviewed. */
export const REVIEW_DECISIONS = ['on-track', 'at-risk', 're-plan', 'escalate-now', 'resolved'] as const;
/** One review decision. */
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** A constraint not reviewed for more than this many days is stale: the library is meant to be reviewed weekly. */
export const STALE_AFTER_DAYS = 7;

const DAY_MS = 86_400_000;

/**
 * The instant (ISO) before which a review (or, for a constraint never reviewed, its creation) makes a
 * constraint stale at `now`. Databases filter with this cutoff so that they agree with `isStale`.
 */
export function staleCutoff(now: string): string {
  return new Date(Date.parse(now) - STALE_AFTER_DAYS * DAY_MS).toISOString();
}

/**
 * True when the constraint was last reviewed (or, never reviewed, created) strictly more than
 * STALE_AFTER_DAYS before `now`. All three are ISO instants; exactly seven days is not yet stale.
 * Callers decide whether closed constraints can be stale at all (the API says they are not).
 */
export function isStale(lastReviewedAt: string | null, createdAt: string, now: string): boolean {
  return Date.parse(lastReviewedAt ?? createdAt) < Date.parse(staleCutoff(now));
}

/**
 * What a decision does to its constraint, besides marking it reviewed:
 * - `on-track` and `at-risk` only record the judgement (at-risk deliberately changes no field: severity
 *   stays the owner's call, and the review keeps the flag with its note);
 * - `re-plan` moves the deadline through the ordinary update rules (a reason is required; a new
 *   escalation cycle starts);
 * - `escalate-now` fires the next escalation level at once;
 * - `resolved` closes the constraint through the ordinary update rules.
 */
export type ReviewEffect =
  | { readonly kind: 'record-only' }
  | { readonly kind: 'update'; readonly patch: { readonly deadline: string; readonly reason: string } | { readonly status: 'resolved'; readonly reason?: string } }
  | { readonly kind: 'escalate' };

/** Why a review item cannot be applied: the field of the item at fault and a sentence for people. */
export interface ReviewItemProblem {
  readonly field: 'newDeadline' | 'reason';
  readonly message: string;
}

/** A review item as the rules see it (already validated for shape). */
export interface ReviewItemInput {
  readonly decision: ReviewDecision;
  readonly note?: string | undefined;
  readonly newDeadline?: string | undefined;
  readonly reason?: string | undefined;
}

/**
 * Plans one item against the constraint's current deadline: its effect, or the problems that refuse it.
 * A re-plan needs a new deadline that differs from the current one and a reason; other decisions take
 * neither. A `resolved` item's note becomes the reason kept in history.
 */
export function planReviewItem(
  item: ReviewItemInput,
  currentDeadline: string,
): { readonly kind: 'ok'; readonly effect: ReviewEffect } | { readonly kind: 'invalid'; readonly problems: readonly ReviewItemProblem[] } {
  const problems: ReviewItemProblem[] = [];
  const reason = item.reason?.trim() ?? '';
  if (item.decision === 're-plan') {
    if (item.newDeadline === undefined) problems.push({ field: 'newDeadline', message: 'is required for re-plan' });
    else if (item.newDeadline === currentDeadline) problems.push({ field: 'newDeadline', message: `is the current deadline (${currentDeadline}): a re-plan moves it` });
    if (reason === '') problems.push({ field: 'reason', message: 'is required for re-plan: why the deadline moves is kept in the history' });
    if (problems.length > 0 || item.newDeadline === undefined) return { kind: 'invalid', problems };
    return { kind: 'ok', effect: { kind: 'update', patch: { deadline: item.newDeadline, reason } } };
  }
  if (item.newDeadline !== undefined) problems.push({ field: 'newDeadline', message: 'is only taken by a re-plan' });
  if (reason !== '') problems.push({ field: 'reason', message: 'is only taken by a re-plan (use note)' });
  if (problems.length > 0) return { kind: 'invalid', problems };
  if (item.decision === 'escalate-now') return { kind: 'ok', effect: { kind: 'escalate' } };
  if (item.decision === 'resolved') {
    const note = item.note?.trim() ?? '';
    return { kind: 'ok', effect: { kind: 'update', patch: note === '' ? { status: 'resolved' } : { status: 'resolved', reason: note } } };
  }
  return { kind: 'ok', effect: { kind: 'record-only' } };
}

/** What the agenda needs to order one constraint. */
export interface AgendaEntry {
  readonly overdue: boolean;
  readonly deadline: string;
  /** Tie-breaker for a stable order, e.g. the constraint number. */
  readonly number: number;
}

/** Agenda order: overdue constraints first, then by deadline (earliest first), then by number. */
export function compareAgendaEntries(a: AgendaEntry, b: AgendaEntry): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.deadline !== b.deadline) return a.deadline < b.deadline ? -1 : 1;
  return a.number - b.number;
}
