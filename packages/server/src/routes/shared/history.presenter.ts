import type { HistoryEntry } from '@handoff/contract';
import type { EntityType, HistoryRow } from '../../db/repos/history.repo.js';

/** Maps a history row to its API shape. */
export function presentHistory(row: HistoryRow): HistoryEntry {
  return {
    id: String(row.id),
    changeId: row.change_id,
    entityType: asEntityType(row.entity_type),
    entityId: row.entity_id,
    field: row.field,
    before: row.before,
    after: row.after,
    reason: row.reason,
    actor: row.actor,
    at: row.at.toISOString(),
  };
}

function asEntityType(value: string): EntityType {
  if (value === 'constraint' || value === 'program' || value === 'person' || value === 'workspace' || value === 'criterion') return value;
  throw new Error(`unknown history entity type ${value}`);
}
