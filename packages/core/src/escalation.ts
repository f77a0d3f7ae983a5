import { addDays, startOfLocalDay } from './calendar.js';

/**
 * The escalation ladder of a constraint (METHOD.md section 4): past its deadline a constraint climbs
 * owner → sponsor → board without anyone carrying the bad news, each level exactly once per clock cycle.
 * Times are epoch milliseconds passed in; this module reads no clock.
 */

/**
 * Who a level notifies: an escalation role resolved per constraint (owner, sponsor, board), a governance
 * role of the program (drift-monitor, …; its key never collides with those three, see RESERVED_ROLE_KEYS),
 * or a named person. Both kinds of role are looked up in the RoleDirectory by their key.
 */
export type EscalationTarget =
  | { readonly kind: 'role'; readonly role: string }
  | { readonly kind: 'program-role'; readonly role: string }
  | { readonly kind: 'person'; readonly personId: string };

/** `not-acknowledged`: fires unless someone acknowledged; `not-resolved`: fires while the constraint is open. */
export type EscalationCondition = 'not-acknowledged' | 'not-resolved';

/** One rung. `offsetDays` counts from the deadline day: -3 = three days before, 0 = on the day, 7 = seven days overdue. */
export interface EscalationLevel {
  readonly name: string;
  readonly offsetDays: number;
  readonly condition: EscalationCondition;
  readonly targets: readonly EscalationTarget[];
  /** Reaching this level creates a decision request for the board. */
  readonly createsDecision: boolean;
}

/** An ordered ladder (by offsetDays ascending) and how long an acknowledgement holds it. */
export interface EscalationPolicy {
  readonly levels: readonly EscalationLevel[];
  readonly acknowledgementHoldDays: number;
}

/** The default ladder: reminder to the owner 3 days before → owner on the day → sponsor 7 days late → board 21 days late. */
export const DEFAULT_ESCALATION_POLICY: EscalationPolicy = {
  acknowledgementHoldDays: 3,
  levels: [
    { name: 'reminder', offsetDays: -3, condition: 'not-acknowledged', targets: [{ kind: 'role', role: 'owner' }], createsDecision: false },
    { name: 'due', offsetDays: 0, condition: 'not-acknowledged', targets: [{ kind: 'role', role: 'owner' }], createsDecision: false },
    { name: 'sponsor', offsetDays: 7, condition: 'not-resolved', targets: [{ kind: 'role', role: 'sponsor' }], createsDecision: false },
    { name: 'board', offsetDays: 21, condition: 'not-resolved', targets: [{ kind: 'role', role: 'board' }], createsDecision: true },
  ],
};

/** Where a constraint stands in its current clock cycle (a deadline move starts a new cycle with nothing fired). */
export interface EscalationClock {
  readonly deadline: string;
  /** Open or in progress; closed constraints never escalate. */
  readonly active: boolean;
  /** Indexes of levels already fired or skipped in this cycle. */
  readonly done: readonly number[];
  readonly acknowledgedAt: number | null;
  /** Set while paused: the clock is frozen from this instant. */
  readonly pausedAt: number | null;
  /** Paused time already served in this cycle, added to every level's time. */
  readonly pausedMs: number;
}

/** The people each role resolves to for one constraint; an empty list or missing role is vacant. */
export type RoleDirectory = Readonly<Record<string, readonly string[]>>;

/** One thing the sweep must do for a level now. */
export type EscalationAction =
  | { readonly kind: 'notify'; readonly level: number; readonly recipients: readonly string[]; readonly createsDecision: boolean }
  /** Nobody holds the level's targets: skipped, and the next level is due at once. */
  | { readonly kind: 'skip'; readonly level: number; readonly vacant: readonly string[] };

export interface EscalationPlan {
  readonly actions: readonly EscalationAction[];
  /** When the next not-yet-due level falls due, or null when none can (closed, paused, ladder done). */
  readonly nextAt: number | null;
}

const DAY_MS = 86_400_000;

