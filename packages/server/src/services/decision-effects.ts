import { isClosedStatus, localDate } from '@handoff/core';
import type { DecisionEffect, DecisionEffectInput } from '@handoff/contract';
import type { Kysely } from 'kysely';
import type { Actor, Deps } from '../context.js';
import { HandoffError, invalidField } from '../errors.js';
import type { DB } from '../db/schema.js';
import { findConstraintId, type ConstraintRow } from '../db/repos/constraints.repo.js';
import type { DecisionRow } from '../db/repos/decisions.repo.js';
import { appendHistory } from '../db/repos/history.repo.js';
import type { PersonRow } from '../db/repos/people.repo.js';
import { findProgram, updateProgram } from '../db/repos/programs.repo.js';
import type { createConstraintsService } from './constraints.service.js';
import type { DecisionChoice } from './decision-options.js';
import { enforceGate } from './readiness-gate.js';

type ConstraintUpdater = Pick<ReturnType<typeof createConstraintsService>, 'updateIn'>;

/** Everything an effect is applied with, inside the decide transaction. */
export interface EffectContext {
  readonly trx: Kysely<DB>;
  readonly actor: Actor;
  /** The decision being taken (locked). */
  readonly decision: DecisionRow;
  readonly decider: PersonRow;
  /** Kept as the reason of every change the effect makes. */
  readonly reason: string;
  readonly now: Date;
}

/**
 * The effect a decide applies: the decider's (`none`: nothing), completed by the chosen option's when both
 * are of the same kind (the option names the constraint, the decider the date); else the option's.
 */
export function effectToApply(choice: DecisionChoice | undefined, requested: DecisionEffectInput | undefined): DecisionEffectInput | null {
  const template = choice?.effect ?? null;
  if (!requested) return template?.kind === 'none' ? null : template;
  if (requested.kind === 'none') return null;
  if (requested.kind === 'move-deadline' && template?.kind === 'move-deadline') {
    return { kind: 'move-deadline', constraintId: requested.constraintId ?? template.constraintId, to: requested.to ?? template.to };
  }
  if (requested.kind === 'accept-constraint' && template?.kind === 'accept-constraint') {
    return { kind: 'accept-constraint', constraintId: requested.constraintId ?? template.constraintId };
  }
  return requested;
}

/** Applies decision effects through the same rules as any other change (history, escalation, the readiness gate). */
export function createDecisionEffects(deps: Deps, constraints: ConstraintUpdater) {
  /** The open constraint an effect targets, locked: the one named, or the decision's own; it must be of the decision's program. */
  async function target(ctx: EffectContext, constraintId: string | undefined): Promise<ConstraintRow> {
    const idOrRef = constraintId ?? ctx.decision.constraint_id;
    if (!idOrRef) throw invalidField('effect.constraintId', 'is required: this decision is about no constraint');
    const row = await findConstraintId(ctx.trx, ctx.actor.workspaceId, idOrRef, true);
    if (!row) throw invalidField('effect.constraintId', `constraint ${idOrRef} does not exist in this workspace`);
    if (row.program_id !== ctx.decision.program_id) throw invalidField('effect.constraintId', `constraint ${idOrRef} belongs to another program`);
    if (isClosedStatus(row.status)) {
      throw new HandoffError('conflict', `constraint ${idOrRef} is already ${row.status}`, [{ path: 'effect.constraintId', message: `is already ${row.status}` }]);
    }
    return row;
  }

  async function phaseOverride(ctx: EffectContext, to: DecisionEffectInput & { kind: 'phase-override' }): Promise<DecisionEffect> {
    const { trx, actor, decider, reason, now } = ctx;
    const program = await findProgram(trx, actor.workspaceId, ctx.decision.program_id, true);
    if (!program) throw invalidField('effect', `program ${ctx.decision.program_id} does not exist in this workspace`);
    // A board decision moves a phase only when an executive takes it, whether or not the gate is open.
    if (decider.id !== program.sponsor_id && !decider.board_member) {
      throw new HandoffError('forbidden', `${decider.name} cannot move ${program.key} to ${to.to}: only the program's sponsor or a board member can`,
        [{ path: 'decidedBy', message: "is neither the program's sponsor nor a board member" }]);
    }
    if (to.to === program.phase) throw invalidField('effect.to', `${program.key} is already in ${to.to}`);
    const override = await enforceGate(deps, trx, actor, program, to.to, { decidedBy: decider.id, reason });
    await updateProgram(trx, actor.workspaceId, program.id, { phase: to.to, updated_at: now });
    await appendHistory(trx, {
      workspaceId: actor.workspaceId, entityType: 'program', entityId: program.id, changeId: deps.newId(),
      changes: [{ field: 'phase', before: program.phase, after: to.to }, ...(override ? [override.change] : [])], reason, actor: actor.label, at: now,
    });
    return { kind: 'phase-override', programId: program.id, from: program.phase, to: to.to, gateOverridden: override !== null };
  }

  return {
    /** Applies one effect in the caller's transaction; returns what changed (null: nothing). Any refusal throws, so nothing is kept. */
    async apply(ctx: EffectContext, effect: DecisionEffectInput | null): Promise<DecisionEffect | null> {
      if (effect === null || effect.kind === 'none') return null;
      if (effect.kind === 'phase-override') return phaseOverride(ctx, effect);
      if (effect.kind === 'move-deadline') {
        if (!effect.to) throw invalidField('effect.to', 'is required: the chosen option moves a deadline; give the new date');
        const today = localDate(ctx.now, ctx.actor.timeZone);
        if (effect.to < today) throw invalidField('effect.to', `must be today (${today}) or later`);
        const row = await target(ctx, effect.constraintId);
        if (row.deadline === effect.to) throw invalidField('effect.to', `is already the deadline of constraint ${row.id}`);
        await constraints.updateIn(ctx.trx, ctx.actor, row, { deadline: effect.to, reason: ctx.reason }, ctx.now);
        return { kind: 'move-deadline', constraintId: row.id, from: row.deadline, to: effect.to };
      }
      const row = await target(ctx, effect.constraintId);
      await constraints.updateIn(ctx.trx, ctx.actor, row, { status: 'accepted', reason: ctx.reason }, ctx.now);
      return { kind: 'accept-constraint', constraintId: row.id, from: row.status };
    },
  };
}
