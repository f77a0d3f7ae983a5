/**
 * A failed send. `permanent` means trying again cannot help (the receiver refused the message or the
 * address for good, the channel is gone): the delivery fails at once instead of using up its backoff.
 */
export class SendError extends Error {
  constructor(message: string, readonly permanent: boolean) {
    super(message);
  }
}

/** One delivery as every channel receives it, ready to format. */
export interface OutgoingMessage {
  /** The outbox row's idempotency key: the same on every redelivery, so receivers can drop repeats. */
  readonly idempotencyKey: string;
  readonly subject: string;
  /** The notification's own text. */
  readonly body: string;
  /** Text, facts and absolute link as one plain-text message (e-mail body, chat fallback text). */
  readonly plain: string;
  readonly link: string | null;
  readonly facts: readonly { readonly title: string; readonly value: string }[];
}

/** Sends one message to one destination (an e-mail address or a webhook URL); throws on failure. */
export type Send = (destination: string, message: OutgoingMessage) => Promise<void>;
