import type { Handoff } from '../handoff.js';
import { runEvery, type StopJob } from './scheduler.js';

/** How often a serving process sweeps for due escalation levels (the default: every minute). */
export const SWEEP_INTERVAL_MS = 60_000;

/**
 * Runs the escalation sweep on an interval inside a serving process, on the database's clock. Several
 * processes may sweep one PostgreSQL database at once: each due level still fires exactly once.
 */
export function startEscalationSweep(handoff: Handoff, onError: (error: unknown, name: string) => void, intervalMs = SWEEP_INTERVAL_MS): StopJob {
  return runEvery('escalation sweep', intervalMs, () => handoff.services.escalations.sweep(), onError);
}
