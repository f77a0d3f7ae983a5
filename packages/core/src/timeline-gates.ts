import { toDayNumber } from './day-number.js';
import { phaseIndex } from './phases.js';
import type { TimelineGraph, TimelineInput } from './timeline-graph.js';
import { PHASES, isClosedStatus, type Phase } from './vocabulary.js';

/**
 * Gate slots of the compiled timeline graph: each program's remaining gates in phase order, their plan
 * dates, and the active constraints blocking each one directly, as flat arrays.
 */

/** Prefix sums of `counts` into a start array of length counts.length + 1. */
export function countsToStarts(counts: Int32Array): Int32Array {
  const start = new Int32Array(counts.length + 1);
  for (let i = 0; i < counts.length; i++) start[i + 1] = (start[i] ?? 0) + (counts[i] ?? 0);
  return start;
}

/** The gate part of the compiled graph. */
export type GateFields = Pick<TimelineGraph, 'blockGate' | 'programGateStart' | 'gatePhase' | 'gateProgram' | 'gatePlan' | 'gatePrev' | 'gateBlockStart' | 'gateBlockers'>;

/** Lays out each program's remaining gates as slots and lists the active constraints blocking each directly. */
export function layoutGates(input: TimelineInput): GateFields {
  const programIndex = new Map(input.programs.map((p, i) => [p.id, i]));
  const programGateStart = new Int32Array(input.programs.length + 1);
  const gatePhase: Phase[] = [];
  const gateProgram: number[] = [];
  const gatePlan: number[] = [];
  const gatePrev: number[] = [];
  input.programs.forEach((program, p) => {
    programGateStart[p] = gatePhase.length;
    for (const phase of PHASES.slice(phaseIndex(program.phase) + 1)) {
      const planned = program.plan[phase];
      gatePrev.push(gatePhase.length > (programGateStart[p] ?? 0) ? gatePhase.length - 1 : -1);
      gatePhase.push(phase);
      gateProgram.push(p);
      gatePlan.push(planned === undefined ? -Infinity : toDayNumber(planned));
    }
  });
  programGateStart[input.programs.length] = gatePhase.length;

  const blockGate = new Int32Array(input.constraints.length).fill(-1);
  const blockerCount = new Int32Array(gatePhase.length);
  input.constraints.forEach((c, i) => {
    const p = programIndex.get(c.programId);
    const program = p === undefined ? undefined : input.programs[p];
    if (p === undefined || !program || isClosedStatus(c.status)) return;
    const offset = phaseIndex(c.blocksGate) - phaseIndex(program.phase) - 1;
    if (offset < 0) return; // a gate the program has already passed
    const slot = (programGateStart[p] ?? 0) + offset;
    blockGate[i] = slot;
    blockerCount[slot] = (blockerCount[slot] ?? 0) + 1;
  });
  const gateBlockStart = countsToStarts(blockerCount);
  const gateBlockers = new Int32Array(gateBlockStart[gatePhase.length] ?? 0);
  const fill = gateBlockStart.slice(0, gatePhase.length);
  blockGate.forEach((slot, i) => {
    if (slot < 0) return;
    const at = fill[slot] ?? 0;
    gateBlockers[at] = i;
    fill[slot] = at + 1;
  });
  return {
    blockGate, programGateStart, gatePhase, gateProgram: Int32Array.from(gateProgram), gatePlan: Float64Array.from(gatePlan),
    gatePrev: Int32Array.from(gatePrev), gateBlockStart, gateBlockers,
  };
}
