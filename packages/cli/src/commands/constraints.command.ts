import { Constraint, ConstraintPage, HistoryPage, type HistoryEntry } from '@handoff/contract';
import { CONSTRAINT_KINDS, CONSTRAINT_STATUSES, DIMENSIONS, PHASES, SEVERITIES } from '@handoff/core';
import type { Command } from 'commander';
import { fetchList, parseAs, requestJson } from '../api-call.js';
import { withClient, withClientOptions } from '../client-options.js';
import { choiceOption, limitOption, readOptions } from '../options.js';
import { orDash, printDetails, printJson, printLine, printTable } from '../output/print.js';
import { findConstraint, findProgram, personId } from '../resolve-refs.js';

/** Most history entries `constraints show` fetches. */
const HISTORY_LIMIT = 10_000;

/** `handoff constraints list|add|show`: the constraint library. */
export function registerConstraints(program: Command): void {
  const constraints = program.command('constraints').description('the constraint library: blockers, dependencies and risks, each with an owner and a deadline');

  withClientOptions(constraints.command('list').description('list constraints, by deadline')
    .option('--program <key>', 'only this program')
    .addOption(choiceOption('--status <status>', 'only this status', CONSTRAINT_STATUSES))
    .option('--owner <email>', 'only constraints owned by this person')
    .addOption(choiceOption('--dimension <dimension>', 'only this readiness dimension', DIMENSIONS))
    .addOption(choiceOption('--kind <kind>', 'only this kind', CONSTRAINT_KINDS))
    .option('--overdue', 'only active constraints past their deadline')
    .option('--active', 'only open and in-progress constraints')
    .option('--stale', 'only active constraints not reviewed for more than two weeks')
    .option('--escalated', 'only constraints whose escalation reached a level in its current cycle')
    .option('--level <name>', 'only constraints whose current escalation level has this name (e.g. sponsor, board)')
    .option('--search <text>', 'only constraints whose ref, title or description contains this')
    .addOption(limitOption()))
    .action(async (_options: unknown, command: Command) => {
      const o = readOptions(command);
      const rows = await withClient(command, async (client) => {
        const query = new URLSearchParams();
        const programKey = o.string('program');
        const owner = o.string('owner');
        if (programKey) query.set('program', (await findProgram(client, programKey)).id);
        if (owner) query.set('owner', await personId(client, owner));
        for (const name of ['status', 'dimension', 'kind'] as const) {
          const value = o.string(name);
          if (value) query.set(name, value);
        }
        for (const name of ['overdue', 'active', 'stale', 'escalated'] as const) if (o.flag(name)) query.set(name, 'true');
        const level = o.string('level');
        if (level) query.set('escalationLevel', level);
        const search = o.string('search');
        if (search) query.set('q', search);
        return fetchList(client, '/api/constraints', query, o.number('limit') ?? 50, ConstraintPage);
      });
      if (o.flag('json')) return printJson(rows);
      printTable(rows, [
        { header: 'REF', value: (c) => c.ref, shrink: false },
        { header: 'TITLE', value: (c) => c.title },
        { header: 'KIND', value: (c) => c.kind, shrink: false },
        { header: 'DIMENSION', value: (c) => c.dimension, shrink: false },
        { header: 'STATUS', value: (c) => c.status, shrink: false },
        { header: 'SEVERITY', value: (c) => c.severity, shrink: false },
        { header: 'OWNER', value: (c) => c.owner.name },
        { header: 'DEADLINE', value: (c) => c.deadline, shrink: false },
        { header: 'LATE', value: (c) => (c.overdue ? `${c.daysOverdue}d` : ''), align: 'right', shrink: false },
        { header: 'LEVEL', value: (c) => c.escalation?.levelName ?? '', shrink: false },
      ]);
    });

  withClientOptions(constraints.command('add').description('add a constraint to a program')
    .requiredOption('--program <key>', 'the program (key or id)')
    .requiredOption('--title <text>', 'what is blocking progress')
    .addOption(choiceOption('--kind <kind>', 'what it is', CONSTRAINT_KINDS).makeOptionMandatory())
    .addOption(choiceOption('--dimension <dimension>', 'readiness dimension', DIMENSIONS).makeOptionMandatory())
    .requiredOption('--owner <email>', 'the named person who owns the resolution')
    .requiredOption('--deadline <date>', 'when it must be resolved (YYYY-MM-DD)')
    .addOption(choiceOption('--severity <severity>', 'severity (default medium)', SEVERITIES))
    .addOption(choiceOption('--status <status>', 'status (default open)', CONSTRAINT_STATUSES))
    .addOption(choiceOption('--blocks-gate <phase>', "the gate it blocks (default: the program's next gate)", PHASES))
    .option('--description <text>', 'details')
    .option('--depends-on <refs>', 'comma-separated refs (e.g. CLAIMS-3,DOCS-1) that must be resolved first'))
    .action(async (_options: unknown, command: Command) => {
      const o = readOptions(command);
      const created = await withClient(command, async (client) => {
        const programId = (await findProgram(client, o.required('program', '--program'))).id;
        const dependsOn: string[] = [];
        for (const ref of o.list('dependsOn')) dependsOn.push((await findConstraint(client, ref)).id);
        const body: Record<string, unknown> = {
          title: o.required('title', '--title'),
          kind: o.required('kind', '--kind'),
          dimension: o.required('dimension', '--dimension'),
          ownerId: await personId(client, o.required('owner', '--owner')),
          deadline: o.required('deadline', '--deadline'),
          dependsOn,
        };
        for (const [field, name] of [['severity', 'severity'], ['status', 'status'], ['blocksGate', 'blocksGate'], ['description', 'description']] as const) {
          const value = o.string(name);
          if (value !== undefined) body[field] = value;
        }
        const constraint = parseAs(Constraint, await requestJson(client, 'POST', `/api/programs/${programId}/constraints`, body), 'constraint');
        return { constraint, refs: o.list('dependsOn') };
      });
      if (o.flag('json')) return printJson(created.constraint);
      printConstraint(created.constraint, created.refs);
    });

  withClientOptions(constraints.command('show').description('show one constraint and its history').argument('<constraint>', 'ref (e.g. CLAIMS-12) or id'))
    .action(async (refOrId: string, _options: unknown, command: Command) => {
      const { constraint, history, refs } = await withClient(command, async (client) => {
        const found = await findConstraint(client, refOrId);
        const entries = await fetchList(client, `/api/constraints/${found.id}/history`, new URLSearchParams(), HISTORY_LIMIT, HistoryPage);
        const refs: string[] = [];
        for (const id of found.dependsOn) refs.push((await findConstraint(client, id)).ref);
        return { constraint: found, history: entries, refs };
      });
      if (readOptions(command).flag('json')) return printJson({ constraint, history });
      printConstraint(constraint, refs);
      printLine('');
      printLine('History (oldest first):');
      printTable(history, [
        { header: 'AT', value: (h: HistoryEntry) => h.at, shrink: false },
        { header: 'ACTOR', value: (h) => h.actor },
        { header: 'FIELD', value: (h) => h.field, shrink: false },
        { header: 'CHANGE', value: (h) => (h.before === null ? shown(h.after) : `${shown(h.before)} → ${shown(h.after)}`) },
        { header: 'REASON', value: (h) => orDash(h.reason) },
      ]);
    });
}

function shown(value: unknown): string {
  if (value === null || value === undefined) return '-';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** `dependsOn` is shown by ref, as given. */
function printConstraint(c: Constraint, dependsOn: readonly string[]): void {
  printDetails([
    ['Ref', c.ref],
    ['Title', c.title],
    ['Kind', `${c.kind} (${c.dimension})`],
    ['Status', c.status],
    ['Severity', c.severity],
    ['Owner', `${c.owner.name} <${c.owner.email}>`],
    ['Deadline', c.overdue ? `${c.deadline} (${c.daysOverdue} days overdue)` : c.deadline],
    ['Blocks gate', c.blocksGate],
    ['Depends on', dependsOn.length > 0 ? dependsOn.join(', ') : '-'],
    ['Description', orDash(c.description)],
    ['Id', c.id],
    ['Created', c.createdAt],
    ['Updated', c.updatedAt],
    ['Version', String(c.version)],
  ]);
}
