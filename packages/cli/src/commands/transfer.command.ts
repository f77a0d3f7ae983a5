import { readFileSync, writeFileSync } from 'node:fs';
import { TransferSummary } from '@handoff/contract';
import type { Command } from 'commander';
import { parseAs, requestJson } from '../api-call.js';
import { CliError, oneLine } from '../cli-error.js';
import { withClient, withClientOptions } from '../client-options.js';
import { readOptions } from '../options.js';
import { printJson, printLine } from '../output/print.js';

/**
 * `handoff export` and `handoff import FILE`: the whole workspace as one JSON document. The document
 * is printed exactly as the server orders it (2-space indented), so exporting the same data twice —
 * or exporting, importing into an empty data directory and exporting again — gives identical bytes.
 */
export function registerTransfer(program: Command): void {
  withClientOptions(program.command('export').description('print the whole workspace as JSON (people, programs, constraints, history, escalation state, decisions, reviews, inbox, ' +
    'readiness criteria and assessments, role holders, monitors and readings, phase plans, cost models and cost items; ' +
    'not the outbox or calendar feed secrets)')
    .option('-o, --output <file>', 'write to this file instead of stdout'))
    .action(async (_options: unknown, command: Command) => {
      const o = readOptions(command);
      const doc = await withClient(command, (client) => requestJson(client, 'GET', '/api/workspace/export'));
      const text = `${JSON.stringify(doc, null, 2)}\n`;
      const output = o.string('output');
      if (output) writeFileSync(output, text);
      else process.stdout.write(text);
    });

  withClientOptions(
    program
      .command('import')
      .description('restore an exported workspace into an empty data directory or server (all or nothing; a version-3 file replaces the default readiness criteria)')
      .argument('<file>', 'a file written by `handoff export` (- for stdin)'),
  ).action(async (file: string, _options: unknown, command: Command) => {
    const doc = readDocument(file);
    const { summary, target } = await withClient(command, async (client) => ({
      summary: parseAs(TransferSummary, await requestJson(client, 'POST', '/api/workspace/import', doc), 'import summary'),
      target: client.target,
    }));
    if (readOptions(command).flag('json')) return printJson(summary);
    printLine(
      `imported ${summary.people} people, ${summary.programs} programs, ${summary.constraints} constraints, ` +
        `${summary.dependencies} dependencies, ${summary.history} history entries, ${summary.escalationEvents} escalation events, ` +
        `${summary.decisions} decisions, ${summary.reviews} reviews, ${summary.criteria} readiness criteria, ${summary.assessments} assessments, ` +
        `${summary.programRoles} role holders, ${summary.monitors} monitors, ${summary.gatePlans} plan dates, ${summary.costModels} cost models ` +
        `and ${summary.costItems} cost items into ${target}`,
    );
  });
}

function readDocument(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${oneLine(error)}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(`${file} is not valid JSON: ${oneLine(error)}`);
  }
}
