import {
  daysBetween, daysOverdue, isClosedStatus, isStale, programBrief,
  type BriefConstraint, type BriefInput, type Diagnosis, type DiagnosisInput, type EscalationPolicy, type ProgramBrief, type ProgramForecast, type ProgramTimeline,
} from '@handoff/core';
import type { ConstraintView } from '../db/repos/constraints.repo.js';
import type { DecisionView } from '../db/repos/decisions.repo.js';
import type { ProgramView } from '../db/repos/programs.repo.js';
import type { TimelineConstraintRow } from '../db/repos/timeline.repo.js';
import type { DiagnosisView } from './diagnosis.service.js';

/** One program's brief with the facts it was made from, for the presenter. */
export interface ProgramBriefView {
  readonly program: ProgramView;
  readonly today: string;
  readonly input: BriefInput;
  readonly brief: ProgramBrief;
  readonly diagnosisInput: DiagnosisInput;
  readonly diagnosis: Diagnosis;
  /** The brief's forecast of this program: P50/P80/P95 per remaining gate, criticality (BRIEF_FORECAST settings). */
  readonly forecast: ProgramForecast;
  /** Active constraints, other programs' too, that lie on the dependency path of this program's gates. */
  readonly blocking: readonly TimelineConstraintRow[];
  /** The program's active constraints whose escalation reached a level in its current cycle. */
  readonly escalated: number;
}

/**
 * Everything one program's brief is made from, however it was read (one program's subgraph, or the
 * whole workspace at once): the brief service reads, this composes, so both paths answer alike.
 */
export interface BriefFacts {
  readonly program: ProgramView;
  readonly now: Date;
  readonly today: string;
  readonly timeline: ProgramTimeline;
  readonly forecast: ProgramForecast;
  readonly diagnosis: DiagnosisView;
  /** The program's active constraint views, by deadline then id. */
  readonly own: readonly ConstraintView[];
  /** The binding constraint's view when it belongs to another program (a shared dependency). */
  readonly bindingView: ConstraintView | undefined;
  readonly policy: EscalationPolicy;
  /** The program's pending decisions. */
  readonly pending: readonly DecisionView[];
  readonly blocking: readonly TimelineConstraintRow[];
}

/** Composes the brief's input from the facts and hands it to the core's pure `programBrief`. */
export function composeBrief(f: BriefFacts): ProgramBriefView {
  const { program, now, today, timeline: pt } = f;
  const b = pt.binding;
  const facts = (c: ConstraintView): BriefConstraint => {
    const active = !isClosedStatus(c.status);
    return {
      id: c.id, ref: `${c.program_key}-${c.number}`, title: c.title, kind: c.kind, ownerName: c.owner_name, deadline: c.deadline,
      daysOverdue: active ? daysOverdue(c.deadline, today) : 0, escalationLevel: c.esc_level_name,
      lastReviewedAt: c.last_reviewed_at?.toISOString() ?? null,
      stale: active && isStale(c.last_reviewed_at?.toISOString() ?? null, c.created_at.toISOString(), now.toISOString()),
    };
  };
  const boardLevels = new Set(f.policy.levels.filter((l) => l.createsDecision).map((l) => l.name));
  const decided = new Set(f.pending.flatMap((d) => (d.constraint_id ? [d.constraint_id] : [])));
  const bindingView = b.kind === 'constraint' ? f.own.find((c) => c.id === b.constraintId) ?? f.bindingView : undefined;
  const target = program.target_production_date;
  const prodForecast = f.forecast.production;
  const input: BriefInput = {
    program: { key: program.key, sponsorName: program.sponsor_name, targetProductionDate: target },
    binding: b.kind === 'constraint' && bindingView
      ? { kind: 'constraint', gate: b.gate, constraint: facts(bindingView), productionSlackDays: b.productionSlackDays }
      : b.kind === 'constraint' ? { kind: 'today', gate: b.gate } : b,
    nextGate: pt.nextGate && { gate: pt.nextGate.gate, plannedDate: pt.nextGate.plannedDate, projectedDate: pt.nextGate.projectedDate, slipDays: pt.nextGate.slipDays },
    hasPlan: pt.gates.some((g) => g.plannedDate !== null),
    production: pt.production && { projectedDate: pt.production.projectedDate, slipDays: pt.production.slipDays },
    forecast: prodForecast && {
      p50: prodForecast.p50, p80: prodForecast.p80, p95: prodForecast.p95,
      daysLateP80: target ? daysBetween(target, prodForecast.p80) : null, onTargetProbability: f.forecast.onTargetProbability,
    },
    boardEscalations: f.own.filter((c) => c.esc_level_name !== null && boardLevels.has(c.esc_level_name))
      .map((c) => ({ constraint: facts(c), decisionPending: decided.has(c.id) })),
    pendingDecisions: f.pending.map((d) => ({
      id: d.id, title: d.title, recommendation: d.recommendation, dueDate: d.due_date,
      constraintRef: d.constraint_number === null ? null : `${d.program_key}-${d.constraint_number}`,
    })),
  };
  return {
    program, today, input, brief: programBrief(input), diagnosisInput: f.diagnosis.input, diagnosis: f.diagnosis.diagnosis,
    forecast: f.forecast, blocking: f.blocking, escalated: f.own.filter((c) => c.esc_level !== null && c.esc_level >= 0).length,
  };
}
