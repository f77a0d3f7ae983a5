import { localDate } from '@handoff/core';
import type { DecideInput, DecisionEffectInput, DecisionListQuery, DecisionRequestInput } from '@handoff/contract';
import type { Kysely } from 'kysely';
import type { Actor, Deps } from '../context.js';
import { HandoffError, invalidField, notFound } from '../errors.js';
import { decodeCursor, pageFrom } from '../db/paging.js';
import type { DB } from '../db/schema.js';
import { findConstraintId } from '../db/repos/constraints.repo.js';
import { findDecision, insertDecision, listDecisionViews, recordDecision, type DecisionView } from '../db/repos/decisions.repo.js';
import { boardMemberIds } from '../db/repos/escalations.repo.js';
import { appendHistory } from '../db/repos/history.repo.js';
import { findPerson } from '../db/repos/people.repo.js';
import { findProgram, isUuid, type ProgramRow } from '../db/repos/programs.repo.js';
import type { EnqueueNotification } from '../notify/notification.js';
import type { createConstraintsService } from './constraints.service.js';
import { createDecisionEffects, effectToApply } from './decision-effects.js';
import { choicesOf } from './decision-options.js';
import { actingAsSelf } from './readiness-gate.js';
import { stale } from './people.service.js';
import { inTransaction, versionMatches } from './transaction.js';

/** History reasons are at most this long (the limit of a reason given by hand). */
const MAX_REASON = 2000;

/**
 * Board decision requests: made by hand or raised by escalation, listed, read, and decided with a recorded
 * outcome, decider and time, and the effect of the decision applied in the same transaction.
 */
