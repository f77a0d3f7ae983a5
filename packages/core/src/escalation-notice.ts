import { addDays } from './calendar.js';
import type { ConstraintKind, Phase, Severity } from './vocabulary.js';

/** The facts an escalation message states. */
export interface EscalationFacts {
  readonly ref: string;
  readonly title: string;
  readonly programName: string;
  readonly ownerName: string;
  readonly deadline: string;
  /** Days past the deadline; negative = days left. */
  readonly daysLate: number;
  readonly levelName: string;
  /** 0-based level and how many levels the ladder has. */
  readonly level: number;
  readonly levelCount: number;
  readonly blocksGate: Phase;
}

function lateness(daysLate: number): string {
  if (daysLate > 0) return `${daysLate} day${daysLate === 1 ? '' : 's'} overdue`;
  if (daysLate === 0) return 'due today';
  return `due in ${-daysLate} day${daysLate === -1 ? '' : 's'}`;
}

/** Subject and plain-text body of an escalation: what is blocked, who owns it, how late, the level. */
export function escalationNotice(f: EscalationFacts): { subject: string; text: string } {
  const late = lateness(f.daysLate);
  const subject = `[${f.ref}] ${late}: ${f.title}`;
  const text = [
    `${f.ref} "${f.title}" (${f.programName}) is ${late} (deadline ${f.deadline}).`,
    `It blocks the ${f.blocksGate} gate. Owner: ${f.ownerName}.`,
    `Escalation level ${f.level + 1} of ${f.levelCount} (${f.levelName}).`,
    f.daysLate > 0
      ? 'Resolve it, move the deadline with a reason, or acknowledge to say you are on it.'
      : 'Acknowledge to say you are on it, or move the deadline with a reason.',
  ].join('\n');
  return { subject, text };
}

/** What taking a drafted option does to the escalated constraint, applied with the decision; null: nothing stored changes. */
export type DraftEffect = 'accept-constraint' | 'move-deadline' | null;

/** One option of a drafted decision: its words and the effect taking it applies. */
export interface DraftOption {
  readonly label: string;
  readonly effect: DraftEffect;
}

/** A board decision request drafted from a constraint that reached the board level. */
export interface DecisionDraft {
  readonly title: string;
  readonly context: string;
  readonly options: readonly DraftOption[];
  /** The label of the recommended option (one of `options`). */
  readonly recommendation: string;
  readonly dueDate: string;
}

/** Days the board has to decide a request raised by escalation. */
export const DECISION_DUE_DAYS = 7;

/**
 * Drafts the decision the board must take for a constraint stuck past the board threshold. The
 * recommendation follows severity: critical and high constraints need resources and a named executive
 * now (holding the gate); lower ones are candidates for accepting the risk with mitigations.
 */
export function draftBoardDecision(f: EscalationFacts & { readonly kind: ConstraintKind; readonly severity: Severity }, today: string): DecisionDraft {
  const options: readonly DraftOption[] = [
    { label: `Resource it: assign an executive and the people needed to resolve ${f.ref} within 14 days; the ${f.blocksGate} gate stays closed until then.`, effect: null },
    { label: `Accept the risk: close ${f.ref} as accepted with recorded mitigations and let the ${f.blocksGate} gate proceed.`, effect: 'accept-constraint' },
    { label: `Re-plan: move the ${f.blocksGate} gate and the deadline of ${f.ref}, with the reason on record.`, effect: 'move-deadline' },
    { label: `Stop or pause ${f.programName} until the constraint can be resolved.`, effect: null },
  ];
  const urgent = f.severity === 'critical' || f.severity === 'high' || f.kind === 'blocker';
  return {
    title: `${f.programName}: ${f.title} (${f.ref}) is ${lateness(f.daysLate)}`,
    context:
      `${f.ref} (${f.kind}, ${f.severity}) owned by ${f.ownerName} was due ${f.deadline} and is ${lateness(f.daysLate)}. ` +
      `It blocks the ${f.blocksGate} gate of ${f.programName}. The owner and the sponsor were notified and it is still unresolved.`,
    options,
    recommendation: (urgent ? options[0] : options[1])?.label ?? '',
    dueDate: addDays(today, DECISION_DUE_DAYS),
  };
}
