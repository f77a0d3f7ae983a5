import {
  compareBriefRisk, constraintTimeline, constraintsReachingProgram, DEFAULT_ESCALATION_POLICY, isClosedStatus, localDate,
  type EscalationPolicy, type ProgramForecast, type ProgramTimeline,
} from '@handoff/core';
import type { Kysely } from 'kysely';
import type { Actor, Deps } from '../context.js';
import { notFound } from '../errors.js';
import { listConstraintViews } from '../db/repos/constraints.repo.js';
import { listPolicies } from '../db/repos/escalation-policies.repo.js';
import { listDecisionViews, type DecisionView } from '../db/repos/decisions.repo.js';
import { findProgram, listProgramViews, type ProgramView } from '../db/repos/programs.repo.js';
import type { TimelineConstraintRow } from '../db/repos/timeline.repo.js';
import type { DB } from '../db/schema.js';
import { composeBrief, type ProgramBriefView } from './brief-compose.js';
import type { createDiagnosisService } from './diagnosis.service.js';
import { effectivePolicy, policyOfRow } from './escalation-policy.js';
import type { createTimelineService } from './timeline.service.js';

export type { ProgramBriefView } from './brief-compose.js';

type TimelineService = ReturnType<typeof createTimelineService>;
type DiagnosisService = ReturnType<typeof createDiagnosisService>;

/** The brief's forecast: a fixed seed and a modest trial count, so the brief is reproducible and quick. */
export const BRIEF_FORECAST: Readonly<{ seed: number; trials: number }> = { seed: 20261125, trials: 500 };
/** Upper bound of rows read per program list (pending decisions, programs). */
const MAX_ROWS = 10_000;
/** Upper bound of active constraints the portfolio reads at once (the benchmark's portfolio has 75,000). */
const MAX_ACTIVE = 1_000_000;

export interface PortfolioBriefView {
  readonly today: string;
  readonly programs: readonly ProgramBriefView[];
  readonly shared: readonly { constraint: TimelineConstraintRow; blocks: string[] }[];
}

/**
 * The executive brief (docs/BRIEF.md): gathers the timeline and forecast (timeline service), the diagnosis
 * and readiness (diagnosis service), the binding constraint's owner, escalation and review, board-level
 * escalations and pending decisions, and composes them (brief-compose.ts). One program reads its reaching
 * subgraph; the portfolio reads the whole workspace once, in a fixed number of queries, and gives every
 * program the same answer its own brief gives (the forecast's draws depend only on seed, trial and constraint).
 */
