import { Person, Review, ReviewAgenda, type HistoryEntry, type ReviewAgendaItem, type ReviewItem } from '@handoff/contract';
import { isCalendarDate, planReviewItem, type ReviewDecision } from '@handoff/core';
import type { Command } from 'commander';
import { getAs, parseAs, requestJson } from '../api-call.js';
import { CliError } from '../cli-error.js';
import { withClient, withClientOptions } from '../client-options.js';
import { confirm, openPrompter, type LinePrompter } from '../line-prompter.js';
import { readOptions } from '../options.js';
import { orDash, stdoutStyle } from '../output/print.js';
import { formatDetails, formatTable, truncate } from '../output/table.js';
import { findProgram, personId } from '../resolve-refs.js';

/** One-letter answers to the decision question; an empty answer is on-track. */
const ANSWERS: Record<string, ReviewDecision> = { o: 'on-track', a: 'at-risk', r: 're-plan', e: 'escalate-now', x: 'resolved' };
const DECISION_PROMPT = 'Decision [o/a/r/e/x, ? for help] (o): ';
const HELP = [
  '  o  on track: nothing to change (the default: just press Enter)',
  '  a  at risk: recorded with your note; nothing else changes',
  '  r  re-plan: move the deadline (asks the new date and why; escalation starts again)',
  '  e  escalate now: fire the next escalation level at once',
  '  x  resolved: close the constraint',
];
/** Longest before/after value shown in a change line (descriptions can be long). */
const VALUE_WIDTH = 80;
const ENDED = 'input ended before the review was confirmed: nothing was recorded';

interface Answer {
  readonly item: ReviewAgendaItem;
  readonly decision: ReviewDecision;
  readonly note: string;
  readonly newDeadline?: string;
  readonly reason?: string;
}

/**
 * `handoff review PROGRAM [--reviewer EMAIL]`: the weekly review in the terminal. Shows each active
 * constraint (overdue first) with what changed since it was last reviewed, asks for a decision, then
 * records every decision in one request after a summary and a confirmation. Reads answers line by
 * line, so it can also be driven through a pipe.
 */
export function registerReview(program: Command): void {
  withClientOptions(program.command('review')
    .description("run the weekly review of a program's constraints: a decision for each, recorded all at once")
    .argument('<program>', 'program key or id')
    .option('--reviewer <email>', "who runs the review (default: the program's sponsor)"))
    .action(async (programKey: string, _options: unknown, command: Command) => {
      const o = readOptions(command);
      // With --json the conversation goes to stderr so that stdout holds only the recorded review.
      const out = o.flag('json') ? process.stderr : process.stdout;
      await withClient(command, async (client) => {
        const p = await findProgram(client, programKey);
        const reviewerArg = o.string('reviewer');
        const reviewer = reviewerArg
          ? await getAs(client, `/api/people/${await personId(client, reviewerArg)}`, Person, 'person')
          : p.sponsor;
        if (!reviewer) throw new CliError(`${p.key} has no sponsor: name who runs the review with --reviewer EMAIL`);
        const agenda = await getAs(client, `/api/programs/${p.id}/review`, ReviewAgenda, 'review agenda');
        const prompter = openPrompter(process.stdin, out, ENDED);
        try {
          prompter.say(introduction(agenda, reviewer.name));
          if (agenda.items.length === 0) return;
          const answers: Answer[] = [];
          for (const [i, item] of agenda.items.entries()) {
            prompter.say('');
            prompter.say(describeItem(item, i, agenda.items.length));
            answers.push(await askItem(prompter, item));
          }
          prompter.say('');
          prompter.say(`Summary (${answers.length} decisions):`);
          prompter.say(formatTable(answers, [
            { header: 'REF', value: (a) => a.item.constraint.ref, shrink: false },
            { header: 'DECISION', value: (a) => a.decision, shrink: false },
            { header: 'DETAIL', value: (a) => [a.newDeadline ? `deadline → ${a.newDeadline}: ${a.reason ?? ''}` : '', a.note].filter(Boolean).join('; ') || '-' },
          ], stdoutStyle()).trimEnd());
          const note = await prompter.ask('Note for the whole review (optional, Enter to skip): ');
          if (!(await confirm(prompter, `Record this review of ${p.key} by ${reviewer.name}? [Y/n] `))) {
            prompter.say('Review discarded: nothing was recorded.');
            return;
          }
          const body = {
            reviewerId: reviewer.id,
            ...(note ? { note } : {}),
            items: answers.map((a) => ({
              constraintId: a.item.constraint.id, decision: a.decision,
              ...(a.note ? { note: a.note } : {}), ...(a.newDeadline ? { newDeadline: a.newDeadline, reason: a.reason } : {}),
            })),
          };
          const review = parseAs(Review, await requestJson(client, 'POST', `/api/programs/${p.id}/reviews`, body), 'review');
          if (o.flag('json')) {
            process.stdout.write(`${JSON.stringify(review, null, 2)}\n`);
            return;
          }
          for (const item of review.items) prompter.say(outcome(item));
          prompter.say(`Recorded review ${review.id} of ${review.programKey} by ${review.reviewer.name}: ${review.items.length} constraints reviewed.`);
        } finally {
          prompter.close();
        }
      });
    });
}

function introduction(agenda: ReviewAgenda, reviewerName: string): string {
  const { items } = agenda;
  if (items.length === 0) return `Nothing to review: ${agenda.program.key} has no open or in-progress constraints.`;
  const overdue = items.filter((i) => i.constraint.overdue).length;
  const stale = items.filter((i) => i.constraint.stale).length;
  const last = agenda.lastReview ? `last reviewed ${agenda.lastReview.createdAt.slice(0, 10)} by ${agenda.lastReview.reviewer.name}` : 'never reviewed before';
  return [
    `Weekly review of ${agenda.program.key} (${agenda.program.name}) by ${reviewerName}: ${items.length} active constraints, ${overdue} overdue, ${stale} stale; ${last}.`,
    ...(agenda.truncated ? ['Only the first constraints are listed: the program has more than one review can take.'] : []),
    'Answer each with a letter and Enter: o on track (default), a at risk, r re-plan, e escalate now, x resolved, ? help.',
  ].join('\n');
}

