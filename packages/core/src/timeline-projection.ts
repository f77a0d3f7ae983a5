import type { TimelineGraph } from './timeline-graph.js';

/**
 * The projection pass shared by the plan-based timeline and every Monte Carlo trial: given each
 * constraint's own finish day, one walk in topological order gives every finish and gate date, and
 * parent pointers from which the critical path of any gate is read back. O(V + E), no allocation
 * per pass (the Monte Carlo reuses one Projection).
 *
 * Rules (docs/TIMELINE.md):
 * - finish(c) = max(own(c), finish(d) for each active dependency d): dependencies chain, they do not
 *   add; a closed constraint finishes "already" (-Infinity) and passes nothing on.
 * - gate(g) = max(today, planned date of g, finish of each active constraint blocking g, gate(previous)).
 * - Ties are broken toward a constraint over the plan over today, and between constraints by
 *   `precedes` (earliest deadline, then highest severity, then ref, then id), so the critical path and
 *   the binding constraint are always the same, whatever the input order.
 */

/** How a gate got its date: by today, its own plan, a constraint blocking it directly, or the previous gate. */
export const DRIVER_TODAY = 0;
/** The gate's own planned date set it. */
export const DRIVER_PLAN = 1;
/** A constraint blocking the gate directly set it (`gateVia`). */
export const DRIVER_BLOCKER = 2;
/** The program's previous gate set it (gates open in sequence). */
export const DRIVER_PREVIOUS = 3;

/** Output of one pass; arrays indexed like the graph's constraints and gate slots. */
export interface Projection {
  /** Finish day of each constraint; -Infinity when closed. */
  readonly finish: Float64Array;
  /** The constraint whose own date sets this finish (possibly itself); -1 when closed. */
  readonly origin: Int32Array;
  /** The dependency the finish comes through, or -1 when the constraint is its own origin (or closed). */
  readonly pred: Int32Array;
  readonly gateDate: Float64Array;
  readonly gateDriver: Uint8Array;
  /** The constraint whose own date sets the gate date, or -1 when the plan or today does. */
  readonly gateOrigin: Int32Array;
  /** With DRIVER_BLOCKER, the blocking constraint the path enters the gate through; else -1. */
  readonly gateVia: Int32Array;
}

/** Buffers for passes over `graph`. */
export function createProjection(graph: TimelineGraph): Projection {
  const n = graph.constraints.length;
  const g = graph.gatePhase.length;
  return {
    finish: new Float64Array(n), origin: new Int32Array(n), pred: new Int32Array(n),
    gateDate: new Float64Array(g), gateDriver: new Uint8Array(g), gateOrigin: new Int32Array(g), gateVia: new Int32Array(g),
  };
}

/**
 * True when constraint `a` is preferred over `b` as the origin of a tie: earliest deadline (it has
 * waited longest), then highest severity, then ref, then id. Any constraint is preferred over none (-1).
 */
export function precedes(graph: TimelineGraph, a: number, b: number): boolean {
  if (b < 0) return true;
  if (a < 0 || a === b) return false;
  const ka = graph.tieKey[a] ?? 0;
  const kb = graph.tieKey[b] ?? 0;
  if (ka !== kb) return ka < kb;
  const ca = graph.constraints[a];
  const cb = graph.constraints[b];
  if (!ca || !cb) return false;
  if (ca.ref !== cb.ref) return ca.ref < cb.ref;
  return ca.id < cb.id;
}

/** Runs one pass with `own` (day of each active constraint's own finish) into `out`. */
export function projectInto(graph: TimelineGraph, own: Float64Array, out: Projection): void {
  const { active, depStart, depList, order } = graph;
  const { finish, origin, pred } = out;
  for (let k = 0; k < order.length; k++) {
    const i = order[k] ?? 0;
    if (active[i] === 0) {
      finish[i] = -Infinity;
      origin[i] = -1;
      pred[i] = -1;
      continue;
    }
    let f = own[i] ?? -Infinity;
    let o = i;
    let p = -1;
    for (let e = depStart[i] ?? 0, end = depStart[i + 1] ?? 0; e < end; e++) {
      const d = depList[e] ?? 0;
      if (active[d] === 0) continue;
      const fd = finish[d] ?? -Infinity;
      const od = origin[d] ?? -1;
      // Same date and same origin through two dependencies: the preferred dependency, so input order never decides.
      if (fd > f || (fd === f && (precedes(graph, od, o) || (od === o && p >= 0 && precedes(graph, d, p))))) {
        f = fd;
        o = od;
        p = d;
      }
    }
    finish[i] = f;
    origin[i] = o;
    pred[i] = p;
  }
  projectGates(graph, out);
}

