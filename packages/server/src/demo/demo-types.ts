import type { ConstraintKind, ConstraintStatus, Dimension, Phase, RiskClass, Severity } from '@handoff/core';
import type { PersonHandle } from './demo-people.js';

/**
 * Shapes of the demo portfolio as plain data. Every date is a whole number of days relative to the
 * day the demo is loaded (negative: in the past), so the demo has overdue and due-soon work whenever it runs.
 */

/** The three failure modes of METHOD.md section 1. */
export type FailureMode = 'architecture-without-governance' | 'governance-without-adoption' | 'adoption-without-ownership';

/** What the later diagnosis feature should find in a program, and why (not stored through the API yet). */
export interface FailureModeNote {
  /** The dominant failure mode, or null when the program is healthy or too early to tell. */
  readonly mode: FailureMode | null;
  readonly note: string;
}

/** An earlier deadline and why it was moved on to the next one. */
export interface DemoReplan {
  /** The deadline before the move, in days from today. */
  readonly from: number;
  readonly reason: string;
}

export interface DemoConstraint {
  /** Name unique across the whole demo; `dependsOn` refers to it. */
  readonly slug: string;
  readonly title: string;
  readonly description: string;
  readonly kind: ConstraintKind;
  readonly dimension: Dimension;
  readonly owner: PersonHandle;
  /** The current deadline, in days from today. */
  readonly due: number;
  /** The current status. */
  readonly status: ConstraintStatus;
  readonly severity: Severity;
  /** Slugs of constraints that must be resolved first; each must be defined earlier in load order. */
  readonly dependsOn?: readonly string[];
  /** Earlier deadlines, oldest first: recorded at the first, then moved with each reason until `due`. */
  readonly replans?: readonly DemoReplan[];
  /** The status first recorded, moved to `status` afterwards with this reason. */
  readonly statusChange?: { readonly from: ConstraintStatus; readonly reason: string };
}

export interface DemoProgram {
  readonly key: string;
  readonly name: string;
  readonly description: string;
  readonly businessUnit: string;
  readonly phase: Phase;
  /** The executive who owns the production outcome; null for the program nobody owns. */
  readonly sponsor: PersonHandle | null;
  /** Target production date, in days from today. */
  readonly targetProduction: number;
  readonly riskClass: RiskClass;
  readonly failureMode: FailureModeNote;
  readonly constraints: readonly DemoConstraint[];
}
