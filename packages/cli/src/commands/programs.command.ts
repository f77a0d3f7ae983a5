import { Program, ProgramPage } from '@handoff/contract';
import { PHASES, RISK_CLASSES } from '@handoff/core';
import type { Command } from 'commander';
import { fetchList, parseAs, requestJson } from '../api-call.js';
import { withClient, withClientOptions } from '../client-options.js';
import { choiceOption, limitOption, readOptions } from '../options.js';
import { orDash, printDetails, printJson, printTable } from '../output/print.js';
import { findProgram, personId } from '../resolve-refs.js';

/** `handoff programs list|add|show`: the portfolio of AI programs. */
export function registerPrograms(program: Command): void {
  const programs = program.command('programs').description('the portfolio of AI programs');

  withClientOptions(programs.command('list').description('list programs, by name')
    .addOption(choiceOption('--phase <phase>', 'only programs in this phase', PHASES))
    .option('--sponsor <email>', 'only programs sponsored by this person')
    .option('--search <text>', 'only programs whose key, name, description or business unit contains this')
    .addOption(limitOption()))
    .action(async (_options: unknown, command: Command) => {
      const o = readOptions(command);
      const rows = await withClient(command, async (client) => {
        const query = new URLSearchParams();
        const phase = o.string('phase');
        const sponsor = o.string('sponsor');
        const search = o.string('search');
        if (phase) query.set('phase', phase);
        if (sponsor) query.set('sponsor', await personId(client, sponsor));
        if (search) query.set('q', search);
        return fetchList(client, '/api/programs', query, o.number('limit') ?? 50, ProgramPage);
      });
      if (o.flag('json')) return printJson(rows);
      printTable(rows, [
        { header: 'KEY', value: (p) => p.key, shrink: false },
        { header: 'NAME', value: (p) => p.name },
        { header: 'PHASE', value: (p) => p.phase, shrink: false },
        { header: 'SPONSOR', value: (p) => orDash(p.sponsor?.name) },
        { header: 'TARGET', value: (p) => orDash(p.targetProductionDate), shrink: false },
        { header: 'ACTIVE', value: (p) => String(p.activeConstraints), align: 'right', shrink: false },
        { header: 'OVERDUE', value: (p) => String(p.overdueConstraints), align: 'right', shrink: false },
      ]);
    });

  withClientOptions(programs.command('add').description('add a program')
    .requiredOption('--name <name>', 'program name')
    .option('--key <key>', 'short code used in constraint refs, e.g. CLAIMS (derived from the name when omitted)')
    .option('--description <text>', 'what the program does')
    .option('--business-unit <name>', 'business unit')
    .addOption(choiceOption('--phase <phase>', 'current phase (default discovery)', PHASES))
    .option('--sponsor <email>', 'the executive who owns the production outcome')
    .option('--target-date <date>', 'target production date (YYYY-MM-DD)')
    .addOption(choiceOption('--risk-class <class>', 'risk tier (default limited)', RISK_CLASSES)))
    .action(async (_options: unknown, command: Command) => {
      const o = readOptions(command);
      const created = await withClient(command, async (client) => {
        const sponsor = o.string('sponsor');
        const body = {
          name: o.required('name', '--name'),
          ...optional('key', o.string('key')),
          ...optional('description', o.string('description')),
          ...optional('businessUnit', o.string('businessUnit')),
          ...optional('phase', o.string('phase')),
          ...(sponsor ? { sponsorId: await personId(client, sponsor) } : {}),
          ...optional('targetProductionDate', o.string('targetDate')),
          ...optional('riskClass', o.string('riskClass')),
        };
        return parseAs(Program, await requestJson(client, 'POST', '/api/programs', body), 'program');
      });
      showProgram(created, o.flag('json'));
    });

  withClientOptions(programs.command('show').description('show one program').argument('<program>', 'key (e.g. CLAIMS) or id'))
    .action(async (keyOrId: string, _options: unknown, command: Command) => {
      const found = await withClient(command, (client) => findProgram(client, keyOrId));
      showProgram(found, readOptions(command).flag('json'));
    });
}

function optional(name: string, value: string | undefined): Record<string, string> {
  return value === undefined ? {} : { [name]: value };
}

function showProgram(p: Program, json: boolean): void {
  if (json) return printJson(p);
  printDetails([
    ['Key', p.key],
    ['Name', p.name],
    ['Phase', p.nextGate ? `${p.phase} (next gate: ${p.nextGate})` : p.phase],
    ['Sponsor', p.sponsor ? `${p.sponsor.name} <${p.sponsor.email}>` : '- (nobody owns the production outcome)'],
    ['Business unit', orDash(p.businessUnit)],
    ['Target date', orDash(p.targetProductionDate)],
    ['Risk class', p.riskClass],
    ['Constraints', `${p.activeConstraints} active, ${p.overdueConstraints} overdue`],
    ['Description', orDash(p.description)],
    ['Id', p.id],
    ['Created', p.createdAt],
    ['Updated', p.updatedAt],
    ['Version', String(p.version)],
  ]);
}