function projectGates(graph: TimelineGraph, out: Projection): void {
  const { gatePlan, gatePrev, gateBlockStart, gateBlockers, today } = graph;
  const { finish, origin, gateDate, gateDriver, gateOrigin, gateVia } = out;
  for (let g = 0; g < gatePlan.length; g++) {
    const plan = gatePlan[g] ?? -Infinity;
    let date = today;
    let driver = DRIVER_TODAY;
    let o = -1;
    let via = -1;
    if (plan >= date) {
      date = plan;
      driver = DRIVER_PLAN;
    }
    for (let k = gateBlockStart[g] ?? 0, end = gateBlockStart[g + 1] ?? 0; k < end; k++) {
      const b = gateBlockers[k] ?? 0;
      const fb = finish[b] ?? -Infinity;
      const ob = origin[b] ?? -1;
      // Same date and same origin through two blockers: the preferred blocker, so input order never decides.
      if (fb > date || (fb === date && (precedes(graph, ob, o) || (ob === o && ob >= 0 && precedes(graph, b, via))))) {
        date = fb;
        driver = DRIVER_BLOCKER;
        o = ob;
        via = b;
      }
    }
    const prev = gatePrev[g] ?? -1;
    if (prev >= 0) {
      const pd = gateDate[prev] ?? -Infinity;
      const po = gateOrigin[prev] ?? -1;
      if (pd > date || (pd === date && po >= 0 && precedes(graph, po, o))) {
        date = pd;
        driver = DRIVER_PREVIOUS;
        o = po;
        via = -1;
      }
    }
    gateDate[g] = date;
    gateDriver[g] = driver;
    gateOrigin[g] = o;
    gateVia[g] = via;
  }
}

/** The gate slot where gate `g`'s critical path enters the program: `g` itself unless an earlier gate sets its date. */
export function entryGate(graph: TimelineGraph, projection: Projection, g: number): number {
  let h = g;
  while (projection.gateDriver[h] === DRIVER_PREVIOUS) h = graph.gatePrev[h] ?? -1;
  return h;
}

/**
 * Calls `visit` for each constraint on gate `g`'s critical path, from the one blocking the gate back
 * to the origin, and returns how many there were (0 when the plan or today sets the date).
 */
export function walkCriticalConstraints(graph: TimelineGraph, projection: Projection, g: number, visit: (constraint: number) => void): number {
  let c = projection.gateVia[entryGate(graph, projection, g)] ?? -1;
  let count = 0;
  while (c >= 0) {
    visit(c);
    count++;
    c = projection.pred[c] ?? -1;
  }
  return count;
}

/**
 * Latest finish of each active constraint that moves no gate: the minimum over the gate it blocks and
 * the latest finishes of its active dependents (+Infinity when it reaches no gate). One reverse pass.
 */
export function latestFinishes(graph: TimelineGraph, projection: Projection): Float64Array {
  const { active, order, dependentStart, dependentList, blockGate } = graph;
  const latest = new Float64Array(order.length).fill(Infinity);
  for (let k = order.length - 1; k >= 0; k--) {
    const i = order[k] ?? 0;
    if (active[i] === 0) continue;
    const slot = blockGate[i] ?? -1;
    let v = slot >= 0 ? (projection.gateDate[slot] ?? Infinity) : Infinity;
    for (let e = dependentStart[i] ?? 0, end = dependentStart[i + 1] ?? 0; e < end; e++) {
      const d = dependentList[e] ?? 0;
      if (active[d] === 1 && (latest[d] ?? Infinity) < v) v = latest[d] ?? Infinity;
    }
    latest[i] = v;
  }
  return latest;
}
