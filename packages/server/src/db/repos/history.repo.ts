import type { HISTORY_ENTITY_TYPES } from '@handoff/contract';
import type { Kysely, Selectable } from 'kysely';
import type { FieldChange } from '@handoff/core';
import type { DB, HistoryTable } from '../schema.js';

export type HistoryRow = Selectable<HistoryTable>;
export type EntityType = (typeof HISTORY_ENTITY_TYPES)[number];

/** One write's worth of history: the changed fields of one entity, under one change id. */
export interface HistoryWrite {
  workspaceId: string;
  entityType: EntityType;
  entityId: string;
  changeId: string;
  changes: readonly FieldChange[];
  reason: string | null;
  actor: string;
  at: Date;
}

/** Appends history rows; never updates or deletes them. */
export async function appendHistory(db: Kysely<DB>, write: HistoryWrite): Promise<void> {
  if (write.changes.length === 0) return;
  await db
    .insertInto('history')
    .values(
      write.changes.map((c) => ({
        workspace_id: write.workspaceId,
        entity_type: write.entityType,
        entity_id: write.entityId,
        change_id: write.changeId,
        field: c.field,
        before: JSON.stringify(c.before),
        after: JSON.stringify(c.after),
        reason: write.reason,
        actor: write.actor,
        at: write.at,
      })),
    )
    .execute();
}

/** History of one entity, oldest first, after the given id. */
export function listHistory(
  db: Kysely<DB>,
  workspaceId: string,
  entityType: EntityType,
  entityId: string,
  afterId: number,
  limit: number,
): Promise<HistoryRow[]> {
  return db
    .selectFrom('history')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
}
