/** The default phase ladder, in order; a program moves up it one gate at a time. */
export const PHASES = ['discovery', 'pilot', 'production-readiness', 'limited-rollout', 'production'] as const;
export type Phase = (typeof PHASES)[number];

/** The four readiness dimensions of METHOD.md section 2, all of which must be met at once. */
export const DIMENSIONS = ['technical', 'governance', 'workforce', 'economic'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** What a constraint is: something blocking now, something waited on, or a condition that may block. */
export const CONSTRAINT_KINDS = ['blocker', 'dependency', 'risk'] as const;
export type ConstraintKind = (typeof CONSTRAINT_KINDS)[number];

/** Lifecycle of a constraint. `resolved` and `accepted` are closed; the others are active. */
export const CONSTRAINT_STATUSES = ['open', 'in_progress', 'resolved', 'accepted'] as const;
export type ConstraintStatus = (typeof CONSTRAINT_STATUSES)[number];

/** Statuses in which a constraint still blocks its gate. */
export const ACTIVE_STATUSES: readonly ConstraintStatus[] = ['open', 'in_progress'];

/** Severity, ordered from least to most severe. */
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Risk tier of the AI system, after the EU AI Act's tiers for permitted systems. */
export const RISK_CLASSES = ['minimal', 'limited', 'high'] as const;
export type RiskClass = (typeof RISK_CLASSES)[number];

/** True when the status means the constraint no longer blocks anything. */
export function isClosedStatus(status: ConstraintStatus): boolean {
  return status === 'resolved' || status === 'accepted';
}
