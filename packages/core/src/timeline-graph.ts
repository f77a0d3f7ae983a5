import { toDayNumber } from './day-number.js';
import { countsToStarts, layoutGates } from './timeline-gates.js';
import { SEVERITIES, isClosedStatus, type ConstraintKind, type ConstraintStatus, type Dimension, type Phase, type Severity } from './vocabulary.js';

/**
 * The timeline's input model and its compiled form: constraints indexed 0…n-1 with adjacency in flat
 * arrays (CSR) and one topological order from Kahn's algorithm, so every later pass is O(V + E) with
 * no recursion and no lookups by id. The server fills these types from the database.
 */

/** A program with its phase plan. */
export interface TimelineProgram {
  readonly id: string;
  /** The phase the program is in; its remaining gates are the phases after it, in order. */
  readonly phase: Phase;
  /** Planned date (YYYY-MM-DD) of each remaining gate, keyed by the phase the gate opens. Any may be missing. */
  readonly plan: Readonly<Partial<Record<Phase, string>>>;
  readonly targetProductionDate: string | null;
}

/** A constraint as the timeline sees it. `dependsOn` may name constraints of other programs. */
export interface TimelineConstraint {
  readonly id: string;
  /** Human reference such as CLAIMS-12: the last tie-break before the id, and how people read a cycle. */
  readonly ref: string;
  readonly programId: string;
  readonly blocksGate: Phase;
  readonly status: ConstraintStatus;
  /** YYYY-MM-DD. */
  readonly deadline: string;
  readonly severity: Severity;
  /** Kind and dimension together are the reference class the forecast samples lateness from. */
  readonly kind: ConstraintKind;
  readonly dimension: Dimension;
  readonly dependsOn: readonly string[];
}

/** Everything a projection needs. Dates are YYYY-MM-DD (already validated with isCalendarDate). */
export interface TimelineInput {
  readonly today: string;
  readonly programs: readonly TimelineProgram[];
  readonly constraints: readonly TimelineConstraint[];
  /**
   * Forecast lateness of each overdue constraint, in whole days beyond today, by constraint id
   * (see `overdueLatenessForecast`). Missing means 0: the constraint could resolve today. Negative counts as 0.
   */
  readonly overdueLateness?: ReadonlyMap<string, number>;
}

/**
 * The compiled graph. Constraint i's dependencies are `depList[depStart[i] .. depStart[i+1])`, its
 * dependents `dependentList[dependentStart[i] .. dependentStart[i+1])`. Gates are slots 0…g-1: program
 * p's remaining gates are slots `programGateStart[p] .. programGateStart[p+1]` in phase order.
 * Day values are day numbers (see day-number.ts); a missing plan date is -Infinity.
 */
export interface TimelineGraph {
  readonly today: number;
  readonly programs: readonly TimelineProgram[];
  readonly constraints: readonly TimelineConstraint[];
  readonly indexById: ReadonlyMap<string, number>;
  /** 1 for open / in progress, 0 for resolved / accepted. */
  readonly active: Uint8Array;
  readonly deadline: Int32Array;
  /**
   * First tie-break between constraints, lower preferred: deadline day × 4 + (3 − position in SEVERITIES), 4 being SEVERITIES.length,
   * i.e. earliest deadline, then highest severity, in one integer compare.
   */
  readonly tieKey: Int32Array;
  readonly depStart: Int32Array;
  readonly depList: Int32Array;
  readonly dependentStart: Int32Array;
  readonly dependentList: Int32Array;
  /** Every constraint once, each after all of its dependencies. */
  readonly order: Int32Array;
  /** The gate slot an active constraint blocks, or -1 (closed, gate already passed, or its program not given). */
  readonly blockGate: Int32Array;
  readonly programGateStart: Int32Array;
  readonly gatePhase: readonly Phase[];
  readonly gateProgram: Int32Array;
  readonly gatePlan: Float64Array;
  /** The program's previous remaining gate, or -1 for its next gate. */
  readonly gatePrev: Int32Array;
  /** Active constraints blocking each gate directly: `gateBlockers[gateBlockStart[g] .. gateBlockStart[g+1])`. */
  readonly gateBlockStart: Int32Array;
  readonly gateBlockers: Int32Array;
}

