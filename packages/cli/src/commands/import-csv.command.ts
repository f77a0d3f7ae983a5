import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { DATE_ORDERS } from '@handoff/core';
import { ImportEvent, ImportResult, NDJSON, Problem } from '@handoff/contract';
import { SingleBar } from 'cli-progress';
import { Option, type Command } from 'commander';
import type { ApiClient } from '../api-client.js';
import { CliError, oneLine } from '../cli-error.js';
import { clientTarget, withClientOptions } from '../client-options.js';
import { readOptions } from '../options.js';
import { printJson, printLine } from '../output/print.js';

const CONTENT_TYPES: Record<string, string> = {
  '.csv': 'text/csv',
  '.txt': 'text/csv',
  '.tsv': 'text/csv',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * `handoff import-csv FILE --program KEY`: imports a RAID log or risk register (.csv or .xlsx) into a
 * program's constraint library, all rows or none, with a progress bar on an interactive terminal.
 * Bad lines are listed on stderr, one per line, before the one-line failure.
 */
export function registerImportCsv(program: Command, open: (opts: { url?: string; dataDir: string }) => Promise<ApiClient>): void {
  withClientOptions(
    program
      .command('import-csv')
      .description("import a RAID log or risk register (.csv or .xlsx) into a program's constraint library (all rows or none)")
      .argument('<file>', 'the .csv or .xlsx file'),
  )
    .requiredOption('-p, --program <key>', 'the program to import into (key or id)')
    .option('--map <column=field>', 'fill a field from a column, e.g. --map "Risk description=title"; field "ignore" skips a column (repeatable)', collect, [])
    .option('--default <field=value>', 'value of kind, dimension, status, severity or gate where the column is missing or empty, e.g. --default kind=risk (repeatable)', collect, [])
    .addOption(new Option('--date-order <order>', 'how to read dates such as 03/04/2026').choices(DATE_ORDERS).default('day-first'))
    .option('--sheet <name>', 'XLSX: the worksheet by name or number (default: the first)')
    .option('--dry-run', 'check the whole file and report, storing nothing')
    .addHelpText('after', '\nRecognised columns, value synonyms and date forms: see POST /api/programs/{id}/constraints:import in /docs.')
    .action(async (file: string, _options: unknown, command: Command) => {
      const o = readOptions(command);
      const bytes = readFile(file);
      const query = new URLSearchParams();
      for (const spec of stringList(command.opts().map)) query.append('map', spec);
      for (const spec of stringList(command.opts().default)) query.append('default', spec);
      query.set('dateOrder', o.string('dateOrder') ?? 'day-first');
      const sheet = o.string('sheet');
      if (sheet) query.set('sheet', sheet);
      if (o.flag('dryRun')) query.set('dryRun', 'true');
      query.set('filename', basename(file));
      const path = `/api/programs/${encodeURIComponent(o.required('program', '--program'))}/constraints:import?${query.toString()}`;
      const headers = { 'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', accept: `${NDJSON}, application/problem+json` };

      const client = await open(clientTarget(command));
      const bar = progressBar(!o.flag('json') && process.stderr.isTTY === true);
      let outcome: ImportEvent;
      try {
        const res = await client.fetch(path, { method: 'POST', headers, body: bytes });
        outcome = await finalEvent(res, client.target, bar.update);
      } catch (error) {
        if (error instanceof CliError) throw error;
        throw new CliError(`cannot import through ${client.target}: ${oneLine(error)}`);
      } finally {
        bar.stop();
        await client.close();
      }
      if ('problem' in outcome) {
        for (const e of outcome.problem.errors ?? []) process.stderr.write(`  ${e.path}: ${e.message}\n`);
        throw new CliError(outcome.problem.detail || outcome.problem.title);
      }
      if (!('result' in outcome)) throw new CliError('the import stream ended without a result');
      if (o.flag('json')) return printJson(outcome.result);
      for (const line of describeResult(outcome.result)) printLine(line);
    });
}

/** The last event of an import: read from the NDJSON stream (reporting progress), or from a plain JSON answer. */
export async function finalEvent(res: Response, target: string, onProgress: (event: ImportEvent) => void): Promise<ImportEvent> {
  if (!(res.headers.get('content-type') ?? '').startsWith(NDJSON) || !res.body) {
    const body: unknown = await res.json().catch(() => undefined);
    const problem = Problem.safeParse(body);
    if (!res.ok) return problem.success ? { problem: problem.data } : failure(`${target} answered HTTP ${res.status}`);
    const result = ImportResult.safeParse(body);
    return result.success ? { result: result.data } : failure(`unexpected answer from ${target}; are the CLI and server the same version?`);
  }
  let last: ImportEvent | undefined;
  for await (const line of ndjsonLines(res.body)) {
    const event = ImportEvent.safeParse(JSON.parse(line));
    if (!event.success) return failure(`unexpected progress event from ${target}; are the CLI and server the same version?`);
    if ('phase' in event.data) onProgress(event.data);
    last = event.data;
  }
  return last ?? failure(`${target} ended the import stream without a result`);
}

/** Complete lines of an NDJSON byte stream, however its chunks split them. */
export async function* ndjsonLines(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let pending = '';
  for await (const chunk of body) {
    pending += decoder.decode(chunk, { stream: true });
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) if (line.trim() !== '') yield line;
  }
  pending += decoder.decode();
  if (pending.trim() !== '') yield pending;
}

/** What an import did, for a person: refs, then which column filled which field. */
export function describeResult(r: ImportResult): string[] {
  const range = r.firstRef === r.lastRef ? (r.firstRef ?? '') : `${r.firstRef ?? ''} … ${r.lastRef ?? ''}`;
  const head = r.dryRun
    ? `dry run: all ${r.imported} rows are good and would become ${range}; nothing was stored`
    : `imported ${r.imported} constraint${r.imported === 1 ? '' : 's'} into ${r.programKey}: ${range}`;
  const columns = `columns (header on line ${r.headerLine}): ${r.columns.map((c) => `${c.column} → ${c.field}`).join(', ')}`;
  const notes = [
    ...(r.ignoredColumns.length > 0 ? [`not imported: ${r.ignoredColumns.join(', ')}`] : []),
    ...(r.blankLines > 0 ? [`skipped ${r.blankLines} blank row${r.blankLines === 1 ? '' : 's'}`] : []),
  ];
  return [head, columns, ...notes];
}

function failure(detail: string): ImportEvent {
  return { problem: { type: 'about:blank', title: 'Import failed', status: 0, detail } };
}

/** A progress bar on stderr that restarts for each phase; does nothing when `enabled` is false. */
function progressBar(enabled: boolean): { update: (event: ImportEvent) => void; stop: () => void } {
  if (!enabled) return { update: () => {}, stop: () => {} };
  const bar = new SingleBar({ format: '{phase} |{bar}| {value}/{total} rows', stream: process.stderr, hideCursor: true, clearOnComplete: true });
  let phase = '';
  return {
    update: (event) => {
      if (!('phase' in event) || event.phase === 'reading') return;
      if (event.phase !== phase) {
        if (phase !== '') bar.stop();
        phase = event.phase;
        bar.start(event.total, event.done, { phase: phase.padEnd(10) });
      } else {
        bar.update(event.done);
      }
    },
    stop: () => bar.stop(),
  };
}

function readFile(file: string): Uint8Array {
  if (extname(file).toLowerCase() === '.xls') throw new CliError(`${file} is an old binary Excel file; save it as .xlsx or .csv`);
  try {
    return readFileSync(file);
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${oneLine(error)}`);
  }
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
