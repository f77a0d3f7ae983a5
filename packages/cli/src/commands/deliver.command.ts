import type { Command } from 'commander';
import { dataDirOption, openLocalHandoff } from '../client-options.js';
import { readOptions } from '../options.js';
import { printJson, printLine } from '../output/print.js';

/**
 * `handoff deliver`: one dispatch pass over the outbox, then exit — for cron, or to flush the outbox
 * of a data directory no server is running on. It opens the database itself (a running `serve`
 * already delivers every 10 s; on PostgreSQL both may run at once, each row is claimed by one of them).
 * Reads SMTP_URL, HANDOFF_MAIL_FROM and HANDOFF_PUBLIC_URL like `serve`.
 */
export function registerDeliver(program: Command): void {
  program
    .command('deliver')
    .description('send the notifications that are due (e-mail through SMTP_URL, Slack and Teams webhooks) once, then exit')
    .addOption(dataDirOption())
    .option('--json', 'print the counts as JSON')
    .action(async (_options: unknown, command: Command) => {
      const { createDispatcher } = await import('@handoff/server');
      const { handoff, notify } = await openLocalHandoff(command, ' (a running serve delivers by itself every 10 s)');
      const dispatcher = createDispatcher(handoff.deps);
      try {
        const result = await dispatcher.dispatchDue();
        if (readOptions(command).flag('json')) return printJson(result);
        printLine(`sent ${result.sent}, failed and retrying later ${result.retrying}, failed for good ${result.failed}`);
        if (!notify.smtpUrl) printLine('e-mail is off: e-mails wait in the outbox until SMTP_URL is set');
      } finally {
        dispatcher.close();
        await handoff.close();
      }
    });
}
