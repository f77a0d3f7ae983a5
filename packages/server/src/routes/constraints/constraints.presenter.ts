import { daysOverdue, isClosedStatus, isOverdue, isStale } from '@handoff/core';
import type { Constraint } from '@handoff/contract';
import type { ConstraintView } from '../../db/repos/constraints.repo.js';

/**
 * Maps a stored constraint to its API shape; `today` is the workspace-local date that decides lateness,
 * `now` the instant that decides staleness (closed constraints are never stale, as they are never overdue).
 */
export function presentConstraint(row: ConstraintView, today: string, now: Date): Constraint {
  const active = !isClosedStatus(row.status);
  return {
    id: row.id,
    ref: `${row.program_key}-${row.number}`,
    programId: row.program_id,
    programKey: row.program_key,
    title: row.title,
    description: row.description,
    kind: row.kind,
    dimension: row.dimension,
    owner: { id: row.owner_id, name: row.owner_name, email: row.owner_email },
    deadline: row.deadline,
    overdue: active && isOverdue(row.deadline, today),
    daysOverdue: active ? daysOverdue(row.deadline, today) : 0,
    status: row.status,
    severity: row.severity,
    blocksGate: row.blocks_gate,
    dependsOn: row.depends_on,
    escalation: row.esc_cycle === null ? null : {
      cycle: row.esc_cycle,
      level: row.esc_level ?? -1,
      levelName: row.esc_level_name,
      nextLevelAt: row.esc_next_level_at ? row.esc_next_level_at.toISOString() : null,
      acknowledgedBy: row.esc_ack_by && row.esc_ack_name !== null && row.esc_ack_email !== null
        ? { id: row.esc_ack_by, name: row.esc_ack_name, email: row.esc_ack_email } : null,
      acknowledgedAt: row.esc_ack_at ? row.esc_ack_at.toISOString() : null,
      pausedAt: row.esc_paused_at ? row.esc_paused_at.toISOString() : null,
      pausedReason: row.esc_paused_reason,
    },
    lastReviewedAt: row.last_reviewed_at ? row.last_reviewed_at.toISOString() : null,
    stale: active && isStale(row.last_reviewed_at ? row.last_reviewed_at.toISOString() : null, row.created_at.toISOString(), now.toISOString()),
    resolvedAt: row.resolved_at ? row.resolved_at.toISOString() : null,
    criterionId: row.criterion_id,
    monitorId: row.monitor_id,
    recoveredAt: row.recovered_at ? row.recovered_at.toISOString() : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}
