import { Constraint, HistoryPage, Person, Program, Review, ReviewPage } from '@handoff/contract';
import { addDays, localDate } from '@handoff/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenOn } from '../testing/api-token.js';
import { converse, withHandoffAt } from '../testing/converse.js';
import { removeTempDataDirs, runCli, startServe, tempDataDir } from '../testing/run-cli.js';

/**
 * `handoff review` as a person at a terminal meets it: the BUILT binary, its prompts answered as they
 * appear, on a data directory prepared through the API (with a clock ten days back, so the
 * constraints are stale). Then the same command driven through a pipe, and against a server (--url).
 */

const SLOW = 180_000;
const dataDir = tempDataDir('review');
const today = localDate(new Date(), 'UTC');
const replanned = addDays(today, 45);

/** CLAIMS-2, which the review escalates at once. */
let silentId = '';

beforeAll(async () => {
  await withHandoffAt(dataDir, async (handoff, call) => {
    const owner = Person.parse(await call('POST', '/api/people', { name: 'Ola Nordmann', email: 'ola@example.com' }));
    const sponsor = Person.parse(await call('POST', '/api/people', { name: 'Sade Adu', email: 'sade@example.com' }));
    Program.parse(await call('POST', '/api/programs', { name: 'Claims triage', key: 'CLAIMS', phase: 'pilot', sponsorId: sponsor.id }));
    const add = async (title: string, deadline: string) => Constraint.parse(await call('POST', '/api/programs/CLAIMS/constraints', {
      title, kind: 'blocker', dimension: 'governance', ownerId: owner.id, deadline, severity: 'high',
    }));
    await add('Drift not monitored', '2020-01-15');
    silentId = (await add('No named owner for model output', addDays(today, 30))).id;
    await add('Consent wording unclear', addDays(today, 40));
    await add('Latency above target', addDays(today, 50));
    await handoff.services.escalations.sweep(new Date());
  }, new Date(Date.now() - 10 * 86_400_000));
}, SLOW);
afterAll(removeTempDataDirs);

