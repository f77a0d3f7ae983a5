import { DEFAULT_CRITERIA, diffFields } from '@handoff/core';
import type { CriteriaListQuery, CriterionCreate, CriterionUpdate, PageQuery } from '@handoff/contract';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Actor, Deps } from '../context.js';
import { HandoffError, notFound } from '../errors.js';
import { decodeCursor, pageFrom } from '../db/paging.js';
import type { DB } from '../db/schema.js';
import {
  countCriteria, dimensionRank, findCriterion, insertCriteriaIfMissing, listCriteria, lockLibrary, updateCriterion, type CriterionRow,
} from '../db/repos/criteria.repo.js';
import type { HistoryRow } from '../db/repos/history.repo.js';
import { createHistoryService } from './history.service.js';
import { stale } from './people.service.js';
import { inTransaction, versionMatches } from './transaction.js';
import { CRITERION_FIELDS, createLibraryTransfer, criterionFields, recordCriterion, refsOf } from './criteria-library.js';

/**
 * Gives a workspace the default library when it has never had a criterion (retired ones count, so a
 * workspace that retired everything is not re-seeded). Idempotent and safe for concurrent starts. Seeded
 * rows get no history: nothing has happened to them yet, and an untouched seed is not data to a restore.
 */
export async function ensureDefaultCriteria(deps: Deps, workspaceId: string): Promise<void> {
  const { db } = deps.database;
  if ((await countCriteria(db, workspaceId)) > 0) return;
  const now = deps.clock.now();
  await insertCriteriaIfMissing(db, DEFAULT_CRITERIA.map((c) => ({
    id: deps.newId(), workspace_id: workspaceId, code: c.code, dimension: c.dimension, text: c.text, guidance: c.guidance,
    required: c.required, gate: c.gate, refs: JSON.stringify(c.refs), created_at: now, updated_at: now,
  })));
}

/** The readiness criteria library of the workspace: list, add, edit, retire, export and import. */
export function createCriteriaService(deps: Deps) {
  const { db } = deps.database;
  const history = createHistoryService(deps);

  async function found(trx: Kysely<DB>, actor: Actor, idOrCode: string, forUpdate = false): Promise<CriterionRow> {
    const row = await findCriterion(trx, actor.workspaceId, idOrCode, forUpdate);
    if (!row) throw notFound('criterion', idOrCode);
    return row;
  }

  return {
    ...createLibraryTransfer(deps),

    async list(actor: Actor, query: CriteriaListQuery): Promise<{ rows: CriterionRow[]; nextCursor: string | null }> {
      const after = query.cursor ? decodeCursor(query.cursor, 2) : undefined;
      const rows = await listCriteria(db, actor.workspaceId, {
        ...(query.dimension ? { dimension: query.dimension } : {}),
        ...(query.gate ? { appliesTo: query.gate } : {}),
        includeRetired: query.includeRetired ?? false,
        ...(after ? { after: [Number(after[0]), String(after[1])] as const } : {}),
        limit: query.limit + 1,
      });
      return pageFrom(rows, query.limit, (r) => [dimensionRank(r.dimension), r.code]);
    },

    get: (actor: Actor, idOrCode: string): Promise<CriterionRow> => found(db, actor, idOrCode),

    async create(actor: Actor, input: CriterionCreate): Promise<CriterionRow> {
      return inTransaction(db, async (trx) => {
        await lockLibrary(trx, actor.workspaceId);
        const now = deps.clock.now();
        const [row] = await insertCriteriaIfMissing(trx, [{
          id: deps.newId(), workspace_id: actor.workspaceId, code: input.code, dimension: input.dimension, text: input.text,
          guidance: input.guidance, required: input.required, gate: input.gate, refs: JSON.stringify(input.refs), created_at: now, updated_at: now,
        }]);
        if (!row) {
          throw new HandoffError('conflict', `criterion code ${input.code} is already in use (retired criteria keep their code)`, [{ path: 'code', message: 'is already in use' }]);
        }
        await recordCriterion(deps, trx, actor, row.id, [{ field: 'created', before: null, after: row.code }], null, now);
        return row;
      });
    },

    async update(actor: Actor, idOrCode: string, patch: CriterionUpdate, ifMatch: string | undefined): Promise<CriterionRow> {
      return inTransaction(db, async (trx) => {
        const current = await found(trx, actor, idOrCode, true);
        if (!versionMatches(ifMatch, current.version)) throw stale('criterion', idOrCode, current.version);
        const next = {
          dimension: patch.dimension ?? current.dimension, text: patch.text ?? current.text, guidance: patch.guidance ?? current.guidance,
          required: patch.required ?? current.required, gate: patch.gate ?? current.gate, refs: patch.refs ?? refsOf(current),
        };
        const changes = diffFields(criterionFields(current), criterionFields(next), CRITERION_FIELDS);
        if (changes.length === 0) return current;
        const now = deps.clock.now();
        const row = await updateCriterion(trx, actor.workspaceId, current.id, { ...next, refs: JSON.stringify(next.refs), updated_at: now });
        await recordCriterion(deps, trx, actor, current.id, changes, patch.reason ?? null, now);
        return row;
      });
    },

    async retire(actor: Actor, idOrCode: string, reason: string, ifMatch: string | undefined): Promise<CriterionRow> {
      return inTransaction(db, async (trx) => {
        const current = await found(trx, actor, idOrCode, true);
        if (!versionMatches(ifMatch, current.version)) throw stale('criterion', idOrCode, current.version);
        if (current.retired_at) throw new HandoffError('conflict', `criterion ${current.code} is already retired (since ${current.retired_at.toISOString()})`);
        const now = deps.clock.now();
        const row = await updateCriterion(trx, actor.workspaceId, current.id, { retired_at: now, updated_at: now });
        await recordCriterion(deps, trx, actor, current.id, [{ field: 'retiredAt', before: null, after: now.toISOString() }], reason, now);
        return row;
      });
    },

    async history(actor: Actor, idOrCode: string, page: z.infer<typeof PageQuery>): Promise<{ rows: HistoryRow[]; nextCursor: string | null }> {
      const row = await found(db, actor, idOrCode);
      return history.page(actor, 'criterion', row.id, page);
    },
  };
}

export type CriteriaService = ReturnType<typeof createCriteriaService>;
