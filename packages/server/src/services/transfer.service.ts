import type { TransferDocument, TransferSummary } from '@handoff/contract';
import type { Actor, Deps } from '../context.js';
import { HandoffError } from '../errors.js';
import {
  countWorkspaceRows, insertWorkspaceRows, lockWorkspace, readWorkspaceRows, setWorkspaceSettings, takenHistoryIds,
  type WorkspaceInserts, type WorkspaceRows,
} from '../db/repos/transfer.repo.js';
import { inTransaction } from './transaction.js';

/**
 * Whole-workspace export and import. An import is a restore, not a series of edits: rows keep their
 * ids, timestamps, versions and history exactly, and the import itself adds no history entry, so
 * export → import → export gives the same document.
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

    /** Restores a validated document into the actor's workspace, which must be empty. All or nothing. */
    async import(actor: Actor, doc: TransferDocument): Promise<TransferSummary> {
      return inTransaction(db, async (trx) => {
        await lockWorkspace(trx, actor.workspaceId);
        const counts = await countWorkspaceRows(trx, actor.workspaceId);
        const held = Object.entries(counts).filter(([, n]) => n > 0).map(([kind, n]) => `${n} ${kind}`);
        if (held.length > 0) {
          throw new HandoffError('conflict', `this workspace is not empty (it has ${held.join(', ')}); import into a new data directory or database`);
        }
        const taken = await takenHistoryIds(trx, doc.history.map((h) => h.id));
        if (taken.length > 0) {
          throw new HandoffError('conflict', `history entries ${taken.slice(0, 5).join(', ')} already exist in another workspace of this database`, [
            { path: 'history', message: 'sequence numbers are already in use' },
          ]);
        }
        await setWorkspaceSettings(trx, actor.workspaceId, doc.workspace.name, doc.workspace.timeZone, deps.clock.now());
        await insertWorkspaceRows(trx, insertsOf(actor.workspaceId, doc));
        return {
          people: doc.people.length,
          programs: doc.programs.length,
          constraints: doc.constraints.length,
          dependencies: doc.dependencies.length,
          history: doc.history.length,
        };
      });
    },
  };
}

/** Maps the document onto table rows of `workspaceId` (the document never names a workspace id). */
function insertsOf(workspaceId: string, doc: TransferDocument): WorkspaceInserts {
  return {
    people: doc.people.map((p) => ({
      id: p.id, workspace_id: workspaceId, name: p.name, email: p.email, title: p.title, board_member: p.boardMember,
      created_at: p.createdAt, updated_at: p.updatedAt, version: p.version,
    })),
    programs: doc.programs.map((p) => ({
      id: p.id, workspace_id: workspaceId, key: p.key, name: p.name, description: p.description,
      business_unit: p.businessUnit, phase: p.phase, sponsor_id: p.sponsorId,
      target_production_date: p.targetProductionDate, risk_class: p.riskClass,
      next_constraint_number: p.nextConstraintNumber,
      created_at: p.createdAt, updated_at: p.updatedAt, version: p.version,
    })),
    constraints: doc.constraints.map((c) => ({
      id: c.id, workspace_id: workspaceId, program_id: c.programId, number: c.number, title: c.title,
      description: c.description, kind: c.kind, dimension: c.dimension, owner_id: c.ownerId, deadline: c.deadline,
      status: c.status, severity: c.severity, blocks_gate: c.blocksGate, last_reviewed_at: c.lastReviewedAt,
      resolved_at: c.resolvedAt, created_at: c.createdAt, updated_at: c.updatedAt, version: c.version,
    })),
    dependencies: doc.dependencies.map((d) => ({ workspace_id: workspaceId, constraint_id: d.constraintId, depends_on_id: d.dependsOnId })),
    history: doc.history.map((h) => ({
      id: h.id, workspace_id: workspaceId, entity_type: h.entityType, entity_id: h.entityId, change_id: h.changeId,
      field: h.field, before: JSON.stringify(h.before ?? null), after: JSON.stringify(h.after ?? null),
      reason: h.reason, actor: h.actor, at: h.at,
    })),
  };
}
