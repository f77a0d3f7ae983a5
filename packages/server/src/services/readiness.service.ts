import { assessmentItemProblem, defaultBlockedGate, localDate, readinessTrend, type Phase, type TrendPoint } from '@handoff/core';
import type { AssessmentCreate, CriterionConstraintCreate, FieldError, PageQuery, ReadinessQuery, TrendQuery } from '@handoff/contract';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Actor, Deps } from '../context.js';
import { HandoffError, invalidField, notFound } from '../errors.js';
import { actingAsSelf } from './acting-as-self.js';
import { decodeCursor, pageFrom } from '../db/paging.js';
import type { DB } from '../db/schema.js';
import { assessmentRecords, insertAssessments, latestResults } from '../db/repos/assessments.repo.js';
import type { ConstraintRow, ConstraintView } from '../db/repos/constraints.repo.js';
import { allCriteria, criteriaByIdsOrCodes, findCriterion } from '../db/repos/criteria.repo.js';
import { listGateOverrides, type GateOverrideView } from '../db/repos/gate-overrides.repo.js';
import { findPerson } from '../db/repos/people.repo.js';
import { findProgram, type ProgramRow } from '../db/repos/programs.repo.js';
import type { createConstraintsService } from './constraints.service.js';
import { loadReadiness, readinessAsOf, type ReadinessState } from './readiness-state.js';
import { inTransaction } from './transaction.js';

/** What readiness needs of the constraint library: opening and presenting a constraint inside its own transaction. */
type ConstraintsService = Pick<ReturnType<typeof createConstraintsService>, 'createIn' | 'viewIn'>;

/** A trend point with the workspace-local day it falls on. */
export interface DatedTrendPoint extends TrendPoint {
  readonly date: string;
}

/** Longest default constraint title: the contract's limit for titles. */
const MAX_TITLE = 300;

