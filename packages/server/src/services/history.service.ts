import type { PageQuery } from '@handoff/contract';
import type { z } from 'zod';
import type { Actor, Deps } from '../context.js';
import { decodeCursor, pageFrom } from '../db/paging.js';
import { listHistory, type EntityType, type HistoryRow } from '../db/repos/history.repo.js';

/** Reads the append-only change history of any entity, oldest first. */
export function createHistoryService(deps: Deps) {
  const { db } = deps.database;
  return {
    async page(actor: Actor, entityType: EntityType, entityId: string, page: z.infer<typeof PageQuery>): Promise<{ rows: HistoryRow[]; nextCursor: string | null }> {
      const after = page.cursor ? Number(decodeCursor(page.cursor, 1)[0]) : 0;
      const rows = await listHistory(db, actor.workspaceId, entityType, entityId, after, page.limit + 1);
      return pageFrom(rows, page.limit, (r) => [r.id]);
    },
  };
}