/** Compiling fails on a dependency cycle (`cycle` lists ids, each depending on the next, ending where it starts) or an unknown id. */
export type TimelineGraphResult =
  | { readonly kind: 'ok'; readonly graph: TimelineGraph }
  | { readonly kind: 'cycle'; readonly cycle: readonly string[]; readonly refs: readonly string[] }
  | { readonly kind: 'unknown-dependency'; readonly constraintId: string; readonly dependsOn: string };

/** Compiles the input in O(V + E). Duplicate constraint ids are a programmer error and throw. */
export function compileTimeline(input: TimelineInput): TimelineGraphResult {
  const { constraints, programs } = input;
  const n = constraints.length;
  const indexById = new Map<string, number>();
  constraints.forEach((c, i) => {
    if (indexById.has(c.id)) throw new Error(`duplicate constraint id ${c.id}`);
    indexById.set(c.id, i);
  });

  const depCount = new Int32Array(n);
  const dependentCount = new Int32Array(n);
  for (const c of constraints) {
    for (const dep of c.dependsOn) {
      const j = indexById.get(dep);
      if (j === undefined) return { kind: 'unknown-dependency', constraintId: c.id, dependsOn: dep };
      dependentCount[j] = (dependentCount[j] ?? 0) + 1;
    }
  }
  constraints.forEach((c, i) => (depCount[i] = c.dependsOn.length));
  const depStart = countsToStarts(depCount);
  const dependentStart = countsToStarts(dependentCount);
  const depList = new Int32Array(depStart[n] ?? 0);
  const dependentList = new Int32Array(dependentStart[n] ?? 0);
  const fill = dependentStart.slice(0, n);
  constraints.forEach((c, i) => {
    let k = depStart[i] ?? 0;
    for (const dep of c.dependsOn) {
      const j = indexById.get(dep) ?? 0;
      depList[k++] = j;
      const at = fill[j] ?? 0;
      dependentList[at] = i;
      fill[j] = at + 1;
    }
  });

  // Kahn's algorithm: `order` doubles as the queue.
  const remaining = depCount;
  const order = new Int32Array(n);
  let tail = 0;
  for (let i = 0; i < n; i++) if (remaining[i] === 0) order[tail++] = i;
  for (let head = 0; head < tail; head++) {
    const i = order[head] ?? 0;
    for (let k = dependentStart[i] ?? 0, end = dependentStart[i + 1] ?? 0; k < end; k++) {
      const e = dependentList[k] ?? 0;
      const left = (remaining[e] ?? 0) - 1;
      remaining[e] = left;
      if (left === 0) order[tail++] = e;
    }
  }
  if (tail < n) {
    const cycle = findCycle(remaining, depStart, depList);
    return { kind: 'cycle', cycle: cycle.map((i) => constraints[i]?.id ?? ''), refs: cycle.map((i) => constraints[i]?.ref ?? '') };
  }

  return { kind: 'ok', graph: { ...layoutGates(input), today: toDayNumber(input.today), programs, constraints, indexById, depStart, depList, dependentStart, dependentList, order,
    ...nodeFields(constraints) } };
}

function nodeFields(constraints: readonly TimelineConstraint[]): Pick<TimelineGraph, 'active' | 'deadline' | 'tieKey'> {
  const n = constraints.length;
  const active = new Uint8Array(n);
  const deadline = new Int32Array(n);
  const tieKey = new Int32Array(n);
  constraints.forEach((c, i) => {
    active[i] = isClosedStatus(c.status) ? 0 : 1;
    deadline[i] = toDayNumber(c.deadline);
    tieKey[i] = (deadline[i] ?? 0) * SEVERITIES.length + (SEVERITIES.length - 1 - SEVERITIES.indexOf(c.severity));
  });
  return { active, deadline, tieKey };
}

/**
 * After Kahn's algorithm every constraint left over still has a left-over dependency, so walking from
 * one along left-over dependencies must revisit a node: the walk from that node on is a cycle. O(V + E).
 */
function findCycle(remaining: Int32Array, depStart: Int32Array, depList: Int32Array): number[] {
  const position = new Map<number, number>();
  const walk: number[] = [];
  let current = remaining.findIndex((r) => r > 0);
  while (!position.has(current)) {
    position.set(current, walk.length);
    walk.push(current);
    let next = -1;
    for (let k = depStart[current] ?? 0, end = depStart[current + 1] ?? 0; k < end && next < 0; k++) {
      const d = depList[k] ?? 0;
      if ((remaining[d] ?? 0) > 0) next = d;
    }
    current = next;
  }
  const cycle = walk.slice(position.get(current));
  cycle.push(current);
  return cycle;
}
