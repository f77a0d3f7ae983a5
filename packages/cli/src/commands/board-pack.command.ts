import { writeFileSync } from 'node:fs';
import { Problem } from '@handoff/contract';
import { Option, type Command } from 'commander';
import { CliError, oneLine } from '../cli-error.js';
import { withClient, withClientOptions } from '../client-options.js';
import { readOptions } from '../options.js';

/**
 * `handoff board-pack [--date D] [--format md|pdf] [-o FILE]` (docs/BOARD-PACK.md): the pending decisions and
 * every program's brief for a board meeting. Markdown goes to stdout by default; a PDF needs -o or a
 * stdout that is not a terminal (binary on a terminal garbles it).
 */
export function registerBoardPack(program: Command): void {
  withClientOptions(program.command('board-pack').description('the board pack for a date: pending decisions and every program\'s brief, as Markdown or PDF')
    .option('--date <date>', 'the board meeting (YYYY-MM-DD); default today')
    .addOption(new Option('--format <format>', 'md or pdf').choices(['md', 'pdf']).default('md'))
    .option('-o, --output <file>', 'write to this file instead of stdout'))
    .action(async (_options: unknown, command: Command) => {
      const o = readOptions(command);
      const format = o.string('format') ?? 'md';
      const output = o.string('output');
      if (format === 'pdf' && !output && process.stdout.isTTY) throw new CliError('a PDF is binary: give -o FILE or redirect stdout to a file');
      const query = new URLSearchParams({ format });
      const date = o.string('date');
      if (date) query.set('date', date);
      const bytes = await withClient(command, (client) => fetchPack(client.fetch.bind(client), client.target, `/api/board-pack?${query.toString()}`));
      if (output) {
        try {
          writeFileSync(output, bytes);
        } catch (error) {
          throw new CliError(`cannot write ${output}: ${oneLine(error)}`);
        }
      } else process.stdout.write(bytes);
    });
}

/** The pack's bytes, or one CliError line: the problem's detail, or an unreachable server. */
async function fetchPack(fetch: (path: string) => Promise<Response>, target: string, path: string): Promise<Uint8Array> {
  let res: Response;
  try {
    res = await fetch(path);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`cannot reach ${target}: ${oneLine(error)}`);
  }
  if (res.ok) return new Uint8Array(await res.arrayBuffer());
  const text = await res.text();
  let parsed: unknown = null;
  try { parsed = JSON.parse(text); } catch { /* not a problem body */ }
  const problem = Problem.safeParse(parsed);
  if (!problem.success) throw new CliError(`${target} answered GET ${path} with HTTP ${res.status}`);
  const fields = (problem.data.errors ?? []).map((e) => `${e.path}: ${e.message}`).join('; ');
  throw new CliError(fields || problem.data.detail || problem.data.title);
}
