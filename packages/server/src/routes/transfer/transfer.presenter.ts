import { TRANSFER_FORMAT, TRANSFER_FORMAT_VERSION, TRANSFER_WORKSPACE_ENTITY_ID, TransferHistoryEntry, type TransferDocument } from '@handoff/contract';
import type { WorkspaceRows } from '../../db/repos/transfer.repo.js';
import { presentCostItems, presentCostModels, presentGatePlans } from './transfer-economics.presenter.js';
import {
  presentDecisions, presentDigests, presentEscalationEvents, presentEscalationPolicies, presentEscalations, presentInboxItems,
  presentNotificationChannels, presentReviewItems, presentReviews,
} from './transfer-sections.presenter.js';
import {
  presentAlertEvents, presentAssessments, presentCriteria, presentGateOverrides, presentGovernanceRoles, presentMonitorReadings,
  presentMonitors, presentProgramRoles,
} from './transfer-readiness.presenter.js';

/**
 * Maps a workspace's rows to the transfer document. Key order here is the key order of the JSON, and
 * the repository fixes the row order: together they make the export byte-for-byte reproducible.
 * The workspace id is left out on purpose: an import restores onto whatever workspace it targets, and
 * history entries about the workspace itself name it by TRANSFER_WORKSPACE_ENTITY_ID.
 */
export function presentTransfer(rows: WorkspaceRows): TransferDocument {
  return {
    format: TRANSFER_FORMAT,
    formatVersion: TRANSFER_FORMAT_VERSION,
    workspace: { name: rows.workspace.name, timeZone: rows.workspace.time_zone },
    people: rows.people.map((p) => ({
      id: p.id,
      name: p.name,
      email: p.email,
      title: p.title,
      boardMember: p.board_member,
      createdAt: p.created_at.toISOString(),
      updatedAt: p.updated_at.toISOString(),
      version: p.version,
    })),
    programs: rows.programs.map((p) => ({
      id: p.id,
      key: p.key,
      name: p.name,
      description: p.description,
      businessUnit: p.business_unit,
      phase: p.phase,
      sponsorId: p.sponsor_id,
      targetProductionDate: p.target_production_date,
      riskClass: p.risk_class,
      nextConstraintNumber: p.next_constraint_number,
      createdAt: p.created_at.toISOString(),
      updatedAt: p.updated_at.toISOString(),
      version: p.version,
    })),
    constraints: rows.constraints.map((c) => ({
      id: c.id,
      programId: c.program_id,
      number: c.number,
      title: c.title,
      description: c.description,
      kind: c.kind,
      dimension: c.dimension,
      ownerId: c.owner_id,
      deadline: c.deadline,
      status: c.status,
      severity: c.severity,
      blocksGate: c.blocks_gate,
      lastReviewedAt: c.last_reviewed_at ? c.last_reviewed_at.toISOString() : null,
      resolvedAt: c.resolved_at ? c.resolved_at.toISOString() : null,
      criterionId: c.criterion_id,
      monitorId: c.monitor_id,
      recoveredAt: c.recovered_at ? c.recovered_at.toISOString() : null,
      createdAt: c.created_at.toISOString(),
      updatedAt: c.updated_at.toISOString(),
      version: c.version,
    })),
    dependencies: rows.dependencies.map((d) => ({ constraintId: d.constraint_id, dependsOnId: d.depends_on_id })),
    history: rows.history.map((h) => ({
      id: Number(h.id),
      // An unknown kind fails loudly rather than writing a document no import would take.
      entityType: TransferHistoryEntry.shape.entityType.parse(h.entity_type),
      entityId: h.entity_type === 'workspace' ? TRANSFER_WORKSPACE_ENTITY_ID : h.entity_id,
      changeId: h.change_id,
      field: h.field,
      before: h.before ?? null,
      after: h.after ?? null,
      reason: h.reason,
      actor: h.actor,
      at: h.at.toISOString(),
    })),
    escalationPolicies: presentEscalationPolicies(rows.escalationPolicies),
    escalations: presentEscalations(rows.escalations),
    escalationEvents: presentEscalationEvents(rows.escalationEvents),
    decisions: presentDecisions(rows.decisions),
    notificationChannels: presentNotificationChannels(rows.notificationChannels),
    inboxItems: presentInboxItems(rows.inboxItems),
    digests: presentDigests(rows.digests),
    reviews: presentReviews(rows.reviews),
    reviewItems: presentReviewItems(rows.reviewItems),
    criteria: presentCriteria(rows.criteria),
    assessments: presentAssessments(rows.assessments),
    gateOverrides: presentGateOverrides(rows.gateOverrides),
    governanceRoles: presentGovernanceRoles(rows.governanceRoles),
    programRoles: presentProgramRoles(rows.programRoles),
    monitors: presentMonitors(rows.monitors),
    monitorReadings: presentMonitorReadings(rows.monitorReadings),
    alertEvents: presentAlertEvents(rows.alertEvents),
    gatePlans: presentGatePlans(rows.gatePlans),
    costModels: presentCostModels(rows.costModels),
    costItems: presentCostItems(rows.costItems),
  };
}
