import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Constraint, ConstraintPage, DecisionPage, EscalationPolicy, SweepResult } from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDataDirs, runCli, tempDataDir } from '../testing/run-cli.js';

/** Escalation from the terminal, through the built binary on one data directory. */
const SLOW = 180_000;
const dir = tempDataDir('escalation');
const cli = async (...args: string[]) => {
  const r = await runCli([...args, '--data-dir', dir]);
  expect(r.stderr, r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
};

beforeAll(async () => {
  await cli('people', 'add', '--name', 'Owen Owner', '--email', 'owen@example.com');
  await cli('people', 'add', '--name', 'Bea Board', '--email', 'bea@example.com', '--board-member');
  await cli('programs', 'add', '--name', 'Claims triage', '--key', 'CLAIMS');
  await cli('constraints', 'add', '--program', 'CLAIMS', '--title', 'No drift monitoring', '--kind', 'blocker',
    '--dimension', 'governance', '--owner', 'owen@example.com', '--deadline', '2020-01-01');
}, SLOW);
afterAll(removeTempDataDirs);

describe('escalation commands', { timeout: SLOW }, () => {
  it('sets a program ladder from a JSON file and shows it', async () => {
    const file = join(dir, 'ladder.json');
    writeFileSync(file, JSON.stringify({ levels: [
      { name: 'owner', offsetDays: 0, condition: 'not-acknowledged', targets: [{ kind: 'role', role: 'owner' }] },
      { name: 'board', offsetDays: 14, condition: 'not-resolved', targets: [{ kind: 'role', role: 'board' }], createsDecision: true },
    ], acknowledgementHoldDays: 2 }));
    expect(await cli('policy', 'set', file, '--program', 'CLAIMS')).toContain('saved the program ladder: owner → board');
    const shown = EscalationPolicy.parse(JSON.parse(await cli('policy', 'show', '--program', 'CLAIMS', '--json')));
    expect(shown).toMatchObject({ scope: 'program', acknowledgementHoldDays: 2 });
    expect(await cli('policy', 'show')).toContain('default ladder');
  });

  it('escalates to the board, lists the decision and records it', async () => {
    const swept = SweepResult.parse(JSON.parse(await cli('escalate', '--at', '2026-11-25', '--json')));
    expect(swept).toMatchObject({ notified: 2, decisions: 1 });
    expect(SweepResult.parse(JSON.parse(await cli('escalate', '--at', '2026-11-25', '--json'))).notified).toBe(0);
    const atBoard = ConstraintPage.shape.items.parse(JSON.parse(await cli('constraints', 'list', '--escalated', '--level', 'board', '--json')));
    expect(atBoard.map((c) => [c.ref, c.escalation?.levelName])).toEqual([['CLAIMS-1', 'board']]);
    expect(JSON.parse(await cli('constraints', 'list', '--level', 'owner', '--json'))).toEqual([]);
    expect(await cli('constraints', 'list', '--escalated')).toMatch(/^CLAIMS-1 .* board\s*$/m);
    const [decision] = DecisionPage.shape.items.parse(JSON.parse(await cli('decisions', 'list', '--json')));
    expect(decision?.constraintRef).toBe('CLAIMS-1');
    expect(await cli('decisions', 'decide', decision?.id ?? '', '--outcome', 'Accept with mitigations', '--by', 'bea@example.com')).toMatch(/^Decided by:\s+Bea Board$/m);
    expect(DecisionPage.shape.items.parse(JSON.parse(await cli('decisions', 'list', '--json')))).toEqual([]);
  });

  it('pauses with a reason, resumes and acknowledges', async () => {
    expect(await cli('pause', 'CLAIMS-1', '--reason', 'Waiting for the regulator')).toContain('paused (Waiting for the regulator)');
    const resumed = Constraint.parse(JSON.parse(await cli('resume', 'CLAIMS-1', '--json')));
    expect(resumed.escalation?.pausedAt).toBeNull();
    expect(await cli('acknowledge', 'CLAIMS-1', '--person', 'owen@example.com', '--note', 'On it')).toContain('acknowledged by Owen Owner');
    const refused = await runCli(['acknowledge', 'CLAIMS-1', '--person', 'nobody@example.com', '--data-dir', dir]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
  });
});