export function createDecisionsService(deps: Deps, constraints: Pick<ReturnType<typeof createConstraintsService>, 'updateIn'>, enqueue: EnqueueNotification) {
  const { db } = deps.database;
  const effects = createDecisionEffects(deps, constraints);

  async function view(actor: Actor, id: string, trx = db): Promise<DecisionView> {
    const [row] = isUuid(id) ? await listDecisionViews(trx, actor.workspaceId, { ids: [id], limit: 1 }) : [];
    if (!row) throw notFound('decision', id);
    return row;
  }

  /** The constraint a request or one of its options names: it must exist and belong to the program. */
  async function constraintOf(trx: Kysely<DB>, actor: Actor, program: ProgramRow, idOrRef: string, path: string): Promise<string> {
    const row = await findConstraintId(trx, actor.workspaceId, idOrRef);
    if (!row) throw invalidField(path, `constraint ${idOrRef} does not exist in this workspace`);
    if (row.program_id !== program.id) throw invalidField(path, `constraint ${idOrRef} belongs to another program, not ${program.key}`);
    return row.id;
  }

  /** An option's effect with its constraint resolved to an id (stored so), or the decision's own constraint implied. */
  async function optionEffect(trx: Kysely<DB>, actor: Actor, program: ProgramRow, own: string | null, effect: DecisionEffectInput, path: string): Promise<DecisionEffectInput> {
    if (effect.kind !== 'move-deadline' && effect.kind !== 'accept-constraint') return effect;
    if (effect.constraintId === undefined) {
      if (own === null) throw invalidField(`${path}.constraintId`, 'is required: the request names no constraint');
      return effect;
    }
    return { ...effect, constraintId: await constraintOf(trx, actor, program, effect.constraintId, `${path}.constraintId`) };
  }

  async function notifyBoard(trx: Kysely<DB>, actor: Actor, program: ProgramRow, id: string, input: DecisionRequestInput, recommendation: string, at: Date): Promise<void> {
    const recipients = new Set(await boardMemberIds(trx, actor.workspaceId));
    if (program.sponsor_id) recipients.add(program.sponsor_id);
    const options = input.options.map((o, i) => `${i + 1}. ${o.label}`).join('\n');
    const text = `${input.context}\n\nOptions:\n${options}\n\nRecommended: ${recommendation}\nDecide by ${input.dueDate}.`;
    for (const recipientId of recipients) {
      await enqueue(trx, {
        workspaceId: actor.workspaceId, eventKey: `dec:${id}`, key: `dec:${id}:${recipientId}`, kind: 'decision-request', recipientId,
        programId: program.id, subject: `Board decision needed: ${input.title}`, text, link: `/decisions/${id}`, createdAt: at,
        facts: { program: program.name, title: input.title, dueDate: input.dueDate },
      });
    }
  }

  return {
    get: (actor: Actor, id: string) => view(actor, id),

    async list(actor: Actor, query: DecisionListQuery): Promise<{ rows: DecisionView[]; nextCursor: string | null }> {
      const after = query.cursor ? decodeCursor(query.cursor, 2) : undefined;
      const rows = await listDecisionViews(db, actor.workspaceId, {
        ...(query.status ? { status: query.status } : {}),
        ...(query.program ? { program: query.program } : {}),
        ...(query.waitingFor ? { waitingFor: query.waitingFor } : {}),
        ...(after ? { after: [String(after[0]), String(after[1])] as const } : {}),
        limit: query.limit + 1,
      });
      return pageFrom(rows, query.limit, (r) => [r.due_date, r.id]);
    },

    /** A request made by hand: checked, stored pending, kept in history, and sent to the board and the sponsor. */
    async request(actor: Actor, input: DecisionRequestInput): Promise<DecisionView> {
      return inTransaction(db, async (trx) => {
        const program = await findProgram(trx, actor.workspaceId, input.programId);
        if (!program) throw invalidField('programId', `program ${input.programId} does not exist in this workspace`);
        const constraintId = input.constraintId === undefined ? null : await constraintOf(trx, actor, program, input.constraintId, 'constraintId');
        const now = deps.clock.now();
        const today = localDate(now, actor.timeZone);
        if (input.dueDate < today) throw invalidField('dueDate', `must be today (${today}) or later`);
        const options = [];
        for (const [i, o] of input.options.entries()) {
          options.push(o.effect ? { label: o.label, effect: await optionEffect(trx, actor, program, constraintId, o.effect, `options.${i}.effect`) } : { label: o.label });
        }
        const recommendation = input.options[input.recommendedOption - 1]?.label ?? '';
        const id = deps.newId();
        await insertDecision(trx, {
          id, workspace_id: actor.workspaceId, program_id: program.id, constraint_id: constraintId, source: 'manual', escalation_cycle: null,
          title: input.title, context: input.context, options: JSON.stringify(options), recommendation, due_date: input.dueDate,
          status: 'pending', outcome: null, decided_by: null, decided_at: null, effect: null, created_at: now, updated_at: now,
        });
        const change = [{ field: 'decisionRequested', before: null, after: input.title }];
        await appendHistory(trx, { workspaceId: actor.workspaceId, entityType: 'program', entityId: program.id, changeId: deps.newId(), changes: change, reason: `decision ${id}`, actor: actor.label, at: now });
        if (constraintId) {
          await appendHistory(trx, { workspaceId: actor.workspaceId, entityType: 'constraint', entityId: constraintId, changeId: deps.newId(), changes: change, reason: `decision ${id}`, actor: actor.label, at: now });
        }
        await notifyBoard(trx, actor, program, id, input, recommendation, now);
        return view(actor, id, trx);
      });
    },

    /** Records the decision and applies its effect in one transaction: if the effect is refused, the decision stays pending. */
    async decide(actor: Actor, id: string, input: DecideInput, ifMatch: string | undefined): Promise<DecisionView> {
      return inTransaction(db, async (trx) => {
        const current = isUuid(id) ? await findDecision(trx, actor.workspaceId, id, true) : undefined;
        if (!current) throw notFound('decision', id);
        if (!versionMatches(ifMatch, current.version)) throw stale('decision', id, current.version);
        if (current.status !== 'pending') throw new HandoffError('conflict', `decision ${id} is already ${current.status}`);
        actingAsSelf(actor, input.decidedBy, 'decidedBy');
        const decider = await findPerson(trx, actor.workspaceId, input.decidedBy);
        if (!decider) throw invalidField('decidedBy', `person ${input.decidedBy} does not exist in this workspace`);
        const choices = choicesOf(current);
        const choice = input.option === undefined ? undefined : choices[input.option - 1];
        if (input.option !== undefined && !choice) throw invalidField('option', `must number one of the ${choices.length} options`);
        const outcome = input.outcome ?? choice?.label ?? '';
        const now = deps.clock.now();
        const reason = `Board decision ${current.title}: ${outcome}`.slice(0, MAX_REASON);
        const effect = await effects.apply({ trx, actor, decision: current, decider, reason, now }, effectToApply(choice, input.effect));
        await recordDecision(trx, current.id, outcome, decider.id, effect ? JSON.stringify(effect) : null, now);
        await appendHistory(trx, {
          workspaceId: actor.workspaceId, entityType: current.constraint_id ? 'constraint' : 'program', entityId: current.constraint_id ?? current.program_id,
          changeId: deps.newId(), changes: [{ field: 'boardDecision', before: null, after: outcome }], reason: `decision ${current.id}`, actor: actor.label, at: now,
        });
        return view(actor, current.id, trx);
      });
    },
  };
}
