import { ClarityAssessment, Person, type CriterionResult, type ProgramReadiness } from '@handoff/contract';
import { addDays, isCalendarDate, type AssessmentStatus } from '@handoff/core';
import type { Command } from 'commander';
import type { ApiClient } from '../api-client.js';
import { getAs, parseAs, requestJson } from '../api-call.js';
import { CliError } from '../cli-error.js';
import { withClient, withClientOptions } from '../client-options.js';
import { confirm, openPrompter, type LinePrompter } from '../line-prompter.js';
import { readOptions } from '../options.js';
import { formatDiagnosis } from './diagnose.command.js';
import { personId } from '../resolve-refs.js';

const ENDED = 'input ended before the assessment was confirmed: nothing was recorded';
/** One-letter answers to the status question. */
const STATUSES: Record<string, AssessmentStatus> = { m: 'met', p: 'partial', n: 'not-met', x: 'not-applicable' };
/** Days from today to a new constraint's default deadline. */
const DEFAULT_DEADLINE_DAYS = 14;

type DimensionReadiness = ProgramReadiness['dimensions'][number];

interface Item { readonly criterion: string; readonly status: AssessmentStatus; readonly evidence: string }
interface RoleAnswer { readonly role: string; readonly personId: string; readonly label: string }
interface NewConstraint { readonly criterion: string; readonly ownerId: string; readonly owner: string; readonly deadline: string; readonly title?: string }

/**
 * `handoff assess PROGRAM`: the Decision Clarity assessment that starts a program (METHOD.md section 5), guided in
 * the terminal. Walks the four dimensions criterion by criterion (Enter keeps the current state), names a holder for
 * each vacant governance role, names the binding constraints (owner and deadline) for the gaps left, then records
 * everything in one request (POST /api/programs/{id}/clarity: all or nothing) and prints the readiness map, the
 * ownership gaps, the diagnosis and the new constraints. Answers are read line by line, so a pipe can drive it.
 */
export function registerAssess(program: Command): void {
  withClientOptions(program.command('assess')
    .description('run the clarity assessment of a program: readiness with evidence, role holders, binding constraints')
    .argument('<program>', 'program key or id')
    .option('--assessor <email>', "who assesses (default: the program's sponsor)"))
    .action(async (programKey: string, _options: unknown, command: Command) => {
      const o = readOptions(command);
      const out = o.flag('json') ? process.stderr : process.stdout;
      await withClient(command, async (client) => {
        const path = `/api/programs/${encodeURIComponent(programKey)}/clarity`;
        const start = await getAs(client, path, ClarityAssessment, 'clarity assessment');
        const assessorArg = o.string('assessor');
        const assessor = assessorArg
          ? await getAs(client, `/api/people/${await personId(client, assessorArg)}`, Person, 'person')
          : start.ownership.roles.find((r) => r.key === 'outcome-owner')?.holder ?? null;
        if (!assessor) throw new CliError(`${start.readiness.program.key} has no sponsor: name who assesses with --assessor EMAIL`);
        const prompter = openPrompter(process.stdin, out, ENDED);
        try {
          const { program: p, gate } = start.readiness;
          prompter.say(`Clarity assessment of ${p.key} (${p.name}, in ${p.phase}) for the ${gate} gate, by ${assessor.name}.`);
          prompter.say('For each criterion answer m met, p partial, n not met, x not applicable; Enter keeps what is recorded.');
          const items: Item[] = [];
          for (const d of start.readiness.dimensions) items.push(...await askDimension(prompter, d));
          const roles = await askRoles(prompter, client, start);
          const gaps = gapsAfter(start, items);
          const today = start.readiness.asOf.slice(0, 10);
          const constraints = await askConstraints(prompter, client, gaps, addDays(today, DEFAULT_DEADLINE_DAYS));
          prompter.say('');
          prompter.say(`To record: ${items.length} criteria assessed, ${roles.length} roles named, ${constraints.length} constraints opened.`);
          for (const r of roles) prompter.say(`  ${r.role}: ${r.label}`);
          for (const c of constraints) prompter.say(`  ${c.criterion}: owned by ${c.owner}, due ${c.deadline}`);
          if (items.length + roles.length + constraints.length === 0) {
            prompter.say('Nothing changed: nothing to record.');
            return;
          }
          if (!(await confirm(prompter, `Record this assessment of ${p.key}? [Y/n] `))) {
            prompter.say('Assessment discarded: nothing was recorded.');
            return;
          }
          const body = {
            assessedBy: assessor.id,
            items: items.map((i) => ({ criterion: i.criterion, status: i.status, evidence: i.evidence })),
            roles: roles.map((r) => ({ role: r.role, personId: r.personId })),
            constraints: constraints.map((c) => ({ criterion: c.criterion, ownerId: c.ownerId, deadline: c.deadline, ...(c.title ? { title: c.title } : {}) })),
          };
          const result = parseAs(ClarityAssessment, await requestJson(client, 'POST', path, body), 'clarity assessment');
          if (o.flag('json')) {
            process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
            return;
          }
          for (const line of outcome(result)) prompter.say(line);
        } finally {
          prompter.close();
        }
      });
    });
}

