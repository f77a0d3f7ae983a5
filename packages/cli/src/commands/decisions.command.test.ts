import { ConstraintPage, Decision, Program } from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDataDirs, runCli, tempDataDir } from '../testing/run-cli.js';

/**
 * `handoff decisions request|decide` through the built binary on one data directory. The binary runs on the
 * real clock, so every date lies far ahead of it.
 */
const SLOW = 180_000;
const dir = tempDataDir('decisions');
const cli = async (...args: string[]) => {
  const r = await runCli([...args, '--data-dir', dir]);
  expect(r.stderr, r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
};
const request = async (...args: string[]) => Decision.parse(JSON.parse(await cli('decisions', 'request', 'CLAIMS', '--json', ...args)));

beforeAll(async () => {
  await cli('people', 'add', '--name', 'Owen Owner', '--email', 'owen@example.com');
  await cli('people', 'add', '--name', 'Bea Board', '--email', 'bea@example.com', '--board-member');
  await cli('programs', 'add', '--name', 'Claims triage', '--key', 'CLAIMS', '--phase', 'pilot');
  await cli('programs', 'add', '--name', 'KYC extraction', '--key', 'KYC');
  await cli('constraints', 'add', '--program', 'CLAIMS', '--title', 'Vendor contract unsigned', '--kind', 'blocker',
    '--dimension', 'governance', '--owner', 'owen@example.com', '--deadline', '2040-01-01');
  await cli('constraints', 'add', '--program', 'KYC', '--title', 'Feature store not certified', '--kind', 'blocker',
    '--dimension', 'technical', '--owner', 'owen@example.com', '--deadline', '2040-01-01');
}, SLOW);
afterAll(removeTempDataDirs);

describe('decisions request and decide', { timeout: SLOW }, () => {
  it('requests a decision with numbered options and moves the deadline when deciding', async () => {
    const d = await request('--title', 'Vendor contract', '--context', 'Legal is slow', '--option', 'Re-plan', '--option', 'Hold',
      '--recommend', '1', '--due', '2039-12-01', '--constraint', 'CLAIMS-1');
    expect(d).toMatchObject({ source: 'manual', constraintRef: 'CLAIMS-1', options: ['Re-plan', 'Hold'], recommendation: 'Re-plan', dueDate: '2039-12-01' });
    const out = await cli('decisions', 'decide', d.id, '--option', '1', '--move-deadline', '2040-03-01', '--by', 'bea@example.com');
    expect(out).toMatch(/^Effect:\s+deadline moved from 2040-01-01 to 2040-03-01$/m);
    const [moved] = ConstraintPage.shape.items.parse(JSON.parse(await cli('constraints', 'list', '--program', 'CLAIMS', '--json')));
    expect(moved).toMatchObject({ ref: 'CLAIMS-1', deadline: '2040-03-01' });
  });

  it('refuses a constraint of another program in one line naming it', async () => {
    const r = await runCli(['decisions', 'request', 'CLAIMS', '--title', 'x', '--option', 'a', '--option', 'b', '--recommend', '1',
      '--due', '2039-12-01', '--constraint', 'KYC-1', '--data-dir', dir]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('KYC-1 belongs to another program');
  });

  it('moves the phase only when an executive decides, overriding the closed gate', async () => {
    const d = await request('--title', 'Go to production readiness', '--option', 'Go', '--option', 'Wait', '--recommend', '1', '--due', '2039-12-01');
    const refused = await runCli(['decisions', 'decide', d.id, '--option', '1', '--phase', 'production-readiness', '--by', 'owen@example.com', '--data-dir', dir]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('only the program');
    const out = await cli('decisions', 'decide', d.id, '--option', '1', '--phase', 'production-readiness', '--by', 'bea@example.com');
    expect(out).toMatch(/^Effect:\s+phase moved from pilot to production-readiness \(gate overridden\)$/m);
    expect(Program.parse(JSON.parse(await cli('programs', 'show', 'CLAIMS', '--json'))).phase).toBe('production-readiness');
  });

  it('accepts the constraint with --accept', async () => {
    const d = await request('--title', 'Live with the vendor risk', '--option', 'Accept', '--option', 'Fight', '--recommend', '1', '--due', '2039-12-01', '--constraint', 'CLAIMS-1');
    const decided = Decision.parse(JSON.parse(await cli('decisions', 'decide', d.id, '--option', '1', '--accept', '--by', 'bea@example.com', '--json')));
    expect(decided.effect).toMatchObject({ kind: 'accept-constraint', from: 'open' });
  });
});
