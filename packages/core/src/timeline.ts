import { fromDayNumber } from './day-number.js';
import { compileTimeline, type TimelineGraph, type TimelineGraphResult, type TimelineInput } from './timeline-graph.js';
import {
  DRIVER_BLOCKER, DRIVER_PLAN, createProjection, entryGate, latestFinishes, projectInto, walkCriticalConstraints, type Projection,
} from './timeline-projection.js';
import type { Phase } from './vocabulary.js';

export * from './timeline-graph.js';
export * from './timeline-slip.js';
export * from './timeline-reach.js';

/**
 * The plan-based timeline of a portfolio (issue 6, "Timeline and impact"): projected gate dates, the
 * critical path of each gate, each constraint's slack and each program's binding constraint. The rules
 * are in timeline-projection.ts and docs/TIMELINE.md.
 */

/**
 * What sets a gate's date, read back from the gate to its start. `gates` runs from the gate where the
 * path enters the program to this gate. With `constraints`, `constraintIds` runs from the origin (whose
 * own date is the gate date) to the constraint blocking `gates[0]`; each one depends on the one before it.
 * With `plan`, the plan date of `gates[0]` is the gate date; with `today`, today is.
 */
export type CriticalPath =
  | { readonly kind: 'constraints'; readonly constraintIds: readonly string[]; readonly gates: readonly Phase[] }
  | { readonly kind: 'plan'; readonly gates: readonly Phase[] }
  | { readonly kind: 'today'; readonly gates: readonly Phase[] };

/** One remaining gate of a program. */
export interface GateProjection {
  readonly gate: Phase;
  readonly plannedDate: string | null;
  readonly projectedDate: string;
  /** Projected minus planned, in days (negative: ahead of plan); null without a plan date. */
  readonly slipDays: number | null;
  readonly criticalPath: CriticalPath;
}

/**
 * What holds up a program's next gate: a constraint (the origin of the gate's critical path), its plan
 * date (nothing blocks it beyond the plan), today (no plan date ahead and nothing blocking: it could open
 * now), or nothing at all because the program is in production.
 */
export type Binding =
  | {
    readonly kind: 'constraint';
    readonly constraintId: string;
    readonly gate: Phase;
    /** Days the next gate is projected beyond its plan date; null without a plan date. */
    readonly delayOverPlanDays: number | null;
    /** Days it can slip before production moves; the next gate moves day for day (its slack is 0). */
    readonly productionSlackDays: number;
  }
  | { readonly kind: 'plan'; readonly gate: Phase }
  | { readonly kind: 'today'; readonly gate: Phase }
  | { readonly kind: 'in-production' };

/** A program's projected gates. `production` is the last gate, null once the program is in production. */
export interface ProgramTimeline {
  readonly programId: string;
  readonly phase: Phase;
  readonly gates: readonly GateProjection[];
  readonly nextGate: GateProjection | null;
  readonly production: GateProjection | null;
  readonly targetProductionDate: string | null;
  readonly binding: Binding;
}

/** The computed timeline. `graph`, `projection` and `latest` are what slip and forecast work from. */
export interface Timeline {
  readonly today: string;
  readonly programs: readonly ProgramTimeline[];
  readonly graph: TimelineGraph;
  readonly projection: Projection;
  /** Latest finish day of each constraint that moves no gate (+Infinity when it reaches none). */
  readonly latest: Float64Array;
}

/** A constraint's place on the timeline. */
export interface ConstraintTimeline {
  readonly constraintId: string;
  readonly active: boolean;
  /** Projected finish: own date raised to its dependencies' finishes; null when closed. */
  readonly projectedFinish: string | null;
  /** Total float in days (≥ 0): how far it can slip before any gate moves; null when closed or it reaches no gate. */
  readonly slackDays: number | null;
}

/** Compiling failed: see TimelineGraphResult. */
export type TimelineResult =
  | { readonly kind: 'ok'; readonly timeline: Timeline }
  | Exclude<TimelineGraphResult, { readonly kind: 'ok' }>;

/** Each active constraint's own finish day: its deadline, or when overdue today plus its forecast lateness. */
export function ownFinishes(graph: TimelineGraph, overdueLateness: ReadonlyMap<string, number> = new Map()): Float64Array {
  const own = new Float64Array(graph.constraints.length).fill(-Infinity);
  graph.constraints.forEach((c, i) => {
    if (graph.active[i] === 0) return;
    const deadline = graph.deadline[i] ?? 0;
    own[i] = deadline >= graph.today ? deadline : graph.today + Math.max(0, Math.round(overdueLateness.get(c.id) ?? 0));
  });
  return own;
}

