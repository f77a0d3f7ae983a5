import { Economics } from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDataDirs, runCli, tempDataDir } from '../testing/run-cli.js';

/** Production economics from the terminal, through the built binary on one data directory. */
const SLOW = 180_000;
const dir = tempDataDir('economics');
const cli = async (...args: string[]) => {
  const r = await runCli([...args, '--data-dir', dir]);
  expect(r.stderr, r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
};

beforeAll(async () => {
  await cli('programs', 'add', '--name', 'Claims triage', '--key', 'CLAIMS');
}, SLOW);
afterAll(removeTempDataDirs);

describe('economics commands', { timeout: SLOW }, () => {
  it('says loudly that a program without a cost model has none, and how to start one', async () => {
    expect((await cli('economics', 'CLAIMS')).trim()).toBe(
      'CLAIMS: NO COST MODEL: economic readiness cannot be met. Start one with `handoff economics model CLAIMS --currency GBP`.');
  });

  it('builds a model from the terminal and prints pilot and production side by side with a loud pilot-economics line', async () => {
    expect((await cli('economics', 'model', 'CLAIMS', '--currency', 'GBP', '--horizon', '12', '--rate', '0')).trim())
      .toBe('CLAIMS cost model: GBP, 12 months, discount rate 0');
    await cli('economics', 'add-cost', 'CLAIMS', '--label', 'Pilot serving', '--category', 'compute', '--scope', 'pilot', '--recurrence', 'monthly', '--amount', '500');
    const added = await cli('economics', 'add-cost', 'CLAIMS', '--label', 'Integration', '--category', 'integration', '--scope', 'production',
      '--recurrence', 'one-off', '--amount', '12000');
    expect(added.trim()).toBe('added production cost "Integration" (integration): GBP 12000.00 one-off');
    await cli('economics', 'add-cost', 'CLAIMS', '--label', 'Serving', '--category', 'compute', '--scope', 'production', '--recurrence', 'monthly', '--amount', '1000');
    await cli('economics', 'add-benefit', 'CLAIMS', '--label', 'Handler time', '--category', 'cost-saving', '--scope', 'production',
      '--recurrence', 'monthly', '--amount', '4000', '--start', '1');
    const out = await cli('economics', 'CLAIMS');
    expect(out).toContain('!! PILOT ECONOMICS: production costs have no adoption, monitoring, governance, workforce costs; economic readiness stays unmet');
    expect(out).toMatch(/CATEGORY\s+PILOT\s+PRODUCTION/);
    expect(out).toMatch(/compute\s+6000\.00\s+12000\.00/);
    expect(out).toMatch(/TCO\s+6000\.00\s+24000\.00/);
    expect(out).toMatch(/NPV\s+-6000\.00\s+20000\.00/);
    expect(out).toMatch(/payback\s+never\s+month 5/);
    expect(out).toContain('the pilot hides: integration 12000.00');
  });

  it('prints JSON with the cash flow, and refuses a bad amount in one line naming it', async () => {
    const e = Economics.parse(JSON.parse(await cli('economics', 'CLAIMS', '--json')));
    expect(e.production?.cashFlow?.map((m) => m.cumulativeNet).slice(0, 6)).toEqual(['-13000.00', '-10000.00', '-7000.00', '-4000.00', '-1000.00', '2000.00']);
    const r = await runCli(['economics', 'add-cost', 'CLAIMS', '--label', 'GPU', '--category', 'compute', '--scope', 'production', '--recurrence', 'monthly',
      '--amount', '1,000', '--data-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('handoff: amount: cost "GPU" has an amount that cannot be read: "1,000" is not a plain decimal number such as 1250.50');
  });
});
