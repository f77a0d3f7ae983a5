import type { TransferDocument } from '@handoff/contract';
import type { WorkspaceInserts } from '../db/repos/transfer-insert.repo.js';

/**
 * Maps the document onto table rows of `workspaceId` (the document never names a workspace id;
 * history about the workspace itself is re-pointed at it). JSON columns are written as JSON text.
 */
export function insertsOf(workspaceId: string, doc: TransferDocument): WorkspaceInserts {
  const ws = { workspace_id: workspaceId };
  return {
    people: doc.people.map((p) => ({
      ...ws, id: p.id, name: p.name, email: p.email, title: p.title, board_member: p.boardMember,
      created_at: p.createdAt, updated_at: p.updatedAt, version: p.version,
    })),
    programs: doc.programs.map((p) => ({
      ...ws, id: p.id, key: p.key, name: p.name, description: p.description,
      business_unit: p.businessUnit, phase: p.phase, sponsor_id: p.sponsorId,
      target_production_date: p.targetProductionDate, risk_class: p.riskClass,
      next_constraint_number: p.nextConstraintNumber,
      created_at: p.createdAt, updated_at: p.updatedAt, version: p.version,
    })),
    constraints: doc.constraints.map((c) => ({
      ...ws, id: c.id, program_id: c.programId, number: c.number, title: c.title,
      description: c.description, kind: c.kind, dimension: c.dimension, owner_id: c.ownerId, deadline: c.deadline,
      status: c.status, severity: c.severity, blocks_gate: c.blocksGate, last_reviewed_at: c.lastReviewedAt,
      resolved_at: c.resolvedAt, criterion_id: c.criterionId, monitor_id: c.monitorId, recovered_at: c.recoveredAt,
      created_at: c.createdAt, updated_at: c.updatedAt, version: c.version,
    })),
    dependencies: doc.dependencies.map((d) => ({ ...ws, constraint_id: d.constraintId, depends_on_id: d.dependsOnId })),
    history: doc.history.map((h) => ({
      ...ws, id: h.id, entity_type: h.entityType, entity_id: h.entityType === 'workspace' ? workspaceId : h.entityId,
      change_id: h.changeId, field: h.field, before: JSON.stringify(h.before ?? null), after: JSON.stringify(h.after ?? null),
      reason: h.reason, actor: h.actor, at: h.at,
    })),
    escalationPolicies: doc.escalationPolicies.map((p) => ({
      ...ws, id: p.id, program_id: p.programId, levels: JSON.stringify(p.levels), acknowledgement_hold_days: p.acknowledgementHoldDays,
      created_at: p.createdAt, updated_at: p.updatedAt, version: p.version,
    })),
    escalations: doc.escalations.map((e) => ({
      ...ws, constraint_id: e.constraintId, cycle: e.cycle, policy: e.policy === null ? null : JSON.stringify(e.policy), done: [...e.done],
      level: e.level, next_level_at: e.nextLevelAt, acknowledged_by: e.acknowledgedBy, acknowledged_at: e.acknowledgedAt,
      paused_at: e.pausedAt, paused_reason: e.pausedReason, paused_ms: e.pausedMs, updated_at: e.updatedAt,
    })),
    escalationEvents: doc.escalationEvents.map((e) => ({
      ...ws, id: e.id, constraint_id: e.constraintId, cycle: e.cycle, level: e.level, level_name: e.levelName, kind: e.kind,
      recipients: [...e.recipients], vacant: [...e.vacant], fired_at: e.firedAt,
    })),
    decisions: doc.decisions.map((d) => ({
      ...ws, id: d.id, program_id: d.programId, constraint_id: d.constraintId, source: d.source, escalation_cycle: d.escalationCycle,
      title: d.title, context: d.context, options: JSON.stringify(d.options), recommendation: d.recommendation, due_date: d.dueDate,
      status: d.status, outcome: d.outcome, decided_by: d.decidedBy, decided_at: d.decidedAt, effect: d.effect === null ? null : JSON.stringify(d.effect),
      created_at: d.createdAt, updated_at: d.updatedAt, version: d.version,
    })),
    notificationChannels: doc.notificationChannels.map((c) => ({
      ...ws, id: c.id, program_id: c.programId, kind: c.kind, name: c.name, webhook_url: c.webhookUrl, enabled: c.enabled,
      created_at: c.createdAt, updated_at: c.updatedAt, version: c.version,
    })),
    inboxItems: doc.inboxItems.map((n) => ({
      ...ws, id: n.id, person_id: n.personId, notification_key: n.notificationKey, event_key: n.eventKey, kind: n.kind,
      subject: n.subject, text: n.text, link: n.link, facts: JSON.stringify(n.facts), created_at: n.createdAt, read_at: n.readAt,
    })),
    digests: doc.digests.map((d) => ({ ...ws, person_id: d.personId, week_start: d.weekStart, sent_at: d.sentAt })),
    reviews: doc.reviews.map((r) => ({ ...ws, id: r.id, program_id: r.programId, reviewer_id: r.reviewerId, note: r.note, created_at: r.createdAt })),
    reviewItems: doc.reviewItems.map((r) => ({
      ...ws, review_id: r.reviewId, constraint_id: r.constraintId, position: r.position, decision: r.decision, note: r.note,
      new_deadline: r.newDeadline, reason: r.reason, before: JSON.stringify(r.before), after: JSON.stringify(r.after),
    })),
    criteria: doc.criteria.map((c) => ({
      ...ws, id: c.id, code: c.code, dimension: c.dimension, text: c.text, guidance: c.guidance, required: c.required, gate: c.gate,
      refs: JSON.stringify(c.refs), retired_at: c.retiredAt, created_at: c.createdAt, updated_at: c.updatedAt, version: c.version,
    })),
    assessments: doc.assessments.map((a) => ({
      ...ws, id: a.id, program_id: a.programId, criterion_id: a.criterionId, batch_id: a.batchId, status: a.status, evidence: a.evidence,
      links: JSON.stringify(a.links), assessed_by: a.assessedBy, assessed_at: a.assessedAt,
    })),
    gateOverrides: doc.gateOverrides.map((o) => ({
      ...ws, id: o.id, program_id: o.programId, from_phase: o.fromPhase, to_phase: o.toPhase, decided_by: o.decidedBy, reason: o.reason,
      unmet: JSON.stringify(o.unmet), created_at: o.createdAt,
    })),
    governanceRoles: doc.governanceRoles.map((r) => ({
      ...ws, key: r.key, name: r.name, description: r.description, required: r.required, retired_at: r.retiredAt,
      created_at: r.createdAt, updated_at: r.updatedAt,
    })),
    programRoles: doc.programRoles.map((r) => ({ ...ws, program_id: r.programId, role_key: r.roleKey, person_id: r.personId, assigned_at: r.assignedAt })),
    monitors: doc.monitors.map((m) => ({
      ...ws, id: m.id, program_id: m.programId, key: m.key, name: m.name, metric: m.metric, unit: m.unit, direction: m.direction,
      warning_threshold: m.warningThreshold, breach_threshold: m.breachThreshold, window_minutes: m.windowMinutes, owner_role: m.ownerRole,
      deadline_days: m.deadlineDays, severity: m.severity, dimension: m.dimension, alert_labels: JSON.stringify(m.alertLabels),
      state: m.state, state_since: m.stateSince, last_value: m.lastValue, last_observed_at: m.lastObservedAt, retired_at: m.retiredAt,
      created_at: m.createdAt, updated_at: m.updatedAt, version: m.version,
    })),
    monitorReadings: doc.monitorReadings.map((r) => ({
      ...ws, id: r.id, monitor_id: r.monitorId, observed_at: r.observedAt, value: r.value, source: r.source, received_at: r.receivedAt,
    })),
    alertEvents: doc.alertEvents.map((e) => ({
      ...ws, fingerprint: e.fingerprint, starts_at: e.startsAt, status: e.status, monitor_id: e.monitorId, alertname: e.alertname,
      labels: JSON.stringify(e.labels), received_at: e.receivedAt,
    })),
    gatePlans: doc.gatePlans.map((p) => ({ ...ws, program_id: p.programId, gate: p.gate, planned_date: p.plannedDate, updated_at: p.updatedAt })),
    // Money and rates go in as the document's decimal strings: the numeric columns store them exactly.
    costModels: doc.costModels.map((m) => ({
      ...ws, program_id: m.programId, currency: m.currency, horizon_months: m.horizonMonths, discount_rate: m.discountRate,
      created_at: m.createdAt, updated_at: m.updatedAt, version: m.version,
    })),
    costItems: doc.costItems.map((c) => ({
      ...ws, id: c.id, program_id: c.programId, side: c.side, label: c.label, category: c.category, scope: c.scope, recurrence: c.recurrence,
      amount: c.amount, start_month: c.startMonth, end_month: c.endMonth, retired_at: c.retiredAt,
      created_at: c.createdAt, updated_at: c.updatedAt, version: c.version,
    })),
  };
}
