import { addDays, localDate } from '@handoff/core';
import { PortfolioBrief, ProgramBriefResponse } from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDataDirs, runCli, tempDataDir } from '../testing/run-cli.js';

/**
 * The brief from the terminal, through the built binary on one data directory (real clock, UTC):
 *   APP (pilot, sponsor Sade, target +120): APP-1 due +30 blocks production-readiness, planned +20.
 *   BARE (discovery): no sponsor, no plan, no target.
 */
const SLOW = 180_000;
const dir = tempDataDir('brief');
const day = (n: number) => addDays(localDate(new Date(), 'UTC'), n);
const cli = async (...args: string[]) => {
  const r = await runCli([...args, '--data-dir', dir]);
  expect(r.stderr, r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
};

beforeAll(async () => {
  await cli('people', 'add', '--name', 'Ines Moreau', '--email', 'ines@example.com');
  await cli('people', 'add', '--name', 'Sade Adu', '--email', 'sade@example.com');
  await cli('programs', 'add', '--name', 'Claims app', '--key', 'APP', '--phase', 'pilot', '--sponsor', 'sade@example.com', '--target-date', day(120));
  await cli('programs', 'add', '--name', 'Bare idea', '--key', 'BARE');
  await cli('plan', 'APP', `production-readiness=${day(20)}`);
  await cli('constraints', 'add', '--program', 'APP', '--title', 'Serving lacks HA', '--kind', 'blocker', '--dimension', 'technical',
    '--owner', 'ines@example.com', '--deadline', day(30));
}, SLOW);
afterAll(removeTempDataDirs);

describe('handoff brief', { timeout: SLOW }, () => {
  it('prints the four answers of a program in plain language and says it has executive ownership', async () => {
    const out = await cli('brief', 'APP');
    expect(out).toContain('Q1 What is blocking the next phase?\n   APP-1 "Serving lacks HA" blocks the production-readiness gate.');
    expect(out).toContain(`Q2 Who owns resolving it, and by when?\n   Ines Moreau owns APP-1, due ${day(30)}`);
    expect(out).toContain('Q3 What happens to the timeline if it is not resolved?\n   Each week APP-1 slips moves the production-readiness gate 7 days');
    expect(out).toContain('Q4 Which decisions must go to the board?\n   No decision needs the board.');
    expect(out).toContain('Executive ownership: all four questions are answered.');
  });

  it('names what is missing for a program with no sponsor and no plan', async () => {
    const out = await cli('brief', 'BARE');
    expect(out).toContain('Visibility only, not ownership: missing Q1 (plan); Q2 (sponsor); Q3 (plan, target-production-date).');
    expect(out).toContain('   MISSING: The program has no sponsor');
  });

  it('prints the portfolio table and both views as JSON', async () => {
    const table = await cli('brief');
    expect(table).toMatch(/PROGRAM\s+RISK\s+LATE\s+OWNERSHIP/);
    expect(table).toMatch(/BARE\s+\d+\s+0\s+visibility \(missing Q1,Q2,Q3\)/);
    const p = PortfolioBrief.parse(JSON.parse(await cli('brief', '--json')));
    expect(p.programs.map((b) => b.program.key).sort()).toEqual(['APP', 'BARE']);
    const b = ProgramBriefResponse.parse(JSON.parse(await cli('brief', 'APP', '--json')));
    expect(b.verdict.kind).toBe('executive-ownership');
  });

  it('fails in one line for an unknown program', async () => {
    const r = await runCli(['brief', 'NOPE', '--data-dir', dir]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('NOPE');
  });
});