/** The instant a level falls due: the start of local day `deadline + offsetDays`, shifted by paused time. */
export function levelDueAt(level: EscalationLevel, clock: Pick<EscalationClock, 'deadline' | 'pausedMs'>, timeZone: string): number {
  return startOfLocalDay(addDays(clock.deadline, level.offsetDays), timeZone) + clock.pausedMs;
}

/** Resolves a level's targets to distinct person ids, naming the vacant roles. */
export function resolveTargets(level: EscalationLevel, directory: RoleDirectory): { recipients: string[]; vacant: string[] } {
  const recipients = new Set<string>();
  const vacant: string[] = [];
  for (const t of level.targets) {
    if (t.kind === 'person') { recipients.add(t.personId); continue; }
    const holders = directory[t.role] ?? [];
    if (holders.length === 0) vacant.push(t.role);
    for (const p of holders) recipients.add(p);
  }
  return { recipients: [...recipients], vacant };
}

/**
 * What to fire now. Each level not yet done fires once when due; an acknowledgement holds every level
 * until `acknowledgedAt + hold`, and `not-acknowledged` levels never fire after one. A level whose
 * targets are all vacant is skipped and makes the next level due at once. Paused or closed: nothing.
 */
export function planEscalation(
  policy: EscalationPolicy,
  clock: EscalationClock,
  now: number,
  timeZone: string,
  directory: RoleDirectory,
  /** `escalate-now` from a review: the next level not yet done fires now, whatever its time or hold. */
  options: { readonly forceNext?: boolean } = {},
): EscalationPlan {
  if (!clock.active || clock.pausedAt !== null) return { actions: [], nextAt: null };
  const done = new Set(clock.done);
  const holdUntil = clock.acknowledgedAt === null ? null : clock.acknowledgedAt + policy.acknowledgementHoldDays * DAY_MS;
  const actions: EscalationAction[] = [];
  let carried = options.forceNext === true;
  let nextAt: number | null = null;
  policy.levels.forEach((level, index) => {
    if (done.has(index)) return;
    if (level.condition === 'not-acknowledged' && clock.acknowledgedAt !== null) return;
    const dueAt = Math.max(levelDueAt(level, clock, timeZone), holdUntil ?? Number.NEGATIVE_INFINITY);
    const held = holdUntil !== null && now < holdUntil && !carried;
    if (!held && (dueAt <= now || carried)) {
      const { recipients, vacant } = resolveTargets(level, directory);
      if (recipients.length === 0) {
        actions.push({ kind: 'skip', level: index, vacant });
        carried = true;
      } else {
        actions.push({ kind: 'notify', level: index, recipients, createsDecision: level.createsDecision });
        carried = false;
      }
      return;
    }
    nextAt = nextAt === null ? dueAt : Math.min(nextAt, dueAt);
  });
  return { actions, nextAt };
}

/** The highest level reached in this cycle (fired or skipped), or -1 before the first. */
export function currentLevel(clock: Pick<EscalationClock, 'done'>): number {
  return clock.done.length === 0 ? -1 : Math.max(...clock.done);
}

/**
 * When the sweep should next look at this constraint: the earliest instant a level not yet done can
 * fire (acknowledgement hold included), or null when closed, paused or nothing is left to fire.
 * Already-due levels give a past instant, so the next sweep picks them up.
 */
export function nextDueAt(policy: EscalationPolicy, clock: EscalationClock, timeZone: string): number | null {
  if (!clock.active || clock.pausedAt !== null) return null;
  const done = new Set(clock.done);
  const holdUntil = clock.acknowledgedAt === null ? Number.NEGATIVE_INFINITY : clock.acknowledgedAt + policy.acknowledgementHoldDays * DAY_MS;
  let next: number | null = null;
  policy.levels.forEach((level, index) => {
    if (done.has(index)) return;
    if (level.condition === 'not-acknowledged' && clock.acknowledgedAt !== null) return;
    const at = Math.max(levelDueAt(level, clock, timeZone), holdUntil);
    next = next === null ? at : Math.min(next, at);
  });
  return next;
}
