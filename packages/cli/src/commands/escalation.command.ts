import { readFileSync } from 'node:fs';
import { Constraint, Decision, DecisionPage, EscalationPolicy } from '@handoff/contract';
import { PHASES } from '@handoff/core';
import { Option, type Command } from 'commander';
import { fetchList, getAs, parseAs, requestJson } from '../api-call.js';
import { CliError } from '../cli-error.js';
import { withClient, withClientOptions } from '../client-options.js';
import { choiceOption, integer, limitOption, readOptions } from '../options.js';
import { orDash, printDetails, printJson, printLine, printTable } from '../output/print.js';
import { findConstraint, findProgram, personId } from '../resolve-refs.js';

/**
 * Escalation from the terminal: the policy (`policy show|set`), acknowledge / pause / resume of one
 * constraint, and the board's decisions (`decisions list|request|decide`).
 */
export function registerEscalation(program: Command): void {
  const policy = program.command('policy').description('the escalation ladder: workspace default or a program override');
  withClientOptions(policy.command('show').description('show the ladder in force').option('--program <key>', 'the ladder in force for this program'))
    .action(async (_o: unknown, command: Command) => {
      const o = readOptions(command);
      const result = await withClient(command, async (client) => {
        const key = o.string('program');
        const path = key ? `/api/programs/${encodeURIComponent((await findProgram(client, key)).id)}/escalation-policy` : '/api/escalation-policy';
        return getAs(client, path, EscalationPolicy, 'policy');
      });
      if (o.flag('json')) return printJson(result);
      printLine(`${result.scope} ladder; an acknowledgement holds it for ${result.acknowledgementHoldDays} days`);
      printTable(result.levels, [
        { header: 'LEVEL', value: (l) => l.name },
        { header: 'WHEN', value: (l) => (l.offsetDays < 0 ? `${-l.offsetDays} days before` : l.offsetDays === 0 ? 'on the deadline day' : `${l.offsetDays} days late`) },
        { header: 'CONDITION', value: (l) => l.condition },
        { header: 'NOTIFIES', value: (l) => l.targets.map((t) => (t.kind === 'person' ? t.personId : t.kind === 'program-role' ? `role ${t.role}` : t.role)).join(', ') },
        { header: 'DECISION', value: (l) => (l.createsDecision ? 'board decision' : '') },
      ]);
    });
  withClientOptions(policy.command('set').description('set the ladder from a JSON file ({levels, acknowledgementHoldDays}); - reads stdin')
    .argument('<file>', 'JSON file').option('--program <key>', 'override the ladder for this program only'))
    .action(async (file: string, _o: unknown, command: Command) => {
      const o = readOptions(command);
      let body: unknown;
      try {
        body = JSON.parse(readFileSync(file === '-' ? 0 : file, 'utf8'));
      } catch (error) {
        throw new CliError(`${file}: ${error instanceof SyntaxError ? 'is not valid JSON' : 'cannot be read'}`);
      }
      const result = await withClient(command, async (client) => {
        const key = o.string('program');
        const path = key ? `/api/programs/${encodeURIComponent((await findProgram(client, key)).id)}/escalation-policy` : '/api/escalation-policy';
        return parseAs(EscalationPolicy, await requestJson(client, 'PUT', path, body), 'policy');
      });
      if (o.flag('json')) return printJson(result);
      printLine(`saved the ${result.scope} ladder: ${result.levels.map((l) => l.name).join(' → ')}`);
    });

  const action = (name: string, description: string, configure: (c: Command) => Command, body: (o: ReturnType<typeof readOptions>, client: Parameters<typeof personId>[0]) => Promise<object>) => {
    withClientOptions(configure(program.command(name).description(description).argument('<constraint>', 'ref (CLAIMS-12) or id')))
      .action(async (ref: string, _o: unknown, command: Command) => {
        const o = readOptions(command);
        const c = await withClient(command, async (client) => {
          const target = await findConstraint(client, ref);
          return parseAs(Constraint, await requestJson(client, 'POST', `/api/constraints/${target.id}/${name}`, await body(o, client)), 'constraint');
        });
        if (o.flag('json')) return printJson(c);
        const e = c.escalation;
        printLine(`${c.ref}: level ${e?.levelName ?? 'none yet'}, ${e?.pausedAt ? `paused (${e.pausedReason ?? ''})` : e?.nextLevelAt ? `next level ${e.nextLevelAt}` : 'no further level due'}${e?.acknowledgedBy ? `, acknowledged by ${e.acknowledgedBy.name}` : ''}`);
      });
  };
  action('acknowledge', 'acknowledge an escalation: holds the next levels for the acknowledgement period',
    (c) => c.requiredOption('--person <email>', 'who acknowledges (the owner or someone it reached)').option('--note <text>', 'what is being done'),
    async (o, client) => ({ personId: await personId(client, o.required('person', '--person')), ...(o.string('note') ? { note: o.string('note') } : {}) }));
  action('pause', 'pause the escalation clock, with the reason', (c) => c.requiredOption('--reason <text>', 'why (e.g. waiting for the regulator)'),
    async (o) => ({ reason: o.required('reason', '--reason') }));
  action('resume', 'resume the escalation clock; later levels move by the time paused', (c) => c.option('--note <text>', 'a note for the history'),
    async (o) => (o.string('note') ? { note: o.string('note') } : {}));

  const decisions = program.command('decisions').description('board decision requests');
  withClientOptions(decisions.command('list').description('decisions, by due date').option('--all', 'include decided ones').addOption(limitOption()))
    .action(async (_o: unknown, command: Command) => {
      const o = readOptions(command);
      const query = new URLSearchParams(o.flag('all') ? {} : { status: 'pending' });
      const items = await withClient(command, (client) => fetchList(client, '/api/decisions', query, o.number('limit') ?? 50, DecisionPage));
      if (o.flag('json')) return printJson(items);
      printTable(items, [
        { header: 'DUE', value: (d) => d.dueDate },
        { header: 'STATUS', value: (d) => d.status },
        { header: 'CONSTRAINT', value: (d) => orDash(d.constraintRef) },
        { header: 'DECISION', value: (d) => d.title },
        { header: 'ID', value: (d) => d.id, shrink: false },
      ]);
    });
  withClientOptions(decisions.command('request').description('ask the board for a decision; the board members and the sponsor are notified')
    .argument('<program>', 'program key or id')
    .requiredOption('--title <text>', 'what must be decided').option('--context <text>', 'what is blocked, since when, what has been tried', '')
    .option('--option <label>', 'an option (repeat, in order; at least 2)', (v: string, all: string[]) => [...all, v], [])
    .requiredOption('--recommend <n>', 'the recommended option, numbered from 1', integer(1, 100))
    .requiredOption('--due <date>', 'when the board must decide (YYYY-MM-DD)')
    .option('--constraint <ref>', 'the constraint the decision is about (CLAIMS-12)'))
    .action(async (program: string, _o: unknown, command: Command) => {
      const o = readOptions(command);
      const options = optionLabels(command).map((label) => ({ label }));
      const body = {
        programId: program, title: o.required('title', '--title'), context: o.string('context') ?? '', options,
        recommendedOption: o.number('recommend'), dueDate: o.required('due', '--due'), ...(o.string('constraint') ? { constraintId: o.string('constraint') } : {}),
      };
      const d = await withClient(command, async (client) => parseAs(Decision, await requestJson(client, 'POST', '/api/decisions', body), 'decision'));
      if (o.flag('json')) return printJson(d);
      printDetails([['Decision', d.title], ['Id', d.id], ['Program', d.programKey], ['Constraint', orDash(d.constraintRef)],
        ...d.options.map((label, i): [string, string] => [`Option ${i + 1}`, label]), ['Recommended', d.recommendation], ['Due', d.dueDate]]);
    });
  withClientOptions(decisions.command('decide').description('record the decision taken and apply its effect in the same transaction').argument('<id>', 'decision id')
    .option('--option <n>', 'the option taken, numbered from 1 (its effect applies)', integer(1, 100))
    .option('--outcome <text>', 'what was decided, in words (default: the label of the option)')
    .addOption(new Option('--move-deadline <date>', "move the constraint's deadline to this date (YYYY-MM-DD)").conflicts(['accept', 'phase']))
    .addOption(new Option('--accept', 'accept the constraint').conflicts(['phase']))
    .addOption(choiceOption('--phase <phase>', "move the program's phase (sponsor or board member only; a closed gate is overridden)", PHASES))
    .requiredOption('--by <email>', 'who decided'))
    .action(async (id: string, _o: unknown, command: Command) => {
      const o = readOptions(command);
      const option = o.number('option');
      const outcome = o.string('outcome');
      if (option === undefined && outcome === undefined) throw new CliError('give --option N or --outcome TEXT');
      const moveTo = o.string('moveDeadline');
      const phase = o.string('phase');
      const effect = moveTo ? { kind: 'move-deadline', to: moveTo } : o.flag('accept') ? { kind: 'accept-constraint' } : phase ? { kind: 'phase-override', to: phase } : undefined;
      const d = await withClient(command, async (client) => parseAs(Decision, await requestJson(client, 'POST', `/api/decisions/${encodeURIComponent(id)}/decide`, {
        ...(option === undefined ? {} : { option }), ...(outcome === undefined ? {} : { outcome }), ...(effect ? { effect } : {}),
        decidedBy: await personId(client, o.required('by', '--by')),
      }), 'decision'));
      if (o.flag('json')) return printJson(d);
      printDetails([['Decision', d.title], ['Outcome', d.outcome ?? ''], ['Decided by', d.decidedBy?.name ?? ''], ['At', d.decidedAt ?? ''], ['Effect', describeEffect(d)]]);
    });
}

/** The labels given with the repeatable `--option`, in order. */
function optionLabels(command: Command): string[] {
  const value: unknown = command.opts()['option'];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** One line on what taking the decision changed. */
function describeEffect(d: Decision): string {
  const e = d.effect;
  if (!e) return 'none';
  if (e.kind === 'move-deadline') return `deadline moved from ${e.from} to ${e.to}`;
  if (e.kind === 'accept-constraint') return `constraint accepted (was ${e.from})`;
  return `phase moved from ${e.from} to ${e.to}${e.gateOverridden ? ' (gate overridden)' : ''}`;
}
