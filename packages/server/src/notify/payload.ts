import { z } from 'zod';

/** Structured facts of a notification (ref, owner, daysOverdue, level …) as stored and sent. */
export const Facts = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));
export type Facts = z.infer<typeof Facts>;

/** What an outbox row delivers: the same for every channel; each channel formats it its own way. */
export const OutboxPayload = z.object({
  subject: z.string(),
  text: z.string(),
  /** Path in the app (`/constraints/CLAIMS-12`), made absolute with the public URL when sent. */
  link: z.string().nullable(),
  facts: Facts,
});
export type OutboxPayload = z.infer<typeof OutboxPayload>;

/**
 * Reads a stored payload. The outbox is written only by `enqueue`, so a row that does not parse is a
 * bug or a hand edit: it throws, and the dispatcher records that as the row's error.
 */
export function readPayload(stored: unknown): OutboxPayload {
  return OutboxPayload.parse(stored);
}

/** Reads stored facts; anything unreadable becomes no facts rather than a failed page. */
export function readFacts(stored: unknown): Facts {
  const parsed = Facts.safeParse(stored);
  return parsed.success ? parsed.data : {};
}
