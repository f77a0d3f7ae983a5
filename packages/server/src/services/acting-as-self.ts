import type { Actor } from '../context.js';
import { HandoffError } from '../errors.js';

/**
 * What a signed-in account linked to a person does is that person's — a board decision, a gate override, an
 * acknowledgement, a review, an assessment: a body naming anyone else (`path`) is refused with 403. The local operator, jobs and tokens still name the
 * person in the body (they act for the workspace, not as someone).
 */
export function actingAsSelf(actor: Actor, named: string, path: string): void {
  const { principal } = actor;
  if (principal.kind !== 'account' || principal.personId === null || principal.personId === named) return;
  throw new HandoffError('forbidden', `you are signed in as ${actor.label}: ${path} must be your own person (${principal.personId}), not someone else`,
    [{ path, message: 'must be the signed-in person' }]);
}
