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

/** The result of assessing one readiness criterion for a program. */
export const ASSESSMENT_STATUSES = ['met', 'partial', 'not-met', 'not-applicable'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

/** Frameworks a readiness criterion may cite: NIST AI RMF subcategories, ISO/IEC 42001 Annex A controls, EU AI Act articles. */
export const FRAMEWORKS = ['nist-ai-rmf', 'iso-42001', 'eu-ai-act'] as const;
export type Framework = (typeof FRAMEWORKS)[number];

/**
 * The governance roles every program needs (METHOD.md section 2, "ownership mapped to named individuals").
 * `outcome-owner` is held by the program's executive sponsor; the others are assigned per program.
 */
export const BUILT_IN_ROLES = [
  { key: 'outcome-owner', name: 'Production-outcome owner', description: 'The executive sponsor: owns the production outcome, not the experiment.' },
  { key: 'output-owner', name: 'Output owner', description: 'Accountable for what the system produces and for its use in decisions.' },
  { key: 'drift-monitor', name: 'Drift monitor', description: 'Watches model and data drift and acts on a breach of its thresholds.' },
  { key: 'retraining-authoriser', name: 'Retraining authoriser', description: 'Authorises retraining and release of a new model version.' },
  { key: 'regulated-escalation-owner', name: 'Escalation owner for regulated interactions', description: 'Handles escalations of interactions that fall under regulation.' },
] as const;
export type BuiltInRoleKey = (typeof BUILT_IN_ROLES)[number]['key'];

/** Which side of a threshold is bad for a monitored metric. */
export const MONITOR_DIRECTIONS = ['above', 'below'] as const;
export type MonitorDirection = (typeof MONITOR_DIRECTIONS)[number];

/** A monitor's state from its latest evaluation window. */
export const MONITOR_STATES = ['unknown', 'ok', 'warning', 'breach'] as const;
export type MonitorState = (typeof MONITOR_STATES)[number];

/** Well-known metrics; `ai-share` and `legacy-fallback` are the adoption signals the diagnosis reads. */
export const MONITOR_METRICS = ['drift-psi', 'accuracy', 'latency-p95', 'cost-per-transaction', 'ai-share', 'legacy-fallback', 'other'] as const;
export type MonitorMetric = (typeof MONITOR_METRICS)[number];