/** Readiness of programs: assessments over time, the view now or at a past instant, the trend, gaps turned into constraints. */
export function createReadinessService(deps: Deps, constraints: ConstraintsService) {
  const { db } = deps.database;

  async function program(trx: Kysely<DB>, actor: Actor, idOrKey: string): Promise<ProgramRow> {
    const row = await findProgram(trx, actor.workspaceId, idOrKey);
    if (!row) throw notFound('program', idOrKey);
    return row;
  }

  /** Checks every item of an assessment at once, so one answer names every problem. */
  async function resolveItems(trx: Kysely<DB>, actor: Actor, input: AssessmentCreate): Promise<string[]> {
    const found = await criteriaByIdsOrCodes(trx, actor.workspaceId, input.items.map((i) => i.criterion));
    const errors: FieldError[] = [];
    const seen = new Map<string, number>();
    const ids = input.items.map((item, i) => {
      const c = found.find((r) => r.id === item.criterion || r.code === item.criterion.toUpperCase());
      if (!c) errors.push({ path: `items.${i}.criterion`, message: `criterion ${item.criterion} does not exist in this workspace` });
      else if (c.retired_at) errors.push({ path: `items.${i}.criterion`, message: `criterion ${c.code} is retired` });
      else if (seen.has(c.id)) errors.push({ path: `items.${i}.criterion`, message: `criterion ${c.code} is already assessed in items.${seen.get(c.id)}` });
      if (c) seen.set(c.id, seen.get(c.id) ?? i);
      const problem = assessmentItemProblem(item);
      if (problem) errors.push({ path: `items.${i}.${problem.field}`, message: problem.message });
      return c?.id ?? '';
    });
    if (errors.length > 0) throw new HandoffError('validation-failed', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
    return ids;
  }

  /** Records one assessment batch inside the caller's transaction; returns the program. */
  async function assessIn(trx: Kysely<DB>, actor: Actor, idOrKey: string, input: AssessmentCreate): Promise<ProgramRow> {
    const p = await program(trx, actor, idOrKey);
    actingAsSelf(actor, input.assessedBy, 'assessedBy');
    if (!(await findPerson(trx, actor.workspaceId, input.assessedBy))) throw invalidField('assessedBy', `person ${input.assessedBy} does not exist in this workspace`);
    const now = deps.clock.now();
    const assessedAt = input.assessedAt ? new Date(input.assessedAt) : now;
    if (assessedAt.getTime() > now.getTime()) throw invalidField('assessedAt', 'cannot be in the future');
    const ids = await resolveItems(trx, actor, input);
    const batchId = deps.newId();
    await insertAssessments(trx, input.items.map((item, i) => ({
      workspace_id: actor.workspaceId, program_id: p.id, criterion_id: ids[i] ?? '', batch_id: batchId, status: item.status,
      evidence: item.evidence, links: JSON.stringify(item.links), assessed_by: input.assessedBy, assessed_at: assessedAt,
    })));
    return p;
  }

  /**
   * Opens a constraint that closes the gap on one criterion, in one step, inside the caller's transaction: its
   * dimension is the criterion's, and it stays linked to it (constraint.criterionId; the readiness view lists it
   * under the criterion). Refused (409) for a retired criterion or one whose latest result is met or not applicable.
   */
  async function openConstraintIn(trx: Kysely<DB>, actor: Actor, idOrKey: string, criterionRef: string, input: CriterionConstraintCreate): Promise<ConstraintRow> {
    const p = await program(trx, actor, idOrKey);
    const criterion = await findCriterion(trx, actor.workspaceId, criterionRef);
    if (!criterion) throw notFound('criterion', criterionRef);
    if (criterion.retired_at) throw new HandoffError('conflict', `criterion ${criterion.code} is retired: it no longer applies`);
    const latest = (await latestResults(trx, actor.workspaceId, p.id, deps.clock.now())).find((r) => r.criterion_id === criterion.id);
    if (latest && (latest.status === 'met' || latest.status === 'not-applicable')) {
      throw new HandoffError('conflict', `criterion ${criterion.code} is ${latest.status} for ${p.key}: there is no gap to close`);
    }
    const title = input.title ?? `Readiness gap: ${criterion.text}`;
    return constraints.createIn(trx, actor, p.id, {
      title: title.length > MAX_TITLE ? `${title.slice(0, MAX_TITLE - 1)}…` : title,
      description: input.description ?? `Closes the gap on readiness criterion ${criterion.code}. ${criterion.guidance}`.trim(),
      kind: input.kind, dimension: criterion.dimension, ownerId: input.ownerId, deadline: input.deadline, status: 'open',
      severity: input.severity, dependsOn: [], ...(input.blocksGate ? { blocksGate: input.blocksGate } : {}),
    }, { criterionId: criterion.id });
  }

  return {
    assessIn,
    openConstraintIn,

    async readiness(actor: Actor, idOrKey: string, query: ReadinessQuery): Promise<ReadinessState> {
      const p = await program(db, actor, idOrKey);
      const now = deps.clock.now();
      const asOf = readinessAsOf(query.at, actor.timeZone, now);
      return loadReadiness(db, actor.workspaceId, p, query.gate ?? defaultBlockedGate(p.phase), asOf, asOf.getTime() === now.getTime());
    },

    /** Records one batch (append-only) and answers the readiness after it. A `met` needs evidence; nothing is stored on any error. */
    async assess(actor: Actor, idOrKey: string, input: AssessmentCreate): Promise<ReadinessState> {
      return inTransaction(db, async (trx) => {
        const p = await assessIn(trx, actor, idOrKey, input);
        return loadReadiness(trx, actor.workspaceId, p, defaultBlockedGate(p.phase), deps.clock.now(), true);
      });
    },

    /** One point per assessment batch, oldest first, kept when its local day is within [from, to]. */
    async trend(actor: Actor, idOrKey: string, query: TrendQuery): Promise<{ program: ProgramRow; gate: Phase; points: DatedTrendPoint[] }> {
      const p = await program(db, actor, idOrKey);
      const gate = query.gate ?? defaultBlockedGate(p.phase);
      const [criteria, records] = await Promise.all([allCriteria(db, actor.workspaceId), assessmentRecords(db, actor.workspaceId, p.id)]);
      const points = readinessTrend(
        gate,
        criteria.map((c) => ({ id: c.id, code: c.code, dimension: c.dimension, required: c.required, gate: c.gate, retiredAt: c.retired_at?.toISOString() ?? null })),
        records.map((r) => ({ criterionId: r.criterion_id, batchId: r.batch_id, status: r.status, assessedAt: r.assessed_at.toISOString(), seq: r.id })),
      )
        .map((point) => ({ ...point, date: localDate(new Date(point.assessedAt), actor.timeZone) }))
        .filter((point) => (query.from === undefined || point.date >= query.from) && (query.to === undefined || point.date <= query.to));
      return { program: p, gate, points };
    },

    /** Opens a constraint that closes the gap on one criterion (see openConstraintIn), in its own transaction. */
    async openConstraint(actor: Actor, idOrKey: string, criterionRef: string, input: CriterionConstraintCreate): Promise<ConstraintView> {
      return inTransaction(db, async (trx) => constraints.viewIn(trx, actor, (await openConstraintIn(trx, actor, idOrKey, criterionRef, input)).id));
    },

    async gateOverrides(actor: Actor, idOrKey: string, page: z.infer<typeof PageQuery>): Promise<{ rows: GateOverrideView[]; nextCursor: string | null }> {
      const p = await program(db, actor, idOrKey);
      const after = page.cursor ? decodeCursor(page.cursor, 2) : undefined;
      const rows = await listGateOverrides(db, actor.workspaceId, p.id, after ? [String(after[0]), String(after[1])] : undefined, page.limit + 1);
      return pageFrom(rows, page.limit, (r) => [r.created_at.toISOString(), r.id]);
    },
  };
}

export type ReadinessService = ReturnType<typeof createReadinessService>;