function describeItem(item: ReviewAgendaItem, index: number, count: number): string {
  const c = item.constraint;
  const e = c.escalation;
  const escalation = !e ? 'none' : e.pausedAt ? `paused (${e.pausedReason ?? ''})`
    : e.levelName ? `level ${e.levelName} (cycle ${e.cycle})${e.nextLevelAt ? `, next ${e.nextLevelAt.slice(0, 10)}` : ''}`
      : `not escalated yet${e.nextLevelAt ? ` (first level ${e.nextLevelAt.slice(0, 10)})` : ''}`;
  // No width: details wrap rather than lose words a reviewer needs.
  const details = formatDetails([
    ['Owner', `${c.owner.name} <${c.owner.email}>`],
    ['Deadline', c.overdue ? `${c.deadline}, OVERDUE by ${c.daysOverdue} days` : c.deadline],
    ['Status', `${c.status}, severity ${c.severity}`],
    ['Reviewed', `${c.lastReviewedAt ? c.lastReviewedAt.slice(0, 10) : 'never'}${c.stale ? ' (STALE: not reviewed for more than 7 days)' : ''}`],
    ['Escalation', escalation],
  ], { ...(stdoutStyle().color ? { color: true } : {}) }).trimEnd().split('\n').map((l) => `  ${l}`);
  const since = item.changesSince ? `Changed since its last review (${item.changesSince.slice(0, 10)}):` : 'Changed since it was created:';
  // The initial values recorded with the creation entry are what is shown above: the creation is one line.
  const creation = item.changes.find((h) => h.field === 'created')?.changeId;
  const shown = item.changes.filter((h) => h.changeId !== creation || h.field === 'created');
  const changes = item.changes.length === 0 ? ['  No changes since its last review.'] : [
    `  ${since}`,
    ...(item.moreChanges > 0 ? [`    … ${item.moreChanges} earlier changes`] : []),
    ...shown.map((h) => `    ${change(h)}`),
  ];
  return [`[${index + 1}/${count}] ${c.ref}  ${c.title}`, ...details, ...changes].join('\n');
}

function change(h: HistoryEntry): string {
  const shown = (v: unknown): string => truncate(v === null || v === undefined ? '-' : typeof v === 'string' ? v : JSON.stringify(v), VALUE_WIDTH);
  const what = h.field === 'created' ? `created as ${shown(h.after)}` : h.before === null ? `${h.field}: ${shown(h.after)}` : `${h.field}: ${shown(h.before)} → ${shown(h.after)}`;
  return `${h.at.slice(0, 16).replace('T', ' ')}  ${what}${h.reason ? `  (${h.reason})` : ''}  [${h.actor}]`;
}

async function askItem(prompter: LinePrompter, item: ReviewAgendaItem): Promise<Answer> {
  const decision = await askDecision(prompter);
  if (decision !== 're-plan') return { item, decision, note: await prompter.ask('  Note (optional, Enter to skip): ') };
  const deadline = item.constraint.deadline;
  let newDeadline = '';
  for (;;) {
    newDeadline = await prompter.ask(`  New deadline (YYYY-MM-DD, now ${deadline}): `);
    // The review's own rule judges the date (a re-plan must move the deadline), as the server will.
    const plan = planReviewItem({ decision, newDeadline, reason: '-' }, deadline);
    const problem = !isCalendarDate(newDeadline) ? 'must be a real date in YYYY-MM-DD form'
      : plan.kind === 'invalid' ? plan.problems.find((p) => p.field === 'newDeadline')?.message : undefined;
    if (!problem) break;
    prompter.say(`  ${newDeadline || '(empty)'} ${problem}.`);
  }
  let reason = '';
  while (reason === '') {
    reason = await prompter.ask('  Reason for moving it (kept in the history): ');
    if (reason === '') prompter.say('  A reason is required: deadlines never move silently.');
  }
  return { item, decision, newDeadline, reason, note: await prompter.ask('  Note (optional, Enter to skip): ') };
}

async function askDecision(prompter: LinePrompter): Promise<ReviewDecision> {
  for (;;) {
    const answer = (await prompter.ask(DECISION_PROMPT)).toLowerCase();
    if (answer === '') return 'on-track';
    const decision = ANSWERS[answer.slice(0, 1)];
    if (decision && (answer.length === 1 || answer === decision)) return decision;
    if (answer === '?' || answer === 'h' || answer === 'help') HELP.forEach((line) => prompter.say(line));
    else prompter.say('  Please answer o, a, r, e or x (? for help).');
  }
}


function outcome(item: ReviewItem): string {
  const { before, after } = item;
  switch (item.decision) {
    case 're-plan':
      return `${item.ref} re-planned: deadline ${before.deadline} → ${after.deadline}; escalation starts again (cycle ${orDash(after.escalationCycle)}).`;
    case 'escalate-now':
      return after.escalationLevel > before.escalationLevel
        ? `${item.ref} escalated now: level ${orDash(after.escalationLevelName)} fired.`
        : `${item.ref} escalate now: no level left to fire (paused or already at the top).`;
    case 'resolved':
      return `${item.ref} resolved (was ${before.status}).`;
    default:
      return `${item.ref} ${item.decision === 'at-risk' ? 'at risk' : 'on track'}: marked reviewed.`;
  }
}
