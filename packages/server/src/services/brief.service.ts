import {
  compareBriefRisk, daysBetween, daysOverdue, isClosedStatus, isStale, localDate, programBrief, constraintTimeline,
  type BriefConstraint, type BriefInput, type Diagnosis, type DiagnosisInput, type ProgramBrief,
} from '@handoff/core';
import type { Actor, Deps } from '../context.js';
import { notFound } from '../errors.js';
import { listConstraintViews, type ConstraintView } from '../db/repos/constraints.repo.js';
import { listDecisionViews, type DecisionView } from '../db/repos/decisions.repo.js';
import { findProgram, listProgramViews, type ProgramView } from '../db/repos/programs.repo.js';
import type { TimelineConstraintRow } from '../db/repos/timeline.repo.js';
import type { createDiagnosisService } from './diagnosis.service.js';
import { effectivePolicy } from './escalation-policy.js';
import type { createTimelineService } from './timeline.service.js';

type TimelineService = ReturnType<typeof createTimelineService>;
type DiagnosisService = ReturnType<typeof createDiagnosisService>;

/** The brief's forecast: a fixed seed and a modest trial count, so the brief is reproducible and quick. */
export const BRIEF_FORECAST: Readonly<{ seed: number; trials: number }> = { seed: 20261125, trials: 500 };
/** Upper bound of rows read per program list (active constraints, pending decisions, programs). */
const MAX_ROWS = 10_000;

/** One program's brief with the facts it was made from, for the presenter. */
export interface ProgramBriefView {
  readonly program: ProgramView;
  readonly today: string;
  readonly input: BriefInput;
  readonly brief: ProgramBrief;
  readonly diagnosisInput: DiagnosisInput;
  readonly diagnosis: Diagnosis;
  /** Active constraints of other programs' too that lie on the dependency path of this program's gates. */
  readonly blocking: readonly TimelineConstraintRow[];
}

export interface PortfolioBriefView {
  readonly today: string;
  readonly programs: readonly ProgramBriefView[];
  readonly shared: readonly { constraint: TimelineConstraintRow; blocks: string[] }[];
}

/**
 * The executive brief (docs/BRIEF.md): gathers, per program, the timeline and forecast (timeline service),
 * the diagnosis and readiness (diagnosis service), the binding constraint's owner, escalation and review,
 * board-level escalations and pending decisions, and hands them to the core's pure `programBrief`.
 */
