import { OwnershipMap } from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDataDirs, runCli, tempDataDir } from '../testing/run-cli.js';

/** The ownership map from the terminal, through the built binary on one data directory. */
const SLOW = 180_000;
const dir = tempDataDir('roles');
const cli = async (...args: string[]) => {
  const r = await runCli([...args, '--data-dir', dir]);
  expect(r.stderr, r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
};

beforeAll(async () => {
  await cli('people', 'add', '--name', 'Ola Nordmann', '--email', 'ola@example.com');
  await cli('people', 'add', '--name', 'Sade Adu', '--email', 'sade@example.com');
  await cli('programs', 'add', '--name', 'Claims triage', '--key', 'CLAIMS');
}, SLOW);
afterAll(removeTempDataDirs);

describe('roles commands', { timeout: SLOW }, () => {
  it('shows the map of a program nobody owns with every role marked as a gap', async () => {
    const out = await cli('roles', 'CLAIMS');
    expect(out).toMatch(/^drift-monitor\s+-\s+-\s+GAP$/m);
    expect(out).toContain('gaps: outcome-owner, output-owner, drift-monitor, retraining-authoriser, regulated-escalation-owner');
  });

  it('assigns roles by e-mail, including the outcome owner, and the JSON map shows the holders', async () => {
    expect(await cli('roles', 'assign', 'CLAIMS', 'drift-monitor', 'ola@example.com', '--reason', 'Runs monitoring')).toContain('drift-monitor of CLAIMS: Ola Nordmann <ola@example.com>');
    await cli('roles', 'assign', 'CLAIMS', 'outcome-owner', 'sade@example.com');
    const map = OwnershipMap.parse(JSON.parse(await cli('roles', 'CLAIMS', '--json')));
    expect(map.roles.find((r) => r.key === 'drift-monitor')?.holder?.email).toBe('ola@example.com');
    expect(map.roles.find((r) => r.key === 'outcome-owner')?.holder?.email).toBe('sade@example.com');
    expect(map.gaps).toEqual(['output-owner', 'retraining-authoriser', 'regulated-escalation-owner']);
    expect(await cli('roles', 'show', 'CLAIMS')).toMatch(/^drift-monitor\s+Ola Nordmann <ola@example.com>\s+\d{4}-\d{2}-\d{2}\s+held$/m);
  });

  it('vacates a role with a reason, and it is a gap again', async () => {
    const out = await cli('roles', 'vacate', 'CLAIMS', 'drift-monitor', '--reason', 'Ola moved teams');
    expect(out).toContain('drift-monitor of CLAIMS is now vacant');
    expect(out).toContain('gaps: output-owner, drift-monitor,');
  });

  it('fails with one line naming the problem for an unknown role, an unknown person or a missing reason', async () => {
    for (const [args, named] of [
      [['roles', 'assign', 'CLAIMS', 'chief-vibes', 'ola@example.com'], 'chief-vibes'],
      [['roles', 'assign', 'CLAIMS', 'output-owner', 'nobody@example.com'], 'nobody@example.com'],
      [['roles', 'vacate', 'CLAIMS', 'output-owner'], '--reason'],
    ] as const) {
      const r = await runCli([...args, '--data-dir', dir]);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1);
      expect(r.stderr).toContain(named);
    }
  });
});
