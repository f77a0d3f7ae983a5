import { diffFields, localDate, programKeyCandidates } from '@handoff/core';
import type { PageQuery, ProgramCreate, ProgramListQuery, ProgramUpdate } from '@handoff/contract';
import type { z } from 'zod';
import type { Kysely } from 'kysely';
import type { Actor, Deps } from '../context.js';
import { HandoffError, invalidField, notFound } from '../errors.js';
import { decodeCursor, pageFrom } from '../db/paging.js';
import type { DB } from '../db/schema.js';
import { appendHistory, type HistoryRow } from '../db/repos/history.repo.js';
import { createHistoryService } from './history.service.js';
import { findPerson } from '../db/repos/people.repo.js';
import {
  findProgram, insertProgram, keyExists, listProgramViews, updateProgram, type ProgramRow, type ProgramView,
} from '../db/repos/programs.repo.js';
import { stale } from './people.service.js';
import { enforceGate } from './readiness-gate.js';
import { inTransaction, versionMatches } from './transaction.js';

/** Program fields kept in history, by their API names. */
const PROGRAM_FIELDS = ['name', 'description', 'businessUnit', 'phase', 'sponsorId', 'targetProductionDate', 'riskClass'] as const;

function programFields(row: ProgramRow) {
  return {
    name: row.name,
    description: row.description,
    businessUnit: row.business_unit,
    phase: row.phase,
    sponsorId: row.sponsor_id,
    targetProductionDate: row.target_production_date,
    riskClass: row.risk_class,
  };
}

/** AI programs: the portfolio. */
export function createProgramsService(deps: Deps) {
  const { db } = deps.database;
  const history = createHistoryService(deps);

  async function assertSponsor(trx: Kysely<DB>, actor: Actor, sponsorId: string | null | undefined): Promise<void> {
    if (!sponsorId) return;
    if (!(await findPerson(trx, actor.workspaceId, sponsorId))) {
      throw invalidField('sponsorId', `person ${sponsorId} does not exist in this workspace`);
    }
  }

  async function view(trx: Kysely<DB>, actor: Actor, id: string): Promise<ProgramView> {
    const today = localDate(deps.clock.now(), actor.timeZone);
    const [row] = await listProgramViews(trx, actor.workspaceId, today, { ids: [id], limit: 1 });
    if (!row) throw notFound('program', id);
    return row;
  }

  return {
    async create(actor: Actor, input: ProgramCreate): Promise<ProgramView> {
      return inTransaction(db, async (trx) => {
        await assertSponsor(trx, actor, input.sponsorId);
        let key = input.key;
        if (key) {
          if (await keyExists(trx, actor.workspaceId, key)) {
            throw new HandoffError('conflict', `program key ${key} is already in use`, [{ path: 'key', message: 'is already in use' }]);
          }
        } else {
          for (const candidate of programKeyCandidates(input.name)) {
            if (!(await keyExists(trx, actor.workspaceId, candidate))) { key = candidate; break; }
          }
          if (!key) throw invalidField('key', 'could not derive a free key from the name; give one');
        }
        const now = deps.clock.now();
        const row = await insertProgram(trx, {
          id: deps.newId(),
          workspace_id: actor.workspaceId,
          key,
          name: input.name,
          description: input.description ?? '',
          business_unit: input.businessUnit ?? null,
          phase: input.phase,
          sponsor_id: input.sponsorId ?? null,
          target_production_date: input.targetProductionDate ?? null,
          risk_class: input.riskClass,
          created_at: now,
          updated_at: now,
        });
        await appendHistory(trx, {
          workspaceId: actor.workspaceId, entityType: 'program', entityId: row.id, changeId: deps.newId(),
          changes: [{ field: 'created', before: null, after: row.key }], reason: null, actor: actor.label, at: now,
        });
        return view(trx, actor, row.id);
      });
    },

    async history(actor: Actor, idOrKey: string, page: z.infer<typeof PageQuery>): Promise<{ rows: HistoryRow[]; nextCursor: string | null }> {
      const row = await findProgram(db, actor.workspaceId, idOrKey);
      if (!row) throw notFound('program', idOrKey);
      return history.page(actor, 'program', row.id, page);
    },

    async get(actor: Actor, idOrKey: string): Promise<ProgramView> {
      const row = await findProgram(db, actor.workspaceId, idOrKey);
      if (!row) throw notFound('program', idOrKey);
      return view(db, actor, row.id);
    },

    async list(actor: Actor, query: ProgramListQuery): Promise<{ rows: ProgramView[]; nextCursor: string | null }> {
      const after = query.cursor ? decodeCursor(query.cursor, 2) : undefined;
      const today = localDate(deps.clock.now(), actor.timeZone);
      const rows = await listProgramViews(db, actor.workspaceId, today, {
        ...(query.phase ? { phase: query.phase } : {}),
        ...(query.sponsor ? { sponsor: query.sponsor } : {}),
        ...(query.q ? { q: query.q } : {}),
        ...(after ? { after: [String(after[0]), String(after[1])] as const } : {}),
        limit: query.limit + 1,
      });
      return pageFrom(rows, query.limit, (r) => [r.name, r.id]);
    },

    async update(actor: Actor, idOrKey: string, patch: ProgramUpdate, ifMatch: string | undefined): Promise<ProgramView> {
      return inTransaction(db, async (trx) => {
        const current = await findProgram(trx, actor.workspaceId, idOrKey, true);
        if (!current) throw notFound('program', idOrKey);
        if (!versionMatches(ifMatch, current.version)) throw stale('program', idOrKey, current.version);
        if (patch.sponsorId !== undefined) await assertSponsor(trx, actor, patch.sponsorId);
        const before = programFields(current);
        const after = {
          name: patch.name ?? before.name,
          description: patch.description ?? before.description,
          businessUnit: patch.businessUnit === undefined ? before.businessUnit : patch.businessUnit,
          phase: patch.phase ?? before.phase,
          sponsorId: patch.sponsorId === undefined ? before.sponsorId : patch.sponsorId,
          targetProductionDate: patch.targetProductionDate === undefined ? before.targetProductionDate : patch.targetProductionDate,
          riskClass: patch.riskClass ?? before.riskClass,
        };
        const changes = diffFields(before, after, PROGRAM_FIELDS);
        // The readiness gate: a forward move needs all four dimensions met, or an executive override (kept with its reason).
        const override = await enforceGate(deps, trx, actor, current, after.phase, patch.override);
        if (changes.length > 0) {
          const now = deps.clock.now();
          await updateProgram(trx, actor.workspaceId, current.id, {
            name: after.name,
            description: after.description,
            business_unit: after.businessUnit,
            phase: after.phase,
            sponsor_id: after.sponsorId,
            target_production_date: after.targetProductionDate,
            risk_class: after.riskClass,
            updated_at: now,
          });
          await appendHistory(trx, {
            workspaceId: actor.workspaceId, entityType: 'program', entityId: current.id, changeId: deps.newId(),
            changes: override ? [...changes, override.change] : changes, reason: override?.reason ?? (patch.reason?.trim() || null), actor: actor.label, at: now,
          });
        }
        return view(trx, actor, current.id);
      });
    },
  };
}