export function createBriefService(deps: Deps, services: { timeline: TimelineService; diagnosis: DiagnosisService }) {
  const { db } = deps.database;

  async function gather(actor: Actor, program: ProgramView, pending: readonly DecisionView[]): Promise<ProgramBriefView> {
    const now = deps.clock.now();
    const today = localDate(now, actor.timeZone);
    const [fv, diag, own, policy] = await Promise.all([
      services.timeline.forecast(actor, program.id, BRIEF_FORECAST),
      services.diagnosis.diagnose(actor, program.id),
      listConstraintViews(db, actor.workspaceId, today, { program: program.id, active: true, limit: MAX_ROWS }),
      effectivePolicy(db, actor.workspaceId, program.id),
    ]);
    const pt = fv.timeline.programs.find((p) => p.programId === program.id);
    if (!pt) throw notFound('program', program.key);
    const b = pt.binding;
    const views = new Map(own.map((c) => [c.id, c]));
    // The binding constraint may belong to another program (a shared dependency): read it by id.
    if (b.kind === 'constraint' && !views.has(b.constraintId)) {
      for (const c of await listConstraintViews(db, actor.workspaceId, today, { ids: [b.constraintId], limit: 1 })) views.set(c.id, c);
    }
    const facts = (c: ConstraintView): BriefConstraint => {
      const active = !isClosedStatus(c.status);
      return {
        id: c.id, ref: `${c.program_key}-${c.number}`, title: c.title, kind: c.kind, ownerName: c.owner_name, deadline: c.deadline,
        daysOverdue: active ? daysOverdue(c.deadline, today) : 0, escalationLevel: c.esc_level_name,
        lastReviewedAt: c.last_reviewed_at?.toISOString() ?? null,
        stale: active && isStale(c.last_reviewed_at?.toISOString() ?? null, c.created_at.toISOString(), now.toISOString()),
      };
    };
    const boardLevels = new Set(policy.policy.levels.filter((l) => l.createsDecision).map((l) => l.name));
    const mine = pending.filter((d) => d.program_id === program.id);
    const decided = new Set(mine.flatMap((d) => (d.constraint_id ? [d.constraint_id] : [])));
    const bindingView = b.kind === 'constraint' ? views.get(b.constraintId) : undefined;
    const target = program.target_production_date;
    const prodForecast = fv.forecast.production;
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
        daysLateP80: target ? daysBetween(target, prodForecast.p80) : null, onTargetProbability: fv.forecast.onTargetProbability,
      },
      boardEscalations: own.filter((c) => c.esc_level_name !== null && boardLevels.has(c.esc_level_name))
        .map((c) => ({ constraint: facts(c), decisionPending: decided.has(c.id) })),
      pendingDecisions: mine.map((d) => ({
        id: d.id, title: d.title, recommendation: d.recommendation, dueDate: d.due_date,
        constraintRef: d.constraint_number === null ? null : `${d.program_key}-${d.constraint_number}`,
      })),
    };
    const blocking = [...fv.constraints.values()].filter((c) => !isClosedStatus(c.status) && (constraintTimeline(fv.timeline, c.id)?.slackDays ?? null) !== null);
    return { program, today, input, brief: programBrief(input), diagnosisInput: diag.input, diagnosis: diag.diagnosis, blocking };
  }

  function pendingDecisions(actor: Actor, programId?: string): Promise<DecisionView[]> {
    return listDecisionViews(db, actor.workspaceId, { status: 'pending', ...(programId ? { program: programId } : {}), limit: MAX_ROWS });
  }

  return {
    async program(actor: Actor, idOrKey: string): Promise<ProgramBriefView> {
      const today = localDate(deps.clock.now(), actor.timeZone);
      const found = await findProgramView(actor, today, idOrKey);
      return gather(actor, found, await pendingDecisions(actor, found.id));
    },

    /** Every program's brief, most risk first, and the active constraints on the dependency path of two or more programs. */
    async portfolio(actor: Actor): Promise<PortfolioBriefView> {
      const today = localDate(deps.clock.now(), actor.timeZone);
      const [programs, pending] = await Promise.all([
        listProgramViews(db, actor.workspaceId, today, { limit: MAX_ROWS }),
        pendingDecisions(actor),
      ]);
      const briefs: ProgramBriefView[] = [];
      // One program at a time: each brief loads its reaching subgraph; running them all at once would hold every graph in memory.
      for (const p of programs) briefs.push(await gather(actor, p, pending));
      briefs.sort((a, b) => compareBriefRisk({ key: a.program.key, risk: a.brief.risk }, { key: b.program.key, risk: b.brief.risk }));
      const shared = new Map<string, { constraint: TimelineConstraintRow; blocks: string[] }>();
      for (const v of briefs) {
        for (const c of v.blocking) {
          const entry = shared.get(c.id) ?? { constraint: c, blocks: [] };
          entry.blocks.push(v.program.key);
          shared.set(c.id, entry);
        }
      }
      const list = [...shared.values()].filter((e) => e.blocks.length > 1)
        .map((e) => ({ ...e, blocks: [...e.blocks].sort() }))
        .sort((a, b) => b.blocks.length - a.blocks.length || a.constraint.deadline.localeCompare(b.constraint.deadline) || a.constraint.id.localeCompare(b.constraint.id));
      return { today, programs: briefs, shared: list };
    },
  };

  async function findProgramView(actor: Actor, today: string, idOrKey: string): Promise<ProgramView> {
    const row = await findProgram(db, actor.workspaceId, idOrKey);
    const [view] = row ? await listProgramViews(db, actor.workspaceId, today, { ids: [row.id], limit: 1 }) : [];
    if (!view) throw notFound('program', idOrKey);
    return view;
  }
}

export type BriefService = ReturnType<typeof createBriefService>;