async function askDimension(prompter: LinePrompter, d: DimensionReadiness): Promise<Item[]> {
  prompter.say('');
  prompter.say(`== ${capitalise(d.dimension)}: ${d.score}/100, ${d.met ? 'met' : 'not met'} (${d.criteria.length} criteria) ==`);
  const items: Item[] = [];
  for (const c of d.criteria) {
    prompter.say(`[${c.criterion.code}] ${c.criterion.text}${c.criterion.required ? '' : ' (optional)'}`);
    prompter.say(c.status ? `  Recorded: ${c.status}${c.evidence ? ` — ${c.evidence}` : ''}` : '  Never assessed.');
    if (c.reassessmentDue) prompter.say('  A constraint opened for this gap was resolved since: assess it again.');
    const status = await askStatus(prompter, c);
    if (status === null) continue;
    items.push({ criterion: c.criterion.code, status, evidence: await askEvidence(prompter, c, status) });
  }
  return items;
}

/** The new status, or null when the recorded one is kept (Enter). */
async function askStatus(prompter: LinePrompter, c: CriterionResult): Promise<AssessmentStatus | null> {
  const keep = c.status ? `Enter keeps ${c.status}` : 'Enter skips';
  for (;;) {
    const answer = (await prompter.ask(`  Status [m/p/n/x, ${keep}]: `)).toLowerCase();
    if (answer === '') return null;
    const status = STATUSES[answer] ?? Object.values(STATUSES).find((s) => s === answer);
    if (status) return status;
    prompter.say('  Please answer m (met), p (partial), n (not met) or x (not applicable).');
  }
}

async function askEvidence(prompter: LinePrompter, c: CriterionResult, status: AssessmentStatus): Promise<string> {
  const previous = c.evidence ?? '';
  for (;;) {
    const answer = await prompter.ask(previous ? '  Evidence (Enter keeps the recorded evidence): ' : '  Evidence: ');
    const evidence = answer || previous;
    if (evidence || status !== 'met') return evidence;
    prompter.say('  Met needs evidence: what shows it (a document, a test, a decision)?');
  }
}

async function askRoles(prompter: LinePrompter, client: ApiClient, start: ClarityAssessment): Promise<RoleAnswer[]> {
  const vacant = start.ownership.roles.filter((r) => r.vacant);
  prompter.say('');
  prompter.say(`== Governance ownership: ${vacant.length === 0 ? 'every role is held' : `${vacant.length} roles vacant`} ==`);
  for (const r of start.ownership.roles.filter((x) => !x.vacant)) prompter.say(`  ${r.name}: ${r.holder?.name ?? '-'}`);
  const answers: RoleAnswer[] = [];
  for (const r of vacant) {
    const found = await askPerson(prompter, client, `  ${r.name} (${r.key}) is vacant. Who holds it? (e-mail, Enter leaves it vacant): `);
    if (found) answers.push({ role: r.key, personId: found.id, label: found.label });
  }
  return answers;
}

