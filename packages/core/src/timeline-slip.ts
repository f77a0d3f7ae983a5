import { fromDayNumber } from './day-number.js';
import type { Timeline } from './timeline.js';
import type { Phase } from './vocabulary.js';

/**
 * Slip: "if this constraint resolves N days later than projected, which gates move, and by how much?"
 * Because finishes chain by max (they do not add), a constraint c finishing N days later raises every
 * finish and gate it reaches to at most finish(c) + N. So each reached gate g moves by
 * max(0, N - (date(g) - finish(c))): monotone in N, never more than N, never negative, and zero while N
 * is within the constraint's slack (the smallest of those margins). Costs only the part of the graph
 * the constraint reaches.
 */

/** Days a gate moves when something with `slackDays` of margin to it slips by `days`. */
export function delayForSlip(slackDays: number, days: number): number {
  return Math.max(0, days - slackDays);
}

/** One gate the slipping constraint reaches. */
export interface GateSlip {
  readonly gate: Phase;
  readonly projectedDate: string;
  /** Days between the constraint's projected finish and this gate's projected date. */
  readonly marginDays: number;
  readonly delayDays: number;
  readonly newDate: string;
}

/** The gates of one program the constraint reaches, from the first reached to production. */
export interface ProgramSlip {
  readonly programId: string;
  readonly gates: readonly GateSlip[];
  /** Days the program's next gate moves (0 when the constraint does not reach it). */
  readonly nextGateDelayDays: number;
  readonly productionDelayDays: number;
}

/** The impact of a slip; `slackDays` is null when the constraint reaches no gate. */
export type SlipImpact =
  | {
    readonly kind: 'impact';
    readonly constraintId: string;
    readonly days: number;
    readonly projectedFinish: string;
    readonly slackDays: number | null;
    readonly programs: readonly ProgramSlip[];
  }
  | { readonly kind: 'unknown-constraint'; readonly constraintId: string }
  /** A resolved or accepted constraint cannot slip: it blocks nothing. */
  | { readonly kind: 'closed'; readonly constraintId: string };

/**
 * What happens if `constraintId` resolves `days` (a whole number ≥ 0) later than projected, per program
 * and gate it reaches through its active dependents. Throws RangeError for a bad `days` (callers validate).
 */
export function impactOfSlip(timeline: Timeline, constraintId: string, days: number): SlipImpact {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be a whole number ≥ 0, got ${days}`);
  const { graph, projection } = timeline;
  const c = graph.indexById.get(constraintId);
  if (c === undefined) return { kind: 'unknown-constraint', constraintId };
  if (graph.active[c] === 0) return { kind: 'closed', constraintId };
  const finish = projection.finish[c] ?? 0;

  // First reached gate per program: later gates of the same program follow it (gates open in sequence).
  const firstGate = new Map<number, number>();
  const seen = new Set([c]);
  const stack = [c];
  for (let i = stack.pop(); i !== undefined; i = stack.pop()) {
    const slot = graph.blockGate[i] ?? -1;
    if (slot >= 0) {
      const p = graph.gateProgram[slot] ?? 0;
      firstGate.set(p, Math.min(firstGate.get(p) ?? slot, slot));
    }
    for (let e = graph.dependentStart[i] ?? 0, end = graph.dependentStart[i + 1] ?? 0; e < end; e++) {
      const d = graph.dependentList[e] ?? 0;
      if (graph.active[d] === 1 && !seen.has(d)) {
        seen.add(d);
        stack.push(d);
      }
    }
  }

  const programs = [...firstGate.entries()].sort(([a], [b]) => a - b).map(([p, first]): ProgramSlip => {
    const gates: GateSlip[] = [];
    const start = graph.programGateStart[p] ?? 0;
    const end = graph.programGateStart[p + 1] ?? 0;
    for (let g = first; g < end; g++) {
      const date = projection.gateDate[g] ?? 0;
      const delayDays = delayForSlip(date - finish, days);
      gates.push({
        gate: graph.gatePhase[g] ?? 'production', projectedDate: fromDayNumber(date), marginDays: date - finish, delayDays, newDate: fromDayNumber(date + delayDays),
      });
    }
    return {
      programId: graph.programs[p]?.id ?? '',
      gates,
      nextGateDelayDays: first === start ? (gates[0]?.delayDays ?? 0) : 0,
      productionDelayDays: gates[gates.length - 1]?.delayDays ?? 0,
    };
  });
  const latest = timeline.latest[c] ?? Infinity;
  return {
    kind: 'impact', constraintId, days, projectedFinish: fromDayNumber(finish),
    slackDays: Number.isFinite(latest) ? latest - finish : null, programs,
  };
}
