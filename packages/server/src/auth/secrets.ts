import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new random secret: 32 bytes, base64url (43 characters). */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 in hex: what is stored of a session cookie, an API token or a calendar feed URL. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** Compares two strings in time independent of where they differ. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** API tokens read `hnd_<secret>`; the prefix tells a leaked token apart in logs and secret scanners. */
export const TOKEN_PREFIX = 'hnd_';

/** The session cookie's name; `__Host-` when served over TLS (Secure, no Domain, Path=/). */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-handoff_session' : 'handoff_session';
}

/** The header a cookie-authenticated write must carry with the session's CSRF token. */
export const CSRF_HEADER = 'x-csrf-token';
