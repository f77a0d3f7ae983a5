import { daysBetween, daysOverdue, delayForSlip, phaseIndex, type GateProjection } from '@handoff/core';
import {
  PLANNABLE_GATES, type ConstraintImpact, type PhasePlan, type ProgramForecast, type ProgramTimeline, type TimelineBinding,
  type TimelineConstraintRef, type TimelineProgramRef,
} from '@handoff/contract';
import type { TimelineConstraintRow, TimelineProgramRow } from '../../db/repos/timeline.repo.js';
import type { ForecastView, ImpactView, PlanView, ProgramTimelineView, TimelineGraphView } from '../../services/timeline.service.js';

function programRef(p: TimelineProgramRow): TimelineProgramRef {
  return { id: p.id, key: p.key, name: p.name, phase: p.phase };
}

function constraintRef(c: TimelineConstraintRow): TimelineConstraintRef {
  return {
    id: c.id, ref: `${c.program_key}-${c.number}`, title: c.title, programKey: c.program_key,
    owner: { id: c.owner_id, name: c.owner_name, email: c.owner_email }, deadline: c.deadline, status: c.status, severity: c.severity,
  };
}

/** The named constraint of an id the graph holds (every id the core returns comes from it). */
function named(graph: TimelineGraphView, id: string): TimelineConstraintRef {
  const row = graph.constraints.get(id);
  if (!row) throw new Error(`constraint ${id} is not in the loaded graph`);
  return constraintRef(row);
}

/** Every plannable gate in order; production falls back to the target production date. */
export function presentPlan({ program, plans }: PlanView): PhasePlan {
  const dates = new Map(plans.map((p) => [p.gate, p.planned_date]));
  return {
    program: programRef(program),
    targetProductionDate: program.target_production_date,
    gates: PLANNABLE_GATES.map((gate) => {
      const planned = dates.get(gate) ?? null;
      const fallback = gate === 'production' && planned === null ? program.target_production_date : null;
      return {
        gate,
        plannedDate: planned ?? fallback,
        source: planned !== null ? 'plan' : fallback !== null ? 'target-production-date' : null,
        passed: phaseIndex(gate) <= phaseIndex(program.phase),
      };
    }),
  };
}

function presentGate(view: ProgramTimelineView, g: GateProjection): ProgramTimeline['gates'][number] {
  const path = g.criticalPath;
  return {
    gate: g.gate,
    plannedDate: g.plannedDate,
    planSource: g.plannedDate === null ? null : (view.planSources.get(view.program.id)?.get(g.gate) ?? 'plan'),
    projectedDate: g.projectedDate,
    slipDays: g.slipDays,
    criticalPath: {
      kind: path.kind,
      gates: [...path.gates],
      constraints: path.kind === 'constraints' ? path.constraintIds.map((id) => named(view, id)) : [],
    },
  };
}

function presentBinding(view: ProgramTimelineView): TimelineBinding {
  const b = view.result.binding;
  if (b.kind !== 'constraint') return b.kind === 'in-production' ? { kind: b.kind } : { kind: b.kind, gate: b.gate };
  // The next gate moves day for day (its slack is 0); production once the slip exceeds its slack.
  const rate = (days: number) => ({ nextGate: delayForSlip(0, days), production: delayForSlip(b.productionSlackDays, days) });
  return {
    kind: 'constraint', gate: b.gate, constraint: named(view, b.constraintId), delayOverPlanDays: b.delayOverPlanDays, slackDays: 0,
    productionSlackDays: b.productionSlackDays, delayPerDayOfSlip: rate(1), delayPerWeekOfSlip: rate(7),
  };
}

/** A program's timeline; its active constraints least slack first (none reached last), then by projected finish and ref. */
export function presentTimeline(view: ProgramTimelineView): ProgramTimeline {
  const { result } = view;
  const production = result.production;
  const constraints = view.slack.flatMap((s) => {
    const row = view.constraints.get(s.constraintId);
    if (!row || s.projectedFinish === null) return [];
    const overdueDays = daysOverdue(row.deadline, view.today);
    return [{
      ...constraintRef(row), kind: row.kind, dimension: row.dimension, blocksGate: row.blocks_gate, projectedFinish: s.projectedFinish,
      slackDays: s.slackDays, overdueDays, forecastLatenessDays: overdueDays > 0 ? (view.overdueLateness.get(row.id) ?? 0) : null,
    }];
  });
  constraints.sort((a, b) => (a.slackDays ?? Infinity) - (b.slackDays ?? Infinity)
    || a.projectedFinish.localeCompare(b.projectedFinish) || a.ref.localeCompare(b.ref, 'en', { numeric: true }));
  return {
    program: programRef(view.program),
    today: view.today,
    targetProductionDate: result.targetProductionDate,
    productionVsTargetDays: production && result.targetProductionDate ? daysBetween(result.targetProductionDate, production.projectedDate) : null,
    gates: result.gates.map((g) => presentGate(view, g)),
    binding: presentBinding(view),
    constraints,
  };
}

export function presentImpact(view: ImpactView): ConstraintImpact {
  const { impact } = view;
  const programs = impact.programs.flatMap((p) => {
    const row = view.programs.get(p.programId);
    const last = p.gates[p.gates.length - 1];
    if (!row || !last) return [];
    return [{
      program: programRef(row), gates: p.gates.map((g) => ({ ...g })), nextGateDelayDays: p.nextGateDelayDays,
      productionDelayDays: p.productionDelayDays, production: { before: last.projectedDate, after: last.newDate },
    }];
  });
  programs.sort((a, b) => a.program.key.localeCompare(b.program.key));
  return {
    constraint: constraintRef(view.constraint), days: impact.days, today: view.today, projectedFinish: impact.projectedFinish,
    slackDays: impact.slackDays, programs,
  };
}

export function presentForecast(view: ForecastView): ProgramForecast {
  const { forecast } = view;
  const planned = new Map(view.timeline.programs.find((p) => p.programId === view.program.id)?.gates.map((g) => [g.gate, g.plannedDate]) ?? []);
  const gate = (g: (typeof forecast.gates)[number]) => ({ gate: g.gate, plannedDate: planned.get(g.gate) ?? null, p50: g.p50, p80: g.p80, p95: g.p95 });
  return {
    program: programRef(view.program), today: view.today, seed: view.seed, trials: view.trials,
    targetProductionDate: forecast.targetProductionDate,
    gates: forecast.gates.map(gate),
    production: forecast.production ? gate(forecast.production) : null,
    onTargetProbability: forecast.onTargetProbability,
    criticality: forecast.criticality.map((c) => ({ constraint: named(view, c.constraintId), nextGate: c.nextGate, production: c.production })),
    referenceClasses: view.referenceClasses.map((r) => ({
      kind: r.kind, dimension: r.dimension, classSamples: r.classSamples, workspaceSamples: r.workspaceSamples, weights: { ...r.weights },
    })),
  };
}
