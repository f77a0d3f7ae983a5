import { BRIEF_QUESTIONS, localDate, type BoardPack, type BoardPackDecision, type BoardPackProgram } from '@handoff/core';
import type { Actor, Deps } from '../context.js';
import type { DecisionView } from '../db/repos/decisions.repo.js';
import type { BriefService, ProgramBriefView } from './brief.service.js';
import type { createDecisionsService } from './decisions.service.js';
import { choicesOf } from './decision-options.js';

type DecisionsService = ReturnType<typeof createDecisionsService>;

/** Page size used to read every pending decision through the decisions listing (its maximum). */
const PAGE = 200;

function decisionOf(d: DecisionView): BoardPackDecision {
  return {
    title: d.title, programKey: d.program_key, constraintRef: d.constraint_number === null ? null : `${d.program_key}-${d.constraint_number}`,
    context: d.context, options: choicesOf(d).map((c) => c.label), recommendation: d.recommendation, dueDate: d.due_date,
  };
}

function programOf(v: ProgramBriefView): BoardPackProgram {
  const { q1, q2, q3, q4 } = v.brief.answers;
  const r = v.diagnosisInput.readiness;
  const dim = (d: { score: number; met: boolean }) => ({ score: d.score, met: d.met });
  const f = v.input.forecast;
  return {
    key: v.program.key, name: v.program.name, phase: v.program.phase, sponsorName: v.program.sponsor_name,
    targetProductionDate: v.program.target_production_date, ownership: v.brief.verdict.kind,
    answers: [q1, q2, q3, q4].map((a, i) => ({ question: BRIEF_QUESTIONS[i] ?? `Question ${i + 1}`, status: a.status, text: a.text })),
    readiness: r && { technical: dim(r.technical), governance: dim(r.governance), workforce: dim(r.workforce), economic: dim(r.economic) },
    forecast: f && { p50: f.p50, p80: f.p80, p95: f.p95, onTargetProbability: f.onTargetProbability },
    diagnosis: { healthy: v.diagnosis.healthy, summary: v.diagnosis.summary },
  };
}

/**
 * The board pack for a date (docs/BOARD-PACK.md): every pending decision, read through the decisions
 * listing (by due date), and the portfolio brief (programs most at risk first, shared constraints).
 * The briefs are as of today; the pack's date is the meeting, against which due dates count as overdue.
 */
export function createBoardPackService(deps: Deps, services: { brief: BriefService; decisions: DecisionsService }) {
  async function pendingDecisions(actor: Actor): Promise<DecisionView[]> {
    const rows: DecisionView[] = [];
    let cursor: string | undefined;
    do {
      const page = await services.decisions.list(actor, { status: 'pending', limit: PAGE, ...(cursor ? { cursor } : {}) });
      rows.push(...page.rows);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return rows;
  }

  return {
    /** The pack for `date` (YYYY-MM-DD), by default today in the actor's time zone. */
    async pack(actor: Actor, date?: string): Promise<BoardPack> {
      const portfolio = await services.brief.portfolio(actor);
      const decisions = await pendingDecisions(actor);
      return {
        date: date ?? localDate(deps.clock.now(), actor.timeZone),
        decisions: decisions.map(decisionOf),
        programs: portfolio.programs.map(programOf),
        sharedConstraints: portfolio.shared.map(({ constraint: c, blocks }) => ({ ref: `${c.program_key}-${c.number}`, title: c.title, deadline: c.deadline, blocks })),
      };
    },
  };
}

export type BoardPackService = ReturnType<typeof createBoardPackService>;
