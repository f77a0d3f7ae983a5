import {
  checkDependencies, creationChanges, defaultBlockedGate, localDate, planConstraintUpdate, staleCutoff,
  type ConstraintState, type FieldChange,
} from '@handoff/core';
import type { ConstraintCreate, ConstraintListQuery, ConstraintUpdate, PageQuery } from '@handoff/contract';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Actor, Deps } from '../context.js';
import { HandoffError, invalidField, notFound } from '../errors.js';
import { decodeCursor, pageFrom } from '../db/paging.js';
import type { DB } from '../db/schema.js';
import {
  constraintRefs, dependenciesOf, dependencyEdges, existingConstraintIds, findConstraintId, insertConstraint,
  listConstraintViews, lockDependencyGraph, replaceDependencies, updateConstraint,
  type ConstraintFilter, type ConstraintRow, type ConstraintView,
} from '../db/repos/constraints.repo.js';
import { appendHistory, type HistoryRow } from '../db/repos/history.repo.js';
import { createHistoryService } from './history.service.js';
import { existingPersonIds } from '../db/repos/people.repo.js';
import { findProgram, takeConstraintNumber } from '../db/repos/programs.repo.js';
import { stale } from './people.service.js';
import type { EscalationsService } from './escalations.service.js';
import { inTransaction, versionMatches } from './transaction.js';

type ListQuery = Omit<ConstraintListQuery, 'program'> & { program?: string };

/** What a constraint was opened for: the readiness criterion whose gap it closes, or the monitor whose breach it tracks. */
export interface ConstraintLinks {
  readonly criterionId?: string;
  readonly monitorId?: string;
}

function stateOf(row: ConstraintRow, dependsOn: readonly string[]): ConstraintState {
  return {
    title: row.title,
    description: row.description,
    kind: row.kind,
    dimension: row.dimension,
    ownerId: row.owner_id,
    deadline: row.deadline,
    status: row.status,
    severity: row.severity,
    blocksGate: row.blocks_gate,
    dependsOn,
    resolvedAt: row.resolved_at ? row.resolved_at.toISOString() : null,
  };
}

