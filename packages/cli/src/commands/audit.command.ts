import { createWriteStream, rmSync } from 'node:fs';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AuditVerification, Problem } from '@handoff/contract';
import type { Command } from 'commander';
import { getAs } from '../api-call.js';
import type { ApiClient } from '../api-client.js';
import { CliError, oneLine } from '../cli-error.js';
import { withClient, withClientOptions } from '../client-options.js';
import { readOptions } from '../options.js';
import { printJson, printLine } from '../output/print.js';

/**
 * `handoff audit verify` and `handoff audit export [--output FILE]` (docs/SECURITY.md, "Audit trail"):
 * verify exits 0 when the workspace's hash chain is intact and 1 with one line naming the first broken
 * row; export writes every row as JSON lines (with hashes) for an auditor to keep or re-verify offline.
 */
export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('the audit log: verify its hash chain, export it');

  withClientOptions(audit.command('verify').description('recompute the audit hash chain; exit 1 naming the first row that does not fit'))
    .action(async (_options: unknown, command: Command) => {
      const result = await withClient(command, (client) => getAs(client, '/api/audit/verify', AuditVerification, 'verification'));
      if (readOptions(command).flag('json')) printJson(result);
      const broken = result.firstBroken;
      if (broken === null) {
        if (!readOptions(command).flag('json')) printLine(`audit chain intact: ${result.checked} rows checked`);
        return;
      }
      const what = broken.reason === 'hash-mismatch'
        ? 'its content does not match its hash (edited)'
        : 'it does not follow the row before it (a row was removed, or edited and re-hashed)';
      throw new CliError(`audit chain broken at seq ${broken.seq} (${broken.at}): ${broken.reason}, ${what}; ${result.checked} rows before it check out`);
    });

  withClientOptions(audit.command('export').description('every audit row of the workspace as JSON lines, with hashes')
    .option('-o, --output <file>', 'write to this file instead of stdout'))
    .action(async (_options: unknown, command: Command) => {
      const output = readOptions(command).string('output');
      await withClient(command, (client) => exportTo(client, output));
    });
}

/** Streams the export to `output` (or stdout); a transfer that breaks off removes the partial file and fails. */
async function exportTo(client: ApiClient, output: string | undefined): Promise<void> {
  const path = '/api/audit/export';
  let res: Response;
  try {
    res = await client.fetch(path);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`cannot reach ${client.target}: ${oneLine(error)}`);
  }
  if (!res.ok || res.body === null) throw await failure(res, client.target, path);
  const sink: Writable = output ? createWriteStream(output) : new Writable({
    write: (chunk: Buffer, _encoding, done) => { process.stdout.write(chunk, () => done()); },
  });
  try {
    await pipeline(Readable.fromWeb(res.body), sink);
  } catch (error) {
    if (output) rmSync(output, { force: true });
    throw new CliError(`the export broke off${output ? ` (${output} removed)` : ''}: ${oneLine(error)}`);
  }
}

async function failure(res: Response, target: string, path: string): Promise<CliError> {
  let parsed: unknown = null;
  try { parsed = JSON.parse(await res.text()); } catch { /* not a problem body */ }
  const problem = Problem.safeParse(parsed);
  return new CliError(problem.success ? problem.data.detail || problem.data.title : `${target} answered GET ${path} with HTTP ${res.status}`);
}
