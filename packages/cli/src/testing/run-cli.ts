import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Test helpers that run the BUILT `handoff` binary (packages/cli/dist/main.js) in a child process, so
 * tests see exactly what a person at a terminal sees: stdout, stderr and the exit code.
 */

export const BIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

const created: string[] = [];

/** A fresh temporary directory to use as a data directory (a PGlite one holds about 40 MB). */
export function tempDataDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `handoff-cli-${label}-`));
  created.push(dir);
  return dir;
}

/** Deletes every directory `tempDataDir` made in this test file; call it once nothing uses them. */
export function removeTempDataDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * The environment of the child: this one without the variables that would redirect it (a PostgreSQL
 * DATABASE_URL, PORT, HOST, a default data dir or time zone), plus `extra`.
 */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const name of ['DATABASE_URL', 'PORT', 'HOST', 'HANDOFF_TIME_ZONE'] as const) delete env[name];
  if (!('HANDOFF_DATA_DIR' in extra)) delete env.HANDOFF_DATA_DIR;
  return env;
}

function start(args: readonly string[], env: Record<string, string>): ChildProcess {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`npm run build\` before these tests`);
  return spawn(process.execPath, [BIN, ...args], { env: childEnv(env), stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Runs `handoff ARGS` to completion; `input` is written to its stdin. */
export function runCli(args: readonly string[], env: Record<string, string> = {}, input = ''): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = start(args, env);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => { stdout += chunk.toString('utf8'); });
    child.stderr?.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin?.end(input);
  });
}

export interface RunningServe {
  readonly child: ChildProcess;
  readonly url: string;
  /** Everything printed so far. */
  output(): { stdout: string; stderr: string };
  /** Sends SIGTERM and waits for the exit code. */
  stop(): Promise<number | null>;
}

/** Starts `handoff serve ARGS` and waits until it prints the URL it listens on. */
export function startServe(args: readonly string[], env: Record<string, string> = {}): Promise<RunningServe> {
  return new Promise((resolve, reject) => {
    const child = start(['serve', '--port', '0', ...args], env);
    let stdout = '';
    let stderr = '';
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    const fail = (why: string): void => reject(new Error(`${why}\nstdout: ${stdout}\nstderr: ${stderr}`));
    void exited.then((code) => fail(`serve exited with ${code} before listening`));
    child.on('error', reject);
    child.stderr?.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const url = /listening on (http:\/\/\S+)/.exec(stdout)?.[1];
      if (!url) return;
      resolve({
        child,
        url,
        output: () => ({ stdout, stderr }),
        stop: () => {
          child.kill('SIGTERM');
          return exited;
        },
      });
    });
  });
}