/** Required criteria still not met once the answers are applied, without an active constraint already closing them. */
function gapsAfter(start: ClarityAssessment, items: readonly Item[]): CriterionResult[] {
  const answered = new Map(items.map((i) => [i.criterion, i.status]));
  return start.readiness.dimensions.flatMap((d) => d.criteria).filter((c) => {
    const status = answered.get(c.criterion.code) ?? c.status;
    const open = c.constraints.some((k) => k.status === 'open' || k.status === 'in_progress');
    return c.criterion.required && status !== 'met' && status !== 'not-applicable' && !open;
  });
}

async function askConstraints(prompter: LinePrompter, client: ApiClient, gaps: readonly CriterionResult[], defaultDeadline: string): Promise<NewConstraint[]> {
  prompter.say('');
  prompter.say(gaps.length === 0
    ? '== Binding constraints: no required criterion is left without a constraint closing it =='
    : `== Binding constraints: ${gaps.length} required criteria are not met; name who closes each, and by when ==`);
  const made: NewConstraint[] = [];
  for (const c of gaps) {
    prompter.say(`[${c.criterion.code}] ${c.criterion.text}`);
    const owner = await askPerson(prompter, client, '  Owner (e-mail, Enter skips this gap): ');
    if (!owner) continue;
    let deadline = '';
    for (;;) {
      deadline = (await prompter.ask(`  Deadline (YYYY-MM-DD, Enter for ${defaultDeadline}): `)) || defaultDeadline;
      if (isCalendarDate(deadline)) break;
      prompter.say(`  ${deadline} is not a real date in YYYY-MM-DD form.`);
    }
    const title = await prompter.ask('  Title (Enter for "Readiness gap: …"): ');
    made.push({ criterion: c.criterion.code, ownerId: owner.id, owner: owner.label, deadline, ...(title ? { title } : {}) });
  }
  return made;
}

/** A person named by e-mail, asked again until found; null for an empty answer. */
async function askPerson(prompter: LinePrompter, client: ApiClient, question: string): Promise<{ id: string; label: string } | null> {
  for (;;) {
    const answer = await prompter.ask(question);
    if (answer === '') return null;
    try {
      return { id: await personId(client, answer), label: answer };
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      prompter.say(`  ${error.message}; try again.`);
    }
  }
}


function outcome(result: ClarityAssessment): string[] {
  const r = result.readiness;
  const lines = ['', `Readiness of ${r.program.key} for the ${r.gate} gate: ${r.gateOpen ? 'OPEN (all four dimensions met)' : 'closed'}`];
  for (const d of r.dimensions) {
    const gaps = [...d.gaps, ...d.vacantRoles.map((v) => `vacant ${v}`)];
    lines.push(`  ${capitalise(d.dimension).padEnd(10)} ${String(d.score).padStart(3)}/100  ${d.met ? 'met    ' : 'not met'}${gaps.length ? `  gaps: ${gaps.join(', ')}` : ''}`);
  }
  lines.push(`Ownership gaps: ${result.ownership.gaps.length ? result.ownership.gaps.join(', ') : 'none'}`);
  lines.push('', ...formatDiagnosis(result.diagnosis));
  if (result.constraints.length > 0) {
    lines.push('', 'New constraints:');
    for (const c of result.constraints) lines.push(`  ${c.ref}  ${c.title}  (${c.owner.name}, due ${c.deadline})`);
  }
  return lines;
}

function capitalise(s: string): string {
  return `${s.slice(0, 1).toUpperCase()}${s.slice(1)}`;
}