export function createBriefService(deps: Deps, services: { timeline: TimelineService; diagnosis: DiagnosisService }) {
  const { db } = deps.database;

  function pendingDecisions(actor: Actor, programId?: string): Promise<DecisionView[]> {
    return listDecisionViews(db, actor.workspaceId, { status: 'pending', ...(programId ? { program: programId } : {}), limit: MAX_ROWS });
  }

  return {
    async program(actor: Actor, idOrKey: string): Promise<ProgramBriefView> {
      const now = deps.clock.now();
      const today = localDate(now, actor.timeZone);
      const program = await findProgramView(actor, today, idOrKey);
      const [fv, diagnosis, own, policy, pending] = await Promise.all([
        services.timeline.forecast(actor, program.id, BRIEF_FORECAST),
        services.diagnosis.diagnose(actor, program.id),
        listConstraintViews(db, actor.workspaceId, today, { program: program.id, active: true, limit: MAX_ACTIVE }),
        effectivePolicy(db, actor.workspaceId, program.id),
        pendingDecisions(actor, program.id),
      ]);
      const timeline = fv.timeline.programs.find((p) => p.programId === program.id);
      if (!timeline) throw notFound('program', program.key);
      const b = timeline.binding;
      // The binding constraint may belong to another program (a shared dependency): read it by id.
      const bindingView = b.kind === 'constraint' && !own.some((c) => c.id === b.constraintId)
        ? (await listConstraintViews(db, actor.workspaceId, today, { ids: [b.constraintId], limit: 1 }))[0]
        : undefined;
      const blocking = [...fv.constraints.values()].filter((c) => !isClosedStatus(c.status) && (constraintTimeline(fv.timeline, c.id)?.slackDays ?? null) !== null);
      return composeBrief({ program, now, today, timeline, forecast: fv.forecast, diagnosis, own, bindingView, policy: policy.policy, pending, blocking });
    },

    /** Every program's brief, most risk first, and the active constraints on the dependency path of two or more programs. */
    async portfolio(actor: Actor): Promise<PortfolioBriefView> {
      const now = deps.clock.now();
      const today = localDate(now, actor.timeZone);
      const programs = await listProgramViews(db, actor.workspaceId, today, { limit: MAX_ROWS });
      const [wf, diagnoses, active, policies, pending] = await Promise.all([
        services.timeline.workspaceForecast(actor, BRIEF_FORECAST),
        services.diagnosis.diagnoseMany(actor, programs),
        listConstraintViews(db, actor.workspaceId, today, { active: true, limit: MAX_ACTIVE }),
        policiesOf(db, actor.workspaceId),
        pendingDecisions(actor),
      ]);
      const graph = wf.timeline.graph;
      const slotOf = new Map(graph.programs.map((p, i) => [p.id, i]));
      const views = new Map(active.map((c) => [c.id, c]));
      const ownOf = groupBy(active, (c) => c.program_id);
      const pendingOf = groupBy(pending, (d) => d.program_id);
      const briefs = programs.map((program) => {
        const slot = slotOf.get(program.id);
        const timeline: ProgramTimeline | undefined = slot === undefined ? undefined : wf.timeline.programs[slot];
        const forecast: ProgramForecast | undefined = slot === undefined ? undefined : wf.forecast.programs[slot];
        const diagnosis = diagnoses.get(program.id);
        if (slot === undefined || !timeline || !forecast || !diagnosis) throw new Error(`portfolio load missed program ${program.key}`);
        const b = timeline.binding;
        const blocking = constraintsReachingProgram(graph, slot).flatMap((i) => wf.constraints.get(graph.constraints[i]?.id ?? '') ?? []);
        return composeBrief({
          program, now, today, timeline, forecast, diagnosis, own: ownOf.get(program.id) ?? [],
          bindingView: b.kind === 'constraint' ? views.get(b.constraintId) : undefined,
          policy: policies(program.id), pending: pendingOf.get(program.id) ?? [], blocking,
        });
      });
      briefs.sort((a, b) => compareBriefRisk({ key: a.program.key, risk: a.brief.risk }, { key: b.program.key, risk: b.brief.risk }));
      return { today, programs: briefs, shared: sharedConstraints(briefs) };
    },
  };

  async function findProgramView(actor: Actor, today: string, idOrKey: string): Promise<ProgramView> {
    const row = await findProgram(db, actor.workspaceId, idOrKey);
    const [view] = row ? await listProgramViews(db, actor.workspaceId, today, { ids: [row.id], limit: 1 }) : [];
    if (!view) throw notFound('program', idOrKey);
    return view;
  }
}

/** Each program's effective escalation policy from one read: its override, else the workspace default, else the built-in ladder (as `effectivePolicy`). */
async function policiesOf(db: Kysely<DB>, workspaceId: string): Promise<(programId: string) => EscalationPolicy> {
  const rows = await listPolicies(db, workspaceId);
  const overrides = new Map(rows.flatMap((r) => (r.program_id === null ? [] : [[r.program_id, policyOfRow(r)] as const])));
  const workspace = rows.find((r) => r.program_id === null);
  const fallback = workspace ? policyOfRow(workspace) : DEFAULT_ESCALATION_POLICY;
  return (programId) => overrides.get(programId) ?? fallback;
}

/** Active constraints blocking two or more programs: most programs first, then by deadline, then id. */
function sharedConstraints(briefs: readonly ProgramBriefView[]): PortfolioBriefView['shared'] {
  const shared = new Map<string, { constraint: TimelineConstraintRow; blocks: string[] }>();
  for (const v of briefs) {
    for (const c of v.blocking) {
      const entry = shared.get(c.id) ?? { constraint: c, blocks: [] };
      entry.blocks.push(v.program.key);
      shared.set(c.id, entry);
    }
  }
  return [...shared.values()].filter((e) => e.blocks.length > 1)
    .map((e) => ({ ...e, blocks: [...e.blocks].sort() }))
    .sort((a, b) => b.blocks.length - a.blocks.length || a.constraint.deadline.localeCompare(b.constraint.deadline) || a.constraint.id.localeCompare(b.constraint.id));
}

/** Rows grouped by a key, each group in the rows' order. */
function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

export type BriefService = ReturnType<typeof createBriefService>;
