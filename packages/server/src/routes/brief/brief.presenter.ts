import { BRIEF_QUESTIONS, type BriefAnswers, type BriefInput } from '@handoff/core';
import type { PortfolioBrief, ProgramBrief, ProgramBriefResponse } from '@handoff/contract';
import { BRIEF_FORECAST, type PortfolioBriefView, type ProgramBriefView } from '../../services/brief.service.js';

type Wire = ProgramBrief['answers'];
type CoreAnswer = BriefAnswers[keyof BriefAnswers];

/** The common part of an answer on the wire: the question, the text and what is missing. */
function head(question: string, a: CoreAnswer) {
  return { question, status: a.status, text: a.text, missing: a.status === 'missing' ? [...a.missing] : [] };
}

function presentAnswers({ q1, q2, q3, q4 }: BriefAnswers, input: BriefInput): Wire {
  const b = input.binding;
  const constraint = b.kind === 'constraint' ? { id: b.constraint.id, ref: b.constraint.ref, title: b.constraint.title } : null;
  return {
    q1: { ...head(BRIEF_QUESTIONS[0], q1), detail: q1.status === 'answered' ? { binding: q1.detail.binding, gate: q1.detail.gate, constraint } : null },
    q2: { ...head(BRIEF_QUESTIONS[1], q2), detail: q2.status === 'answered' ? { ...q2.detail } : null },
    q3: { ...head(BRIEF_QUESTIONS[2], q3), detail: q3.status === 'answered' ? { ...q3.detail, forecast: q3.detail.forecast && { ...q3.detail.forecast } } : null },
    q4: { ...head(BRIEF_QUESTIONS[3], q4), detail: q4.status === 'answered' ? { pending: q4.detail.pending.map((d) => ({ ...d })), recommended: q4.detail.recommended.map((d) => ({ ...d })) } : null },
  };
}

function presentBrief(v: ProgramBriefView): ProgramBrief {
  const r = v.diagnosisInput.readiness;
  const dim = (d: { score: number; met: boolean }) => ({ score: d.score, met: d.met });
  return {
    program: {
      id: v.program.id, key: v.program.key, name: v.program.name, phase: v.program.phase,
      sponsor: v.program.sponsor_id && v.program.sponsor_name !== null ? { id: v.program.sponsor_id, name: v.program.sponsor_name } : null,
      targetProductionDate: v.program.target_production_date,
    },
    asOf: v.today,
    verdict: v.brief.verdict.kind === 'executive-ownership'
      ? { kind: 'executive-ownership', missing: [] }
      : { kind: 'visibility-only', missing: v.brief.verdict.missing.map((m) => ({ question: m.question, items: [...m.items] })) },
    answers: presentAnswers(v.brief.answers, v.input),
    readiness: r && { technical: dim(r.technical), governance: dim(r.governance), workforce: dim(r.workforce), economic: dim(r.economic) },
    diagnosis: { healthy: v.diagnosis.healthy, summary: v.diagnosis.summary, modes: v.diagnosis.modes.map((m) => ({ mode: m.mode, strength: m.strength })) },
    constraints: { active: v.diagnosisInput.constraints.active, overdue: v.diagnosisInput.constraints.overdue, stale: v.diagnosisInput.constraints.stale, escalated: v.escalated },
    risk: { ...v.brief.risk },
  };
}

export function presentProgramBrief(v: ProgramBriefView): ProgramBriefResponse {
  return { ...presentBrief(v), forecastSettings: { ...BRIEF_FORECAST } };
}

export function presentPortfolioBrief(v: PortfolioBriefView): PortfolioBrief {
  return {
    asOf: v.today,
    forecastSettings: { ...BRIEF_FORECAST },
    programs: v.programs.map(presentBrief),
    sharedConstraints: v.shared.map(({ constraint: c, blocks }) => ({
      id: c.id, ref: `${c.program_key}-${c.number}`, title: c.title, programKey: c.program_key, deadline: c.deadline, status: c.status, blocks,
    })),
  };
}
