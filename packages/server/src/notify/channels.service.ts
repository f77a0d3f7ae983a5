import type { NotificationChannelCreate, NotificationChannelListQuery, NotificationChannelUpdate } from '@handoff/contract';
import type { Actor, Deps } from '../context.js';
import { decodeCursor, pageFrom } from '../db/paging.js';
import { findChannel, findChannelView, insertChannel, listChannelViews, updateChannel, type ChannelView } from '../db/repos/channels.repo.js';
import { findProgram, isUuid } from '../db/repos/programs.repo.js';
import { HandoffError, notFound } from '../errors.js';
import { stale } from '../services/people.service.js';
import { inTransaction, versionMatches } from '../services/transaction.js';

/** Webhook channels (Slack, Teams) that receive each notification event once. */
export function createChannelsService(deps: Deps) {
  const { db } = deps.database;

  async function view(trx: typeof db, actor: Actor, id: string): Promise<ChannelView> {
    const found = isUuid(id) ? await findChannelView(trx, actor.workspaceId, id) : undefined;
    if (!found) throw notFound('notification channel', id);
    return found;
  }

  return {
    get: (actor: Actor, id: string): Promise<ChannelView> => view(db, actor, id),

    async list(actor: Actor, query: NotificationChannelListQuery): Promise<{ rows: ChannelView[]; nextCursor: string | null }> {
      const after = query.cursor ? decodeCursor(query.cursor, 2) : undefined;
      const rows = await listChannelViews(db, actor.workspaceId, {
        ...(query.program ? { programId: query.program } : {}),
        ...(after ? { after: [String(after[0]), String(after[1])] as const } : {}),
        limit: query.limit + 1,
      });
      return pageFrom(rows, query.limit, (r) => [r.name, r.id]);
    },

    async create(actor: Actor, input: NotificationChannelCreate): Promise<ChannelView> {
      return inTransaction(db, async (trx) => {
        let programId: string | null = null;
        if (input.programId) {
          const program = await findProgram(trx, actor.workspaceId, input.programId);
          if (!program) {
            throw new HandoffError('not-found', `program ${input.programId} does not exist in this workspace`, [
              { path: 'programId', message: 'is not a program of this workspace' },
            ]);
          }
          programId = program.id;
        }
        const now = deps.clock.now();
        const row = await insertChannel(trx, {
          id: deps.newId(),
          workspace_id: actor.workspaceId,
          program_id: programId,
          kind: input.kind,
          name: input.name,
          webhook_url: input.webhookUrl,
          enabled: input.enabled,
          created_at: now,
          updated_at: now,
        });
        return view(trx, actor, row.id);
      });
    },

    async update(actor: Actor, id: string, patch: NotificationChannelUpdate, ifMatch: string | undefined): Promise<ChannelView> {
      return inTransaction(db, async (trx) => {
        const current = isUuid(id) ? await findChannel(trx, actor.workspaceId, id, true) : undefined;
        if (!current) throw notFound('notification channel', id);
        if (!versionMatches(ifMatch, current.version)) throw stale('notification channel', id, current.version);
        const next = {
          name: patch.name ?? current.name,
          webhook_url: patch.webhookUrl ?? current.webhook_url,
          enabled: patch.enabled ?? current.enabled,
        };
        const unchanged = next.name === current.name && next.webhook_url === current.webhook_url && next.enabled === current.enabled;
        if (!unchanged) await updateChannel(trx, actor.workspaceId, current.id, { ...next, updated_at: deps.clock.now() });
        return view(trx, actor, current.id);
      });
    },
  };
}
