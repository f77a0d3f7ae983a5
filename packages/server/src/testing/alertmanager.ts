import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import type { Api } from '../http/app-types.js';

/**
 * A real Prometheus Alertmanager for tests: Debian's `prometheus-alertmanager` (which `.ci/run` installs),
 * started on loopback with clustering off and a webhook receiver pointing at a Handoff API, then stopped
 * with its temporary directory removed. A missing binary is an error, never a skip.
 */

const CANDIDATES = ['prometheus-alertmanager', 'alertmanager'];

/** The Alertmanager binary: $ALERTMANAGER_BIN, else the first of the usual names on PATH (or in /usr/bin). */
export function alertmanagerBinary(): string {
  const fromEnv = process.env.ALERTMANAGER_BIN;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/bin', '/usr/local/bin'];
  for (const name of CANDIDATES) {
    for (const dir of dirs) {
      const path = join(dir, name);
      if (dir !== '' && existsSync(path)) return path;
    }
  }
  throw new Error(
    'prometheus-alertmanager is not installed: the real-Alertmanager test needs it. `.ci/run` installs it ' +
      '(apt-get install prometheus-alertmanager); locally run that, or set ALERTMANAGER_BIN to the binary.',
  );
}

/** A port free on 127.0.0.1 right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Serves a Handoff app over real HTTP on loopback (the app's database stays open: its owner closes it). */
export function serveOnLoopback(app: Api): Promise<{ url: string; close: () => Promise<void> }> {
  return new Promise((resolve) => {
    const server: ServerType = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () => new Promise<void>((done) => {
          server.close(() => done());
          if ('closeAllConnections' in server) server.closeAllConnections();
        }),
      });
    });
  });
}

/** An alert as posted to Alertmanager's v2 API. */
export interface PostableAlert {
  readonly labels: Record<string, string>;
  readonly annotations?: Record<string, string>;
  readonly startsAt?: string;
  readonly endsAt?: string;
  readonly generatorURL?: string;
}

export interface RunningAlertmanager {
  readonly url: string;
  /** Posts alerts to /api/v2/alerts, as Prometheus does. */
  postAlerts(alerts: readonly PostableAlert[]): Promise<void>;
  /** What it printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Groups notify 1 s after the first alert and 1 s after any change; nothing repeats within a test. The webhook
 * sends `token` (an API token with the `readings` scope) as `Authorization: Bearer`, Alertmanager's http_config
 * `authorization` block (0.22 and later; Debian ships 0.25).
 */
function config(webhookUrl: string, token: string): string {
  return [
    'global:',
    '  resolve_timeout: 10s',
    'route:',
    '  receiver: handoff',
    "  group_by: ['alertname']",
    '  group_wait: 1s',
    '  group_interval: 1s',
    '  repeat_interval: 4h',
    'receivers:',
    '  - name: handoff',
    '    webhook_configs:',
    `      - url: '${webhookUrl}'`,
    '        send_resolved: true',
    '        http_config:',
    '          authorization:',
    '            type: Bearer',
    `            credentials: '${token}'`,
    '',
  ].join('\n');
}

/** Polls `check` every `everyMs` until it returns a value (not undefined) or `timeoutMs` passes. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 30_000, everyMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/**
 * Starts Alertmanager with a webhook receiver posting to `webhookUrl` with the API token `token` (`hnd_…`, scope
 * `readings` or `write`), and waits until it is ready.
 */
export async function startAlertmanager(webhookUrl: string, token: string): Promise<RunningAlertmanager> {
  const binary = alertmanagerBinary();
  const dir = mkdtempSync(join(tmpdir(), 'handoff-alertmanager-'));
  // The file holds a credential: readable by this user only.
  writeFileSync(join(dir, 'alertmanager.yml'), config(webhookUrl, token), { mode: 0o600 });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(binary, [
    `--config.file=${join(dir, 'alertmanager.yml')}`, `--storage.path=${join(dir, 'data')}`,
    `--web.listen-address=127.0.0.1:${port}`, '--cluster.listen-address=', '--log.level=info',
  ], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => { log += chunk.toString('utf8'); });
  child.stderr?.on('data', (chunk: Buffer) => { log += chunk.toString('utf8'); });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  let running = true;
  void exited.then(() => { running = false; });

  const stop = async (): Promise<void> => {
    if (running) {
      child.kill('SIGTERM');
      const killed = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(killed);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const ready = await waitFor('Alertmanager to be ready', async () => {
    if (!running) return 'exited';
    return (await fetch(`${url}/-/ready`)).ok ? 'ready' : undefined;
  }, 20_000, 100).catch((error: unknown) => String(error));
  if (ready !== 'ready') {
    await stop();
    throw new Error(`Alertmanager did not start (${ready}):\n${log}`);
  }

  return {
    url,
    output: () => log,
    stop,
    async postAlerts(alerts) {
      const res = await fetch(`${url}/api/v2/alerts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(alerts) });
      if (!res.ok) throw new Error(`Alertmanager refused the alerts: HTTP ${res.status} ${await res.text()}`);
    },
  };
}
