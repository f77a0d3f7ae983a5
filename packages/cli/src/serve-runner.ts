import type { Handoff } from '@handoff/server';
import { Option, type Command } from 'commander';
import { CliError } from './cli-error.js';
import { integer, readOptions } from './options.js';
import { printLine } from './output/print.js';

export interface ListenOptions {
  readonly port: number;
  readonly host: string;
}

/** Adds --port (env PORT, default 3000; 0 picks a free port) and --host (env HOST, default 127.0.0.1). */
export function withListenOptions(command: Command): Command {
  return command
    .addOption(new Option('--port <port>', 'port to listen on (0 picks a free one)').env('PORT').default(3000).argParser(integer(0, 65_535)))
    .addOption(new Option('--host <host>', 'interface to bind (0.0.0.0 for every interface)').env('HOST').default('127.0.0.1'));
}

export function listenOptions(command: Command): ListenOptions {
  const o = readOptions(command);
  return { port: o.number('port') ?? 3000, host: o.string('host') ?? '127.0.0.1' };
}

/**
 * Serves an opened Handoff until SIGINT or SIGTERM, then stops accepting connections, waits for
 * requests in flight and closes the database (which releases the data directory lock). A second
 * signal while closing ends the process at once. `announce` gives the lines printed once listening.
 * `startJobs` starts background work (outbox delivery) once listening; its stop function is awaited
 * before the server and database close.
 */
export async function serveUntilSignal(
  handoff: Handoff,
  listen: ListenOptions,
  announce: (url: string) => string[],
  startJobs?: () => () => Promise<void>,
): Promise<void> {
  const { serveHandoff } = await import('@handoff/server');
  let server;
  try {
    server = await serveHandoff(handoff, listen);
  } catch (error) {
    await handoff.close();
    throw new CliError(listenFailure(error, listen));
  }
  for (const line of announce(server.url)) printLine(line);
  const stopJobs = startJobs?.();
  const signal = await nextSignal();
  printLine(`received ${signal}, stopping`);
  await stopJobs?.();
  await server.close();
}

function nextSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const handler = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
      resolve(signal);
    };
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
  });
}

function listenFailure(error: unknown, { port, host }: ListenOptions): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  if (code === 'EADDRINUSE') return `port ${port} on ${host} is already in use; choose another with --port`;
  if (code === 'EACCES') return `not allowed to listen on port ${port} on ${host}; choose a port above 1023 with --port`;
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') return `cannot listen on ${host}: no such local interface`;
  return `cannot listen on ${host}:${port}: ${error instanceof Error ? error.message : String(error)}`;
}
