import { describe, expect, it } from 'vitest';
import { messageIdFor } from './channels/email.js';
import { backoffMs, BACKOFF_CAP_MS } from './dispatcher.js';
import { absoluteLink, factEntries, plainText } from './message.js';
import { notifyConfigFromEnv } from './notify-config.js';

describe('message formatting', () => {
  it.each([
    ['http://localhost:3000', '/constraints/CLAIMS-12', 'http://localhost:3000/constraints/CLAIMS-12'],
    ['https://example.com/handoff/', '/constraints/CLAIMS-12', 'https://example.com/handoff/constraints/CLAIMS-12'],
    ['https://example.com', 'https://elsewhere.example/x', 'https://elsewhere.example/x'],
  ])('makes a link absolute against %s', (base, link, expected) => {
    expect(absoluteLink(base, link)).toBe(expected);
  });

  it('labels facts for people, keeps their order and drops empty ones', () => {
    expect(factEntries({ ref: 'CLAIMS-12', daysOverdue: 3, escalation_level: 'board', note: null })).toEqual([
      { title: 'Ref', value: 'CLAIMS-12' },
      { title: 'Days overdue', value: '3' },
      { title: 'Escalation level', value: 'board' },
    ]);
  });

  it('writes the text, the facts and the absolute link as plain text', () => {
    const text = plainText({ subject: 's', text: 'Blocked.', link: '/c/1', facts: { owner: 'Amara' } }, 'https://h.example');
    expect(text).toBe('Blocked.\n\nOwner: Amara\n\nOpen in Handoff: https://h.example/c/1');
  });
});

describe('Message-ID', () => {
  it('is a valid msg-id that differs for keys differing only in escaped characters', () => {
    const ids = ['esc:a:1:email', 'esc.a.1.email', 'esc%3Aa%3A1%3Aemail'].map((k) => messageIdFor(k, 'handoff.example.com'));
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id).toMatch(/^<[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+@handoff\.example\.com>$/);
    expect(messageIdFor('esc:a:1:email', 'h')).toBe(messageIdFor('esc:a:1:email', 'h'));
  });
});

describe('retry delays', () => {
  it('double from 30 s and stop growing at one hour', () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(backoffMs(8)).toBe(BACKOFF_CAP_MS);
    expect(backoffMs(50)).toBe(BACKOFF_CAP_MS);
  });
});

describe('notification settings from the environment', () => {
  it('reads the three variables and treats blank ones as unset', () => {
    expect(notifyConfigFromEnv({ SMTP_URL: 'smtp://127.0.0.1:2525', HANDOFF_MAIL_FROM: ' ', HANDOFF_PUBLIC_URL: 'https://h.example' }))
      .toEqual({ smtpUrl: 'smtp://127.0.0.1:2525', publicUrl: 'https://h.example' });
    expect(notifyConfigFromEnv({})).toEqual({});
  });

  it.each([
    [{ SMTP_URL: 'http://mail.example' }, /SMTP_URL/],
    [{ SMTP_URL: 'smtp://user:hunter2@' }, /SMTP_URL/],
    [{ HANDOFF_PUBLIC_URL: 'handoff.example.com' }, /HANDOFF_PUBLIC_URL/],
    [{ HANDOFF_MAIL_FROM: 'Handoff' }, /HANDOFF_MAIL_FROM/],
  ])('refuses %o, naming the variable', (env, pattern) => {
    expect(() => notifyConfigFromEnv(env)).toThrow(pattern);
  });

  it('never repeats an SMTP password in its error', () => {
    expect(() => notifyConfigFromEnv({ SMTP_URL: 'ftp://user:hunter2@mail.example' })).toThrow(/user:\*\*\*@/);
  });
});