/** Computes the timeline in O(V + E); a dependency cycle or unknown dependency is returned, not thrown. */
export function computeTimeline(input: TimelineInput): TimelineResult {
  const compiled = compileTimeline(input);
  if (compiled.kind !== 'ok') return compiled;
  const { graph } = compiled;
  const projection = createProjection(graph);
  projectInto(graph, ownFinishes(graph, input.overdueLateness), projection);
  const latest = latestFinishes(graph, projection);
  const programs = graph.programs.map((_, p) => programTimeline(graph, projection, p));
  return { kind: 'ok', timeline: { today: input.today, programs, graph, projection, latest } };
}

/** The critical path of gate slot `g`. */
export function criticalPath(graph: TimelineGraph, projection: Projection, g: number): CriticalPath {
  const entry = entryGate(graph, projection, g);
  const gates: Phase[] = [graph.gatePhase[g] ?? 'production'];
  for (let h = g; h !== entry && h >= 0;) {
    h = graph.gatePrev[h] ?? -1;
    gates.push(graph.gatePhase[h] ?? 'production');
  }
  gates.reverse();
  const driver = projection.gateDriver[entry];
  if (driver === DRIVER_BLOCKER) {
    const constraintIds: string[] = [];
    walkCriticalConstraints(graph, projection, g, (c) => constraintIds.push(graph.constraints[c]?.id ?? ''));
    constraintIds.reverse();
    return { kind: 'constraints', constraintIds, gates };
  }
  return { kind: driver === DRIVER_PLAN ? 'plan' : 'today', gates };
}

function gateProjection(graph: TimelineGraph, projection: Projection, g: number): GateProjection {
  const plan = graph.gatePlan[g] ?? -Infinity;
  const date = projection.gateDate[g] ?? 0;
  const planned = Number.isFinite(plan);
  return {
    gate: graph.gatePhase[g] ?? 'production',
    plannedDate: planned ? fromDayNumber(plan) : null,
    projectedDate: fromDayNumber(date),
    slipDays: planned ? date - plan : null,
    criticalPath: criticalPath(graph, projection, g),
  };
}

function programTimeline(graph: TimelineGraph, projection: Projection, p: number): ProgramTimeline {
  const program = graph.programs[p];
  if (!program) throw new Error(`no program at ${p}`);
  const first = graph.programGateStart[p] ?? 0;
  const end = graph.programGateStart[p + 1] ?? 0;
  const gates: GateProjection[] = [];
  for (let g = first; g < end; g++) gates.push(gateProjection(graph, projection, g));
  const nextGate = gates[0] ?? null;
  const production = gates[gates.length - 1] ?? null;
  return {
    programId: program.id, phase: program.phase, gates, nextGate, production, targetProductionDate: program.targetProductionDate,
    binding: binding(graph, projection, first, end, nextGate),
  };
}

function binding(graph: TimelineGraph, projection: Projection, first: number, end: number, next: GateProjection | null): Binding {
  if (!next) return { kind: 'in-production' };
  const origin = projection.gateOrigin[first] ?? -1;
  const constraint = graph.constraints[origin];
  if (origin < 0 || !constraint) return { kind: projection.gateDriver[first] === DRIVER_PLAN ? 'plan' : 'today', gate: next.gate };
  const productionSlackDays = (projection.gateDate[end - 1] ?? 0) - (projection.gateDate[first] ?? 0);
  return { kind: 'constraint', constraintId: constraint.id, gate: next.gate, delayOverPlanDays: next.slipDays, productionSlackDays };
}

/** One constraint's finish and slack, or null for an unknown id. */
export function constraintTimeline(timeline: Timeline, constraintId: string): ConstraintTimeline | null {
  const i = timeline.graph.indexById.get(constraintId);
  if (i === undefined) return null;
  const active = timeline.graph.active[i] === 1;
  const finish = timeline.projection.finish[i] ?? -Infinity;
  const latest = timeline.latest[i] ?? Infinity;
  return {
    constraintId,
    active,
    projectedFinish: active ? fromDayNumber(finish) : null,
    slackDays: active && Number.isFinite(latest) ? latest - finish : null,
  };
}
