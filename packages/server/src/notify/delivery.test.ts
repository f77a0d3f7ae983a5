import { NotificationDeliveryPage, type NotificationChannel, type Person, type Program } from '@handoff/contract';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimDue } from '../db/repos/outbox.repo.js';
import { startTestApi, type TestApi } from '../testing/harness.js';
import { messageIdFor } from './channels/email.js';
import { BACKOFF_BASE_MS, LEASE_MS, MAX_ATTEMPTS, backoffMs, createDispatcher, type Dispatcher } from './dispatcher.js';
import { startMailSink, type MailSink } from './testing/mail-sink.js';
import { addChannel, addPerson, addProgram, enqueue, notice } from './testing/notify-fixtures.js';
import { startWebhookSink, type WebhookSink } from './testing/webhook-sink.js';

/**
 * Delivery end to end with real peers: a real SMTP server and a real HTTP receiver on loopback, a
 * fresh database per test, notifications written through `enqueue` in a transaction, and the
 * dispatcher driven by the test's clock.
 */

const PUBLIC_URL = 'https://handoff.example.com';
let api: TestApi;
let mail: MailSink;
let hooks: WebhookSink;
let amara: Person;
let ben: Person;
let claims: Program;
let slack: NotificationChannel;
let teams: NotificationChannel;

/** The webhook sink listens on loopback, which only a server configured with HANDOFF_WEBHOOKS_ALLOW_PRIVATE=1 may reach. */
function dispatcher(allowPrivateWebhooks = true): Dispatcher {
  return createDispatcher({ ...api.handoff.deps, notify: { smtpUrl: `smtp://127.0.0.1:${mail.port}`, publicUrl: PUBLIC_URL, allowPrivateWebhooks } });
}

async function dispatchOnce(allowPrivateWebhooks = true): Promise<{ sent: number; retrying: number; failed: number }> {
  const d = dispatcher(allowPrivateWebhooks);
  try {
    return await d.dispatchDue();
  } finally {
    d.close();
  }
}

async function deliveries(query = ''): Promise<NotificationDeliveryPage['items']> {
  return NotificationDeliveryPage.parse((await api.call('GET', `/api/notifications?limit=200${query}`)).body).items;
}

function advance(ms: number): void {
  api.clock.set(new Date(api.clock.now().getTime() + ms).toISOString());
}

function countByMessageId(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of mail.messages) counts.set(m.messageId, (counts.get(m.messageId) ?? 0) + 1);
  return counts;
}

beforeEach(async () => {
  [api, mail, hooks] = await Promise.all([startTestApi(), startMailSink(), startWebhookSink()]);
  amara = await addPerson(api, 'Amara Okafor', 'amara@example.com');
  ben = await addPerson(api, 'Ben Adler', 'ben@example.com');
  claims = await addProgram(api, 'Claims triage', 'CLAIMS');
  const docs = await addProgram(api, 'Document intake', 'DOCS');
  slack = await addChannel(api, { kind: 'slack', name: '#ai-programs', webhookUrl: `${hooks.url}/slack` });
  teams = await addChannel(api, { kind: 'teams', name: 'Claims team', webhookUrl: `${hooks.url}/teams`, programId: claims.id });
  await addChannel(api, { kind: 'teams', name: 'Docs team', webhookUrl: `${hooks.url}/docs-teams`, programId: docs.id });
  await addChannel(api, { kind: 'slack', name: '#muted', webhookUrl: `${hooks.url}/muted`, enabled: false });
});

afterEach(async () => {
  await Promise.all([api.close(), mail.stop(), hooks.stop()]);
});

