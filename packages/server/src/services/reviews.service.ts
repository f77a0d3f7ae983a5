import {
  compareAgendaEntries, isClosedStatus, isOverdue, localDate, planReviewItem, type ReviewEffect,
} from '@handoff/core';
import type { FieldError, PageQuery, ReviewInput, ReviewSnapshot } from '@handoff/contract';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Actor, Deps } from '../context.js';
import { HandoffError, notFound } from '../errors.js';
import { actingAsSelf } from './acting-as-self.js';
import { decodeCursor, pageFrom } from '../db/paging.js';
import type { DB } from '../db/schema.js';
import { findConstraintId, listConstraintViews, updateConstraint, type ConstraintRow, type ConstraintView } from '../db/repos/constraints.repo.js';
import { appendHistory } from '../db/repos/history.repo.js';
import { existingPersonIds } from '../db/repos/people.repo.js';
import { findProgram, isUuid, type ProgramRow } from '../db/repos/programs.repo.js';
import {
  changesSinceLastReview, findReview, insertReview, insertReviewItems, lastProgramReview, listProgramReviews, listReviewItems,
  reviewDecisionCounts, type ChangeRow, type ReviewItemView, type ReviewView,
} from '../db/repos/reviews.repo.js';
import type { createConstraintsService } from './constraints.service.js';
import type { EscalationsService } from './escalations.service.js';
import { inTransaction } from './transaction.js';

/** Most active constraints one agenda lists; a weekly review of more than this is not a review. */
const AGENDA_LIMIT = 1000;
/** Most history entries shown per constraint in the agenda (the most recent ones). */
const CHANGES_PER_CONSTRAINT = 50;

/** Everything the agenda presenter needs. */
export interface AgendaData {
  program: ProgramRow;
  now: Date;
  today: string;
  rows: ConstraintView[];
  changes: Map<string, ChangeRow[]>;
  lastReview: ReviewView | undefined;
  truncated: boolean;
}

function snapshotOf(v: ConstraintView): ReviewSnapshot {
  return {
    status: v.status, deadline: v.deadline, severity: v.severity, escalationCycle: v.esc_cycle,
    escalationLevel: v.esc_level ?? -1, escalationLevelName: v.esc_level_name,
    lastReviewedAt: v.last_reviewed_at ? v.last_reviewed_at.toISOString() : null,
  };
}

/** Re-roots field errors of a constraint update under the review item that caused them. */
function underItem(error: unknown, index: number): unknown {
  if (!(error instanceof HandoffError)) return error;
  const rename: Record<string, string> = { reason: 'reason', deadline: 'newDeadline' };
  const errors = error.errors.map((e) => ({ path: `items.${index}.${rename[e.path] ?? e.path}`, message: e.message }));
  return new HandoffError(error.code, errors.length > 0 ? errors.map((e) => `${e.path}: ${e.message}`).join('; ') : `items.${index}: ${error.detail}`, errors, error.extra);
}

