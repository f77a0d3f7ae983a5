import { lastAssessment } from '../db/repos/assessments.repo.js';
import {
  daysBetween, draftBoardDecision, escalationNotice, isClosedStatus, localDate, nextDueAt, planEscalation,
  type EscalationClock, type EscalationPolicy, type FieldChange,
} from '@handoff/core';
import type { AcknowledgeInput, EscalationListQuery, PauseInput, ResumeInput, SweepResult } from '@handoff/contract';
import { sql, type Kysely } from 'kysely';
import type { Actor, Deps } from '../context.js';
import { HandoffError, notFound } from '../errors.js';
import { actingAsSelf } from './acting-as-self.js';
import { storedOptions } from './decision-options.js';
import { decodeCursor, pageFrom } from '../db/paging.js';
import type { DB } from '../db/schema.js';
import { findConstraintId, type ConstraintRow } from '../db/repos/constraints.repo.js';
import { insertEscalationDecision } from '../db/repos/decisions.repo.js';
import {
  backfillEscalations, boardMemberIds, claimDueEscalations, cycleRecipients, findEscalationContext, insertEscalation, insertEscalationEvent,
  listActiveEscalations, updateEscalation, type ActiveEscalationRow, type DueEscalation,
} from '../db/repos/escalations.repo.js';
import { appendHistory } from '../db/repos/history.repo.js';
import { cancelPendingEmails } from '../db/repos/outbox.repo.js';
import { existingPersonIds } from '../db/repos/people.repo.js';
import type { EnqueueNotification, Notification } from '../notify/notification.js';
import { effectivePolicy, policyOfSnapshot, programRoleDirectory } from './escalation-policy.js';
import { inTransaction } from './transaction.js';

/** Rows claimed per sweep transaction: small enough to keep locks short, large enough to be set-based. */
const SWEEP_BATCH = 200;
const SWEEP_ACTOR = 'escalation';

function clockOf(row: DueEscalation): EscalationClock {
  return {
    deadline: row.deadline,
    active: !isClosedStatus(row.status),
    done: row.done,
    acknowledgedAt: row.acknowledged_at ? row.acknowledged_at.getTime() : null,
    pausedAt: row.paused_at ? row.paused_at.getTime() : null,
    pausedMs: row.paused_ms,
  };
}

