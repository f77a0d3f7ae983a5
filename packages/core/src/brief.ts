import { delayForSlip } from './timeline-slip.js';
import type { ConstraintKind, Phase } from './vocabulary.js';

/**
 * The executive brief (METHOD.md section 3): from already-computed facts about one program, the sponsor's
 * four answers, each answered or `missing` with what is missing, and the ownership verdict. Pure: the
 * server gathers the facts (timeline, forecast, escalations, decisions) and passes them in.
 */

/** A gate projected more than this many days past its plan date is a matter for the board (one month). */
export const GATE_BLOCKED_THRESHOLD_DAYS = 30;
/** The slip quoted in answer 3: one week of delay of the binding constraint. */
export const BRIEF_SLIP_DAYS = 7;
/** Risk score weights (docs/BRIEF.md): days of production risk, plus these per board decision and per missing answer. */
export const RISK_WEIGHT_BOARD_DECISION = 30;
export const RISK_WEIGHT_MISSING_ANSWER = 15;

/** The four questions, in the sponsor's order. */
export const BRIEF_QUESTIONS = [
  'What is blocking the next phase?',
  'Who owns resolving it, and by when?',
  'What happens to the timeline if it is not resolved?',
  'Which decisions must go to the board?',
] as const;

/** What can be missing from an answer. */
export type MissingItem = 'sponsor' | 'owner' | 'deadline' | 'plan' | 'target-production-date';

/** The binding constraint as the brief needs it. */
export interface BriefConstraint {
  readonly id: string;
  readonly ref: string;
  readonly title: string;
  readonly kind: ConstraintKind;
  readonly ownerName: string | null;
  readonly deadline: string | null;
  readonly daysOverdue: number;
  readonly escalationLevel: string | null;
  readonly lastReviewedAt: string | null;
  readonly stale: boolean;
}

/** An escalation that reached a level raising a board decision; `decisionPending` when one is already open. */
export interface BoardEscalation { readonly constraint: BriefConstraint; readonly decisionPending: boolean }

/** A decision request already waiting for the board. */
export interface PendingDecision { readonly id: string; readonly title: string; readonly recommendation: string; readonly dueDate: string; readonly constraintRef: string | null }

/** What holds the next gate: the timeline's binding factor, with the constraint's facts when it is one. */
export type BriefBinding =
  | { readonly kind: 'constraint'; readonly gate: Phase; readonly constraint: BriefConstraint; readonly productionSlackDays: number }
  | { readonly kind: 'plan' | 'today'; readonly gate: Phase }
  | { readonly kind: 'in-production' };

/** The already-computed facts of one program. Dates are workspace-local calendar dates. */
export interface BriefInput {
  readonly program: { readonly key: string; readonly sponsorName: string | null; readonly targetProductionDate: string | null };
  readonly binding: BriefBinding;
  /** The next gate's plan and projection; null in production. */
  readonly nextGate: { readonly gate: Phase; readonly plannedDate: string | null; readonly projectedDate: string; readonly slipDays: number | null } | null;
  /** Whether any remaining gate has a plan date (the target production date counts for production). */
  readonly hasPlan: boolean;
  readonly production: { readonly projectedDate: string; readonly slipDays: number | null } | null;
  /** Forecast of the production gate; null in production. */
  readonly forecast: { readonly p50: string; readonly p80: string; readonly p95: string; readonly daysLateP80: number | null; readonly onTargetProbability: number | null } | null;
  readonly boardEscalations: readonly BoardEscalation[];
  readonly pendingDecisions: readonly PendingDecision[];
}

/** A decision the brief recommends raising, with why and the recommended action. */
export interface RecommendedDecision { readonly source: 'board-escalation' | 'gate-blocked'; readonly constraintRef: string | null; readonly title: string; readonly action: string }

type Answer<T> = { readonly status: 'answered'; readonly text: string; readonly detail: T } | { readonly status: 'missing'; readonly text: string; readonly missing: readonly MissingItem[] };

/** The four answers; each is answered or names what is missing. */
export interface BriefAnswers {
  readonly q1: Answer<{ readonly binding: BriefBinding['kind']; readonly gate: Phase | null; readonly constraintRef: string | null }>;
  readonly q2: Answer<{ readonly owner: string; readonly deadline: string | null; readonly daysOverdue: number; readonly escalationLevel: string | null; readonly lastReviewedAt: string | null; readonly stale: boolean }>;
  readonly q3: Answer<{ readonly gateSlipPerWeek: number; readonly productionSlipPerWeek: number; readonly forecast: BriefInput['forecast']; readonly targetProductionDate: string | null }>;
  readonly q4: Answer<{ readonly pending: readonly PendingDecision[]; readonly recommended: readonly RecommendedDecision[] }>;
}

