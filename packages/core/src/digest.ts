import { addDays, daysBetween } from './calendar.js';

/**
 * The weekly digest a person receives: what they own, what is overdue, what escalated to them and
 * which decisions wait for them. Pure: the caller gathers the facts and the dates.
 */

/** The Monday (YYYY-MM-DD) of the ISO week containing `date`. */
export function weekStart(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}

export interface DigestConstraint {
  readonly ref: string;
  readonly title: string;
  readonly deadline: string;
}

export interface DigestEscalation extends DigestConstraint {
  readonly levelName: string;
  readonly ownerName: string;
}

export interface DigestDecision {
  readonly title: string;
  readonly dueDate: string;
}

export interface DigestInput {
  readonly personName: string;
  /** Workspace-local date the digest is written for. */
  readonly today: string;
  readonly owned: readonly DigestConstraint[];
  readonly escalatedToThem: readonly DigestEscalation[];
  readonly decisionsWaiting: readonly DigestDecision[];
}

/** True when the digest would say nothing: nobody gets an empty one. */
export function isEmptyDigest(input: DigestInput): boolean {
  return input.owned.length === 0 && input.escalatedToThem.length === 0 && input.decisionsWaiting.length === 0;
}

function when(deadline: string, today: string): string {
  const late = daysBetween(deadline, today);
  if (late > 0) return `${late} day${late === 1 ? '' : 's'} overdue`;
  if (late === 0) return 'due today';
  return `due ${deadline}`;
}

/** Subject and plain-text body; overdue items first, then by deadline. */
export function buildDigest(input: DigestInput): { subject: string; text: string; overdue: number } {
  const byDeadline = [...input.owned].sort((a, b) => a.deadline.localeCompare(b.deadline) || a.ref.localeCompare(b.ref));
  const overdue = byDeadline.filter((c) => c.deadline < input.today);
  const upcoming = byDeadline.filter((c) => c.deadline >= input.today);
  const lines: string[] = [`${input.personName}, your Handoff week of ${weekStart(input.today)}:`];
  const section = (title: string, items: string[]): void => {
    if (items.length === 0) return;
    lines.push('', `${title} (${items.length})`, ...items.map((i) => `- ${i}`));
  };
  section('Overdue, owned by you', overdue.map((c) => `${c.ref} ${c.title}: ${when(c.deadline, input.today)}`));
  section('Escalated to you', input.escalatedToThem.map((e) => `${e.ref} ${e.title} (owner ${e.ownerName}, level ${e.levelName}): ${when(e.deadline, input.today)}`));
  section('Decisions waiting for you', input.decisionsWaiting.map((d) => `${d.title}: decide by ${d.dueDate}`));
  section('Also owned by you', upcoming.map((c) => `${c.ref} ${c.title}: ${when(c.deadline, input.today)}`));
  const parts = [
    overdue.length > 0 ? `${overdue.length} overdue` : null,
    input.escalatedToThem.length > 0 ? `${input.escalatedToThem.length} escalated to you` : null,
    input.decisionsWaiting.length > 0 ? `${input.decisionsWaiting.length} decision${input.decisionsWaiting.length === 1 ? '' : 's'} waiting` : null,
  ].filter((p): p is string => p !== null);
  const subject = `Handoff weekly: ${parts.length > 0 ? parts.join(', ') : `${input.owned.length} open constraint${input.owned.length === 1 ? '' : 's'}`}`;
  return { subject, text: lines.join('\n'), overdue: overdue.length };
}
