import { readFileSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { CriteriaImportResult, CriterionPage, Problem, ProgramReadiness } from '@handoff/contract';
import { DIMENSIONS, PHASES, unmetReasons } from '@handoff/core';
import type { Command } from 'commander';
import type { ApiClient } from '../api-client.js';
import { fetchList, getAs, parseAs } from '../api-call.js';
import { CliError, oneLine } from '../cli-error.js';
import { withClient, withClientOptions } from '../client-options.js';
import { choiceOption, limitOption, readOptions } from '../options.js';
import { orDash, printJson, printLine, printTable } from '../output/print.js';

/** `handoff readiness PROGRAM`: the four dimensions of a program's readiness for its next gate. */
export function registerReadiness(program: Command): void {
  withClientOptions(program.command('readiness').description("a program's readiness in four dimensions for its next gate: score, met, unmet criteria")
    .argument('<program>', 'key (e.g. CLAIMS) or id')
    .option('--at <date>', 'as of the end of this day (YYYY-MM-DD, workspace time zone) or this ISO instant')
    .addOption(choiceOption('--gate <phase>', 'judge this gate instead of the next one', PHASES)))
    .action(async (key: string, _options: unknown, command: Command) => {
      const o = readOptions(command);
      const query = new URLSearchParams();
      const at = o.string('at');
      const gate = o.string('gate');
      if (at) query.set('at', at);
      if (gate) query.set('gate', gate);
      const suffix = query.toString() === '' ? '' : `?${query.toString()}`;
      const r = await withClient(command, (client) => getAs(client, `/api/programs/${encodeURIComponent(key)}/readiness${suffix}`, ProgramReadiness, 'readiness'));
      if (o.flag('json')) return printJson(r);
      printLine(`${r.program.key}  ${r.program.name}: phase ${r.program.phase}, gate ${r.gate} ${r.gateOpen ? 'OPEN' : 'CLOSED'} (as of ${r.asOf})`);
      printTable(r.dimensions, [
        { header: 'DIMENSION', value: (d) => d.dimension, shrink: false },
        { header: 'SCORE', value: (d) => String(d.score), align: 'right', shrink: false },
        { header: 'MET', value: (d) => (d.met ? 'yes' : 'no'), shrink: false },
        { header: 'UNMET', value: (d) => orDash(d.met ? '' : unmetReasons({ dimension: d.dimension, criteria: d.gaps, vacantRoles: d.vacantRoles })) },
      ]);
      const due = r.dimensions.flatMap((d) => d.criteria).filter((c) => c.reassessmentDue).map((c) => c.criterion.code);
      if (due.length > 0) printLine(`re-assessment due (a linked constraint was resolved): ${due.join(', ')}`);
    });
}

/** `handoff criteria list|export|import`: the readiness criteria library of the workspace. */
export function registerCriteria(program: Command): void {
  const criteria = program.command('criteria').description('the readiness criteria library: what each dimension is judged against');

  withClientOptions(criteria.command('list').description('list criteria, by dimension then code')
    .addOption(choiceOption('--dimension <dimension>', 'only this dimension', DIMENSIONS))
    .addOption(choiceOption('--gate <phase>', 'only criteria that apply to this gate', PHASES))
    .option('--include-retired', 'include retired criteria')
    .addOption(limitOption()))
    .action(async (_options: unknown, command: Command) => {
      const o = readOptions(command);
      const query = new URLSearchParams();
      for (const name of ['dimension', 'gate'] as const) {
        const value = o.string(name);
        if (value) query.set(name, value);
      }
      if (o.flag('includeRetired')) query.set('includeRetired', 'true');
      const rows = await withClient(command, (client) => fetchList(client, '/api/criteria', query, o.number('limit') ?? 50, CriterionPage));
      if (o.flag('json')) return printJson(rows);
      printTable(rows, [
        { header: 'CODE', value: (c) => c.code, shrink: false },
        { header: 'DIMENSION', value: (c) => c.dimension, shrink: false },
        { header: 'FROM GATE', value: (c) => c.gate, shrink: false },
        { header: 'REQUIRED', value: (c) => (c.required ? 'yes' : 'no'), shrink: false },
        { header: 'RETIRED', value: (c) => orDash(c.retiredAt?.slice(0, 10)), shrink: false },
        { header: 'TEXT', value: (c) => c.text },
      ]);
    });

  withClientOptions(criteria.command('export').description('print the active criteria as a library file (YAML by default)')
    .addOption(choiceOption('--format <format>', 'yaml (default) or json', ['yaml', 'json']))
    .option('-o, --output <file>', 'write to this file instead of stdout'))
    .action(async (_options: unknown, command: Command) => {
      const o = readOptions(command);
      const text = await withClient(command, (client) => send(client, 'GET', `/api/criteria/export?format=${o.string('format') ?? 'yaml'}`));
      const output = o.string('output');
      if (output) writeFileSync(output, text);
      else process.stdout.write(text);
    });

  withClientOptions(criteria.command('import').description('add or update criteria from a library file (YAML or JSON), matched by code; all or nothing')
    .argument('<file>', 'a file written by `handoff criteria export`, or in its format (- for stdin)'))
    .action(async (file: string, _options: unknown, command: Command) => {
      const text = readText(file);
      const type = extname(file).toLowerCase() === '.json' ? 'application/json' : 'application/yaml';
      const body = await withClient(command, (client) => send(client, 'POST', '/api/criteria:import', text, type));
      const result = parseAs(CriteriaImportResult, parseJson(body), 'import result');
      if (readOptions(command).flag('json')) return printJson(result);
      const part = (n: string[], what: string): string => `${n.length} ${what}${n.length > 0 && what !== 'unchanged' ? ` (${n.join(', ')})` : ''}`;
      printLine(`imported ${file}: ${part(result.created, 'created')}, ${part(result.updated, 'updated')}, ${part(result.unchanged, 'unchanged')}`);
    });
}

function readText(file: string): string {
  try {
    return readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${oneLine(error)}`);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new CliError('the server answered with a body that is not JSON; is it a Handoff server?');
  }
}

/**
 * Sends a request whose body or answer is a file rather than JSON (library files are YAML) and returns the
 * answer's text; a problem+json answer becomes one CliError line naming the first problems.
 */
async function send(client: ApiClient, method: string, path: string, text?: string, contentType?: string): Promise<string> {
  let res: Response;
  try {
    res = await client.fetch(path, { method, ...(text === undefined ? {} : { body: text, headers: { 'content-type': contentType ?? 'application/yaml' } }) });
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`cannot reach ${client.target}: ${oneLine(error)}`);
  }
  const body = await res.text();
  if (res.ok) return body;
  let parsed: unknown;
  try { parsed = JSON.parse(body); } catch { parsed = undefined; }
  const problem = Problem.safeParse(parsed);
  if (!problem.success) throw new CliError(`${client.target} answered ${method} ${path} with HTTP ${res.status}`);
  const errors = problem.data.errors ?? [];
  throw new CliError(errors.length > 5 ? `${errors.slice(0, 5).map((e) => `${e.path}: ${e.message}`).join('; ')}; and ${errors.length - 5} more problems` : problem.data.detail);
}
