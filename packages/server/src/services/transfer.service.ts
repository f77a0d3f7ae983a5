import { TRANSFER_SECTIONS, TransferSummary, type TransferDocument } from '@handoff/contract';
import type { Actor, Deps } from '../context.js';
import { HandoffError } from '../errors.js';
import { insertWorkspaceRows, takenSequenceIds, type SequencedTable } from '../db/repos/transfer-insert.repo.js';
import {
  deleteUnreferencedCriteria, heldWorkspaceRows, lockWorkspace, readWorkspaceRows, setWorkspaceSettings, type WorkspaceRows,
} from '../db/repos/transfer.repo.js';
import { insertsOf } from './transfer-inserts.js';
import { inTransaction } from './transaction.js';

/**
 * Whole-workspace export and import. An import is a restore, not a series of edits: rows keep their
 * ids, timestamps, versions and history exactly, and the import itself adds no history entry, sends
 * nothing and starts no escalation clock, so export → import → export gives the same document and a
 * sweep right after the restore fires only what the source would have fired.
 *
 * The target must hold nothing, with one exception: readiness criteria that no assessment, constraint
 * or history entry refers to (the default library every new workspace is seeded with) are not data and
 * never make the workspace "not empty". A version-3 document carries the source's whole library, so
 * those unreferenced criteria are deleted and replaced by the document's `criteria` in the same
 * transaction (the round trip stays exact). A version-1 or 2 document has no criteria of its own, so
 * they are kept.
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

    /** Restores a validated document into the actor's workspace, which must hold nothing (see above). All or nothing. */
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
          ['readiness_assessments', 'assessments', 'readiness assessments', doc.assessments.map((a) => a.id)],
          ['monitor_readings', 'monitorReadings', 'monitor readings', doc.monitorReadings.map((r) => r.id)],
        ];
        for (const [table, section, label, ids] of sequenced) {
          const taken = await takenSequenceIds(trx, table, ids);
          if (taken.length > 0) {
            throw new HandoffError('conflict', `${label} ${taken.slice(0, 5).join(', ')} already exist in another workspace of this database`, [
              { path: section, message: 'sequence numbers are already in use' },
            ]);
          }
        }
        if (doc.formatVersion >= 3) await deleteUnreferencedCriteria(trx, actor.workspaceId);
        await setWorkspaceSettings(trx, actor.workspaceId, doc.workspace.name, doc.workspace.timeZone, deps.clock.now());
        await insertWorkspaceRows(trx, insertsOf(actor.workspaceId, doc));
        return TransferSummary.parse(Object.fromEntries(TRANSFER_SECTIONS.map((section) => [section, doc[section].length])));
      });
    },
  };
}
