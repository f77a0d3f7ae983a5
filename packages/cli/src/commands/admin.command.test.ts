import { Problem, SignInResult } from '@handoff/contract';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDataDirs, runCli, startServe, tempDataDir, type RunningServe } from '../testing/run-cli.js';

/** The first admin of a new instance, created from the terminal on the data directory, then signing in over HTTP. */
const SLOW = 180_000;
const dir = tempDataDir('admin');
const PASSWORD = 'quiet-meadow-compass-77';
afterAll(removeTempDataDirs);

async function outputOnceContains(server: RunningServe, text: string): Promise<string> {
  for (let i = 0; i < 50 && !server.output().stdout.includes(text); i += 1) await new Promise((r) => setTimeout(r, 100));
  return server.output().stdout;
}

describe('handoff admin create', { timeout: SLOW }, () => {
  it('is what `handoff serve` tells a first start to run, while every data route answers 401', async () => {
    const server = await startServe(['--data-dir', dir]);
    try {
      const out = await outputOnceContains(server, 'admin create');
      expect(out).toContain('no account exists yet');
      expect(out).toContain(`handoff admin create --email you@example.com --data-dir ${dir}`);
      const res = await fetch(`${server.url}/api/people`);
      expect(res.status).toBe(401);
      expect(Problem.parse(await res.json()).detail).toContain('handoff admin create');
    } finally {
      await server.stop();
    }
  });

  it('creates the first admin from a password on standard input, who can then sign in', async () => {
    const r = await runCli(['admin', 'create', '--email', 'Ada@Example.com', '--password-stdin', '--data-dir', dir], {}, `${PASSWORD}\n`);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('created admin account ada@example.com');
    const server = await startServe(['--data-dir', dir]);
    try {
      const res = await fetch(`${server.url}/api/auth/sign-in`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'ada@example.com', password: PASSWORD }),
      });
      expect(res.status).toBe(200);
      expect(SignInResult.parse(await res.json()).account.role).toBe('admin');
      expect(res.headers.get('set-cookie')).toContain('HttpOnly');
      expect(server.output().stdout).not.toContain('no account exists yet');
    } finally {
      await server.stop();
    }
  });

  it('reads a piped password without the flag too, with the role asked for', async () => {
    const r = await runCli(['admin', 'create', '--email', 'vera@example.com', '--role', 'viewer', '--data-dir', dir, '--json'], {}, 'another-long-passphrase');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ email: 'vera@example.com', role: 'viewer' });
  });

  it('refuses a weak password or a second account for the same e-mail in one line, creating nothing', async () => {
    const weak = await runCli(['admin', 'create', '--email', 'weak@example.com', '--password-stdin', '--data-dir', dir], {}, 'password1234\n');
    expect(weak.code).not.toBe(0);
    expect(weak.stderr).toContain('password');
    expect(weak.stderr).toContain('most common passwords');
    const again = await runCli(['admin', 'create', '--email', 'ada@example.com', '--password-stdin', '--data-dir', dir], {}, `${PASSWORD}\n`);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('already exists');
    const empty = await runCli(['admin', 'create', '--email', 'none@example.com', '--password-stdin', '--data-dir', dir], {}, '');
    expect(empty.code).not.toBe(0);
    expect(empty.stderr).toContain('no password on standard input');
  });
});
