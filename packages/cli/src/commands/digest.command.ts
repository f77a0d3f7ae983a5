import { DigestResult } from '@handoff/contract';
import type { Command } from 'commander';
import { parseAs, requestJson } from '../api-call.js';
import { withClient, withClientOptions } from '../client-options.js';
import { readOptions } from '../options.js';
import { printJson, printLine } from '../output/print.js';
import { toInstant } from './escalate.command.js';

/** `handoff digest [--at ISO]`: queue this week's digest for everyone who has not had it (once per person per week). */
export function registerDigest(program: Command): void {
  withClientOptions(program.command('digest')
    .description("queue this week's digest for everyone who has not had it yet (at most one per person per week)")
    .option('--at <instant>', 'as of this ISO date or instant instead of now'))
    .action(async (_options: unknown, command: Command) => {
      const o = readOptions(command);
      const at = o.string('at');
      const body = at === undefined ? {} : { at: toInstant(at) };
      const result = await withClient(command, async (client) => parseAs(DigestResult, await requestJson(client, 'POST', '/api/digests/send', body), 'digest result'));
      if (o.flag('json')) return printJson(result);
      printLine(`as of ${result.at}: ${result.sent} digests queued, ${result.alreadySent} people already had this week's, ${result.nothingToSay} had nothing to report`);
    });
}
