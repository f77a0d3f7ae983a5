import type { Handoff } from '../handoff.js';
import { startDelivery } from '../notify/delivery-job.js';
import { runEvery, type StopJob } from './scheduler.js';
import { startEscalationSweep } from './sweep.job.js';

/** How often a serving process checks whether this week's digests are out (each goes once per person per week). */
export const DIGEST_INTERVAL_MS = 3_600_000;

/**
 * Everything a serving process does in the background: the escalation sweep (every minute), outbox
 * delivery (every 10 s) and the weekly digest (checked hourly). Safe with several processes on one
 * PostgreSQL database. The stop function waits for runs in flight; call it before closing the database.
 */
export function startBackgroundJobs(handoff: Handoff, onError: (error: unknown, job: string) => void): StopJob {
  const stops = [
    startEscalationSweep(handoff, onError),
    startDelivery(handoff.deps, (error) => onError(error, 'deliver notifications')),
    runEvery('weekly digest', DIGEST_INTERVAL_MS, () => handoff.services.digests.send(), onError),
  ];
  return async () => {
    await Promise.all(stops.map((stop) => stop()));
  };
}