/** The escalation engine: clock cycles, the sweep, acknowledgement, pause and resume. */
export function createEscalationsService(deps: Deps, enqueue: EnqueueNotification) {
  const { db } = deps.database;

  async function policyOf(trx: Kysely<DB>, row: DueEscalation): Promise<EscalationPolicy> {
    return row.policy ? policyOfSnapshot(row.policy) : (await effectivePolicy(trx, row.workspace_id, row.program_id)).policy;
  }

  async function record(trx: Kysely<DB>, row: { workspace_id: string; constraint_id: string }, changes: FieldChange[], reason: string | null, actor: string, at: Date): Promise<void> {
    await appendHistory(trx, { workspaceId: row.workspace_id, entityType: 'constraint', entityId: row.constraint_id, changeId: deps.newId(), changes, reason, actor, at });
  }

  function notification(row: DueEscalation, kind: Notification['kind'], eventKey: string, recipientId: string, subject: string, text: string, at: Date, facts: Notification['facts'] = {}): Notification {
    const ref = `${row.program_key}-${row.number}`;
    return {
      workspaceId: row.workspace_id, eventKey, key: `${eventKey}:${recipientId}`, kind, recipientId, programId: row.program_id,
      subject, text, link: `/constraints/${ref}`, createdAt: at,
      facts: { ref, title: row.title, program: row.program_name, owner: row.owner_name, deadline: row.deadline, ...facts },
    };
  }

  /** Recomputes when the sweep should next look at a constraint; returns the context it loaded. */
  async function reschedule(trx: Kysely<DB>, workspaceId: string, constraintId: string, now: Date): Promise<DueEscalation | undefined> {
    const row = await findEscalationContext(trx, workspaceId, constraintId);
    if (!row) return undefined;
    const next = nextDueAt(await policyOf(trx, row), clockOf(row), row.time_zone);
    await updateEscalation(trx, constraintId, { next_level_at: next === null ? null : new Date(next), updated_at: now });
    return row;
  }

  async function context(trx: Kysely<DB>, actor: Actor, idOrRef: string): Promise<DueEscalation> {
    const constraint = await findConstraintId(trx, actor.workspaceId, idOrRef, true);
    if (!constraint) throw notFound('constraint', idOrRef);
    const row = await findEscalationContext(trx, actor.workspaceId, constraint.id);
    if (!row) throw notFound('constraint', idOrRef);
    return row;
  }

  async function fire(trx: Kysely<DB>, row: DueEscalation, at: Date, boardCache: Map<string, string[]>, totals: SweepResult, forceNext = false): Promise<void> {
    const policy = await policyOf(trx, row);
    let board = boardCache.get(row.workspace_id);
    if (!board) { board = await boardMemberIds(trx, row.workspace_id); boardCache.set(row.workspace_id, board); }
    const roles = await programRoleDirectory(trx, row.workspace_id, row.program_id, policy);
    const directory = { ...roles, owner: [row.owner_id], sponsor: row.sponsor_id ? [row.sponsor_id] : [], board };
    const plan = planEscalation(policy, clockOf(row), at.getTime(), row.time_zone, directory, { forceNext });
    const today = localDate(at, row.time_zone);
    const daysLate = daysBetween(row.deadline, today);
    const done = [...row.done];
    let previous = row.level;
    for (const action of plan.actions) {
      done.push(action.level);
      const level = policy.levels[action.level];
      if (!level) continue;
      const fired = await insertEscalationEvent(trx, {
        workspace_id: row.workspace_id, constraint_id: row.constraint_id, cycle: row.cycle, level: action.level, level_name: level.name,
        kind: action.kind === 'notify' ? 'notified' : 'skipped', recipients: action.kind === 'notify' ? [...action.recipients] : [],
        vacant: action.kind === 'skip' ? [...action.vacant] : [], fired_at: at,
      });
      if (!fired) continue;
      const before = previous >= 0 ? (policy.levels[previous]?.name ?? null) : null;
      previous = action.level;
      if (action.kind === 'skip') {
        totals.skipped++;
        await record(trx, row, [{ field: 'escalationLevel', before, after: level.name }], `level ${level.name} skipped: nobody holds ${action.vacant.join(', ')}`, SWEEP_ACTOR, at);
        continue;
      }
      totals.notified++;
      await record(trx, row, [{ field: 'escalationLevel', before, after: level.name }], `escalated to ${level.name} (${daysLate > 0 ? `${daysLate} days overdue` : `deadline ${row.deadline}`})`, SWEEP_ACTOR, at);
      const facts = { ref: `${row.program_key}-${row.number}`, title: row.title, programName: row.program_name, ownerName: row.owner_name, deadline: row.deadline, daysLate, levelName: level.name, level: action.level, levelCount: policy.levels.length, blocksGate: row.blocks_gate } as const;
      const notice = escalationNotice(facts);
      const eventKey = `esc:${row.constraint_id}:${row.cycle}:${action.level}`;
      for (const recipient of action.recipients) {
        await enqueue(trx, notification(row, 'escalation', eventKey, recipient, notice.subject, notice.text, at, { level: level.name, daysOverdue: Math.max(0, daysLate) }));
        totals.notifications++;
      }
      if (action.createsDecision) await raiseDecision(trx, row, facts, action.recipients, today, at, totals);
    }
    const next = plan.nextAt;
    await updateEscalation(trx, row.constraint_id, {
      done, level: Math.max(row.level, ...done), next_level_at: next === null ? null : new Date(next), updated_at: at,
      ...(row.policy === null && plan.actions.length > 0 ? { policy: JSON.stringify(policy) } : {}),
    });
  }

  async function raiseDecision(
    trx: Kysely<DB>, row: DueEscalation, facts: Parameters<typeof escalationNotice>[0], recipients: readonly string[], today: string, at: Date, totals: SweepResult,
  ): Promise<void> {
    const draft = draftBoardDecision({ ...facts, kind: row.kind, severity: row.severity }, today);
    const id = deps.newId();
    const created = await insertEscalationDecision(trx, {
      id, workspace_id: row.workspace_id, program_id: row.program_id, constraint_id: row.constraint_id, source: 'escalation', escalation_cycle: row.cycle,
      title: draft.title, context: draft.context, options: JSON.stringify(storedOptions(draft.options)), recommendation: draft.recommendation, due_date: draft.dueDate,
      status: 'pending', outcome: null, decided_by: null, decided_at: null, created_at: at, updated_at: at,
    });
    if (!created) return;
    totals.decisions++;
    const text = `${draft.context}\n\nRecommended: ${draft.recommendation}\nDecide by ${draft.dueDate}.`;
    for (const recipient of recipients) {
      await enqueue(trx, { ...notification(row, 'decision-request', `dec:${id}`, recipient, `Board decision needed: ${draft.title}`, text, at, { dueDate: draft.dueDate }), link: `/decisions/${id}` });
      totals.notifications++;
    }
  }

  return {
    /** Hook: a constraint was created; start its clock and tell its owner. */
    async onCreated(trx: Kysely<DB>, actor: Actor, c: ConstraintRow, now: Date): Promise<void> {
      await insertEscalation(trx, { constraint_id: c.id, workspace_id: c.workspace_id, next_level_at: null, updated_at: now });
      const row = await reschedule(trx, actor.workspaceId, c.id, now);
      if (row && !isClosedStatus(c.status)) {
        const ref = `${row.program_key}-${row.number}`;
        await enqueue(trx, notification(row, 'assignment', `assign:${c.id}:${c.owner_id}:${c.version}`, c.owner_id,
          `[${ref}] assigned to you: ${c.title}`, `You own ${ref} "${c.title}" (${row.program_name}), due ${c.deadline}.`, now));
      }
    },

    /** Hook: a constraint changed. A deadline move starts a new clock cycle; an owner change tells the new owner. */
    async onUpdated(trx: Kysely<DB>, actor: Actor, before: ConstraintRow, after: ConstraintRow, reason: string | null, now: Date): Promise<void> {
      const row = await findEscalationContext(trx, actor.workspaceId, after.id);
      if (!row) return;
      const ref = `${row.program_key}-${row.number}`;
      if (before.deadline !== after.deadline) {
        await updateEscalation(trx, after.id, {
          cycle: row.cycle + 1, done: [], level: -1, policy: null, acknowledged_by: null, acknowledged_at: null,
          paused_ms: 0, paused_at: row.paused_at ? now : null, updated_at: now,
        });
        await record(trx, row, [{ field: 'escalationCycle', before: row.cycle, after: row.cycle + 1 }], `deadline moved from ${before.deadline} to ${after.deadline}: escalation starts again`, actor.label, now);
        await enqueue(trx, notification(row, 'deadline-change', `deadline:${after.id}:${after.version}`, after.owner_id,
          `[${ref}] deadline moved to ${after.deadline}: ${after.title}`, `The deadline of ${ref} "${after.title}" moved from ${before.deadline} to ${after.deadline}. Reason: ${reason ?? '(none given)'}`, now));
      }
      if (before.owner_id !== after.owner_id) {
        await cancelPendingEmails(trx, actor.workspaceId, before.owner_id, `esc:${after.id}:`, `owner changed to another person`, now);
      }
      if (before.owner_id !== after.owner_id && !isClosedStatus(after.status)) {
        await enqueue(trx, notification(row, 'assignment', `assign:${after.id}:${after.owner_id}:${after.version}`, after.owner_id,
          `[${ref}] assigned to you: ${after.title}`, `You now own ${ref} "${after.title}" (${row.program_name}), due ${after.deadline}.`, now));
      }
      if (after.criterion_id && after.status === 'resolved' && before.status !== 'resolved') {
        // The gap this constraint closed should now be met: ask whoever assessed the criterion last to assess it again.
        const last = await lastAssessment(trx, after.program_id, after.criterion_id);
        const recipient = last?.assessed_by ?? row.sponsor_id;
        if (recipient) {
          const code = last?.code ?? 'the criterion';
          await enqueue(trx, {
            ...notification(row, 'reassessment', `reassess:${after.id}:${after.version}`, recipient,
              `[${ref}] resolved: re-assess ${code} for ${row.program_key}`,
              `${ref} "${after.title}" was opened to close the readiness gap on ${code}${last ? ` (${last.text})` : ''} and is now resolved. ` +
              `Assess ${code} again so that ${row.program_name}'s readiness shows it.`, now, { criterion: code }),
            link: `/programs/${row.program_key}/readiness`,
          });
        }
      }
      await reschedule(trx, actor.workspaceId, after.id, now);
    },

    /** Fires every due level once, as of `at` (default: the database clock). */
    async sweep(at?: Date): Promise<SweepResult> {
      const when = at ?? (await sql<{ now: Date }>`select now() as now`.execute(db)).rows[0]?.now ?? deps.clock.now();
      const totals: SweepResult = { at: when.toISOString(), constraints: 0, notified: 0, skipped: 0, decisions: 0, notifications: 0 };
      const boardCache = new Map<string, string[]>();
      await inTransaction(db, (trx) => backfillEscalations(trx, when));
      for (let round = 0; round < 10_000; round++) {
        const claimed = await inTransaction(db, async (trx) => {
          const due = await claimDueEscalations(trx, when, SWEEP_BATCH);
          for (const row of due) await fire(trx, row, when, boardCache, totals);
          return due.length;
        });
        totals.constraints += claimed;
        if (claimed < SWEEP_BATCH) break;
      }
      return totals;
    },

    /**
     * Fires the next level of one constraint now (a review's `escalate-now`), inside the caller's
     * transaction. Returns what fired; nothing when closed, paused or already at the top.
     */
    async escalateNow(trx: Kysely<DB>, actor: Actor, constraintId: string): Promise<SweepResult> {
      const at = deps.clock.now();
      const totals: SweepResult = { at: at.toISOString(), constraints: 1, notified: 0, skipped: 0, decisions: 0, notifications: 0 };
      // A bulk-imported constraint may not have its clock yet (the next sweep would give it one).
      await insertEscalation(trx, { constraint_id: constraintId, workspace_id: actor.workspaceId, next_level_at: null, updated_at: at });
      const row = await findEscalationContext(trx, actor.workspaceId, constraintId);
      if (!row) return { ...totals, constraints: 0 };
      await fire(trx, row, at, new Map(), totals, true);
      return totals;
    },

    async acknowledge(actor: Actor, idOrRef: string, input: AcknowledgeInput): Promise<string> {
      return inTransaction(db, async (trx) => {
        const row = await context(trx, actor, idOrRef);
        actingAsSelf(actor, input.personId, 'personId');
        if (!(await existingPersonIds(trx, actor.workspaceId, [input.personId])).has(input.personId)) {
          throw new HandoffError('validation-failed', `personId: person ${input.personId} does not exist in this workspace`, [{ path: 'personId', message: 'does not exist in this workspace' }]);
        }
        if (isClosedStatus(row.status)) throw new HandoffError('conflict', `${row.program_key}-${row.number} is ${row.status}: nothing to acknowledge`);
        const reached = await cycleRecipients(trx, row.constraint_id, row.cycle);
        if (input.personId !== row.owner_id && !reached.includes(input.personId)) {
          throw new HandoffError('forbidden', 'only the owner or someone the escalation has reached can acknowledge it', [{ path: 'personId', message: 'is neither the owner nor a recipient of this escalation' }]);
        }
        const now = deps.clock.now();
        await updateEscalation(trx, row.constraint_id, { acknowledged_by: input.personId, acknowledged_at: now, updated_at: now });
        await record(trx, row, [{ field: 'acknowledgedBy', before: row.acknowledged_by, after: input.personId }], input.note ?? null, actor.label, now);
        await reschedule(trx, actor.workspaceId, row.constraint_id, now);
        return row.constraint_id;
      });
    },

    async pause(actor: Actor, idOrRef: string, input: PauseInput): Promise<string> {
      return inTransaction(db, async (trx) => {
        const row = await context(trx, actor, idOrRef);
        if (row.paused_at) throw new HandoffError('conflict', `escalation of ${row.program_key}-${row.number} is already paused: ${row.paused_reason ?? ''}`);
        const now = deps.clock.now();
        await updateEscalation(trx, row.constraint_id, { paused_at: now, paused_reason: input.reason, next_level_at: null, updated_at: now });
        await record(trx, row, [{ field: 'escalationPaused', before: false, after: true }], input.reason, actor.label, now);
        return row.constraint_id;
      });
    },

    async resume(actor: Actor, idOrRef: string, input: ResumeInput): Promise<string> {
      return inTransaction(db, async (trx) => {
        const row = await context(trx, actor, idOrRef);
        if (!row.paused_at) throw new HandoffError('conflict', `escalation of ${row.program_key}-${row.number} is not paused`);
        const now = deps.clock.now();
        const served = Math.max(0, now.getTime() - row.paused_at.getTime());
        await updateEscalation(trx, row.constraint_id, { paused_at: null, paused_reason: null, paused_ms: row.paused_ms + served, updated_at: now });
        await record(trx, row, [{ field: 'escalationPaused', before: true, after: false }], input.note ?? `paused for ${Math.round(served / 3_600_000)} h; every later level moves by that`, actor.label, now);
        await reschedule(trx, actor.workspaceId, row.constraint_id, now);
        return row.constraint_id;
      });
    },

    async listActive(actor: Actor, query: EscalationListQuery): Promise<{ rows: ActiveEscalationRow[]; nextCursor: string | null }> {
      const after = query.cursor ? decodeCursor(query.cursor, 2) : undefined;
      const rows = await listActiveEscalations(db, actor.workspaceId, {
        ...(query.person ? { person: query.person } : {}),
        ...(query.program ? { program: query.program } : {}),
        ...(query.level !== undefined ? { minLevel: query.level } : {}),
        ...(after ? { after: [String(after[0]), String(after[1])] as const } : {}),
        limit: query.limit + 1,
      });
      return pageFrom(rows, query.limit, (r) => [r.last_fired_at.toISOString(), r.constraint_id]);
    },

    reschedule,
  };
}

export type EscalationsService = ReturnType<typeof createEscalationsService>;
