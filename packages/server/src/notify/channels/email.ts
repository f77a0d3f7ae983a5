import { createTransport } from 'nodemailer';
import { SendError, type OutgoingMessage } from './channel.js';

export interface EmailOptions {
  /** `smtp://host:port` (STARTTLS when offered) or `smtps://…` (TLS from the start). */
  readonly smtpUrl: string;
  readonly mailFrom: string;
  /** Right-hand side of generated Message-IDs (the public host name). */
  readonly messageIdDomain: string;
}

export interface EmailChannel {
  send(to: string, message: OutgoingMessage): Promise<void>;
  close(): void;
}

/**
 * The Message-ID of a delivery: derived from its idempotency key alone, so every redelivery of one
 * message carries the same id and mail systems can drop the repeat. Characters a Message-ID may not
 * contain (`:`, `@`, spaces, dots in a row …) are %-escaped, which keeps distinct keys distinct.
 */
export function messageIdFor(idempotencyKey: string, domain: string): string {
  const left = idempotencyKey.replace(/[^A-Za-z0-9!#$&'*+\-/=?^_`{|}~]/g, (c) =>
    [...Buffer.from(c, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
  return `<${left}@${domain}>`;
}

/**
 * E-mail over SMTP (nodemailer, one connection per message). Timeouts are short so a hung server
 * fails the attempt well within the dispatcher's lease. A recipient the server refuses for good (5xx
 * at RCPT) is permanent; every other failure (refused connection, 4xx, timeouts) is retried.
 */
export function createEmailChannel(options: EmailOptions): EmailChannel {
  const transport = createTransport({
    url: options.smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(to, m) {
      try {
        await transport.sendMail({
          from: options.mailFrom,
          to,
          subject: m.subject,
          text: m.plain,
          messageId: messageIdFor(m.idempotencyKey, options.messageIdDomain),
          // RFC 3834: machine-generated, so vacation responders stay quiet.
          headers: { 'Auto-Submitted': 'auto-generated' },
        });
      } catch (error) {
        throw new SendError(`SMTP: ${describe(error)}`, isPermanent(error));
      }
    },
    close: () => transport.close(),
  };
}

function isPermanent(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = 'code' in error ? error.code : undefined;
  const responseCode = 'responseCode' in error ? error.responseCode : undefined;
  return code === 'EENVELOPE' && typeof responseCode === 'number' && responseCode >= 500;
}

function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim().slice(0, 500);
}
