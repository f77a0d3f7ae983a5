import type { SignInRequest } from '@handoff/contract';
import { withAuditContext } from '../auth/audit-context.js';
import type { AuthConfig } from '../auth/auth-config.js';
import { hashPassword, needsRehash, verifyPassword } from '../auth/passwords.js';
import { startSession, type StartedSession } from '../auth/sessions.js';
import type { Actor, Deps } from '../context.js';
import {
  findAccountByEmail, findAccountView, recentFailures, recordSignInAttempt, replacePasswordHash, type AccountView,
} from '../db/repos/accounts.repo.js';
import { appendAuditEvent, endSessionById } from '../db/repos/sessions.repo.js';
import { inTransaction } from './transaction.js';

/** Rate limits of password checks (docs/SECURITY.md): failures counted over the last 15 minutes. */
export const SIGN_IN_WINDOW_MS = 15 * 60_000;
export const FAILURES_PER_ACCOUNT = 5;
export const FAILURES_PER_IP = 20;

/** Where a sign-in comes from (the address is null for in-process requests, which are not limited per address). */
export interface SignInClient {
  readonly ip: string | null;
  readonly userAgent: string | null;
}

export type SignInOutcome =
  | { readonly kind: 'signed-in'; readonly account: AccountView; readonly session: StartedSession }
  /** Unknown e-mail, wrong password or disabled account: deliberately one outcome (no enumeration). */
  | { readonly kind: 'refused' }
  | { readonly kind: 'rate-limited'; readonly retryAfterSeconds: number };

/** Password sign-in and sign-out. */
export function createSignInService(deps: Deps) {
  const { db } = deps.database;

  /** Seconds until a further attempt for this e-mail (and from this address) may be checked; 0 when it may be now. */
  async function waitSeconds(email: string, ip: string | null, now: Date): Promise<number> {
    const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
    const waits: number[] = [];
    const limits: Array<['email' | 'ip', string, number]> = [['email', email, FAILURES_PER_ACCOUNT]];
    if (ip !== null) limits.push(['ip', ip, FAILURES_PER_IP]);
    for (const [by, value, limit] of limits) {
      const failures = await recentFailures(db, by, value, since, limit);
      // Attempts are allowed again once the limit-th most recent failure leaves the window.
      const pivot = failures[limit - 1];
      if (pivot) waits.push(Math.max(1, Math.ceil((pivot.getTime() + SIGN_IN_WINDOW_MS - now.getTime()) / 1000)));
    }
    return Math.max(0, ...waits);
  }

  return {
    waitSeconds,

    /**
     * Checks an e-mail and password and starts a session. Every attempt is recorded (a refused one as a
     * failure too); a rate-limited attempt checks no password and changes nothing else. An unknown e-mail
     * is checked against a throw-away hash so all refusals take about as long.
     */
    async signIn(config: AuthConfig, input: SignInRequest, client: SignInClient): Promise<SignInOutcome> {
      const now = deps.clock.now();
      const retryAfterSeconds = await waitSeconds(input.email, client.ip, now);
      const attempt = { email: input.email, ip: client.ip, at: now };
      if (retryAfterSeconds > 0) {
        await recordSignInAttempt(db, { ...attempt, succeeded: false });
        return { kind: 'rate-limited', retryAfterSeconds };
      }
      const account = await findAccountByEmail(db, input.email);
      const matches = await verifyPassword(account?.password_hash ?? null, input.password);
      if (!account || !matches || account.disabled_at !== null || account.password_hash === null) {
        await recordSignInAttempt(db, { ...attempt, succeeded: false });
        return { kind: 'refused' };
      }
      const storedHash = account.password_hash;
      const audit = { actor: account.email, accountId: account.id, tokenId: null, ip: client.ip, request: 'POST /api/auth/sign-in', now: () => deps.clock.now() };
      return withAuditContext(audit, () => inTransaction(db, async (trx) => {
        await recordSignInAttempt(trx, { ...attempt, succeeded: true });
        if (needsRehash(storedHash)) await replacePasswordHash(trx, account.id, await hashPassword(input.password));
        const session = await startSession(deps, trx, config, account, 'password', client);
        const view = await findAccountView(trx, account.workspace_id, account.id);
        if (!view) throw new Error(`account ${account.id} vanished while signing in`);
        return { kind: 'signed-in' as const, account: view, session };
      }));
    },

    /** Ends the caller's session (if it is one) and records a `sign-out` event. */
    async signOut(actor: Actor): Promise<void> {
      const sessionId = actor.sessionId;
      if (sessionId === null || actor.accountId === null) return;
      const accountId = actor.accountId;
      await inTransaction(db, async (trx) => {
        if (await endSessionById(trx, actor.workspaceId, sessionId, deps.clock.now())) {
          await appendAuditEvent(trx, { workspaceId: actor.workspaceId, action: 'sign-out', entity: 'accounts', entityId: accountId, detail: { sessionId } });
        }
      });
    },
  };
}
