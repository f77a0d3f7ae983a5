import { readFileSync } from 'node:fs';
import { Constraint, Decision, DecisionPage, EscalationPolicy } from '@handoff/contract';
import type { Command } from 'commander';
import { fetchList, getAs, parseAs, requestJson } from '../api-call.js';
import { CliError } from '../cli-error.js';
import { withClient, withClientOptions } from '../client-options.js';
import { limitOption, readOptions } from '../options.js';
import { orDash, printDetails, printJson, printLine, printTable } from '../output/print.js';
import { findConstraint, findProgram, personId } from '../resolve-refs.js';

/**
 * Escalation from the terminal: the policy (`policy show|set`), acknowledge / pause / resume of one
 * constraint, and the board's decisions (`decisions list|decide`).
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
  withClientOptions(decisions.command('decide').description('record the decision taken').argument('<id>', 'decision id')
    .requiredOption('--outcome <text>', 'what was decided').requiredOption('--by <email>', 'who decided'))
    .action(async (id: string, _o: unknown, command: Command) => {
      const o = readOptions(command);
      const d = await withClient(command, async (client) => parseAs(Decision, await requestJson(client, 'POST', `/api/decisions/${encodeURIComponent(id)}/decide`,
        { outcome: o.required('outcome', '--outcome'), decidedBy: await personId(client, o.required('by', '--by')) }), 'decision'));
      if (o.flag('json')) return printJson(d);
      printDetails([['Decision', d.title], ['Outcome', d.outcome ?? ''], ['Decided by', d.decidedBy?.name ?? ''], ['At', d.decidedAt ?? '']]);
    });
}
