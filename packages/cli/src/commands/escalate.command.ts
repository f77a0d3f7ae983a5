import { SweepResult } from '@handoff/contract';
import type { Command } from 'commander';
import { parseAs, requestJson } from '../api-call.js';
import { CliError } from '../cli-error.js';
import { withClient, withClientOptions } from '../client-options.js';
import { readOptions } from '../options.js';
import { printJson, printLine } from '../output/print.js';

/**
 * `handoff escalate [--at ISO]`: one escalation sweep — for cron, and so demos and tests can simulate
 * time. Each due level fires once; running it again at the same instant fires nothing new.
 */
export function registerEscalate(program: Command): void {
  withClientOptions(program.command('escalate')
    .description('fire every escalation level that is due (each exactly once), then exit')
    .option('--at <instant>', 'sweep as of this ISO date or instant instead of now (e.g. 2026-12-25 or 2026-12-25T09:00:00Z)'))
    .action(async (_options: unknown, command: Command) => {
      const o = readOptions(command);
      const at = o.string('at');
      const body = at === undefined ? {} : { at: toInstant(at) };
      const result = await withClient(command, async (client) => parseAs(SweepResult, await requestJson(client, 'POST', '/api/escalations/sweep', body), 'sweep result'));
      if (o.flag('json')) return printJson(result);
      printLine(`as of ${result.at}: ${result.constraints} constraints examined, ${result.notified} levels fired, ${result.skipped} skipped (nobody to notify), ${result.decisions} board decision requests, ${result.notifications} notifications queued`);
    });
}

/** An ISO date (midnight UTC) or instant, normalised; a one-line error otherwise. */
export function toInstant(value: string): string {
  const instant = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
  if (Number.isNaN(Date.parse(instant))) throw new CliError(`--at: ${value} is not an ISO date or instant`);
  return new Date(instant).toISOString();
}