describe('handoff review', { timeout: SLOW }, () => {
  it('walks through the agenda, asks a decision for each constraint, confirms, and records them all', async () => {
    const s = converse(['review', 'CLAIMS', '--data-dir', dataDir]);
    await s.answer('[o/a/r/e/x, ? for help] (o): ', 'r');
    const first = s.output();
    expect(first).toContain('Weekly review of CLAIMS (Claims triage) by Sade Adu: 4 active constraints, 1 overdue, 4 stale; never reviewed before.');
    expect(first).toMatch(/\[1\/4\] CLAIMS-1 {2}Drift not monitored/);
    expect(first).toMatch(/Owner:\s+Ola Nordmann <ola@example.com>/);
    expect(first).toMatch(/Deadline:\s+2020-01-15, OVERDUE by \d+ days/);
    expect(first).toMatch(/Reviewed:\s+never \(STALE: not reviewed for more than 7 days\)/);
    expect(first).toMatch(/Escalation:\s+level board \(cycle 1\)/);
    expect(first).toContain('Changed since it was created:');
    expect(first).toMatch(/created as CLAIMS-1/);
    await s.answer('New deadline (YYYY-MM-DD, now 2020-01-15): ', '2020-01-15');
    await s.answer('New deadline (YYYY-MM-DD, now 2020-01-15): ', 'soon');
    await s.answer('New deadline (YYYY-MM-DD, now 2020-01-15): ', replanned);
    await s.answer('Reason for moving it (kept in the history): ', '');
    await s.answer('Reason for moving it (kept in the history): ', 'Vendor contract signed late');
    await s.answer('Note (optional, Enter to skip): ', '');
    await s.answer('(o): ', 'e');
    await s.answer('Note (optional, Enter to skip): ', 'No progress for weeks');
    await s.answer('(o): ', '?');
    await s.answer('(o): ', 'z');
    await s.answer('(o): ', '');
    await s.answer('Note (optional, Enter to skip): ', '');
    await s.answer('(o): ', 'x');
    await s.answer('Note (optional, Enter to skip): ', 'Fixed by caching');
    await s.answer('Note for the whole review (optional, Enter to skip): ', 'Weekly review');
    await s.answer('Record this review of CLAIMS by Sade Adu? [Y/n] ', 'y');
    const { code, stdout, stderr } = await s.finish();
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('2020-01-15 is the current deadline (2020-01-15): a re-plan moves it.');
    expect(stdout).toContain('soon must be a real date in YYYY-MM-DD form.');
    expect(stdout).toContain('A reason is required: deadlines never move silently.');
    expect(stdout).toContain('  e  escalate now: fire the next escalation level at once');
    expect(stdout).toContain('Please answer o, a, r, e or x (? for help).');
    expect(stdout).toMatch(/Summary \(4 decisions\):\n/);
    expect(stdout).toContain(`CLAIMS-1 re-planned: deadline 2020-01-15 → ${replanned}; escalation starts again (cycle 2).`);
    expect(stdout).toContain('CLAIMS-2 escalated now: level reminder fired.');
    expect(stdout).toContain('CLAIMS-3 on track: marked reviewed.');
    expect(stdout).toContain('CLAIMS-4 resolved (was open).');
    expect(stdout).toMatch(/Recorded review [0-9a-f-]{36} of CLAIMS by Sade Adu: 4 constraints reviewed\./);

    await withHandoffAt(dataDir, async (handoff, call) => {
      const page = ReviewPage.parse(await call('GET', '/api/programs/CLAIMS/reviews'));
      expect(page.items.map((r) => [r.note, r.decisions])).toEqual([['Weekly review', { 'on-track': 1, 'at-risk': 0, 're-plan': 1, 'escalate-now': 1, resolved: 1 }]]);
      const review = Review.parse(await call('GET', `/api/reviews/${page.items[0]?.id ?? ''}`));
      expect(review.items.map((i) => [i.ref, i.decision, i.note])).toEqual([
        ['CLAIMS-1', 're-plan', null], ['CLAIMS-2', 'escalate-now', 'No progress for weeks'], ['CLAIMS-3', 'on-track', null], ['CLAIMS-4', 'resolved', 'Fixed by caching'],
      ]);
      expect(Constraint.parse(await call('GET', '/api/constraints/CLAIMS-1'))).toMatchObject({ deadline: replanned, stale: false, escalation: { cycle: 2 } });
      const history = HistoryPage.parse(await call('GET', '/api/constraints/CLAIMS-1/history?limit=200')).items;
      expect(history).toContainEqual(expect.objectContaining({ field: 'deadline', after: replanned, reason: 'Vendor contract signed late' }));
      expect(Constraint.parse(await call('GET', '/api/constraints/CLAIMS-4')).status).toBe('resolved');
      const fired = await handoff.deps.database.db.selectFrom('escalation_events').select('level_name').where('constraint_id', '=', silentId).execute();
      expect(fired.map((e) => e.level_name)).toEqual(['reminder']);
    });
  });

  it('reads answers from a pipe line by line, and records nothing when the review is not confirmed or input ends', async () => {
    // Three active constraints left: a decision and a note each, the review note, then "n".
    const declined = await runCli(['review', 'CLAIMS', '--data-dir', dataDir], {}, `a\nslipping\n\n\n\n\n\nn\n`);
    expect(declined.stderr).toBe('');
    expect(declined.code).toBe(0);
    expect(declined.stdout).toContain('Weekly review of CLAIMS (Claims triage) by Sade Adu: 3 active constraints, 0 overdue, 0 stale;');
    expect(declined.stdout).toContain('[o/a/r/e/x, ? for help] (o): a\n');
    expect(declined.stdout).toContain('Review discarded: nothing was recorded.');

    const cut = await runCli(['review', 'CLAIMS', '--data-dir', dataDir], {}, 'a\n');
    expect(cut.code).toBe(1);
    expect(cut.stderr).toBe('handoff: input ended before the review was confirmed: nothing was recorded\n');

    await withHandoffAt(dataDir, async (_h, call) => {
      expect(ReviewPage.parse(await call('GET', '/api/programs/CLAIMS/reviews')).items).toHaveLength(1);
    });
  });

  it('works against a running server with --url, a write token in HANDOFF_TOKEN and a named reviewer', async () => {
    // The token is made on the data directory before the server takes its lock.
    const { secret } = await createTokenOn(dataDir, 'review-tests', ['write']);
    const serve = await startServe(['--data-dir', dataDir]);
    try {
      const result = await runCli(['review', 'CLAIMS', '--url', serve.url, '--reviewer', 'ola@example.com', '--json'], { HANDOFF_TOKEN: secret }, `a\nVendor quiet\n\n\n\n\n\ny\n`);
      expect(result.stderr).toContain('Weekly review of CLAIMS (Claims triage) by Ola Nordmann');
      expect(result.code).toBe(0);
      const review = Review.parse(JSON.parse(result.stdout));
      expect(review).toMatchObject({ reviewer: { email: 'ola@example.com' }, note: null });
      expect(review.items.map((i) => [i.ref, i.decision, i.note])).toEqual([['CLAIMS-2', 'at-risk', 'Vendor quiet'], ['CLAIMS-3', 'on-track', null], ['CLAIMS-1', 'on-track', null]]);
      const page = ReviewPage.parse(await (await fetch(`${serve.url}/api/programs/CLAIMS/reviews`, { headers: { authorization: `Bearer ${secret}` } })).json());
      expect(page.items).toHaveLength(2);
    } finally {
      await serve.stop();
    }
  });
});
