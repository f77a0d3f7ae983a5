import { z } from '@hono/zod-openapi';
import { REVIEW_DECISIONS, STALE_AFTER_DAYS } from '@handoff/core';
import { CalendarDate, Id, IdOrKey, PersonRef, longText, pageOf } from './common.js';
import { Constraint, ConstraintStatus, HistoryEntry, Severity } from './constraints.js';

/** Most items one review may carry (one per active constraint of the program). */
export const MAX_REVIEW_ITEMS = 500;

export const ReviewDecision = z.enum(REVIEW_DECISIONS).openapi('ReviewDecision', {
  description: '`on-track` and `at-risk` only record the judgement (at-risk changes no field); `re-plan` moves the deadline ' +
    '(newDeadline and reason required; a new escalation cycle starts); `escalate-now` fires the next escalation level at once; ' +
    '`resolved` closes the constraint. Every decision marks the constraint reviewed.',
});
export type ReviewDecision = z.infer<typeof ReviewDecision>;

export const ReviewItemInput = z
  .strictObject({
    constraintId: IdOrKey.openapi({ description: 'The constraint: its id or its ref (e.g. CLAIMS-12).', example: 'CLAIMS-12' }),
    decision: ReviewDecision,
    note: longText(2000).optional(),
    newDeadline: CalendarDate.optional().openapi({ description: 'Required for re-plan (and only taken by it).' }),
    reason: longText(2000).optional().openapi({ description: 'Why the deadline moves: required for re-plan (and only taken by it), kept in history.' }),
  })
  .openapi('ReviewItemInput');
export type ReviewItemInput = z.infer<typeof ReviewItemInput>;

export const ReviewInput = z
  .strictObject({
    reviewerId: Id.openapi({ description: 'The person who ran the review.' }),
    note: longText(4000).optional(),
    items: z.array(ReviewItemInput).min(1).max(MAX_REVIEW_ITEMS).openapi({ description: 'One decision per constraint, applied in this order, all or nothing.' }),
  })
  .openapi('ReviewInput');
export type ReviewInput = z.infer<typeof ReviewInput>;

/** What a review item changed is told by the constraint's state just before and just after it was applied. */
export const ReviewSnapshot = z
  .object({
    status: ConstraintStatus,
    deadline: CalendarDate,
    severity: Severity,
    escalationCycle: z.number().int().nullable(),
    escalationLevel: z.number().int().openapi({ description: 'Highest level reached this cycle (0-based), -1 before the first.' }),
    escalationLevelName: z.string().max(200).nullable(),
    lastReviewedAt: z.string().max(100).nullable(),
  })
  .openapi('ReviewSnapshot');
export type ReviewSnapshot = z.infer<typeof ReviewSnapshot>;

export const ReviewItem = z
  .object({
    constraintId: Id,
    ref: z.string(),
    title: z.string(),
    decision: ReviewDecision,
    note: z.string().nullable(),
    newDeadline: CalendarDate.nullable(),
    reason: z.string().nullable(),
    before: ReviewSnapshot,
    after: ReviewSnapshot,
  })
  .openapi('ReviewItem');
export type ReviewItem = z.infer<typeof ReviewItem>;

const reviewFields = {
  id: Id,
  programId: Id,
  programKey: z.string(),
  reviewer: PersonRef,
  note: z.string().nullable(),
  createdAt: z.string(),
};

export const Review = z.object({ ...reviewFields, items: z.array(ReviewItem) }).openapi('Review');
export type Review = z.infer<typeof Review>;

const Count = z.number().int().min(0);

export const ReviewSummary = z
  .object({
    ...reviewFields,
    itemCount: z.number().int(),
    decisions: z.object({
      'on-track': Count, 'at-risk': Count, 're-plan': Count, 'escalate-now': Count, 'resolved': Count,
    } satisfies Record<ReviewDecision, typeof Count>).openapi({ description: 'How many items took each decision.' }),
  })
  .openapi('ReviewSummary');
export type ReviewSummary = z.infer<typeof ReviewSummary>;

export const ReviewPage = pageOf(ReviewSummary, 'ReviewPage');
export type ReviewPage = z.infer<typeof ReviewPage>;

export const ReviewAgendaItem = z
  .object({
    constraint: Constraint,
    changesSince: z.string().nullable().openapi({ description: 'Changes are listed after this instant (the last review of the constraint); null: since its creation.' }),
    changes: z.array(HistoryEntry).openapi({ description: 'History entries since then, oldest first (the most recent ones when there are many).' }),
    moreChanges: z.number().int().min(0).openapi({ description: 'Older changes since then that are left out of `changes`.' }),
  })
  .openapi('ReviewAgendaItem');
export type ReviewAgendaItem = z.infer<typeof ReviewAgendaItem>;

export const ReviewAgenda = z
  .object({
    program: z.object({ id: Id, key: z.string(), name: z.string() }),
    asOf: z.string(),
    staleAfterDays: z.literal(STALE_AFTER_DAYS),
    lastReview: z.object({ id: Id, createdAt: z.string(), reviewer: PersonRef }).nullable(),
    items: z.array(ReviewAgendaItem).openapi({ description: 'Every open or in-progress constraint: overdue first, then by deadline.' }),
    truncated: z.boolean().openapi({ description: 'True when the program has more active constraints than one agenda lists.' }),
  })
  .openapi('ReviewAgenda');
export type ReviewAgenda = z.infer<typeof ReviewAgenda>;
