import { diffFields } from '@handoff/core';
import type { PageQuery, PersonCreate, PersonListQuery, PersonUpdate } from '@handoff/contract';
import type { z } from 'zod';
import type { Actor, Deps } from '../context.js';
import { HandoffError, notFound } from '../errors.js';
import { decodeCursor, pageFrom } from '../db/paging.js';
import { appendHistory, type HistoryRow } from '../db/repos/history.repo.js';
import { createHistoryService } from './history.service.js';
import {
  findPerson, findPersonByEmail, insertPerson, listPeople, updatePerson, type PersonRow,
} from '../db/repos/people.repo.js';
import { isUuid } from '../db/repos/programs.repo.js';
import { inTransaction, versionMatches } from './transaction.js';

const PERSON_FIELDS = ['name', 'email', 'title', 'boardMember'] as const;

/** People: named individuals who sponsor programs and own constraints. */
export function createPeopleService(deps: Deps) {
  const { db } = deps.database;
  const history = createHistoryService(deps);

  async function assertEmailFree(trx: typeof db, actor: Actor, email: string, exceptId?: string): Promise<void> {
    const existing = await findPersonByEmail(trx, actor.workspaceId, email);
    if (existing && existing.id !== exceptId) {
      throw new HandoffError('conflict', `email ${email} already belongs to ${existing.name}`, [
        { path: 'email', message: 'is already used by another person in this workspace' },
      ]);
    }
  }

  return {
    async create(actor: Actor, input: PersonCreate): Promise<PersonRow> {
      return inTransaction(db, async (trx) => {
        await assertEmailFree(trx, actor, input.email);
        const now = deps.clock.now();
        const row = await insertPerson(trx, {
          id: deps.newId(),
          workspace_id: actor.workspaceId,
          name: input.name,
          email: input.email,
          title: input.title ?? null,
          board_member: input.boardMember ?? false,
          created_at: now,
          updated_at: now,
        });
        await appendHistory(trx, {
          workspaceId: actor.workspaceId, entityType: 'person', entityId: row.id, changeId: deps.newId(),
          changes: [{ field: 'created', before: null, after: row.email }], reason: null, actor: actor.label, at: now,
        });
        return row;
      });
    },

    async history(actor: Actor, id: string, page: z.infer<typeof PageQuery>): Promise<{ rows: HistoryRow[]; nextCursor: string | null }> {
      const row = await findPersonById(db, actor, id);
      if (!row) throw notFound('person', id);
      return history.page(actor, 'person', row.id, page);
    },

    async get(actor: Actor, id: string): Promise<PersonRow> {
      const row = await findPersonById(db, actor, id);
      if (!row) throw notFound('person', id);
      return row;
    },

    async list(actor: Actor, query: PersonListQuery): Promise<{ rows: PersonRow[]; nextCursor: string | null }> {
      const after = query.cursor ? decodeCursor(query.cursor, 2) : undefined;
      const rows = await listPeople(db, actor.workspaceId, {
        ...(query.q ? { q: query.q } : {}),
        ...(query.email ? { email: query.email } : {}),
        ...(after ? { after: [String(after[0]), String(after[1])] as const } : {}),
        limit: query.limit + 1,
      });
      return pageFrom(rows, query.limit, (r) => [r.name, r.id]);
    },

    async update(actor: Actor, id: string, patch: PersonUpdate, ifMatch: string | undefined): Promise<PersonRow> {
      return inTransaction(db, async (trx) => {
        const current = await findPersonById(trx, actor, id, true);
        if (!current) throw notFound('person', id);
        if (!versionMatches(ifMatch, current.version)) throw stale('person', id, current.version);
        if (patch.email !== undefined) await assertEmailFree(trx, actor, patch.email, current.id);
        const before = { name: current.name, email: current.email, title: current.title, boardMember: current.board_member };
        const next = {
          name: patch.name ?? current.name,
          email: patch.email ?? current.email,
          title: patch.title === undefined ? current.title : patch.title,
          boardMember: patch.boardMember ?? current.board_member,
        };
        const changes = diffFields(before, next, PERSON_FIELDS);
        if (changes.length === 0) return current;
        const now = deps.clock.now();
        const row = await updatePerson(trx, actor.workspaceId, current.id, { name: next.name, email: next.email, title: next.title, board_member: next.boardMember, updated_at: now });
        await appendHistory(trx, {
          workspaceId: actor.workspaceId, entityType: 'person', entityId: row.id, changeId: deps.newId(),
          changes, reason: null, actor: actor.label, at: now,
        });
        return row;
      });
    },
  };
}

/** People are addressed by id only (e-mail addresses change; `?email=` finds by address). */
async function findPersonById(db: Parameters<typeof findPerson>[0], actor: Actor, id: string, forUpdate = false): Promise<PersonRow | undefined> {
  return isUuid(id) ? findPerson(db, actor.workspaceId, id, forUpdate) : undefined;
}

/** The 412 for a stale If-Match. */
export function stale(what: string, id: string, current: number): HandoffError {
  return new HandoffError(
    'precondition-failed',
    `${what} ${id} was changed by someone else (now at version ${current}); reload it and apply your change again`,
  );
}
