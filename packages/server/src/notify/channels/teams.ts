import type { OutgoingMessage, Send } from './channel.js';
import { postWebhook } from './webhook-post.js';

/**
 * The body of a Teams Workflows webhook post ("When a Teams webhook request is received"): a message
 * with one Adaptive Card attachment (schema 1.4, the newest every Teams client renders).
 */
export function teamsBody(m: OutgoingMessage): unknown {
  const body: unknown[] = [
    { type: 'TextBlock', text: m.subject, weight: 'Bolder', size: 'Medium', wrap: true },
    { type: 'TextBlock', text: m.body, wrap: true },
  ];
  if (m.facts.length > 0) body.push({ type: 'FactSet', facts: m.facts.map((f) => ({ title: f.title, value: f.value })) });
  const card = {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.4',
    body,
    ...(m.link ? { actions: [{ type: 'Action.OpenUrl', title: 'Open in Handoff', url: m.link }] } : {}),
  };
  return {
    type: 'message',
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card }],
  };
}

/** Posts to a Teams Workflows webhook. */
export const sendTeams: Send = (url, message) => postWebhook(url, teamsBody(message), message.idempotencyKey);
