import type { CriterionResult } from '@handoff/contract';

/** An assessment result as the API names it. */
export type AssessmentStatus = NonNullable<CriterionResult['status']>;

/** Every result the API accepts, in words (a Record, so the compiler refuses a list that misses one). */
export const STATUS_WORDS: Readonly<Record<AssessmentStatus, string>> = {
  'met': 'met', 'partial': 'partial', 'not-met': 'not met', 'not-applicable': 'not applicable',
};

/** A latest result in words; never assessed is said so. */
export function statusWords(status: CriterionResult['status']): string {
  return status === null ? 'not assessed' : STATUS_WORDS[status];
}

/** A gap a constraint can close: the server refuses one for a criterion whose latest result is met or not applicable. */
export function isGap(status: CriterionResult['status']): boolean {
  return status !== 'met' && status !== 'not-applicable';
}