/** Executive ownership only when all four answers are there; otherwise visibility, naming what is missing. */
export type OwnershipVerdict =
  | { readonly kind: 'executive-ownership' }
  | { readonly kind: 'visibility-only'; readonly missing: readonly { readonly question: 1 | 2 | 3 | 4; readonly items: readonly MissingItem[] }[] };

/** The brief of one program. */
export interface ProgramBrief { readonly answers: BriefAnswers; readonly verdict: OwnershipVerdict; readonly risk: BriefRisk }

/** The portfolio sort key: higher `score` = more risk to the production date (docs/BRIEF.md). */
export interface BriefRisk { readonly score: number; readonly daysLate: number }

function answerQ1(input: BriefInput): BriefAnswers['q1'] {
  const b = input.binding;
  switch (b.kind) {
    case 'constraint':
      return { status: 'answered', text: `${b.constraint.ref} "${b.constraint.title}" blocks the ${b.gate} gate.`, detail: { binding: b.kind, gate: b.gate, constraintRef: b.constraint.ref } };
    case 'plan':
      return { status: 'answered', text: `Nothing blocks beyond the plan: the plan date of the ${b.gate} gate binds.`, detail: { binding: b.kind, gate: b.gate, constraintRef: null } };
    case 'today':
      if (input.nextGate?.plannedDate === null) {
        return { status: 'missing', text: `Nothing is known to block the ${b.gate} gate, but it has no plan date, so nothing says when the next phase should start.`, missing: ['plan'] };
      }
      return { status: 'answered', text: `Nothing blocks: the ${b.gate} gate could open now.`, detail: { binding: b.kind, gate: b.gate, constraintRef: null } };
    case 'in-production':
      return { status: 'answered', text: 'The program is in production: no gate is left.', detail: { binding: b.kind, gate: null, constraintRef: null } };
  }
}

function answerQ2(input: BriefInput): BriefAnswers['q2'] {
  const b = input.binding;
  const sponsor = input.program.sponsorName;
  if (b.kind === 'constraint') {
    const c = b.constraint;
    const missing: MissingItem[] = [...(c.ownerName === null ? ['owner' as const] : []), ...(c.deadline === null ? ['deadline' as const] : []), ...(sponsor === null ? ['sponsor' as const] : [])];
    if (c.ownerName === null || missing.length > 0) {
      const who = c.ownerName === null ? 'has no owner' : `is owned by ${c.ownerName}`;
      const noSponsor = sponsor === null ? ', and the program has no sponsor: nobody owns the production outcome' : '';
      return { status: 'missing', text: `${c.ref} ${who}${c.deadline === null ? ' and no deadline' : ''}${noSponsor}.`, missing };
    }
    const late = c.daysOverdue > 0 ? `, ${c.daysOverdue} days overdue` : '';
    const esc = c.escalationLevel ? `, escalated to ${c.escalationLevel}` : '';
    const review = c.lastReviewedAt ? `last reviewed ${c.lastReviewedAt.slice(0, 10)}` : 'never reviewed';
    return {
      status: 'answered',
      text: `${c.ownerName} owns ${c.ref}, due ${c.deadline ?? '?'}${late}${esc}; ${review}${c.stale ? ' (stale)' : ''}. Sponsor: ${sponsor}.`,
      detail: { owner: c.ownerName, deadline: c.deadline, daysOverdue: c.daysOverdue, escalationLevel: c.escalationLevel, lastReviewedAt: c.lastReviewedAt, stale: c.stale },
    };
  }
  // With no constraint binding, the sponsor owns keeping the next gate on its plan date.
  if (sponsor === null) return { status: 'missing', text: 'The program has no sponsor: nobody owns the production outcome.', missing: ['sponsor'] };
  const deadline = input.nextGate?.plannedDate ?? null;
  return {
    status: 'answered',
    text: b.kind === 'in-production' ? `${sponsor} (sponsor) owns the production outcome.` : `${sponsor} (sponsor) owns opening the ${b.gate} gate${deadline ? ` by ${deadline}` : ''}.`,
    detail: { owner: sponsor, deadline, daysOverdue: 0, escalationLevel: null, lastReviewedAt: null, stale: false },
  };
}

