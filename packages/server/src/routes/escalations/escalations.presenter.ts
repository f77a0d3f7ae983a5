import { daysOverdue } from '@handoff/core';
import { DecisionEffect, type ActiveEscalation, type Decision } from '@handoff/contract';
import type { DecisionView } from '../../db/repos/decisions.repo.js';
import type { ActiveEscalationRow } from '../../db/repos/escalations.repo.js';
import { choicesOf } from '../../services/decision-options.js';

/** Maps an active escalation row to its API shape; `today` is the workspace-local date. */
export function presentActiveEscalation(row: ActiveEscalationRow, today: string): ActiveEscalation {
  return {
    constraintId: row.constraint_id,
    ref: `${row.ref_key}-${row.number}`,
    title: row.title,
    programId: row.program_id,
    programKey: row.ref_key,
    owner: { id: row.owner_id, name: row.owner_name, email: row.owner_email },
    deadline: row.deadline,
    daysOverdue: daysOverdue(row.deadline, today),
    state: {
      cycle: row.cycle,
      level: row.level,
      levelName: row.level_name,
      nextLevelAt: row.next_level_at ? row.next_level_at.toISOString() : null,
      acknowledgedBy: row.acknowledged_by && row.ack_name !== null && row.ack_email !== null ? { id: row.acknowledged_by, name: row.ack_name, email: row.ack_email } : null,
      acknowledgedAt: row.acknowledged_at ? row.acknowledged_at.toISOString() : null,
      pausedAt: row.paused_at ? row.paused_at.toISOString() : null,
      pausedReason: row.paused_reason,
    },
    lastFiredAt: row.last_fired_at.toISOString(),
    recipients: row.recipients,
  };
}

/**
 * Maps a decision to its API shape: options as labels, with the effect of each beside them, what taking it changed,
 * and whether it is overdue on `today` (the workspace's local date).
 */
export function presentDecision(row: DecisionView, today: string): Decision {
  const daysLate = row.status === 'pending' ? daysOverdue(row.due_date, today) : 0;
  const choices = choicesOf(row);
  const effect = DecisionEffect.safeParse(row.effect);
  return {
    id: row.id,
    programId: row.program_id,
    programKey: row.program_key,
    constraintId: row.constraint_id,
    constraintRef: row.constraint_number === null ? null : `${row.program_key}-${row.constraint_number}`,
    source: row.source,
    title: row.title,
    context: row.context,
    options: choices.map((c) => c.label),
    optionEffects: choices.map((c) => c.effect),
    recommendation: row.recommendation,
    dueDate: row.due_date,
    overdue: daysLate > 0,
    daysOverdue: daysLate,
    status: row.status,
    outcome: row.outcome,
    decidedBy: row.decided_by && row.decider_name !== null && row.decider_email !== null ? { id: row.decided_by, name: row.decider_name, email: row.decider_email } : null,
    decidedAt: row.decided_at ? row.decided_at.toISOString() : null,
    effect: effect.success ? effect.data : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}
