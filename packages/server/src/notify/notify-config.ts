/** Where notifications go out: the SMTP server, the sender address, the app's public base URL. */
export interface NotifyConfig {
  /** `smtp://host:port` or `smtps://user:pass@host:465`; without it e-mails wait in the outbox. */
  readonly smtpUrl?: string;
  /** The From header, e.g. `Handoff <handoff@example.com>`. */
  readonly mailFrom?: string;
  /** Base URL links in messages point to, e.g. `https://handoff.example.com`. */
  readonly publicUrl?: string;
  /** Let webhooks reach loopback, private and link-local addresses (HANDOFF_WEBHOOKS_ALLOW_PRIVATE=1); off by default. */
  readonly allowPrivateWebhooks?: boolean;
}

export const DEFAULT_MAIL_FROM = 'Handoff <handoff@localhost>';
export const DEFAULT_PUBLIC_URL = 'http://localhost:3000';

/**
 * Reads SMTP_URL, HANDOFF_MAIL_FROM, HANDOFF_PUBLIC_URL (blank = unset) and HANDOFF_WEBHOOKS_ALLOW_PRIVATE (1/true/0/false). Throws an Error naming the
 * variable when a value cannot work, so a misconfigured server refuses to start instead of failing
 * every delivery later.
 */
export function notifyConfigFromEnv(env: Readonly<Record<string, string | undefined>>): NotifyConfig {
  const smtpUrl = env.SMTP_URL?.trim() || undefined;
  const mailFrom = env.HANDOFF_MAIL_FROM?.trim() || undefined;
  const publicUrl = env.HANDOFF_PUBLIC_URL?.trim() || undefined;
  const allowPrivate = env.HANDOFF_WEBHOOKS_ALLOW_PRIVATE?.trim().toLowerCase() || undefined;
  if (allowPrivate !== undefined && !['1', 'true', '0', 'false'].includes(allowPrivate)) {
    throw new Error(`HANDOFF_WEBHOOKS_ALLOW_PRIVATE must be 1, true, 0 or false (got ${allowPrivate})`);
  }
  if (smtpUrl !== undefined && !hasProtocol(smtpUrl, ['smtp:', 'smtps:'])) {
    throw new Error(`SMTP_URL must be an smtp:// or smtps:// URL such as smtp://127.0.0.1:2525 (got ${redact(smtpUrl)})`);
  }
  if (publicUrl !== undefined && !hasProtocol(publicUrl, ['http:', 'https:'])) {
    throw new Error(`HANDOFF_PUBLIC_URL must be an http(s) URL such as https://handoff.example.com (got ${publicUrl})`);
  }
  if (mailFrom !== undefined && !/@[^@\s>]+>?$/.test(mailFrom)) {
    throw new Error(`HANDOFF_MAIL_FROM must be an address such as "Handoff <handoff@example.com>" (got ${mailFrom})`);
  }
  return {
    ...(smtpUrl ? { smtpUrl } : {}), ...(mailFrom ? { mailFrom } : {}), ...(publicUrl ? { publicUrl } : {}),
    ...(allowPrivate === '1' || allowPrivate === 'true' ? { allowPrivateWebhooks: true } : {}),
  };
}

function hasProtocol(value: string, protocols: readonly string[]): boolean {
  try {
    const url = new URL(value);
    return protocols.includes(url.protocol) && url.hostname !== '';
  } catch {
    return false;
  }
}

/** The URL without its password, for messages. */
function redact(value: string): string {
  return value.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
}