function answerQ3(input: BriefInput): BriefAnswers['q3'] {
  const target = input.program.targetProductionDate;
  if (input.binding.kind === 'in-production') {
    return { status: 'answered', text: 'In production: no delivery timeline left to slip.', detail: { gateSlipPerWeek: 0, productionSlipPerWeek: 0, forecast: null, targetProductionDate: target } };
  }
  const missing: MissingItem[] = [...(input.hasPlan ? [] : ['plan' as const]), ...(target === null ? ['target-production-date' as const] : [])];
  if (missing.length > 0) return { status: 'missing', text: `No timeline to slip against: missing ${missing.join(', ')}.`, missing };
  const gateSlip = input.binding.kind === 'constraint' ? BRIEF_SLIP_DAYS : 0;
  const prodSlip = input.binding.kind === 'constraint' ? delayForSlip(input.binding.productionSlackDays, BRIEF_SLIP_DAYS) : 0;
  const f = input.forecast;
  const head = input.binding.kind === 'constraint'
    ? `Each week ${input.binding.constraint.ref} slips moves the ${input.binding.gate} gate ${gateSlip} days and production ${prodSlip} days.`
    : 'No constraint binds, so no slip of one moves the next gate.';
  const fc = f ? ` Forecast production P50 ${f.p50}, P80 ${f.p80}, P95 ${f.p95} against the target ${target}${f.onTargetProbability === null ? '' : ` (${Math.round(f.onTargetProbability * 100)}% on target)`}.` : '';
  return { status: 'answered', text: head + fc, detail: { gateSlipPerWeek: gateSlip, productionSlipPerWeek: prodSlip, forecast: f, targetProductionDate: target } };
}

/** The action the brief recommends for a board-level escalation, by the constraint's kind. */
export function recommendedAction(c: BriefConstraint): string {
  switch (c.kind) {
    case 'blocker': return `Direct resources or an executive to unblock ${c.ref} and commit a new deadline, or re-plan the gate it blocks.`;
    case 'dependency': return `Get a dated commitment from the owner of what ${c.ref} waits for, or fund a way around it.`;
    case 'risk': return `Accept the risk of ${c.ref} formally with its owner, or fund its mitigation now.`;
  }
}

/** Decisions to raise: board-level escalations without a pending decision, and a next gate blocked past the threshold. */
export function recommendedDecisions(input: BriefInput): RecommendedDecision[] {
  const out: RecommendedDecision[] = input.boardEscalations.filter((e) => !e.decisionPending).map((e) => ({
    source: 'board-escalation', constraintRef: e.constraint.ref,
    title: `${e.constraint.ref} escalated to ${e.constraint.escalationLevel ?? 'the board'}, ${e.constraint.daysOverdue} days overdue`,
    action: recommendedAction(e.constraint),
  }));
  const next = input.nextGate;
  if (next && next.slipDays !== null && next.slipDays > GATE_BLOCKED_THRESHOLD_DAYS) {
    const ref = input.binding.kind === 'constraint' ? input.binding.constraint.ref : null;
    out.push({
      source: 'gate-blocked', constraintRef: ref,
      title: `The ${next.gate} gate is projected ${next.slipDays} days past its plan date (${next.plannedDate ?? '?'})`,
      action: ref ? `Decide between removing ${ref} (resources, scope) and re-baselining the ${next.gate} gate to ${next.projectedDate}.` : `Re-baseline the ${next.gate} gate to ${next.projectedDate} or change the scope.`,
    });
  }
  return out;
}

function answerQ4(input: BriefInput): BriefAnswers['q4'] {
  const pending = input.pendingDecisions;
  const recommended = recommendedDecisions(input);
  const text = pending.length + recommended.length === 0
    ? 'No decision needs the board.'
    : `${pending.length} decision(s) pending with the board; ${recommended.length} new one(s) recommended.`;
  return { status: 'answered', text, detail: { pending, recommended } };
}

/** Days of risk to the production date: P80 past target, else the plan-based production slip; never negative. */
export function productionDaysLate(input: BriefInput): number {
  return Math.max(0, input.forecast?.daysLateP80 ?? input.production?.slipDays ?? 0);
}

/** The four answers, the verdict and the portfolio risk of one program. */
export function programBrief(input: BriefInput): ProgramBrief {
  const answers: BriefAnswers = { q1: answerQ1(input), q2: answerQ2(input), q3: answerQ3(input), q4: answerQ4(input) };
  const list = [answers.q1, answers.q2, answers.q3, answers.q4];
  const missing = list.flatMap((a, i) => (a.status === 'missing' ? [{ question: questionNumber(i), items: a.missing }] : []));
  const verdict: OwnershipVerdict = missing.length === 0 ? { kind: 'executive-ownership' } : { kind: 'visibility-only', missing };
  const daysLate = productionDaysLate(input);
  const decisions = answers.q4.status === 'answered' ? answers.q4.detail.pending.length + answers.q4.detail.recommended.length : 0;
  return { answers, verdict, risk: { daysLate, score: daysLate + RISK_WEIGHT_BOARD_DECISION * decisions + RISK_WEIGHT_MISSING_ANSWER * missing.length } };
}

function questionNumber(i: number): 1 | 2 | 3 | 4 {
  return i === 0 ? 1 : i === 1 ? 2 : i === 2 ? 3 : 4;
}

/** Portfolio order: highest risk score first, then most days late, then key. */
export function compareBriefRisk(a: { key: string; risk: BriefRisk }, b: { key: string; risk: BriefRisk }): number {
  return b.risk.score - a.risk.score || b.risk.daysLate - a.risk.daysLate || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}
