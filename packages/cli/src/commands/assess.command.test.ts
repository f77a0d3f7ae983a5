import { ClarityAssessment, Person, Program } from '@handoff/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { converse, withHandoffAt } from '../testing/converse.js';
import { removeTempDataDirs, runCli, tempDataDir } from '../testing/run-cli.js';

/**
 * `handoff assess` as a person at a terminal meets it: the BUILT binary, each prompt answered as it appears, on a
 * data directory prepared through the API. The program is in discovery, so its next gate (pilot) has one
 * criterion per dimension in the default library.
 */

const SLOW = 180_000;
const dataDir = tempDataDir('assess');

const stateOf = () => withHandoffAt(dataDir, async (_h, call) => ClarityAssessment.parse(await call('GET', '/api/programs/CLAIMS/clarity')));

beforeAll(async () => {
  await withHandoffAt(dataDir, async (_h, call) => {
    const sponsor = Person.parse(await call('POST', '/api/people', { name: 'Helena Marsh', email: 'helena@example.com' }));
    Person.parse(await call('POST', '/api/people', { name: 'Kwame Mensah', email: 'kwame@example.com' }));
    Program.parse(await call('POST', '/api/programs', { name: 'Claims triage', key: 'CLAIMS', phase: 'discovery', sponsorId: sponsor.id }));
  });
}, SLOW);
afterAll(removeTempDataDirs);

describe('handoff assess', () => {
  it('records nothing when the input ends before the confirmation', async () => {
    const cut = await runCli(['assess', 'CLAIMS', '--data-dir', dataDir], {}, 'm\nTargets agreed\n');
    expect(cut.code).not.toBe(0);
    expect(cut.stderr).toMatch(/nothing was recorded/);
    const state = await stateOf();
    expect(state.readiness.dimensions.flatMap((d) => d.criteria).every((c) => c.status === null)).toBe(true);
  }, SLOW);

  it('walks the dimensions, names role holders and binding constraints, then records it all and prints the maps', async () => {
    const run = converse(['assess', 'CLAIMS', '--data-dir', dataDir]);
    await run.waitFor('[TECH-01]');
    await run.answer('Status [m/p/n/x, Enter skips]: ', 'm');
    await run.answer('Evidence: ', 'Scale and latency targets agreed in the charter');
    await run.answer('Status [m/p/n/x, Enter skips]: ', 'met');
    await run.answer('Evidence: ', 'The COO sponsors the outcome');
    await run.answer('Status [m/p/n/x, Enter skips]: ', 'maybe');
    await run.waitFor('Please answer m (met)');
    await run.answer('Status [m/p/n/x, Enter skips]: ', 'n');
    await run.answer('Evidence: ', 'Claims handlers not yet involved');
    await run.answer('Status [m/p/n/x, Enter skips]: ', '');
    await run.answer('(output-owner) is vacant. Who holds it?', 'nobody@example.com');
    await run.waitFor('try again');
    await run.answer('(output-owner) is vacant. Who holds it?', 'kwame@example.com');
    await run.answer('(drift-monitor) is vacant', '');
    await run.answer('(retraining-authoriser) is vacant', '');
    await run.answer('(regulated-escalation-owner) is vacant', '');
    await run.waitFor('[WF-01]');
    await run.answer('Owner (e-mail, Enter skips this gap): ', 'kwame@example.com');
    await run.answer('Deadline (YYYY-MM-DD, Enter for ', '2026-13-40');
    await run.waitFor('is not a real date');
    await run.answer('Deadline (YYYY-MM-DD, Enter for ', '2027-01-15');
    await run.answer('Title (Enter for', '');
    await run.waitFor('[ECON-01]');
    await run.answer('Owner (e-mail, Enter skips this gap): ', '');
    await run.answer('Record this assessment of CLAIMS? [Y/n] ', 'y');
    const done = await run.finish();
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toMatch(/To record: 3 criteria assessed, 1 roles named, 1 constraints opened/);
    expect(done.stdout).toMatch(/Readiness of CLAIMS for the pilot gate: closed/);
    expect(done.stdout).toMatch(/Technical\s+100\/100\s+met/);
    expect(done.stdout).toMatch(/Workforce\s+0\/100\s+not met\s+gaps: WF-01/);
    expect(done.stdout).toMatch(/Diagnosis of CLAIMS/);
    expect(done.stdout).toMatch(/New constraints:\n\s+CLAIMS-1\s+Readiness gap: .*\(Kwame Mensah, due 2027-01-15\)/);

    const state = await stateOf();
    const result = (code: string) => state.readiness.dimensions.flatMap((d) => d.criteria).find((c) => c.criterion.code === code);
    expect(result('TECH-01')).toMatchObject({ status: 'met', evidence: 'Scale and latency targets agreed in the charter', assessedBy: { name: 'Helena Marsh' } });
    expect(result('WF-01')?.status).toBe('not-met');
    expect(result('WF-01')?.constraints.map((c) => [c.ref, c.deadline])).toEqual([['CLAIMS-1', '2027-01-15']]);
    expect(result('ECON-01')?.status).toBeNull();
    expect(state.ownership.roles.find((r) => r.key === 'output-owner')?.holder?.name).toBe('Kwame Mensah');
  }, SLOW);
});
