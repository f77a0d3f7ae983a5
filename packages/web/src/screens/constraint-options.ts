import type { Constraint } from '@handoff/contract';

/**
 * A list of every value of a contract enum `T`: the compiler refuses a list that misses one or adds one, so the
 * selects offer exactly what the API accepts without importing the schemas into the bundle.
 */
function every<T extends string>() {
  return <const A extends readonly T[]>(values: A & ([T] extends [A[number]] ? unknown : never)): A => values;
}

export const KINDS = every<Constraint['kind']>()(['blocker', 'dependency', 'risk']);
export const DIMENSIONS = every<Constraint['dimension']>()(['technical', 'governance', 'workforce', 'economic']);
export const STATUSES = every<Constraint['status']>()(['open', 'in_progress', 'resolved', 'accepted']);
export const SEVERITIES = every<Constraint['severity']>()(['low', 'medium', 'high', 'critical']);
export const GATES = every<Constraint['blocksGate']>()(['discovery', 'pilot', 'production-readiness', 'limited-rollout', 'production']);

/** A status or other enum value in words (`in_progress` → `in progress`). */
export function words(value: string): string {
  return value.replace(/_/g, ' ');
}

