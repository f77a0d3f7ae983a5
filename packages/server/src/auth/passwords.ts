import argon2 from 'argon2';
import { HandoffError } from '../errors.js';
import { newSecret } from './secrets.js';

/**
 * Password hashing and policy (docs/SECURITY.md, "Accounts and sign-in"). argon2id with the OWASP
 * minimum parameters: 19 MiB of memory, 2 passes, 1 lane. A stored hash made with other parameters is
 * re-hashed at the next successful sign-in.
 */
export const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** NIST SP 800-63B: at least 12 characters (code points), at most 256; any character allowed. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

/**
 * Passwords of 12 or more characters that lead public breach corpora (and this product's name): refused
 * whatever their letter case. Short common passwords are already refused by the length rule.
 */
const COMMON_PASSWORDS = new Set([
  '123456789012', '1234567890123', '12345678901234', '123456789123', '111111111111', '000000000000', '123123123123',
  '121212121212', '987654321098', 'password1234', 'password12345', 'password123!', 'passwordpassword', 'password1!23',
  'p@ssw0rd1234', 'p@ssword1234', 'qwerty123456', 'qwertyuiop12', 'qwertyuiopas', 'qwertyqwerty', '1q2w3e4r5t6y',
  '1qaz2wsx3edc', 'zaq12wsxcde3', 'qazwsxedcrfv', 'asdfghjkl123', 'asdfasdfasdf', 'iloveyou1234', 'iloveyouiloveyou',
  'letmein12345', 'welcome12345', 'welcome123456', 'changeme1234', 'changemenow!', 'administrator', 'administrator1',
  'admin1234567', 'adminadmin12', 'abc123456789', 'abcdefghijkl', 'abcd12345678', 'football1234', 'baseball1234',
  'superman1234', 'princess1234', 'sunshine1234', 'dragon123456', 'monkey123456', 'master123456', 'michael12345',
  'trustno1trustno1', 'correcthorsebatterystaple', 'handoff12345', 'handoffhandoff', 'handoff123456',
]);

/** The reasons a new password is refused (empty when it is acceptable); `email` is the account's. */
export function passwordProblems(password: string, email: string): string[] {
  const length = [...password].length;
  const problems: string[] = [];
  if (length < PASSWORD_MIN) problems.push(`must be at least ${PASSWORD_MIN} characters`);
  if (length > PASSWORD_MAX) problems.push(`must be at most ${PASSWORD_MAX} characters`);
  const lower = password.normalize('NFKC').toLowerCase();
  const address = email.toLowerCase();
  const local = address.split('@')[0] ?? address;
  if (lower === address || lower === local || lower.includes(address)) problems.push('must not be the e-mail address');
  if (COMMON_PASSWORDS.has(lower) || /^(.)\1*$/u.test(lower)) problems.push('is one of the most common passwords; choose another');
  return problems;
}

/** Throws a 400 naming `field` when the new password breaks the policy. */
export function assertPasswordPolicy(field: string, password: string, email: string): void {
  const problems = passwordProblems(password, email);
  if (problems.length > 0) {
    throw new HandoffError('validation-failed', `${field}: ${problems.join('; ')}`, problems.map((message) => ({ path: field, message })));
  }
}

/** The argon2id PHC string of a password (NFKC-normalised, so the same characters typed differently match). */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password.normalize('NFKC'), ARGON2_OPTIONS);
}

let dummy: Promise<string> | undefined;

/**
 * Checks a password against a stored hash. With no hash (no such account, or single sign-on only) it checks
 * against a throw-away hash and answers false, so the answer takes as long either way (no enumeration by timing).
 */
export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  dummy ??= hashPassword(newSecret());
  const target = hash ?? await dummy;
  try {
    const ok = await argon2.verify(target, password.normalize('NFKC'));
    return ok && hash !== null;
  } catch {
    return false; // a malformed stored hash never signs anyone in
  }
}

/** True when a stored hash was made with other parameters than today's and should be replaced. */
export function needsRehash(hash: string): boolean {
  try {
    return argon2.needsRehash(hash, ARGON2_OPTIONS);
  } catch {
    return true;
  }
}
