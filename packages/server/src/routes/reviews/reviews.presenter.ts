import { REVIEW_DECISIONS, STALE_AFTER_DAYS, type ReviewDecision } from '@handoff/core';
import { ReviewSnapshot, type Review, type ReviewAgenda, type ReviewSummary } from '@handoff/contract';
import type { ReviewItemView, ReviewView } from '../../db/repos/reviews.repo.js';
import type { AgendaData } from '../../services/reviews.service.js';
import { presentConstraint } from '../constraints/constraints.presenter.js';
import { presentHistory } from '../shared/history.presenter.js';

function reviewFields(r: ReviewView) {
  return {
    id: r.id,
    programId: r.program_id,
    programKey: r.program_key,
    reviewer: { id: r.reviewer_id, name: r.reviewer_name, email: r.reviewer_email },
    note: r.note,
    createdAt: r.created_at.toISOString(),
  };
}

/** Maps a review and its items to the API shape; the stored snapshots are parsed through their schema. */
export function presentReview(review: ReviewView, items: readonly ReviewItemView[]): Review {
  return {
    ...reviewFields(review),
    items: items.map((i) => ({
      constraintId: i.constraint_id,
      ref: i.ref,
      title: i.title,
      decision: i.decision,
      note: i.note,
      newDeadline: i.new_deadline,
      reason: i.reason,
      before: ReviewSnapshot.parse(i.before),
      after: ReviewSnapshot.parse(i.after),
    })),
  };
}

/** Maps a review to its list entry, with how many items took each decision. */
export function presentReviewSummary(review: ReviewView, counts: readonly { review_id: string; decision: ReviewDecision; n: number }[]): ReviewSummary {
  const decisions: Record<ReviewDecision, number> = { 'on-track': 0, 'at-risk': 0, 're-plan': 0, 'escalate-now': 0, 'resolved': 0 };
  for (const c of counts) if (c.review_id === review.id) decisions[c.decision] += c.n;
  return { ...reviewFields(review), itemCount: REVIEW_DECISIONS.reduce((sum, d) => sum + decisions[d], 0), decisions };
}

/** Maps the agenda: each active constraint with its changes since it was last reviewed. */
export function presentAgenda(a: AgendaData): ReviewAgenda {
  return {
    program: { id: a.program.id, key: a.program.key, name: a.program.name },
    asOf: a.now.toISOString(),
    staleAfterDays: STALE_AFTER_DAYS,
    lastReview: a.lastReview
      ? { id: a.lastReview.id, createdAt: a.lastReview.created_at.toISOString(), reviewer: reviewFields(a.lastReview).reviewer }
      : null,
    items: a.rows.map((row) => {
      const changes = a.changes.get(row.id) ?? [];
      return {
        constraint: presentConstraint(row, a.today, a.now),
        changesSince: row.last_reviewed_at ? row.last_reviewed_at.toISOString() : null,
        changes: changes.map(presentHistory),
        moreChanges: Math.max(0, (changes[0]?.total ?? 0) - changes.length),
      };
    }),
    truncated: a.truncated,
  };
}
