import type { Criterion, CriterionRef, EscalationLevel, EscalationTarget, NotificationChannel } from '@handoff/contract';

/**
 * The contract's enumerations the settings forms offer, typed against the contract so a value the API does not
 * accept cannot be offered. (The web app imports only types from the contract, not its zod runtime.)
 */
export const DIMENSIONS = ['technical', 'governance', 'workforce', 'economic'] as const satisfies readonly Criterion['dimension'][];
export const PHASES = ['discovery', 'pilot', 'production-readiness', 'limited-rollout', 'production'] as const satisfies readonly Criterion['gate'][];
export const FRAMEWORKS = ['nist-ai-rmf', 'iso-42001', 'eu-ai-act'] as const satisfies readonly CriterionRef['framework'][];
export const CONDITIONS = ['not-acknowledged', 'not-resolved'] as const satisfies readonly EscalationLevel['condition'][];
export const WEBHOOK_KINDS = ['slack', 'teams'] as const satisfies readonly NotificationChannel['kind'][];

/** How each framework's ids are written (the server checks the shape and says so when it is wrong). */
export const FRAMEWORK_LABELS: Record<CriterionRef['framework'], string> = {
  'nist-ai-rmf': 'NIST AI RMF (e.g. GOVERN 2.1)',
  'iso-42001': 'ISO/IEC 42001 (e.g. A.6.2.6)',
  'eu-ai-act': 'EU AI Act (e.g. Art. 14)',
};

export const CONDITION_LABELS: Record<EscalationLevel['condition'], string> = {
  'not-acknowledged': 'until acknowledged',
  'not-resolved': 'until resolved',
};

/** One of `values` equal to `raw`, or `fallback`: narrows a select's string without a cast. */
export function oneOf<T extends string>(values: readonly T[], raw: string, fallback: T): T {
  return values.find((v) => v === raw) ?? fallback;
}

type RoleTarget = Extract<EscalationTarget, { kind: 'role' }>;
export const ESCALATION_ROLES = ['owner', 'sponsor', 'board'] as const satisfies readonly RoleTarget['role'][];

export const ESCALATION_ROLE_LABELS: Record<RoleTarget['role'], string> = {
  owner: 'The constraint’s owner',
  sponsor: 'The program’s sponsor',
  board: 'The board',
};
