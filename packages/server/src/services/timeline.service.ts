import {
  computeTimeline, constraintTimeline, forecastTimeline, impactOfSlip, isClosedStatus, isOverdue, latenessModels, localDate,
  daysBetween, overdueLatenessForecast, type ConstraintTimeline, type Forecast, type LatenessSample, type Phase, type ProgramForecast,
  type ProgramTimeline, type SlipImpact, type Timeline, type TimelineInput,
} from '@handoff/core';
import { PLANNABLE_GATES, type FieldError, type PlanInput } from '@handoff/contract';
import type { Kysely } from 'kysely';
import type { Actor, Deps } from '../context.js';
import { HandoffError, notFound } from '../errors.js';
import type { DB } from '../db/schema.js';
import { findConstraintId } from '../db/repos/constraints.repo.js';
import { appendHistory } from '../db/repos/history.repo.js';
import { findProgram, type ProgramRow } from '../db/repos/programs.repo.js';
import {
  deleteGatePlan, latenessHistory, listAllTimelinePrograms, listGatePlans, listTimelinePrograms, loadReachingConstraints, loadWorkspaceConstraints,
  reachedProgramIds, upsertGatePlan, type GatePlanRow, type LatenessRow, type TimelineConstraintRow, type TimelineProgramRow,
} from '../db/repos/timeline.repo.js';
import { inTransaction } from './transaction.js';

type PlanSource = 'plan' | 'target-production-date';

/** A computed timeline with the rows it came from, so presenters can name every constraint on it. */
export interface TimelineGraphView {
  readonly today: string;
  readonly timeline: Timeline;
  readonly programs: ReadonlyMap<string, TimelineProgramRow>;
  readonly constraints: ReadonlyMap<string, TimelineConstraintRow>;
  /** Where each program's plan date of a gate came from. */
  readonly planSources: ReadonlyMap<string, ReadonlyMap<Phase, PlanSource>>;
  /** Forecast days beyond today of each overdue constraint (what its projected finish assumes). */
  readonly overdueLateness: ReadonlyMap<string, number>;
  readonly history: readonly LatenessSample[];
}

export interface PlanView { program: ProgramRow; plans: GatePlanRow[] }
export interface ProgramTimelineView extends TimelineGraphView {
  program: TimelineProgramRow; result: ProgramTimeline; slack: ConstraintTimeline[];
}
export interface ImpactView extends TimelineGraphView { constraint: TimelineConstraintRow; impact: Extract<SlipImpact, { kind: 'impact' }> }
/** The whole workspace's timeline and one forecast over it, for the portfolio brief. */
export interface WorkspaceForecastView extends TimelineGraphView { forecast: Forecast; seed: number; trials: number }
export interface ForecastView extends TimelineGraphView {
  program: TimelineProgramRow; forecast: ProgramForecast; referenceClasses: Forecast['referenceClasses']; seed: number; trials: number;
}

/**
 * Phase plans, the plan-based timeline, slip impact and the forecast. Reads load only the graph that can
 * reach the programs asked about (their active constraints and everything those depend on, across
 * programs) in a fixed number of queries; the computing is the pure core's (docs/TIMELINE.md).
 */
