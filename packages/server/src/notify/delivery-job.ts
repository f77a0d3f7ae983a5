import type { Deps } from '../context.js';
import { runEvery } from '../jobs/scheduler.js';
import { createDispatcher } from './dispatcher.js';

/** How often a serving process looks for due deliveries. */
export const DELIVERY_INTERVAL_MS = 10_000;

/**
 * Delivers the outbox in the background of a serving process: one dispatch pass now and every
 * `intervalMs` after. The returned stop function waits for the pass in flight, then releases the
 * SMTP transport; call it before closing the database.
 */
export function startDelivery(
  deps: Pick<Deps, 'database' | 'clock' | 'notify'>,
  onError: (error: unknown) => void,
  intervalMs = DELIVERY_INTERVAL_MS,
): () => Promise<void> {
  const dispatcher = createDispatcher(deps);
  const stop = runEvery('deliver notifications', intervalMs, () => dispatcher.dispatchDue(), (error) => onError(error));
  return async () => {
    await stop();
    dispatcher.close();
  };
}
