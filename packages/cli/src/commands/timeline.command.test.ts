import { addDays, localDate } from '@handoff/core';
import { PhasePlan, ProgramForecast, ProgramTimeline } from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDataDirs, runCli, tempDataDir } from '../testing/run-cli.js';

/**
 * Plan, timeline, impact and forecast from the terminal, through the built binary on one data directory.
 * The binary runs on the real clock (workspace in UTC), so dates are days from today:
 *   PLAT (pilot): PLAT-1 due +30.   APP (production-readiness, target +120): APP-1 due +10, depends on PLAT-1;
 *   plan limited-rollout +20, production +100. APP's limited-rollout is projected at +30 (10 days late),
 *   held by PLAT-1, which has 70 days before production moves.
 */
const SLOW = 180_000;
const dir = tempDataDir('timeline');
const today = localDate(new Date(), 'UTC');
const day = (n: number) => addDays(today, n);
const cli = async (...args: string[]) => {
  const r = await runCli([...args, '--data-dir', dir]);
  expect(r.stderr, r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
};

beforeAll(async () => {
  await cli('people', 'add', '--name', 'Ines Moreau', '--email', 'ines@example.com');
  await cli('programs', 'add', '--name', 'Serving platform', '--key', 'PLAT', '--phase', 'pilot');
  await cli('programs', 'add', '--name', 'Claims app', '--key', 'APP', '--phase', 'production-readiness', '--target-date', day(120));
  await cli('constraints', 'add', '--program', 'PLAT', '--title', 'Serving lacks HA', '--kind', 'blocker', '--dimension', 'technical',
    '--owner', 'ines@example.com', '--deadline', day(30));
  await cli('constraints', 'add', '--program', 'APP', '--title', 'App on HA serving', '--kind', 'dependency', '--dimension', 'technical',
    '--owner', 'ines@example.com', '--deadline', day(10), '--depends-on', 'PLAT-1');
}, SLOW);
afterAll(removeTempDataDirs);

describe('timeline commands', { timeout: SLOW }, () => {
  it('sets plan dates gate by gate, keeping the others, and shows the target standing in for production', async () => {
    const first = await cli('plan', 'APP', `limited-rollout=${day(20)}`, '--reason', 'Steering committee plan');
    expect(first).toMatch(new RegExp(`^production\\s+${day(120)}\\s+target production date$`, 'm'));
    const plan = PhasePlan.parse(JSON.parse(await cli('plan', 'APP', `production=${day(100)}`, '--json')));
    expect(plan.gates.map((g) => [g.gate, g.plannedDate, g.source])).toEqual([
      ['pilot', null, null], ['production-readiness', null, null], ['limited-rollout', day(20), 'plan'], ['production', day(100), 'plan'],
    ]);
  });

  it('shows gates planned, projected and slipped, the binding constraint and the critical path', async () => {
    const out = await cli('timeline', 'APP');
    expect(out).toMatch(new RegExp(`^limited-rollout\\s+${day(20)}\\s+${day(30)}\\s+\\+10\\s+PLAT-1 → APP-1$`, 'm'));
    expect(out).toMatch(new RegExp(`^production\\s+${day(100)}\\s+${day(100)}\\s+0\\s+plan$`, 'm'));
    expect(out).toContain(`Binding constraint: PLAT-1 Serving lacks HA (Ines Moreau, due ${day(30)}) holds limited-rollout 10 days past plan.`);
    expect(out).toContain('production moves once it slips more than 70 days');
    expect(out).toContain(`Critical path to limited-rollout: PLAT-1 Serving lacks HA (Ines Moreau, due ${day(30)}) → APP-1 App on HA serving`);
    const json = ProgramTimeline.parse(JSON.parse(await cli('timeline', 'APP', '--json')));
    expect(json.binding).toMatchObject({ kind: 'constraint', constraint: { ref: 'PLAT-1' }, productionSlackDays: 70 });
  });

  it('shows what a slip does to every program it reaches', async () => {
    const out = await cli('impact', 'PLAT-1', '--days', '80');
    expect(out).toMatch(new RegExp(`^APP\\s+limited-rollout\\s+${day(30)}\\s+\\+80\\s+${day(110)}$`, 'm'));
    expect(out).toContain(`APP production: ${day(100)} → ${day(110)} (+10 days)`);
    expect(out).toContain(`PLAT production: ${day(30)} → ${day(110)} (+80 days)`);
  });

  it('forecasts the same percentiles for the same seed', async () => {
    const a = ProgramForecast.parse(JSON.parse(await cli('forecast', 'APP', '--seed', '5', '--trials', '300', '--json')));
    const b = ProgramForecast.parse(JSON.parse(await cli('forecast', 'APP', '--seed', '5', '--trials', '300', '--json')));
    expect(b).toEqual(a);
    expect(a.gates.every((g) => g.p50 <= g.p80 && g.p80 <= g.p95)).toBe(true);
    expect(await cli('forecast', 'APP')).toMatch(/^limited-rollout\s+\S+\s+\d{4}-\d{2}-\d{2}\s+\d{4}-\d{2}-\d{2}\s+\d{4}-\d{2}-\d{2}$/m);
  });

  it('fails with one line naming the problem for a bad gate, a backwards plan or a missing --days', async () => {
    for (const [args, named] of [
      [['plan', 'APP', 'golive=2027-01-01'], 'golive'],
      [['plan', 'APP', `limited-rollout=${day(200)}`], 'gates.production'],
      [['impact', 'PLAT-1'], '--days'],
      [['timeline', 'NOPE'], 'NOPE'],
    ] as const) {
      const r = await runCli([...args, '--data-dir', dir]);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1);
      expect(r.stderr).toContain(named);
    }
  });
});
