import type { TransferDocument, TransferSummary } from '@handoff/contract';
import type { Actor, Deps } from '../context.js';
import { HandoffError } from '../errors.js';
import {
  heldWorkspaceRows, insertWorkspaceRows, lockWorkspace, readWorkspaceRows, setWorkspaceSettings, takenSequenceIds,
  type SequencedTable, type WorkspaceInserts, type WorkspaceRows,
} from '../db/repos/transfer.repo.js';
import { inTransaction } from './transaction.js';

/**
 * Whole-workspace export and import. An import is a restore, not a series of edits: rows keep their
 * ids, timestamps, versions and history exactly, and the import itself adds no history entry, sends
 * nothing and starts no escalation clock, so export → import → export gives the same document and a
 * sweep right after the restore fires only what the source would have fired.
 */
export function createTransferService(deps: Deps) {
  const { db } = deps.database;

  return {
    /** Every row of the actor's workspace, read in one transaction (a consistent snapshot). */
    async export(actor: Actor): Promise<WorkspaceRows> {
      return inTransaction(db, async (trx) => {
        const rows = await readWorkspaceRows(trx, actor.workspaceId);
        if (!rows) throw new HandoffError('not-found', `workspace ${actor.workspaceId} does not exist`);
        return rows;
      });
    },

    /** Restores a validated document into the actor's workspace, which must hold nothing. All or nothing. */
    async import(actor: Actor, doc: TransferDocument): Promise<TransferSummary> {
      return inTransaction(db, async (trx) => {
        await lockWorkspace(trx, actor.workspaceId);
        const held = await heldWorkspaceRows(trx, actor.workspaceId);
        if (held.length > 0) {
          const list = held.map((h) => `${h.count} ${h.kind}`).join(', ');
          throw new HandoffError('conflict', `this workspace is not empty (it has ${list}); import into a new data directory or database`);
        }
        // Sequence numbers are global to the database: another workspace may already use some.
        const sequenced: [SequencedTable, string, string, number[]][] = [
          ['history', 'history', 'history entries', doc.history.map((h) => h.id)],
          ['escalation_events', 'escalationEvents', 'escalation events', doc.escalationEvents.map((e) => e.id)],
        ];
        for (const [table, section, label, ids] of sequenced) {
          const taken = await takenSequenceIds(trx, table, ids);
          if (taken.length > 0) {
            throw new HandoffError('conflict', `${label} ${taken.slice(0, 5).join(', ')} already exist in another workspace of this database`, [
              { path: section, message: 'sequence numbers are already in use' },
            ]);
          }
        }
        await setWorkspaceSettings(trx, actor.workspaceId, doc.workspace.name, doc.workspace.timeZone, deps.clock.now());
        await insertWorkspaceRows(trx, insertsOf(actor.workspaceId, doc));
        return {
          people: doc.people.length,
          programs: doc.programs.length,
          constraints: doc.constraints.length,
          dependencies: doc.dependencies.length,
          history: doc.history.length,
          escalationPolicies: doc.escalationPolicies.length,
          escalations: doc.escalations.length,
          escalationEvents: doc.escalationEvents.length,
          decisions: doc.decisions.length,
          notificationChannels: doc.notificationChannels.length,
          inboxItems: doc.inboxItems.length,
          digests: doc.digests.length,
          reviews: doc.reviews.length,
          reviewItems: doc.reviewItems.length,
        };
      });
    },
  };
}

/**
 * Maps the document onto table rows of `workspaceId` (the document never names a workspace id;
 * history about the workspace itself is re-pointed at it). JSON columns are written as JSON text.
 */
function insertsOf(workspaceId: string, doc: TransferDocument): WorkspaceInserts {
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
      resolved_at: c.resolvedAt, created_at: c.createdAt, updated_at: c.updatedAt, version: c.version,
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
      status: d.status, outcome: d.outcome, decided_by: d.decidedBy, decided_at: d.decidedAt,
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
  };
}