/** The weekly review of a program's constraint library: the agenda, and recording decisions all or nothing. */
export function createReviewsService(
  deps: Deps,
  constraints: Pick<ReturnType<typeof createConstraintsService>, 'applyUpdate' | 'today'>,
  escalations: Pick<EscalationsService, 'escalateNow'>,
) {
  const { db } = deps.database;

  async function program(trx: Kysely<DB>, actor: Actor, idOrKey: string): Promise<ProgramRow> {
    const found = await findProgram(trx, actor.workspaceId, idOrKey);
    if (!found) throw notFound('program', idOrKey);
    return found;
  }

  /** Resolves and locks every item's constraint (in id order, so concurrent reviews cannot deadlock) and checks it. */
  async function resolveItems(trx: Kysely<DB>, actor: Actor, p: ProgramRow, input: ReviewInput): Promise<{ rows: ConstraintRow[]; effects: ReviewEffect[] }> {
    const errors: FieldError[] = [];
    const ids: (string | undefined)[] = [];
    for (const item of input.items) ids.push((await findConstraintId(trx, actor.workspaceId, item.constraintId))?.id);
    const locked = new Map<string, ConstraintRow>();
    for (const id of [...new Set(ids.flatMap((i) => (i ? [i] : [])))].sort()) {
      const row = await findConstraintId(trx, actor.workspaceId, id, true);
      if (row) locked.set(id, row);
    }
    const firstIndex = new Map<string, number>();
    const rows: ConstraintRow[] = [];
    const effects: ReviewEffect[] = [];
    input.items.forEach((item, i) => {
      const path = `items.${i}.constraintId`;
      const id = ids[i];
      const row = id === undefined ? undefined : locked.get(id);
      if (!row) return errors.push({ path, message: `constraint ${item.constraintId} does not exist in this workspace` });
      if (row.program_id !== p.id) return errors.push({ path, message: `${item.constraintId} is not a constraint of ${p.key}` });
      if (isClosedStatus(row.status)) return errors.push({ path, message: `${item.constraintId} is ${row.status}: only open and in-progress constraints are reviewed` });
      const first = firstIndex.get(row.id);
      if (first !== undefined) return errors.push({ path, message: `names the same constraint as items.${first}.constraintId` });
      firstIndex.set(row.id, i);
      const plan = planReviewItem(item, row.deadline);
      if (plan.kind === 'invalid') return errors.push(...plan.problems.map((pr) => ({ path: `items.${i}.${pr.field}`, message: pr.message })));
      rows.push(row);
      effects.push(plan.effect);
      return undefined;
    });
    if (errors.length > 0) throw new HandoffError('validation-failed', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
    return { rows, effects };
  }

  async function markReviewed(trx: Kysely<DB>, actor: Actor, row: ConstraintRow, decision: string, note: string | undefined, now: Date): Promise<void> {
    await updateConstraint(trx, actor.workspaceId, row.id, { last_reviewed_at: now, updated_at: now });
    await appendHistory(trx, {
      workspaceId: actor.workspaceId, entityType: 'constraint', entityId: row.id, changeId: deps.newId(),
      changes: [{ field: 'lastReviewedAt', before: row.last_reviewed_at ? row.last_reviewed_at.toISOString() : null, after: now.toISOString() }],
      reason: `review: ${decision}${note ? ` (${note})` : ''}`, actor: actor.label, at: now,
    });
  }

  return {
    async agenda(actor: Actor, programIdOrKey: string): Promise<AgendaData> {
      const p = await program(db, actor, programIdOrKey);
      const now = deps.clock.now();
      const today = localDate(now, actor.timeZone);
      const fetched = await listConstraintViews(db, actor.workspaceId, today, { program: p.id, active: true, limit: AGENDA_LIMIT + 1 });
      const rows = fetched.slice(0, AGENDA_LIMIT)
        .sort((a, b) => compareAgendaEntries({ ...a, overdue: isOverdue(a.deadline, today) }, { ...b, overdue: isOverdue(b.deadline, today) }));
      const changes = new Map<string, ChangeRow[]>();
      for (const change of await changesSinceLastReview(db, actor.workspaceId, rows.map((r) => r.id), CHANGES_PER_CONSTRAINT)) {
        changes.set(change.entity_id, [...(changes.get(change.entity_id) ?? []), change]);
      }
      const lastReview = await lastProgramReview(db, actor.workspaceId, p.id);
      return { program: p, now, today, rows, changes, lastReview, truncated: fetched.length > AGENDA_LIMIT };
    },

    /** Records a review: checks every item first, then applies them in order; one failure and nothing is kept. */
    async record(actor: Actor, programIdOrKey: string, input: ReviewInput): Promise<string> {
      return inTransaction(db, async (trx) => {
        const p = await program(trx, actor, programIdOrKey);
        actingAsSelf(actor, input.reviewerId, 'reviewerId');
        if (!(await existingPersonIds(trx, actor.workspaceId, [input.reviewerId])).has(input.reviewerId)) {
          throw new HandoffError('validation-failed', `reviewerId: person ${input.reviewerId} does not exist in this workspace`,
            [{ path: 'reviewerId', message: 'does not exist in this workspace' }]);
        }
        const { rows, effects } = await resolveItems(trx, actor, p, input);
        const now = deps.clock.now();
        const ids = rows.map((r) => r.id);
        const views = async () => new Map((await listConstraintViews(trx, actor.workspaceId, constraints.today(actor), { ids, limit: ids.length })).map((v) => [v.id, v]));
        const before = await views();
        const id = deps.newId();
        await insertReview(trx, { id, workspace_id: actor.workspaceId, program_id: p.id, reviewer_id: input.reviewerId, note: input.note || null, created_at: now });
        for (const [i, row] of rows.entries()) {
          const effect = effects[i];
          const item = input.items[i];
          if (!effect || !item) continue;
          try {
            if (effect.kind === 'update') await constraints.applyUpdate(trx, actor, row, effect.patch, now);
            if (effect.kind === 'escalate') await escalations.escalateNow(trx, actor, row.id);
          } catch (error) {
            throw underItem(error, i);
          }
          await markReviewed(trx, actor, row, item.decision, item.note, now);
        }
        const after = await views();
        await insertReviewItems(trx, rows.flatMap((row, i) => {
          const item = input.items[i];
          const b = before.get(row.id);
          const a = after.get(row.id);
          if (!item || !b || !a) return [];
          return [{
            review_id: id, workspace_id: actor.workspaceId, constraint_id: row.id, position: i, decision: item.decision,
            note: item.note || null, new_deadline: item.newDeadline ?? null, reason: item.decision === 're-plan' ? (item.reason?.trim() ?? null) : null,
            before: JSON.stringify(snapshotOf(b)), after: JSON.stringify(snapshotOf(a)),
          }];
        }));
        return id;
      });
    },

    async get(actor: Actor, id: string): Promise<{ review: ReviewView; items: ReviewItemView[] }> {
      const review = isUuid(id) ? await findReview(db, actor.workspaceId, id) : undefined;
      if (!review) throw notFound('review', id);
      return { review, items: await listReviewItems(db, review.id) };
    },

    async list(actor: Actor, programIdOrKey: string, page: z.infer<typeof PageQuery>) {
      const p = await program(db, actor, programIdOrKey);
      const after = page.cursor ? decodeCursor(page.cursor, 2) : undefined;
      const rows = await listProgramReviews(db, actor.workspaceId, p.id, after ? [String(after[0]), String(after[1])] : undefined, page.limit + 1);
      const result = pageFrom(rows, page.limit, (r) => [r.created_at.toISOString(), r.id]);
      return { ...result, counts: await reviewDecisionCounts(db, result.rows.map((r) => r.id)) };
    },
  };
}

export type ReviewsService = ReturnType<typeof createReviewsService>;
