import { HISTORY_ENTITY_TYPES, type HistoryEntry } from '@handoff/contract';
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
  const known = HISTORY_ENTITY_TYPES.find((t) => t === value);
  if (known) return known;
  throw new Error(`unknown history entity type ${value}`);
}