export function createTimelineService(deps: Deps) {
  const { db } = deps.database;

  async function program(trx: Kysely<DB>, actor: Actor, idOrKey: string, forUpdate = false): Promise<ProgramRow> {
    const row = await findProgram(trx, actor.workspaceId, idOrKey, forUpdate);
    if (!row) throw notFound('program', idOrKey);
    return row;
  }

  /** Loads and projects the graph reaching `programIds`; only those programs' gates are laid out. */
  async function load(trx: Kysely<DB>, actor: Actor, programIds: readonly string[]): Promise<TimelineGraphView> {
    const [programRows, rows, planRows, lateness] = await Promise.all([
      listTimelinePrograms(trx, actor.workspaceId, programIds),
      loadReachingConstraints(trx, actor.workspaceId, programIds),
      listGatePlans(trx, actor.workspaceId, programIds),
      latenessHistory(trx, actor.workspaceId, actor.timeZone),
    ]);
    return project(actor, programRows, rows, planRows, lateness);
  }

  /**
   * Every program's gates over the workspace's whole active graph, in four queries. Each program's part of
   * it equals what `load` gives for that program alone: a gate depends only on what reaches it.
   */
  async function loadWorkspace(trx: Kysely<DB>, actor: Actor): Promise<TimelineGraphView> {
    const programRows = await listAllTimelinePrograms(trx, actor.workspaceId);
    const [rows, planRows, lateness] = await Promise.all([
      loadWorkspaceConstraints(trx, actor.workspaceId),
      listGatePlans(trx, actor.workspaceId, programRows.map((p) => p.id)),
      latenessHistory(trx, actor.workspaceId, actor.timeZone),
    ]);
    return project(actor, programRows, rows, planRows, lateness);
  }

  function project(
    actor: Actor, programRows: readonly TimelineProgramRow[], rows: readonly TimelineConstraintRow[], planRows: readonly GatePlanRow[], lateness: readonly LatenessRow[],
  ): TimelineGraphView {
    const today = localDate(deps.clock.now(), actor.timeZone);
    const history = lateness.map((r) => ({ kind: r.kind, dimension: r.dimension, lateDays: r.late_days, count: r.n }));
    const modelOf = latenessModels(history);
    const overdueLateness = new Map(rows.filter((c) => !isClosedStatus(c.status) && isOverdue(c.deadline, today))
      .map((c) => [c.id, overdueLatenessForecast(modelOf(c.kind, c.dimension), daysBetween(c.deadline, today))]));
    const plans = effectivePlans(programRows, planRows);
    const input: TimelineInput = {
      today,
      programs: programRows.map((p) => ({ id: p.id, phase: p.phase, targetProductionDate: p.target_production_date,
        plan: Object.fromEntries([...(plans.get(p.id) ?? [])].map(([gate, e]) => [gate, e.date])) })),
      constraints: rows.map((c) => ({
        id: c.id, ref: `${c.program_key}-${c.number}`, programId: c.program_id, blocksGate: c.blocks_gate, status: c.status,
        deadline: c.deadline, severity: c.severity, kind: c.kind, dimension: c.dimension, dependsOn: c.depends_on,
      })),
      overdueLateness,
    };
    const result = computeTimeline(input);
    if (result.kind === 'cycle') {
      throw new HandoffError('dependency-cycle', `the dependencies form a cycle: ${result.refs.join(' → ')}; break it to see a timeline`, [], { cycle: result.cycle });
    }
    if (result.kind === 'unknown-dependency') throw new Error(`timeline load missed ${result.dependsOn}, a dependency of ${result.constraintId}`);
    return {
      today, timeline: result.timeline, overdueLateness, history,
      programs: new Map(programRows.map((p) => [p.id, p])),
      constraints: new Map(rows.map((c) => [c.id, c])),
      planSources: new Map([...plans].map(([id, gates]) => [id, new Map([...gates].map(([g, e]) => [g, e.source]))])),
    };
  }

  async function programTimeline(actor: Actor, idOrKey: string): Promise<{ graph: TimelineGraphView; row: TimelineProgramRow; result: ProgramTimeline }> {
    const found = await program(db, actor, idOrKey);
    const graph = await load(db, actor, [found.id]);
    const row = graph.programs.get(found.id);
    const result = graph.timeline.programs.find((p) => p.programId === found.id);
    if (!row || !result) throw notFound('program', idOrKey);
    return { graph, row, result };
  }

  return {
    async getPlan(actor: Actor, idOrKey: string): Promise<PlanView> {
      const row = await program(db, actor, idOrKey);
      return { program: row, plans: await listGatePlans(db, actor.workspaceId, [row.id]) };
    },

    /** Replaces the plan in one transaction; each changed gate goes to the program history as `plan.<gate>`. */
    async setPlan(actor: Actor, idOrKey: string, input: PlanInput): Promise<PlanView> {
      return inTransaction(db, async (trx) => {
        const row = await program(trx, actor, idOrKey, true);
        const errors = planErrors(input.gates, row.target_production_date);
        if (errors.length > 0) throw new HandoffError('validation-failed', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
        const before = new Map((await listGatePlans(trx, actor.workspaceId, [row.id])).map((p) => [p.gate, p.planned_date]));
        const now = deps.clock.now();
        const changes = PLANNABLE_GATES.flatMap((gate) => {
          const from = before.get(gate) ?? null;
          const to = input.gates[gate] ?? null;
          return from === to ? [] : [{ gate, from, to }];
        });
        for (const { gate, to } of changes) {
          if (to === null) await deleteGatePlan(trx, actor.workspaceId, row.id, gate);
          else await upsertGatePlan(trx, { workspace_id: actor.workspaceId, program_id: row.id, gate, planned_date: to, updated_at: now });
        }
        await appendHistory(trx, {
          workspaceId: actor.workspaceId, entityType: 'program', entityId: row.id, changeId: deps.newId(),
          changes: changes.map((c) => ({ field: `plan.${c.gate}`, before: c.from, after: c.to })), reason: input.reason ?? null, actor: actor.label, at: now,
        });
        return { program: row, plans: await listGatePlans(trx, actor.workspaceId, [row.id]) };
      });
    },

    async timeline(actor: Actor, idOrKey: string): Promise<ProgramTimelineView> {
      const { graph, row, result } = await programTimeline(actor, idOrKey);
      const slack = [...graph.constraints.values()]
        .filter((c) => c.program_id === row.id && !isClosedStatus(c.status))
        .flatMap((c) => constraintTimeline(graph.timeline, c.id) ?? []);
      return { ...graph, program: row, result, slack };
    },

    /** What a slip of `days` beyond the projected finish does to every program the constraint reaches. */
    async impact(actor: Actor, idOrRef: string, days: number): Promise<ImpactView> {
      const found = await findConstraintId(db, actor.workspaceId, idOrRef);
      if (!found) throw notFound('constraint', idOrRef);
      if (isClosedStatus(found.status)) {
        throw new HandoffError('conflict', `constraint ${idOrRef} is ${found.status}: it blocks nothing any more, so it cannot slip`);
      }
      const graph = await load(db, actor, await reachedProgramIds(db, actor.workspaceId, found.id));
      const impact = impactOfSlip(graph.timeline, found.id, days);
      const constraint = graph.constraints.get(found.id);
      if (impact.kind !== 'impact' || !constraint) throw new Error(`impact of ${found.id} not computed: ${impact.kind}`);
      return { ...graph, constraint, impact };
    },

    /**
     * Every program's timeline and forecast from one load of the workspace's graph. The forecast's draws
     * depend only on (seed, trial, constraint), so each program's part equals `forecast` for that program.
     */
    async workspaceForecast(actor: Actor, options: { seed: number; trials: number }): Promise<WorkspaceForecastView> {
      const graph = await loadWorkspace(db, actor);
      return { ...graph, forecast: forecastTimeline(graph.timeline.graph, graph.history, options), ...options };
    },

    /** Monte Carlo over the program's reaching subgraph; the same data, seed and trials give the same answer. */
    async forecast(actor: Actor, idOrKey: string, options: { seed: number; trials: number }): Promise<ForecastView> {
      const { graph, row } = await programTimeline(actor, idOrKey);
      const forecast = forecastTimeline(graph.timeline.graph, graph.history, options);
      const mine = forecast.programs.find((p) => p.programId === row.id);
      if (!mine) throw notFound('program', idOrKey);
      return { ...graph, program: row, forecast: mine, referenceClasses: forecast.referenceClasses, ...options };
    },
  };
}

/** Each program's effective plan: its stored dates, and its target production date for a production gate without one. */
function effectivePlans(programs: readonly TimelineProgramRow[], rows: readonly GatePlanRow[]): Map<string, Map<Phase, { date: string; source: PlanSource }>> {
  const plans = new Map(programs.map((p) => [p.id, new Map<Phase, { date: string; source: PlanSource }>()]));
  for (const r of rows) plans.get(r.program_id)?.set(r.gate, { date: r.planned_date, source: 'plan' });
  for (const p of programs) {
    const plan = plans.get(p.id);
    if (plan && !plan.has('production') && p.target_production_date) plan.set('production', { date: p.target_production_date, source: 'target-production-date' });
  }
  return plans;
}

/**
 * A plan's dates must not go backwards in phase order; each gate is compared with the latest date before
 * it. Without a production date the target production date stands in for it, so no gate may come after it.
 */
function planErrors(gates: PlanInput['gates'], targetProductionDate: string | null): FieldError[] {
  const errors: FieldError[] = [];
  let latest: { gate: string; date: string } | null = null;
  for (const gate of PLANNABLE_GATES) {
    const date = gates[gate];
    if (date === undefined) continue;
    if (latest && date < latest.date) errors.push({ path: `gates.${gate}`, message: `must not be earlier than the ${latest.gate} gate (${latest.date})` });
    else latest = { gate, date };
  }
  if (gates.production === undefined && targetProductionDate !== null) {
    for (const gate of PLANNABLE_GATES) {
      const date = gates[gate];
      if (date !== undefined && date > targetProductionDate) {
        errors.push({ path: `gates.${gate}`, message: `must not be later than the target production date (${targetProductionDate}), the production gate's plan while it has no date` });
      }
    }
  }
  return errors;
}
