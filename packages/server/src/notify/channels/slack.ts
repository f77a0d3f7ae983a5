import type { OutgoingMessage, Send } from './channel.js';
import { postWebhook } from './webhook-post.js';

/** Slack mrkdwn treats these three characters as control characters. */
function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The body of a Slack incoming-webhook post: fallback `text` (notifications, old clients) plus blocks. */
export function slackBody(m: OutgoingMessage): unknown {
  const blocks: unknown[] = [
    { type: 'header', text: { type: 'plain_text', text: m.subject.slice(0, 150), emoji: false } },
    { type: 'section', text: { type: 'mrkdwn', text: escape(m.body).slice(0, 3000) } },
  ];
  if (m.facts.length > 0) {
    // A section holds at most 10 fields.
    blocks.push({
      type: 'section',
      fields: m.facts.slice(0, 10).map((f) => ({ type: 'mrkdwn', text: `*${escape(f.title)}*\n${escape(f.value)}` })),
    });
  }
  if (m.link) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `<${m.link}|Open in Handoff>` } });
  return { text: `${m.subject}\n${m.plain}`, blocks };
}

/** Posts to a Slack incoming webhook. */
export const sendSlack: Send = (url, message) => postWebhook(url, slackBody(message), message.idempotencyKey);
