import type { OutgoingMessage } from './channels/channel.js';
import type { Facts, OutboxPayload } from './payload.js';

/** One fact as a label and a value, for e-mail lines, Slack fields and Teams fact sets. */
export interface FactEntry {
  readonly title: string;
  readonly value: string;
}

/** The link made absolute with the public base URL (a base path such as /handoff is kept). */
export function absoluteLink(publicUrl: string, link: string | null): string | null {
  if (link === null) return null;
  if (/^https?:\/\//i.test(link)) return link;
  return `${publicUrl.replace(/\/+$/, '')}/${link.replace(/^\/+/, '')}`;
}

/** Facts with a value, labelled for people: `daysOverdue` → `Days overdue`. Order as given. */
export function factEntries(facts: Facts): FactEntry[] {
  return Object.entries(facts).flatMap(([key, value]) => (value === null ? [] : [{ title: label(key), value: String(value) }]));
}

function label(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The plain-text body every channel can show: the text, the facts one per line, then the link. */
export function plainText(payload: OutboxPayload, publicUrl: string): string {
  const facts = factEntries(payload.facts).map((f) => `${f.title}: ${f.value}`);
  const link = absoluteLink(publicUrl, payload.link);
  return [payload.text.trimEnd(), facts.join('\n'), link ? `Open in Handoff: ${link}` : '']
    .filter((part) => part !== '')
    .join('\n\n');
}

/** Everything a channel needs to send one delivery. */
export function outgoingMessage(idempotencyKey: string, payload: OutboxPayload, publicUrl: string): OutgoingMessage {
  return {
    idempotencyKey,
    subject: payload.subject,
    body: payload.text,
    plain: plainText(payload, publicUrl),
    link: absoluteLink(publicUrl, payload.link),
    facts: factEntries(payload.facts),
  };
}
