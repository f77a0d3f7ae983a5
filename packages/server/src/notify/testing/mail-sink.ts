import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A message as the SMTP server received it, parsed. */
export interface ReceivedMail {
  /** `Name <address>` of each From address. */
  readonly from: string;
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly messageId: string;
  readonly headers: ReadonlyMap<string, unknown>;
}

export interface MailSink {
  readonly port: number;
  /** Every message received, shared across restarts. */
  readonly messages: ReceivedMail[];
  stop(): Promise<void>;
}

/**
 * A real SMTP server on 127.0.0.1 for tests (plain SMTP, no TLS, no auth). Port 0 picks a free port;
 * pass the port of a stopped sink and its `messages` to restart it where it was.
 */
export async function startMailSink(port = 0, messages: ReceivedMail[] = []): Promise<MailSink> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push({
            from: (mail.from?.value ?? []).map((a) => `${a.name} <${a.address ?? ''}>`).join(', '),
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            messageId: mail.messageId ?? '',
            headers: mail.headers,
          });
          callback();
        })
        .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address: AddressInfo | string | null = server.server.address();
  if (address === null || typeof address === 'string') throw new Error('SMTP sink is not listening on a TCP port');
  return {
    port: address.port,
    messages,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
