import { PHASES, type Phase } from './vocabulary.js';

/** Position of a phase on the ladder, 0-based. */
export function phaseIndex(phase: Phase): number {
  return PHASES.indexOf(phase);
}

/**
 * The next gate of a program: the phase after its current one, or null once it is in production.
 */
export function nextGate(phase: Phase): Phase | null {
  return PHASES[phaseIndex(phase) + 1] ?? null;
}

/**
 * The gate a new constraint blocks when none is given: the program's next gate, or for a program
 * already in its last phase, that phase (a constraint then threatens staying in production).
 */
export function defaultBlockedGate(phase: Phase): Phase {
  return nextGate(phase) ?? phase;
}
