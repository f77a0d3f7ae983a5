import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DecisionPage } from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDataDirs, runCli, tempDataDir } from '../testing/run-cli.js';

/**
 * The board pack from the terminal, through the built binary on one data directory: CLAIMS-1 and OPS-1 were
 * due in 2020, so one sweep escalates both to the board and raises two pending decisions.
 */
const SLOW = 180_000;
const dir = tempDataDir('board-pack');
const cli = async (...args: string[]) => {
  const r = await runCli([...args, '--data-dir', dir]);
  expect(r.stderr, r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
};
let titles: string[];

beforeAll(async () => {
  await cli('people', 'add', '--name', 'Owen Owner', '--email', 'owen@example.com');
  await cli('people', 'add', '--name', 'Bea Board', '--email', 'bea@example.com', '--board-member');
  await cli('programs', 'add', '--name', 'Claims triage', '--key', 'CLAIMS', '--target-date', '2030-06-01');
  await cli('programs', 'add', '--name', 'Ops copilot', '--key', 'OPS');
  for (const [program, title] of [['CLAIMS', 'No drift monitoring'], ['OPS', 'No feature store']] as const) {
    await cli('constraints', 'add', '--program', program, '--title', title, '--kind', 'blocker', '--dimension', 'governance',
      '--owner', 'owen@example.com', '--deadline', '2020-01-01');
  }
  await cli('escalate');
  titles = DecisionPage.shape.items.parse(JSON.parse(await cli('decisions', 'list', '--json'))).map((d) => d.title);
  expect(titles).toHaveLength(2);
}, SLOW);
afterAll(removeTempDataDirs);

describe('handoff board-pack', { timeout: SLOW }, () => {
  it('writes a PDF file whose text lists every pending decision and every program', async () => {
    const file = join(dir, 'pack.pdf');
    expect(await cli('board-pack', '--format', 'pdf', '--date', '2030-01-15', '-o', file)).toBe('');
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    let text: string;
    try {
      text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    } catch (error) {
      throw new Error(`pdftotext failed (poppler-utils; .ci/run installs it): ${String(error)}`);
    }
    expect(text).toContain('2030-01-15');
    for (const title of titles) expect(text).toContain(title);
    for (const key of ['CLAIMS:', 'OPS:']) expect(text).toContain(key);
  });

  it('prints the Markdown pack by default', async () => {
    const md = await cli('board-pack', '--date', '2030-01-15');
    expect(md).toMatch(/^# Board pack 2030-01-15\n/);
    for (const title of titles) expect(md).toContain(title);
    expect(md).toContain('(overdue)');
  });

  it('refuses a date that is not a calendar date, naming the field', async () => {
    const r = await runCli(['board-pack', '--date', '2030-02-30', '--data-dir', dir]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('date');
  });
});
