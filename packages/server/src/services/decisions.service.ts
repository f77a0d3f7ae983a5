import type { DecideInput, DecisionListQuery } from '@handoff/contract';
import type { Actor, Deps } from '../context.js';
import { HandoffError, notFound } from '../errors.js';
import { decodeCursor, pageFrom } from '../db/paging.js';
import { findDecision, listDecisionViews, recordDecision, type DecisionView } from '../db/repos/decisions.repo.js';
import { appendHistory } from '../db/repos/history.repo.js';
import { existingPersonIds } from '../db/repos/people.repo.js';
import { isUuid } from '../db/repos/programs.repo.js';
import { stale } from './people.service.js';
import { inTransaction, versionMatches } from './transaction.js';

/** Board decision requests: listed, read, and decided with a recorded outcome, decider and time. */
export function createDecisionsService(deps: Deps) {
  const { db } = deps.database;

  async function view(actor: Actor, id: string, trx = db): Promise<DecisionView> {
    const [row] = isUuid(id) ? await listDecisionViews(trx, actor.workspaceId, { ids: [id], limit: 1 }) : [];
    if (!row) throw notFound('decision', id);
    return row;
  }

  return {
    get: (actor: Actor, id: string) => view(actor, id),

    async list(actor: Actor, query: DecisionListQuery): Promise<{ rows: DecisionView[]; nextCursor: string | null }> {
      const after = query.cursor ? decodeCursor(query.cursor, 2) : undefined;
      const rows = await listDecisionViews(db, actor.workspaceId, {
        ...(query.status ? { status: query.status } : {}),
        ...(query.program ? { program: query.program } : {}),
        ...(after ? { after: [String(after[0]), String(after[1])] as const } : {}),
        limit: query.limit + 1,
      });
      return pageFrom(rows, query.limit, (r) => [r.due_date, r.id]);
    },

    async decide(actor: Actor, id: string, input: DecideInput, ifMatch: string | undefined): Promise<DecisionView> {
      return inTransaction(db, async (trx) => {
        const current = isUuid(id) ? await findDecision(trx, actor.workspaceId, id, true) : undefined;
        if (!current) throw notFound('decision', id);
        if (!versionMatches(ifMatch, current.version)) throw stale('decision', id, current.version);
        if (current.status !== 'pending') throw new HandoffError('conflict', `decision ${id} is already ${current.status}`);
        if (!(await existingPersonIds(trx, actor.workspaceId, [input.decidedBy])).has(input.decidedBy)) {
          throw new HandoffError('validation-failed', `decidedBy: person ${input.decidedBy} does not exist in this workspace`, [{ path: 'decidedBy', message: 'does not exist in this workspace' }]);
        }
        const now = deps.clock.now();
        await recordDecision(trx, current.id, input.outcome, input.decidedBy, now);
        if (current.constraint_id) {
          await appendHistory(trx, {
            workspaceId: actor.workspaceId, entityType: 'constraint', entityId: current.constraint_id, changeId: deps.newId(),
            changes: [{ field: 'boardDecision', before: null, after: input.outcome }], reason: `decision ${current.id}`, actor: actor.label, at: now,
          });
        }
        return view(actor, current.id, trx);
      });
    },
  };
}
