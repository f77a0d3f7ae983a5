import { resolve } from 'node:path';
import { isTimeZone } from '@handoff/core';
import { Option, type Command } from 'commander';
import type { HandoffConfig } from '@handoff/server';
import { localClient, remoteClient, type ApiClient } from './api-client.js';
import { CliError, oneLine } from './cli-error.js';
import { readOptions } from './options.js';

/** Where a command's data lives: a running server, or a data directory opened in-process. */
export interface ClientTarget {
  readonly url?: string;
  /** The API token sent to `url` (`hnd_…`); unused on a data directory, where the CLI is the local operator. */
  readonly token?: string;
  readonly dataDir: string;
}

/** The default data directory: HANDOFF_DATA_DIR, else ./.handoff. */
export function dataDirOption(fallback = './.handoff', fromEnv = true): Option {
  const option = new Option('--data-dir <dir>', 'data directory (PGlite; ignored when DATABASE_URL is set)').default(fallback);
  return fromEnv ? option.env('HANDOFF_DATA_DIR') : option;
}

/** Adds --url, --token, --data-dir and --json to a data command. */
export function withClientOptions(command: Command): Command {
  return command
    .option('--url <url>', 'talk to a running Handoff server instead of opening the data directory')
    .addOption(new Option('--token <hnd_…>', 'API token for --url (an admin creates one: handoff tokens create)').env('HANDOFF_TOKEN'))
    .addOption(dataDirOption())
    .option('--json', 'print raw JSON');
}

export function clientTarget(command: Command): ClientTarget {
  const o = readOptions(command);
  const url = o.string('url');
  const token = o.string('token')?.trim();
  return { ...(url ? { url } : {}), ...(token ? { token } : {}), dataDir: o.string('dataDir') ?? './.handoff' };
}

/** The default workspace time zone for a first start, from HANDOFF_TIME_ZONE (checked). */
export function timeZoneFromEnv(): string | undefined {
  const zone = process.env.HANDOFF_TIME_ZONE?.trim();
  if (!zone) return undefined;
  if (!isTimeZone(zone)) throw new CliError(`HANDOFF_TIME_ZONE=${zone} is not an IANA time zone such as Europe/London`);
  return zone;
}

/** Opens the API client of a target: remote when a URL is given, else in-process on the data directory. */
export async function openClient(target: ClientTarget): Promise<ApiClient> {
  if (target.url) {
    if (!/^https?:\/\/[^/\s]+/i.test(target.url)) throw new CliError(`--url ${target.url} is not an http(s) URL`);
    if (target.token !== undefined && !/^hnd_[A-Za-z0-9_-]+$/.test(target.token)) {
      throw new CliError('the API token (--token or HANDOFF_TOKEN) must look like hnd_… as printed by `handoff tokens create`');
    }
    return remoteClient(target.url, target.token);
  }
  const databaseUrl = process.env.DATABASE_URL?.trim() || undefined;
  const timeZone = timeZoneFromEnv();
  // A 500 from in-process calls would only say "it has been logged": report the cause itself instead.
  let unexpected: unknown;
  try {
    const client = await localClient(resolve(target.dataDir), databaseUrl, {
      ...(timeZone ? { timeZone } : {}),
      onUnexpectedError: (error) => { unexpected = error; },
    });
    return {
      target: client.target,
      close: () => client.close(),
      fetch: async (path, init) => {
        unexpected = undefined;
        const res = await client.fetch(path, init);
        if (res.status >= 500 && unexpected !== undefined) throw new CliError(`unexpected error: ${oneLine(unexpected)}`);
        return res;
      },
    };
  } catch (error) {
    throw await openFailure(error, databaseUrl ? undefined : resolve(target.dataDir), ', or talk to the running server with --url');
  }
}

/**
 * Why the database could not be opened, as one line: a locked data directory keeps its own message
 * (plus `lockHint`); anything else names what was being opened. `dataDir` undefined means DATABASE_URL.
 */
export async function openFailure(error: unknown, dataDir: string | undefined, lockHint = ''): Promise<CliError> {
  const { DataDirLockedError } = await import('@handoff/server');
  if (error instanceof DataDirLockedError) return new CliError(`${error.message}${lockHint}`);
  const where = dataDir ?? 'the PostgreSQL database in DATABASE_URL';
  return new CliError(`cannot open ${where}: ${oneLine(error)}`);
}

/** Runs `work` with an open client and always closes it (releasing the data directory lock). */
export async function withClient<T>(command: Command, work: (client: ApiClient) => Promise<T>): Promise<T> {
  const client = await openClient(clientTarget(command));
  try {
    return await work(client);
  } finally {
    await client.close();
  }
}

/**
 * Opens Handoff itself (not a client) on `--data-dir` or DATABASE_URL, with notification settings
 * from the environment: what `serve` and `deliver` run on. Failures become one CliError line.
 */
export async function openLocalHandoff(command: Command, lockHint = '', config: Pick<HandoffConfig, 'oidc' | 'auth'> = {}) {
  const { notifyConfigFromEnv, openHandoff } = await import('@handoff/server');
  const notify = notifyConfigFromEnv(process.env);
  const databaseUrl = process.env.DATABASE_URL?.trim() || undefined;
  const dataDir = resolve(readOptions(command).string('dataDir') ?? './.handoff');
  const timeZone = timeZoneFromEnv();
  const handoff = await openHandoff({
    database: databaseUrl ? { kind: 'postgres', url: databaseUrl } : { kind: 'pglite', dataDir },
    ...(timeZone ? { timeZone } : {}),
    notify,
    ...config,
    onUnexpectedError: (error) => console.error('handoff: unexpected error while serving a request:', error),
  }).catch(async (error: unknown) => { throw await openFailure(error, databaseUrl ? undefined : dataDir, lockHint); });
  return { handoff, notify, where: databaseUrl ? 'the PostgreSQL database in DATABASE_URL' : dataDir };
}
