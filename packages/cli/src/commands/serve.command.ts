import type { Command } from 'commander';
import type { OidcConfig } from '@handoff/server';
import { CliError } from '../cli-error.js';
import { dataDirOption, openLocalHandoff } from '../client-options.js';
import { listenOptions, serveUntilSignal, withListenOptions } from '../serve-runner.js';

/** `handoff serve`: the API (and its docs) over HTTP on one data directory or DATABASE_URL. */
export function registerServe(program: Command): void {
  withListenOptions(program.command('serve').description('serve the Handoff API over HTTP until SIGINT or SIGTERM'))
    .addOption(dataDirOption())
    .action(async (_options: unknown, command: Command) => {
      const { authConfigFromEnv, oidcConfigFromEnv, startBackgroundJobs, VERSION } = await import('@handoff/server');
      const oidc = singleSignOnFromEnv(oidcConfigFromEnv);
      // Session lifetimes and proxy trust from HANDOFF_SESSION_*, HANDOFF_TRUST_PROXY; Secure cookies when the public URL is https.
      const auth = fromEnv(() => authConfigFromEnv(process.env, process.env.HANDOFF_PUBLIC_URL?.trim() || undefined));
      const { handoff, notify, where } = await openLocalHandoff(command, '', { auth, ...(oidc ? { oidc } : {}) });
      const firstStart = !(await handoff.services.accounts.anyAccount());
      await serveUntilSignal(handoff, listenOptions(command), (url) => [
        `Handoff ${VERSION} serving ${where}`,
        `listening on ${url} (API docs at ${url}/docs); stop with Ctrl+C`,
        'escalating overdue constraints every minute; weekly digests once per person per week',
        ...(oidc ? [`single sign-on through ${oidc.name} (${oidc.issuer})`] : []),
        ...(firstStart ? noAccountYet(where) : []),
        notify.smtpUrl
          ? 'delivering notifications every 10 s (e-mail through SMTP_URL)'
          : 'delivering webhook notifications every 10 s; e-mails wait in the outbox until SMTP_URL is set',
      ], () => startBackgroundJobs(handoff, (error, job) => console.error(`handoff: background job "${job}" failed:`, error)));
    });
}

/** What to do on a first start: every API route but health and sign-in answers 401 until an account exists. */
function noAccountYet(where: string): string[] {
  const onDataDir = !where.includes('DATABASE_URL');
  return [
    'no account exists yet: create the first admin with',
    `  handoff admin create --email you@example.com${onDataDir ? ` --data-dir ${where}` : ''}`,
    onDataDir ? '  (stop this server first: the data directory is locked while it runs), then sign in' : '  (with the same DATABASE_URL), then sign in',
  ];
}

/** A setting read from the environment; a bad value stops the start with one line. */
function fromEnv<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error));
  }
}

/** Single sign-on from HANDOFF_OIDC_* (redirect URL default from HANDOFF_PUBLIC_URL); a bad value stops the start with one line. */
function singleSignOnFromEnv(read: (env: NodeJS.ProcessEnv, publicUrl?: string) => OidcConfig | undefined): OidcConfig | undefined {
  try {
    return read(process.env, process.env.HANDOFF_PUBLIC_URL?.trim() || undefined);
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error));
  }
}
