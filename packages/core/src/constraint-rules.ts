import { applyPatch, diffFields, type FieldChange } from './changes.js';
import { isClosedStatus, type ConstraintKind, type ConstraintStatus, type Dimension, type Phase, type Severity } from './vocabulary.js';

/** The editable state of a constraint, as the rules see it. `dependsOn` is sorted. */
export interface ConstraintState {
  readonly title: string;
  readonly description: string;
  readonly kind: ConstraintKind;
  readonly dimension: Dimension;
  readonly ownerId: string;
  readonly deadline: string;
  readonly status: ConstraintStatus;
  readonly severity: Severity;
  readonly blocksGate: Phase;
  readonly dependsOn: readonly string[];
  /** ISO instant the constraint was closed (resolved or accepted), or null while active. */
  readonly resolvedAt: string | null;
}

/** Fields recorded in history, in the order a history entry lists them. */
export const CONSTRAINT_HISTORY_FIELDS = [
  'title', 'description', 'kind', 'dimension', 'ownerId', 'deadline', 'status', 'severity', 'blocksGate',
  'dependsOn', 'resolvedAt',
] as const;

/** A requested edit: any subset of fields, and a reason (required when the deadline moves). */
export type ConstraintPatch = Partial<Omit<ConstraintState, 'resolvedAt'>> & { readonly reason?: string };

/** Outcome of planning an update. */
export type ConstraintUpdatePlan =
  | { readonly kind: 'apply'; readonly next: ConstraintState; readonly changes: readonly FieldChange[] }
  /** The patch moves the deadline without saying why: deadlines never move silently. */
  | { readonly kind: 'reason-required'; readonly field: 'deadline' };

/**
 * Plans an update of a constraint: merges the patch, stamps or clears `resolvedAt` when the status
 * closes or reopens (at `now`, an ISO instant), and lists the field changes for history.
 */
export function planConstraintUpdate(
  current: ConstraintState,
  patch: ConstraintPatch,
  now: string,
): ConstraintUpdatePlan {
  const { reason, ...fields } = patch;
  const merged = applyPatch<ConstraintState>(current, {
    ...fields,
    ...(fields.dependsOn ? { dependsOn: [...new Set(fields.dependsOn)].sort() } : {}),
  });
  if (merged.deadline !== current.deadline && !reason?.trim()) {
    return { kind: 'reason-required', field: 'deadline' };
  }
  const wasClosed = isClosedStatus(current.status);
  const isClosed = isClosedStatus(merged.status);
  const resolvedAt = isClosed ? (wasClosed ? current.resolvedAt : now) : null;
  const next: ConstraintState = { ...merged, resolvedAt };
  return { kind: 'apply', next, changes: diffFields(current, next, CONSTRAINT_HISTORY_FIELDS) };
}

/**
 * History of a newly created constraint: a `created` entry naming its ref, then each initial field
 * that has a value (nulls and empty dependency lists are left out), in history-field order.
 */
export function creationChanges(ref: string, state: ConstraintState): FieldChange[] {
  const initial = CONSTRAINT_HISTORY_FIELDS.flatMap((field): FieldChange[] => {
    const after = state[field];
    if (after === null || (Array.isArray(after) && after.length === 0)) return [];
    return [{ field, before: null, after }];
  });
  return [{ field: 'created', before: null, after: ref }, ...initial];
}
