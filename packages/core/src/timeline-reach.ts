import type { TimelineGraph } from './timeline-graph.js';

/**
 * Which active constraints lie on the dependency path of a program's remaining gates, read off a compiled
 * graph that may hold many programs. It is the set whose slack would be defined in a timeline laid out for
 * that program alone (docs/TIMELINE.md rule 5), so one whole-portfolio timeline can answer it per program.
 */

/**
 * Indexes of the active constraints with a chain of active dependents to a remaining gate of program slot
 * `p` (including the gates' direct blockers), in ascending index order. O(reached constraints + their dependencies).
 */
export function constraintsReachingProgram(graph: TimelineGraph, p: number): number[] {
  const seen = new Uint8Array(graph.constraints.length);
  const stack: number[] = [];
  const first = graph.programGateStart[p] ?? 0;
  const end = graph.programGateStart[p + 1] ?? 0;
  for (let g = first; g < end; g++) {
    for (let k = graph.gateBlockStart[g] ?? 0, stop = graph.gateBlockStart[g + 1] ?? 0; k < stop; k++) {
      const c = graph.gateBlockers[k] ?? 0;
      if (seen[c] === 0 && graph.active[c] === 1) {
        seen[c] = 1;
        stack.push(c);
      }
    }
  }
  const reached: number[] = [];
  for (let c = stack.pop(); c !== undefined; c = stack.pop()) {
    reached.push(c);
    for (let e = graph.depStart[c] ?? 0, stop = graph.depStart[c + 1] ?? 0; e < stop; e++) {
      const d = graph.depList[e] ?? 0;
      if (seen[d] === 0 && graph.active[d] === 1) {
        seen[d] = 1;
        stack.push(d);
      }
    }
  }
  return reached.sort((a, b) => a - b);
}