/** The constraint library: every blocker, dependency and risk, with a named owner and a deadline. */
export function createConstraintsService(deps: Deps, escalations: Pick<EscalationsService, 'onCreated' | 'onUpdated'>) {
  const { db } = deps.database;
  const history = createHistoryService(deps);

  async function assertOwner(trx: Kysely<DB>, actor: Actor, ownerId: string): Promise<void> {
    const found = await existingPersonIds(trx, actor.workspaceId, [ownerId]);
    if (!found.has(ownerId)) throw invalidField('ownerId', `person ${ownerId} does not exist in this workspace`);
  }

  /** Checks that every dependency exists and that `constraintId` depending on them closes no cycle. */
  async function assertDependencies(trx: Kysely<DB>, actor: Actor, constraintId: string, dependsOn: readonly string[]): Promise<void> {
    const found = await existingConstraintIds(trx, actor.workspaceId, dependsOn);
    const errors = dependsOn.flatMap((d, i) => (found.has(d) ? [] : [{ path: `dependsOn.${i}`, message: `constraint ${d} does not exist in this workspace` }]));
    if (errors.length > 0) throw new HandoffError('validation-failed', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
    await lockDependencyGraph(trx, actor.workspaceId);
    const check = checkDependencies(await dependencyEdges(trx, actor.workspaceId), constraintId, dependsOn);
    if (check.kind === 'cycle') {
      const refs = await constraintRefs(trx, actor.workspaceId, check.cycle);
      const named = check.cycle.map((id) => refs.get(id) ?? (id === constraintId ? 'this constraint' : id));
      throw new HandoffError('dependency-cycle', `these dependencies would form a cycle: ${named.join(' → ')}`,
        [{ path: 'dependsOn', message: 'would form a dependency cycle' }], { cycle: check.cycle });
    }
  }

  async function view(trx: Kysely<DB>, actor: Actor, id: string): Promise<ConstraintView> {
    const [row] = await listConstraintViews(trx, actor.workspaceId, today(actor), { ids: [id], limit: 1 });
    if (!row) throw notFound('constraint', id);
    return row;
  }

  function today(actor: Actor): string {
    return localDate(deps.clock.now(), actor.timeZone);
  }

  async function record(trx: Kysely<DB>, actor: Actor, id: string, changes: readonly FieldChange[], reason: string | null, at: Date): Promise<void> {
    await appendHistory(trx, {
      workspaceId: actor.workspaceId, entityType: 'constraint', entityId: id, changeId: deps.newId(),
      changes, reason, actor: actor.label, at,
    });
  }

  /**
   * Applies a patch to `current` (locked by the caller) inside the caller's transaction, by the rules of
   * every constraint update: a deadline move needs a reason, owner and dependencies are checked, history
   * is kept and the escalation hooks run (a deadline move starts a new cycle). PATCH and the weekly
   * review both come here. Returns the row after the change (`current` itself when nothing changed).
   */
  async function applyUpdate(trx: Kysely<DB>, actor: Actor, current: ConstraintRow, patch: ConstraintUpdate, now: Date): Promise<ConstraintRow> {
    const plan = planConstraintUpdate(stateOf(current, await dependenciesOf(trx, current.id)), patch, now.toISOString());
    if (plan.kind === 'reason-required') {
      throw new HandoffError('reason-required', 'moving the deadline requires a reason, which is kept in the history',
        [{ path: 'reason', message: 'is required when the deadline changes' }]);
    }
    if (plan.changes.length === 0) return current;
    const changed = new Set(plan.changes.map((c) => c.field));
    if (changed.has('ownerId')) await assertOwner(trx, actor, plan.next.ownerId);
    if (changed.has('dependsOn')) {
      await assertDependencies(trx, actor, current.id, plan.next.dependsOn);
      await replaceDependencies(trx, actor.workspaceId, current.id, plan.next.dependsOn);
    }
    const n = plan.next;
    const updated = await updateConstraint(trx, actor.workspaceId, current.id, {
      title: n.title, description: n.description, kind: n.kind, dimension: n.dimension, owner_id: n.ownerId,
      deadline: n.deadline, status: n.status, severity: n.severity, blocks_gate: n.blocksGate,
      resolved_at: n.resolvedAt, updated_at: now,
    });
    await record(trx, actor, current.id, plan.changes, patch.reason ?? null, now);
    await escalations.onUpdated(trx, actor, current, updated, patch.reason ?? null, now);
    return updated;
  }

  /**
   * Creates a constraint inside the caller's transaction, so another service (readiness, monitors) can open one
   * together with its own write. `links` ties it to the criterion or monitor it belongs to.
   */
  async function createIn(trx: Kysely<DB>, actor: Actor, programIdOrKey: string, input: ConstraintCreate, links: ConstraintLinks = {}): Promise<ConstraintRow> {
    const program = await findProgram(trx, actor.workspaceId, programIdOrKey, true);
    if (!program) throw notFound('program', programIdOrKey);
    await assertOwner(trx, actor, input.ownerId);
    const id = deps.newId();
    const dependsOn = [...new Set(input.dependsOn)].sort();
    if (dependsOn.length > 0) await assertDependencies(trx, actor, id, dependsOn);
    const now = deps.clock.now();
    const closed = input.status === 'resolved' || input.status === 'accepted';
    const row = await insertConstraint(trx, {
      id,
      workspace_id: actor.workspaceId,
      program_id: program.id,
      number: await takeConstraintNumber(trx, program.id),
      title: input.title,
      description: input.description ?? '',
      kind: input.kind,
      dimension: input.dimension,
      owner_id: input.ownerId,
      deadline: input.deadline,
      status: input.status,
      severity: input.severity,
      blocks_gate: input.blocksGate ?? defaultBlockedGate(program.phase),
      resolved_at: closed ? now : null,
      criterion_id: links.criterionId ?? null,
      monitor_id: links.monitorId ?? null,
      created_at: now,
      updated_at: now,
    });
    await replaceDependencies(trx, actor.workspaceId, id, dependsOn);
    await record(trx, actor, id, creationChanges(`${program.key}-${row.number}`, stateOf(row, dependsOn)), null, now);
    await escalations.onCreated(trx, actor, row, now);
    return row;
  }

  return {
    createIn,
    /** Applies a patch to a locked row inside the caller's transaction (history and escalation included). */
    updateIn: applyUpdate,
    /** The presented view of one constraint, read inside the caller's transaction. */
    viewIn: view,

    async create(actor: Actor, programIdOrKey: string, input: ConstraintCreate): Promise<ConstraintView> {
      return inTransaction(db, async (trx) => view(trx, actor, (await createIn(trx, actor, programIdOrKey, input)).id));
    },

    async get(actor: Actor, idOrRef: string): Promise<ConstraintView> {
      const row = await findConstraintId(db, actor.workspaceId, idOrRef);
      if (!row) throw notFound('constraint', idOrRef);
      return view(db, actor, row.id);
    },

    async list(actor: Actor, query: ListQuery, programIdOrKey?: string): Promise<{ rows: ConstraintView[]; nextCursor: string | null }> {
      let program = query.program;
      if (programIdOrKey !== undefined) {
        const found = await findProgram(db, actor.workspaceId, programIdOrKey);
        if (!found) throw notFound('program', programIdOrKey);
        program = found.id;
      }
      const after = query.cursor ? decodeCursor(query.cursor, 2) : undefined;
      const filter: ConstraintFilter = {
        ...(program ? { program } : {}),
        ...(query.status ? { status: query.status } : {}),
        ...(query.active !== undefined ? { active: query.active } : {}),
        ...(query.owner ? { owner: query.owner } : {}),
        ...(query.dimension ? { dimension: query.dimension } : {}),
        ...(query.kind ? { kind: query.kind } : {}),
        ...(query.overdue !== undefined ? { overdue: query.overdue } : {}),
        ...(query.stale !== undefined ? { stale: { value: query.stale, cutoff: new Date(staleCutoff(deps.clock.now().toISOString())) } } : {}),
        ...(query.q ? { q: query.q } : {}),
        ...(query.escalated !== undefined ? { escalated: query.escalated } : {}),
        ...(query.escalationLevel ? { escalationLevel: query.escalationLevel } : {}),
        ...(query.dependsOn ? { dependsOn: query.dependsOn } : {}),
        ...(query.dependencyOf ? { dependencyOf: query.dependencyOf } : {}),
        ...(after ? { after: [String(after[0]), String(after[1])] as const } : {}),
        limit: query.limit + 1,
      };
      const rows = await listConstraintViews(db, actor.workspaceId, today(actor), filter);
      return pageFrom(rows, query.limit, (r) => [r.deadline, r.id]);
    },

    async update(actor: Actor, idOrRef: string, patch: ConstraintUpdate, ifMatch: string | undefined): Promise<ConstraintView> {
      return inTransaction(db, async (trx) => {
        const current = await findConstraintId(trx, actor.workspaceId, idOrRef, true);
        if (!current) throw notFound('constraint', idOrRef);
        if (!versionMatches(ifMatch, current.version)) throw stale('constraint', idOrRef, current.version);
        await applyUpdate(trx, actor, current, patch, deps.clock.now());
        return view(trx, actor, current.id);
      });
    },

    async history(actor: Actor, idOrRef: string, page: z.infer<typeof PageQuery>): Promise<{ rows: HistoryRow[]; nextCursor: string | null }> {
      const row = await findConstraintId(db, actor.workspaceId, idOrRef);
      if (!row) throw notFound('constraint', idOrRef);
      return history.page(actor, 'constraint', row.id, page);
    },

    applyUpdate,
    today,
    /** The current instant, for presenting what depends on time of day (e.g. `stale`). */
    now: (): Date => deps.clock.now(),
  };
}
