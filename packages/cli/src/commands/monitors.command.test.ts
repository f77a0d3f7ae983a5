import { Monitor, ReadingsResult } from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDataDirs, runCli, tempDataDir } from '../testing/run-cli.js';

/** Monitors and readings from the terminal, through the built binary on one data directory. */
const SLOW = 180_000;
const dir = tempDataDir('monitors');
const cli = async (...args: string[]) => {
  const r = await runCli([...args, '--data-dir', dir]);
  expect(r.stderr, r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
};

beforeAll(async () => {
  await cli('people', 'add', '--name', 'Sam Sponsor', '--email', 'sam@example.com');
  await cli('programs', 'add', '--name', 'Claims triage', '--key', 'CLAIMS', '--sponsor', 'sam@example.com');
}, SLOW);
afterAll(removeTempDataDirs);

describe('monitor commands', { timeout: SLOW }, () => {
  it('adds a monitor with label matchers and says who owns a breach', async () => {
    const out = await cli('monitors', 'add', 'CLAIMS', '--key', 'drift-psi', '--name', 'Claims model drift', '--metric', 'drift-psi',
      '--direction', 'above', '--warning', '0.1', '--breach', '0.25', '--owner-role', 'drift-monitor', '--unit', 'PSI', '--window', '30',
      '--label', 'alertname=ClaimsModelDrift', '--label', 'program=claims');
    expect(out.trim()).toBe('added CLAIMS.drift-psi: Claims model drift, breach ≥ 0.25, owned by drift-monitor (vacant)');
    const shown = Monitor.array().parse(JSON.parse(await cli('monitors', 'CLAIMS', '--json')));
    expect(shown.map((m) => [m.key, m.windowMinutes, m.alertLabels])).toEqual([['drift-psi', 30, { alertname: 'ClaimsModelDrift', program: 'claims' }]]);
  });

  it('refuses a warning threshold on the wrong side in one line naming it', async () => {
    const r = await runCli(['monitors', 'add', 'CLAIMS', '--key', 'bad', '--name', 'Bad', '--metric', 'accuracy', '--direction', 'below',
      '--warning', '0.8', '--breach', '0.9', '--owner-role', 'drift-monitor', '--data-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('handoff: warningThreshold: must be above the breach threshold (0.9) when lower values are worse');
  });

  it('records a reading that breaches, opening a risk constraint shown in the list', async () => {
    const out = await cli('readings', 'add', 'CLAIMS', 'drift-psi', '0.4', '--at', '2026-01-05T10:00:00Z');
    expect(out.trim()).toBe('CLAIMS.drift-psi: breach at 0.4 PSI CLAIMS-1 (open)');
    const table = await cli('monitors', 'CLAIMS');
    expect(table).toMatch(/drift-psi\s+Claims model drift\s+breach\s+0\.4 PSI\s+≥ 0\.25\s+drift-monitor \(vacant\)\s+CLAIMS-1/);
    const json = ReadingsResult.parse(JSON.parse(await cli('readings', 'add', 'CLAIMS', 'drift-psi', '0.01', '--at', '2026-01-05T11:00:00Z', '--json')));
    expect(json.monitors[0]).toMatchObject({ state: 'ok', breachConstraint: { ref: 'CLAIMS-1', status: 'open' } });
  });

  it('refuses a value that is not a number before calling the API', async () => {
    const r = await runCli(['readings', 'add', 'CLAIMS', 'drift-psi', 'high', '--data-dir', dir]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('must be a number');
  });
});
