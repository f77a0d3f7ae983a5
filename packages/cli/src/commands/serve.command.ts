import type { Command } from 'commander';
import { dataDirOption, openLocalHandoff } from '../client-options.js';
import { listenOptions, serveUntilSignal, withListenOptions } from '../serve-runner.js';

/** `handoff serve`: the API (and its docs) over HTTP on one data directory or DATABASE_URL. */
export function registerServe(program: Command): void {
  withListenOptions(program.command('serve').description('serve the Handoff API over HTTP until SIGINT or SIGTERM'))
    .addOption(dataDirOption())
    .action(async (_options: unknown, command: Command) => {
      const { startBackgroundJobs, VERSION } = await import('@handoff/server');
      const { handoff, notify, where } = await openLocalHandoff(command);
      await serveUntilSignal(handoff, listenOptions(command), (url) => [
        `Handoff ${VERSION} serving ${where}`,
        `listening on ${url} (API docs at ${url}/docs); stop with Ctrl+C`,
        'escalating overdue constraints every minute; weekly digests once per person per week',
        notify.smtpUrl
          ? 'delivering notifications every 10 s (e-mail through SMTP_URL)'
          : 'delivering webhook notifications every 10 s; e-mails wait in the outbox until SMTP_URL is set',
      ], () => startBackgroundJobs(handoff, (error, job) => console.error(`handoff: background job "${job}" failed:`, error)));
    });
}
