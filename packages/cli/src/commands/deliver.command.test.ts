import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NotificationChannel, Person } from '@handoff/contract';
import { createEnqueue, openHandoff } from '@handoff/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDataDirs, runCli, tempDataDir } from '../testing/run-cli.js';

/** `handoff deliver` as a process on a data directory whose outbox holds one webhook post and one e-mail. */

const SLOW = 180_000;
const dataDir = tempDataDir('deliver');
const received: string[] = [];
let sink: Server;
let channelId = '';

beforeAll(async () => {
  sink = createServer((req, res) => {
    received.push(req.headers['idempotency-key']?.toString() ?? '');
    req.resume();
    req.on('end', () => res.writeHead(200).end('ok'));
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  const address: AddressInfo | string | null = sink.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;

  const handoff = await openHandoff({ database: { kind: 'pglite', dataDir } });
  try {
    const json = { 'content-type': 'application/json' };
    const person = Person.parse(await (await handoff.request('/api/people', {
      method: 'POST', headers: json, body: JSON.stringify({ name: 'Amara Okafor', email: 'amara@example.com' }),
    })).json());
    channelId = NotificationChannel.parse(await (await handoff.request('/api/notification-channels', {
      method: 'POST', headers: json, body: JSON.stringify({ kind: 'slack', name: '#ai', webhookUrl: `http://127.0.0.1:${port}/hook` }),
    })).json()).id;
    const enqueue = createEnqueue(handoff.deps);
    await handoff.deps.database.db.transaction().execute((trx) => enqueue(trx, {
      workspaceId: handoff.workspace.id, eventKey: 'esc:x:1:0', key: 'esc:x:1:0:amara', kind: 'escalation', recipientId: person.id,
      programId: null, subject: 'X-1 is overdue', text: 'X-1 is overdue.', link: '/constraints/X-1', facts: {}, createdAt: new Date(),
    }));
  } finally {
    await handoff.close();
  }
}, SLOW);

afterAll(async () => {
  await new Promise<void>((resolve) => sink.close(() => resolve()));
  removeTempDataDirs();
});

describe('handoff deliver', { timeout: SLOW }, () => {
  it('posts the due webhook once, leaves the e-mail queued without SMTP_URL, and sends nothing on a second run', async () => {
    // The sink is on loopback: only a server told so may post there.
    const first = await runCli(['deliver', '--data-dir', dataDir], { SMTP_URL: '', HANDOFF_WEBHOOKS_ALLOW_PRIVATE: '1' });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('sent 1, failed and retrying later 0, failed for good 0');
    expect(first.stdout).toContain('e-mails wait in the outbox until SMTP_URL is set');
    expect(received).toEqual([`esc:x:1:0:${channelId}`]);

    const second = await runCli(['deliver', '--data-dir', dataDir, '--json'], { SMTP_URL: '', HANDOFF_WEBHOOKS_ALLOW_PRIVATE: '1' });
    expect(JSON.parse(second.stdout)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(received).toHaveLength(1);
  });

  it('refuses an SMTP_URL that is not smtp:// in one line, before opening anything', async () => {
    const result = await runCli(['deliver', '--data-dir', dataDir], { SMTP_URL: 'http://mail.example.com' });
    expect(result.code).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toEqual([expect.stringContaining('SMTP_URL must be an smtp:// or smtps:// URL')]);
  });
});
