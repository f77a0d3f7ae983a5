import { spawn } from 'node:child_process';
import { openHandoff, type Handoff } from '@handoff/server';
import { BIN } from './run-cli.js';

/** Test helpers for interactive commands: prepare a data directory in-process, then talk to the built binary. */

/** Opens the data directory in-process (no CLI may hold it meanwhile), runs `work`, closes it. */
export async function withHandoffAt<T>(dataDir: string, work: (h: Handoff, call: (method: string, path: string, body?: unknown) => Promise<unknown>) => Promise<T>, now?: Date): Promise<T> {
  const handoff = await openHandoff({ database: { kind: 'pglite', dataDir }, ...(now ? { clock: { now: () => new Date(now) } } : {}) });
  const call = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const res = await handoff.request(path, { method, ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }) });
    const json: unknown = await res.json();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  try {
    return await work(handoff, call);
  } finally {
    await handoff.close();
  }
}

/** A running `handoff` whose prompts a test answers one by one, as a person would. */
export function converse(args: readonly string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['DATABASE_URL', 'HANDOFF_DATA_DIR', 'HANDOFF_TIME_ZONE'] as const) delete env[name];
  const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let read = 0;
  let wake: (() => void) | undefined;
  child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString('utf8'); wake?.(); });
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => { wake?.(); resolve(code); }));
  return {
    /** Waits until `prompt` appears in the output after the last answered prompt, then types `answer` and Enter. */
    async answer(prompt: string, answer: string): Promise<void> {
      for (;;) {
        const at = stdout.indexOf(prompt, read);
        if (at >= 0) {
          read = at + prompt.length;
          child.stdin.write(`${answer}\n`);
          return;
        }
        if (child.exitCode !== null) throw new Error(`exited before asking ${JSON.stringify(prompt)}\nstdout: ${stdout}\nstderr: ${stderr}`);
        await new Promise<void>((resolve) => { wake = resolve; });
      }
    },
    /** Waits until `text` appears in the output after the last answered prompt, without answering. */
    async waitFor(text: string): Promise<void> {
      for (;;) {
        const at = stdout.indexOf(text, read);
        if (at >= 0) {
          read = at + text.length;
          return;
        }
        if (child.exitCode !== null) throw new Error(`exited before printing ${JSON.stringify(text)}\nstdout: ${stdout}\nstderr: ${stderr}`);
        await new Promise<void>((resolve) => { wake = resolve; });
      }
    },
    /** Ends the input and waits for the exit: the exit code and everything printed. */
    async finish(): Promise<{ code: number | null; stdout: string; stderr: string }> {
      child.stdin.end();
      return { code: await exited, stdout, stderr };
    },
    /** Everything printed so far. */
    output: () => stdout,
  };
}

