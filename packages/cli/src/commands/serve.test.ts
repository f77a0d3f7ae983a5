import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Constraint, ConstraintPage, HistoryPage, PersonPage, Program, TransferDocument } from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreatedApiToken } from '@handoff/contract';
import { withHandoffAt } from '../testing/converse.js';
import { removeTempDataDirs, runCli, startServe, tempDataDir, type CliResult, type RunningServe } from '../testing/run-cli.js';

/**
 * `handoff serve` as a process: the data directory lock, clean shutdown on SIGTERM, and every data
 * command in --url mode against it. One server (one data directory) serves the whole file.
 */

/** Starting serve opens PGlite (seconds, many more on a busy machine). */
const SLOW = 180_000;

const dataDir = tempDataDir('serve');
let serve: RunningServe;
/** A write token made on the data directory before serve locks it: the server answers 401 without one. */
let token = '';
const remote = (...args: string[]): Promise<CliResult> => runCli([...args, '--url', serve.url, '--token', token]);

function expectOneLineFailure(result: CliResult): string {
  expect(result.code).not.toBe(0);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  return lines[0] ?? '';
}

beforeAll(async () => {
  // On the data directory, before serve locks it: adding people is an admin's (a token cannot), and the token itself.
  token = await withHandoffAt(dataDir, async (_h, call) => {
    await call('POST', '/api/people', { name: 'Lena Berg', email: 'lena@example.com' });
    return CreatedApiToken.parse(await call('POST', '/api/tokens', { name: 'serve-tests', scopes: ['write'] })).secret;
  });
  serve = await startServe(['--data-dir', dataDir]);
}, 2 * SLOW);
afterAll(async () => {
  // `serve` is unset when the start-up above failed: that failure is the one to report.
  if (typeof serve !== 'undefined' && serve.child.exitCode === null) await serve.stop();
  removeTempDataDirs();
}, SLOW);

describe('handoff serve', { timeout: SLOW }, () => {
  it('refuses a second serve and a data command on the same data directory, naming it and the holder pid', async () => {
    const second = expectOneLineFailure(await runCli(['serve', '--port', '0', '--data-dir', dataDir]));
    expect(second).toContain(dataDir);
    expect(second).toContain(`process ${serve.child.pid}`);
    const local = expectOneLineFailure(await runCli(['people', 'list', '--data-dir', dataDir]));
    expect(local).toContain('--url');
  });
});

describe('data commands with --url', { timeout: SLOW }, () => {
  it('adds a program and constraints through the running server', async () => {
    const program = await remote('programs', 'add', '--name', 'Document intake', '--key', 'DOCS', '--sponsor', 'lena@example.com', '--json');
    expect(Program.parse(JSON.parse(program.stdout)).sponsor?.name).toBe('Lena Berg');
    for (const [title, deadline] of [['Union consultation', '2020-03-01'], ['Model card sign-off', '2099-01-01']] as const) {
      const added = await remote('constraints', 'add', '--program', 'DOCS', '--title', title, '--kind', 'risk',
        '--dimension', 'workforce', '--owner', 'lena@example.com', '--deadline', deadline);
      expect(added.stderr).toBe('');
    }
    const people = await remote('people', 'list');
    expect(people.stdout.split('\n')[0]).toMatch(/^NAME\s+EMAIL\s+TITLE\s+BOARD\s+ID$/);
    expect(people.stdout).toContain('lena@example.com');
  });

  it('lists with filters as JSON and follows pages up to --limit', async () => {
    const overdue = await remote('constraints', 'list', '--overdue', '--owner', 'lena@example.com', '--json');
    expect(ConstraintPage.shape.items.parse(JSON.parse(overdue.stdout)).map((c) => c.ref)).toEqual(['DOCS-1']);
    const limited = await remote('constraints', 'list', '--program', 'DOCS', '--limit', '1', '--json');
    expect(ConstraintPage.shape.items.parse(JSON.parse(limited.stdout))).toHaveLength(1);
    const everyone = await remote('people', 'list', '--json', '--search', 'lena');
    expect(PersonPage.shape.items.parse(JSON.parse(everyone.stdout)).map((p) => p.email)).toEqual(['lena@example.com']);
  });

  it('shows a constraint with its history, as text and as JSON', async () => {
    const text = await remote('constraints', 'show', 'DOCS-1');
    expect(text.stdout).toMatch(/^Deadline:\s+2020-03-01 \(\d+ days overdue\)$/m);
    expect(text.stdout).toMatch(/^\S+Z\s+token:serve-tests\s+created\s+DOCS-1/m);
    const parsed: { constraint?: unknown; history?: unknown } = JSON.parse((await remote('constraints', 'show', 'DOCS-1', '--json')).stdout);
    expect(Constraint.parse(parsed.constraint).ref).toBe('DOCS-1');
    expect(HistoryPage.shape.items.parse(parsed.history)[0]?.field).toBe('created');
  });

  it('gives one line for an API refusal and for a server that cannot be reached', async () => {
    expect(expectOneLineFailure(await remote('programs', 'add', '--name', 'Again', '--key', 'DOCS'))).toContain('DOCS');
    expect(expectOneLineFailure(await remote('people', 'add', '--name', 'Other', '--email', 'other@example.com'))).toContain('a person must sign in');
    expect(expectOneLineFailure(await remote('constraints', 'show', 'DOCS-99'))).toContain('DOCS-99 does not exist');
    const unreachable = expectOneLineFailure(await runCli(['people', 'list', '--url', 'http://127.0.0.1:9']));
    expect(unreachable).toContain('cannot reach http://127.0.0.1:9');
  });

  it('refuses a workspace export to a token in one line: exporting is an admin\'s', async () => {
    expect(expectOneLineFailure(await remote('export'))).toContain('a person must sign in');
  });
});

describe('stopping', { timeout: SLOW }, () => {
  it('exits 0 on SIGTERM and releases the lock, so a new serve can start and a data command can export', async () => {
    expect(await serve.stop()).toBe(0);
    expect(serve.output().stderr).toBe('');
    expect(existsSync(join(dataDir, 'handoff.lock'))).toBe(false);
    const again = await startServe(['--data-dir', dataDir]);
    try {
      const health = await fetch(`${again.url}/api/health`);
      expect(health.status).toBe(200);
      const people = PersonPage.parse(await (await fetch(`${again.url}/api/people`, { headers: { authorization: `Bearer ${token}` } })).json());
      expect(people.items.map((p) => p.email)).toEqual(['lena@example.com']);
    } finally {
      expect(await again.stop()).toBe(0);
    }
    const doc = TransferDocument.parse(JSON.parse((await runCli(['export', '--data-dir', dataDir])).stdout));
    expect(doc.constraints).toHaveLength(2);
  });
});