describe('dispatching the outbox', () => {
  it('e-mails each recipient and posts each event once to the workspace channel and the program channel', async () => {
    const first = notice(api, amara, claims);
    await enqueue(api, first, notice(api, ben, claims));

    expect(await dispatchOnce()).toEqual({ sent: 4, retrying: 0, failed: 0 });

    expect(mail.messages.map((m) => m.to).sort()).toEqual([['amara@example.com'], ['ben@example.com']]);
    const toAmara = mail.messages.find((m) => m.to.includes('amara@example.com'));
    expect(toAmara?.subject).toBe('CLAIMS-12 is 3 days overdue');
    expect(toAmara?.from).toBe('Handoff <handoff@localhost>');
    expect(toAmara?.text).toContain('3 days past its deadline');
    expect(toAmara?.text).toContain('Days overdue: 3');
    expect(toAmara?.text).toContain('Level: sponsor');
    expect(toAmara?.text).not.toContain('Note:');
    expect(toAmara?.text).toContain(`${PUBLIC_URL}/constraints/CLAIMS-12`);
    expect(toAmara?.messageId).toBe(messageIdFor(`${first.key}:email`, 'handoff.example.com'));

    expect(hooks.postsTo('/slack')).toHaveLength(1);
    expect(hooks.postsTo('/teams')).toHaveLength(1);
    expect(hooks.postsTo('/docs-teams')).toHaveLength(0);
    expect(hooks.postsTo('/muted')).toHaveLength(0);
    const slackPost = hooks.postsTo('/slack')[0];
    expect(slackPost?.headers['idempotency-key']).toBe(`${first.eventKey}:${slack.id}`);
    expect(JSON.stringify(slackPost?.body)).toContain('*Days overdue*\\n3');
    expect(JSON.stringify(slackPost?.body)).toContain(`<${PUBLIC_URL}/constraints/CLAIMS-12|Open in Handoff>`);
    const teamsPost = hooks.postsTo('/teams')[0];
    expect(teamsPost?.headers['idempotency-key']).toBe(`${first.eventKey}:${teams.id}`);
    expect(teamsPost?.body).toMatchObject({
      type: 'message',
      attachments: [{
        contentType: 'application/vnd.microsoft.card.adaptive',
        content: {
          type: 'AdaptiveCard',
          body: expect.arrayContaining([{ type: 'FactSet', facts: expect.arrayContaining([{ title: 'Days overdue', value: '3' }]) }]),
          actions: [{ type: 'Action.OpenUrl', url: `${PUBLIC_URL}/constraints/CLAIMS-12` }],
        },
      }],
    });

    const rows = await deliveries();
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1 && r.sentAt !== null && r.nextAttemptAt === null)).toBe(true);
    expect(await dispatchOnce()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(mail.messages).toHaveLength(2);
  });

  it('delivers a notification enqueued twice only once', async () => {
    const n = notice(api, amara, claims);
    await enqueue(api, n);
    await enqueue(api, n, { ...n, subject: 'a second write of the same key' });

    expect(await dispatchOnce()).toEqual({ sent: 3, retrying: 0, failed: 0 });
    expect(mail.messages).toHaveLength(1);
    expect(mail.messages[0]?.subject).toBe('CLAIMS-12 is 3 days overdue');
    expect(hooks.posts).toHaveLength(2);
  });

  it('sends a personal notification (a digest) to the person only, never to webhook channels', async () => {
    await enqueue(api, notice(api, amara, claims, { eventKey: 'digest:2026-W48', kind: 'digest', personal: true }));

    expect(await dispatchOnce()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(mail.messages.map((m) => m.to)).toEqual([['amara@example.com']]);
    expect(hooks.posts).toHaveLength(0);
  });

  it('keeps e-mails through an SMTP outage and sends each exactly once when the server is back', async () => {
    const port = mail.port;
    await mail.stop();
    const sent = mail.messages;
    await enqueue(api, ...['1', '2', '3'].map((level) => notice(api, amara, claims, { eventKey: `esc:claims-12:1:${level}` })));

    expect(await dispatchOnce()).toEqual({ sent: 6, retrying: 3, failed: 0 });
    const waiting = await deliveries('&channel=email');
    expect(waiting).toHaveLength(3);
    for (const row of waiting) {
      expect(row.status).toBe('pending');
      expect(row.attempts).toBe(1);
      expect(row.lastError).toMatch(/ECONNREFUSED/);
      expect(row.nextAttemptAt).toBe(new Date(api.clock.now().getTime() + BACKOFF_BASE_MS).toISOString());
    }
    expect(await dispatchOnce()).toEqual({ sent: 0, retrying: 0, failed: 0 });

    mail = await startMailSink(port, sent);
    advance(BACKOFF_BASE_MS + 1_000);
    expect(await dispatchOnce()).toEqual({ sent: 3, retrying: 0, failed: 0 });

    expect(mail.messages).toHaveLength(3);
    expect([...countByMessageId().values()]).toEqual([1, 1, 1]);
    expect(await deliveries('&status=pending')).toEqual([]);
    expect((await deliveries('&channel=email')).map((r) => [r.status, r.attempts])).toEqual([['sent', 2], ['sent', 2], ['sent', 2]]);
    expect(hooks.posts).toHaveLength(6);
  });

  it('sends again, under the same Message-ID, a delivery whose sender stopped mid-send once its lease lapses', async () => {
    const n = notice(api, amara, null);
    await enqueue(api, n);
    // A sender claims everything and dies before sending or marking anything.
    const claimed = await claimDue(api.handoff.deps.database.db, {
      now: api.clock.now(), leaseUntil: new Date(api.clock.now().getTime() + LEASE_MS), limit: 10, channels: ['email', 'slack', 'teams'],
    });
    expect(claimed).toHaveLength(2);

    expect(await dispatchOnce()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    advance(LEASE_MS);
    expect(await dispatchOnce()).toEqual({ sent: 2, retrying: 0, failed: 0 });
    expect(mail.messages.map((m) => m.messageId)).toEqual([messageIdFor(`${n.key}:email`, 'handoff.example.com')]);
    expect((await deliveries()).map((r) => r.attempts)).toEqual([2, 2]);
  });

  it('lets two dispatchers run at once without sending any message twice', async () => {
    await enqueue(api, ...Array.from({ length: 12 }, (_, i) => notice(api, i % 2 ? amara : ben, claims, { eventKey: `esc:claims-${i}:1:1` })));
    const [a, b] = [dispatcher(), dispatcher()];
    const results = await Promise.all([a.dispatchDue(), b.dispatchDue()]);
    a.close();
    b.close();

    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(36);
    expect(mail.messages).toHaveLength(12);
    expect(new Set(mail.messages.map((m) => m.messageId)).size).toBe(12);
    expect(new Set(hooks.posts.map((p) => p.headers['idempotency-key'])).size).toBe(24);
  });
});

describe('failing webhooks', () => {
  it('retries a failing webhook with growing delays, gives up after the last attempt, and sends it after a retry', async () => {
    hooks.answer('/slack', 503);
    await enqueue(api, notice(api, amara, null));
    const slackRow = async () => (await deliveries('&channel=slack'))[0];

    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      const result = await dispatchOnce();
      expect(result.sent + result.retrying + result.failed).toBeGreaterThan(0);
      const row = await slackRow();
      expect(row?.attempts).toBe(attempt);
      expect(row?.lastError).toContain('webhook answered 503');
      if (attempt < MAX_ATTEMPTS) advance(backoffMs(attempt));
    }
    expect((await slackRow())?.status).toBe('failed');
    expect(hooks.postsTo('/slack')).toHaveLength(MAX_ATTEMPTS);
    advance(backoffMs(MAX_ATTEMPTS));
    expect(await dispatchOnce()).toEqual({ sent: 0, retrying: 0, failed: 0 });

    hooks.answer('/slack', 200);
    const failed = await slackRow();
    const retried = await api.call('POST', `/api/notifications/${failed?.id}/retry`, {});
    expect(retried.status).toBe(200);
    expect(await dispatchOnce()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect((await slackRow())?.status).toBe('sent');
    const again = await api.call('POST', `/api/notifications/${failed?.id}/retry`, {});
    expect(again.status).toBe(409);
    expect(new Set(hooks.postsTo('/slack').map((p) => p.headers['idempotency-key'])).size).toBe(1);
  });

  it('fails a delivery at once when the webhook is refused for good or the channel was disabled', async () => {
    hooks.answer('/teams', 404);
    await enqueue(api, notice(api, amara, claims));
    await api.call('PATCH', `/api/notification-channels/${slack.id}`, { enabled: false });

    expect(await dispatchOnce()).toEqual({ sent: 1, retrying: 0, failed: 2 });
    const failed = await deliveries('&status=failed');
    expect(failed.map((r) => [r.channel, r.attempts, r.lastError]).sort()).toEqual([
      ['slack', 1, 'the channel is disabled'],
      ['teams', 1, 'webhook answered 404: no_service'],
    ]);
    expect(hooks.postsTo('/slack')).toHaveLength(0);
  });

  it('never posts to a webhook on a private address unless the server allows it, and fails the delivery for good saying how', async () => {
    await enqueue(api, notice(api, amara, claims));

    expect(await dispatchOnce(false)).toEqual({ sent: 1, retrying: 0, failed: 2 });
    expect(hooks.posts).toHaveLength(0);
    const failed = await deliveries('&status=failed');
    expect(failed.map((r) => r.channel).sort()).toEqual(['slack', 'teams']);
    for (const row of failed) {
      expect(row.attempts).toBe(1);
      expect(row.lastError).toMatch(/webhook host 127\.0\.0\.1 is a private address \(127\.0\.0\.1\); set HANDOFF_WEBHOOKS_ALLOW_PRIVATE=1/);
    }
  });
});
