import { DecisionPage, SweepResult } from '@handoff/contract';
import { addDays } from '@handoff/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatcher } from '../notify/dispatcher.js';
import { startMailSink, type MailSink } from '../notify/testing/mail-sink.js';
import { startTestApi, type TestApi } from '../testing/harness.js';
import { loadDemoPortfolio } from './demo-portfolio.js';

/**
 * Issue 4's end-to-end check on the demo portfolio: a sweep 30 days ahead fires each due level once,
 * a real SMTP server receives exactly the e-mails those levels produced, and a second sweep and a
 * second delivery pass add nothing.
 */
let api: TestApi;
let mail: MailSink;
let dispatcher: Dispatcher;
let today = '';

beforeAll(async () => {
  [api, mail] = await Promise.all([startTestApi({ now: '2026-11-25T09:00:00.000Z', timeZone: 'Europe/London' }), startMailSink()]);
  today = api.handoff.services.constraints.today(api.handoff.actor);
  await loadDemoPortfolio(api.handoff, today);
  dispatcher = createDispatcher({ ...api.handoff.deps, notify: { smtpUrl: `smtp://127.0.0.1:${mail.port}`, publicUrl: 'http://handoff.test' } });
  // Assignment notices from loading the demo are delivered first, so what follows counts escalation mail only.
  while ((await dispatcher.dispatchDue()).sent > 0) { /* drain */ }
  mail.messages.length = 0;
}, 300_000);
afterAll(async () => {
  dispatcher.close();
  await Promise.all([api.close(), mail.stop()]);
});

describe('the demo portfolio 30 days ahead', () => {
  it('fires each due level once and the SMTP server receives exactly the resulting e-mails', async () => {
    const at = `${addDays(today, 30)}T09:00:00.000Z`;
    api.clock.set(at);
    const first = SweepResult.parse((await api.call('POST', '/api/escalations/sweep', { at })).body);
    expect(first.notified).toBeGreaterThan(50);
    expect(first.decisions).toBeGreaterThan(0);
    const second = SweepResult.parse((await api.call('POST', '/api/escalations/sweep', { at })).body);
    expect(second).toMatchObject({ notified: 0, skipped: 0, decisions: 0, notifications: 0 });

    let sent = 0;
    for (let pass = await dispatcher.dispatchDue(); pass.sent > 0; pass = await dispatcher.dispatchDue()) sent += pass.sent;
    const db = api.handoff.deps.database.db;
    const emails = await db.selectFrom('outbox').select(['idempotency_key', 'target']).where('channel', '=', 'email')
      .where('kind', 'in', ['escalation', 'decision-request']).execute();
    expect(emails.length).toBe(first.notifications);
    expect(sent).toBe(emails.length);
    expect(mail.messages).toHaveLength(emails.length);
    expect(new Set(mail.messages.map((m) => m.messageId)).size).toBe(emails.length);
    const expected = emails.map((e) => e.target).sort();
    expect(mail.messages.flatMap((m) => m.to).map((t) => t.replace(/^.*<|>$/g, '')).sort()).toEqual(expected);
    expect(mail.messages.some((m) => /overdue/.test(m.subject) && m.text.includes('Escalation level'))).toBe(true);

    expect((await dispatcher.dispatchDue()).sent).toBe(0);
    expect(mail.messages).toHaveLength(emails.length);
  }, 300_000);

  it('has a pending board decision for every constraint that reached the board', async () => {
    const decisions = DecisionPage.parse((await api.call('GET', '/api/decisions?status=pending&limit=200')).body).items;
    const db = api.handoff.deps.database.db;
    const boardLevels = await db.selectFrom('escalation_events').select('constraint_id').where('level_name', '=', 'board').where('kind', '=', 'notified').execute();
    expect(decisions.map((d) => d.constraintId).sort()).toEqual(boardLevels.map((b) => b.constraint_id).sort());
    expect(decisions.every((d) => d.options.includes(d.recommendation))).toBe(true);
  });
});
