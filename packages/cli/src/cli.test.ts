import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Constraint, Program } from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDataDirs, runCli, tempDataDir, type CliResult } from './testing/run-cli.js';

/**
 * The built `handoff` binary on a data directory (in-process API). One data directory is shared by
 * the file: every run opens PGlite (seconds), so the tests build on each other's records.
 */

/** Each run of the binary opens PGlite (seconds, many more on a busy machine); a test makes several. */
const SLOW = 180_000;

const dataDir = tempDataDir('local');
const cli = (...args: string[]): Promise<CliResult> => runCli(args, { HANDOFF_DATA_DIR: dataDir });

/** Asserts a failure: exit code not 0, nothing on stdout, exactly one line on stderr, no stack trace. */
function expectOneLineFailure(result: CliResult): string {
  expect(result.code).not.toBe(0);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  return lines[0] ?? '';
}

beforeAll(async () => {
  const added = await cli('people', 'add', '--name', 'Amara Okafor', '--email', 'amara@example.com', '--title', 'COO');
  expect(added.stderr).toBe('');
  expect(added.code).toBe(0);
}, SLOW);
afterAll(removeTempDataDirs);

describe('handoff --help', { timeout: SLOW }, () => {
  it('lists every command at the top level and each option of a subcommand', async () => {
    const top = await runCli(['--help']);
    expect(top.code).toBe(0);
    for (const name of ['serve', 'demo', 'people', 'programs', 'constraints', 'export', 'import']) expect(top.stdout).toContain(name);
    const add = await runCli(['constraints', 'add', '--help']);
    expect(add.code).toBe(0);
    for (const flag of ['--program', '--owner', '--deadline', '--depends-on', '--url', '--data-dir', '--json']) expect(add.stdout).toContain(flag);
  });
});

describe('records on a data directory', { timeout: SLOW }, () => {
  it('adds a program and shows it as details, then as JSON that matches the API contract', async () => {
    const added = await cli('programs', 'add', '--name', 'Claims triage', '--key', 'CLAIMS', '--sponsor', 'amara@example.com', '--phase', 'pilot');
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/^Key:\s+CLAIMS$/m);
    expect(added.stdout).toMatch(/^Sponsor:\s+Amara Okafor <amara@example.com>$/m);
    const shown = await cli('programs', 'show', 'CLAIMS', '--json');
    const program = Program.parse(JSON.parse(shown.stdout));
    expect(program.sponsor?.email).toBe('amara@example.com');
    expect(program.phase).toBe('pilot');
  });

  it('adds constraints by program key, owner e-mail and dependency ref, and lists them as an aligned table', async () => {
    const first = await cli('constraints', 'add', '--program', 'CLAIMS', '--title', 'No named owner for model output',
      '--kind', 'blocker', '--dimension', 'governance', '--owner', 'amara@example.com', '--deadline', '2020-01-15', '--json');
    expect(first.code).toBe(0);
    expect(Constraint.parse(JSON.parse(first.stdout)).ref).toBe('CLAIMS-1');
    const second = await cli('constraints', 'add', '--program', 'CLAIMS', '--title', 'Drift monitoring',
      '--kind', 'dependency', '--dimension', 'technical', '--owner', 'amara@example.com', '--deadline', '2099-12-31',
      '--severity', 'high', '--depends-on', 'CLAIMS-1');
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/^Depends on:\s+CLAIMS-1$/m);

    const list = await cli('constraints', 'list');
    expect(list.code).toBe(0);
    const lines = list.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^REF\s+TITLE\s+KIND\s+DIMENSION\s+STATUS\s+SEVERITY\s+OWNER\s+DEADLINE\s+LATE\s+LEVEL$/);
    expect(lines.slice(1).map((l) => l.split(/\s{2,}/)[0])).toEqual(['CLAIMS-1', 'CLAIMS-2']);
    expect(lines[1]?.indexOf('blocker')).toBe(lines[2]?.indexOf('dependency'));
    expect(list.stdout).not.toContain('\u001b');
  });
});

describe('errors', { timeout: SLOW }, () => {
  it('refuses a value outside the vocabulary before opening anything, in one line', async () => {
    const line = expectOneLineFailure(await cli('constraints', 'add', '--program', 'CLAIMS', '--title', 'x', '--kind', 'worry',
      '--dimension', 'technical', '--owner', 'amara@example.com', '--deadline', '2026-12-01'));
    expect(line).toContain('blocker, dependency, risk');
  });

  it('reports the API problem detail in one line', async () => {
    const date = expectOneLineFailure(await cli('constraints', 'add', '--program', 'CLAIMS', '--title', 'x', '--kind', 'risk',
      '--dimension', 'technical', '--owner', 'amara@example.com', '--deadline', '2026-02-30'));
    expect(date).toBe('handoff: deadline: must be a real calendar date in YYYY-MM-DD form');
  });
});

describe('export and import', { timeout: SLOW }, () => {
  let file = '';
  beforeAll(() => { file = join(tempDataDir('export'), 'workspace.json'); });

  it('export → import into an empty data directory → export gives byte-identical JSON', async () => {
    const first = await cli('export');
    expect(first.code).toBe(0);
    writeFileSync(file, first.stdout);
    const target = tempDataDir('import');
    const imported = await runCli(['import', file, '--data-dir', target]);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toContain('imported 1 people, 1 programs, 2 constraints, 1 dependencies');
    const second = await runCli(['export', '--data-dir', target, '--output', join(target, 'again.json')]);
    expect(second.code).toBe(0);
    expect(readFileSync(join(target, 'again.json'), 'utf8')).toBe(first.stdout);
  });

  it('refuses to import into a data directory that already holds data, or a file that is not JSON, in one line', async () => {
    expect(expectOneLineFailure(await cli('import', file))).toContain('this workspace is not empty');
    const broken = join(tempDataDir('broken'), 'broken.json');
    writeFileSync(broken, '{"format":');
    expect(expectOneLineFailure(await cli('import', broken))).toContain('is not valid JSON');
  });
});
