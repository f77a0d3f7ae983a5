import {
  TransferAssessmentLinks, TransferCriterionRefs, TransferLabels, TransferMonitor, TransferUnmet,
  type TransferAlertEvent, type TransferAssessment, type TransferCriterion, type TransferGateOverride, type TransferGovernanceRole,
  type TransferMonitorReading, type TransferProgramRole,
} from '@handoff/contract';
import type { WorkspaceRows } from '../../db/repos/transfer.repo.js';

/**
 * The format-version-3 sections of the transfer document: readiness, ownership and monitoring. Key
 * order here is the key order of the JSON. JSON columns are parsed through their transfer schemas (a
 * jsonb value comes back with its keys in the database's canonical order; parsing fixes one order).
 */

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function presentCriteria(rows: WorkspaceRows['criteria']): TransferCriterion[] {
  return rows.map((c) => ({
    id: c.id,
    code: c.code,
    dimension: c.dimension,
    text: c.text,
    guidance: c.guidance,
    required: c.required,
    gate: c.gate,
    refs: TransferCriterionRefs.parse(c.refs),
    retiredAt: iso(c.retired_at),
    createdAt: c.created_at.toISOString(),
    updatedAt: c.updated_at.toISOString(),
    version: c.version,
  }));
}

export function presentAssessments(rows: WorkspaceRows['assessments']): TransferAssessment[] {
  return rows.map((a) => ({
    id: Number(a.id),
    programId: a.program_id,
    criterionId: a.criterion_id,
    batchId: a.batch_id,
    status: a.status,
    evidence: a.evidence,
    links: TransferAssessmentLinks.parse(a.links),
    assessedBy: a.assessed_by,
    assessedAt: a.assessed_at.toISOString(),
  }));
}

export function presentGateOverrides(rows: WorkspaceRows['gateOverrides']): TransferGateOverride[] {
  return rows.map((o) => ({
    id: o.id,
    programId: o.program_id,
    fromPhase: o.from_phase,
    toPhase: o.to_phase,
    decidedBy: o.decided_by,
    reason: o.reason,
    unmet: TransferUnmet.parse(o.unmet),
    createdAt: o.created_at.toISOString(),
  }));
}

export function presentGovernanceRoles(rows: WorkspaceRows['governanceRoles']): TransferGovernanceRole[] {
  return rows.map((r) => ({
    key: r.key,
    name: r.name,
    description: r.description,
    required: r.required,
    retiredAt: iso(r.retired_at),
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  }));
}

export function presentProgramRoles(rows: WorkspaceRows['programRoles']): TransferProgramRole[] {
  return rows.map((r) => ({ programId: r.program_id, roleKey: r.role_key, personId: r.person_id, assignedAt: r.assigned_at.toISOString() }));
}

export function presentMonitors(rows: WorkspaceRows['monitors']): TransferMonitor[] {
  return rows.map((m) => ({
    id: m.id,
    programId: m.program_id,
    key: m.key,
    name: m.name,
    // Stored as text; the export names one of the known metrics or fails loudly.
    metric: TransferMonitor.shape.metric.parse(m.metric),
    unit: m.unit,
    direction: m.direction,
    warningThreshold: m.warning_threshold,
    breachThreshold: m.breach_threshold,
    windowMinutes: m.window_minutes,
    ownerRole: m.owner_role,
    deadlineDays: m.deadline_days,
    severity: m.severity,
    dimension: m.dimension,
    alertLabels: TransferLabels.parse(m.alert_labels),
    state: m.state,
    stateSince: iso(m.state_since),
    lastValue: m.last_value,
    lastObservedAt: iso(m.last_observed_at),
    retiredAt: iso(m.retired_at),
    createdAt: m.created_at.toISOString(),
    updatedAt: m.updated_at.toISOString(),
    version: m.version,
  }));
}

export function presentMonitorReadings(rows: WorkspaceRows['monitorReadings']): TransferMonitorReading[] {
  return rows.map((r) => ({
    id: Number(r.id),
    monitorId: r.monitor_id,
    observedAt: r.observed_at.toISOString(),
    value: r.value,
    source: r.source,
    receivedAt: r.received_at.toISOString(),
  }));
}

export function presentAlertEvents(rows: WorkspaceRows['alertEvents']): TransferAlertEvent[] {
  return rows.map((e) => ({
    fingerprint: e.fingerprint,
    startsAt: e.starts_at.toISOString(),
    status: e.status,
    monitorId: e.monitor_id,
    alertname: e.alertname,
    labels: TransferLabels.parse(e.labels),
    receivedAt: e.received_at.toISOString(),
  }));
}
