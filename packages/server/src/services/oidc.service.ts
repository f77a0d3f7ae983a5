import type { OidcSignInError } from '@handoff/contract';
import type { Kysely } from 'kysely';
import type { AuthConfig } from '../auth/auth-config.js';
import { withAuditContext } from '../auth/audit-context.js';
import { createOidcClient, type OidcIdentity } from '../auth/oidc-client.js';
import { OIDC_CALLBACK_PATH, type OidcConfig } from '../auth/oidc-config.js';
import { newSecret, sha256Hex } from '../auth/secrets.js';
import { startSession, type StartedSession } from '../auth/sessions.js';
import type { Deps } from '../context.js';
import { HandoffError } from '../errors.js';
import {
  consumeOidcLogin, deleteOidcLoginsBefore, findAccountByEmailAnyWorkspace, findAccountByOidc, insertOidcAccount,
  insertOidcLogin, linkOidcIdentity, type OidcAccountRow,
} from '../db/repos/oidc.repo.js';
import { findPersonByEmail } from '../db/repos/people.repo.js';
import type { DB } from '../db/schema.js';
import { findWorkspaceBySlug } from '../db/repos/workspaces.repo.js';
import { DEFAULT_WORKSPACE_SLUG } from './workspaces.service.js';
import { inTransaction } from './transaction.js';

/** How long a sign-in started at the provider may take to come back (ms). */
export const OIDC_LOGIN_TTL_MS = 10 * 60_000;

/** The browser that is signing in, for the session and the audit log. */
export interface SignInClient {
  readonly ip: string | null;
  readonly userAgent: string | null;
}

export type OidcFinish =
  | { ok: true; session: StartedSession; returnTo: string }
  | { ok: false; error: OidcSignInError; cause?: unknown };

/**
 * Single sign-on (docs/SECURITY.md): starts a sign-in at the provider, and finishes it by matching the
 * provider's person to an account (by subject, else verified e-mail, else a new one) and starting a session.
 * Every operation answers `not-found` when single sign-on is not configured.
 */
export function createOidcService(deps: Deps, config: OidcConfig | undefined, auth: AuthConfig) {
  const { db } = deps.database;
  const client = config ? createOidcClient(config) : undefined;

  function configured(): { config: OidcConfig; client: ReturnType<typeof createOidcClient> } {
    if (!config || !client) throw new HandoffError('not-found', 'single sign-on is not configured on this server (HANDOFF_OIDC_ISSUER)');
    return { config, client };
  }

  async function provisioningWorkspace(trx: Kysely<DB>, c: OidcConfig): Promise<string> {
    const slug = c.workspace ?? DEFAULT_WORKSPACE_SLUG;
    const ws = await findWorkspaceBySlug(trx, slug);
    if (!ws) throw new HandoffError('not-found', `workspace ${slug} (HANDOFF_OIDC_WORKSPACE) does not exist`);
    return ws.id;
  }

  /** The account the identity signs in as: linked by subject, else matched by e-mail and linked, else created. */
  async function accountFor(trx: Kysely<DB>, c: OidcConfig, id: OidcIdentity): Promise<OidcAccountRow | OidcSignInError> {
    const linked = await findAccountByOidc(trx, id.issuer, id.subject);
    if (linked) return linked;
    const byEmail = await findAccountByEmailAnyWorkspace(trx, id.email);
    if (byEmail) {
      // An account already linked to another identity is not taken over by whoever presents its e-mail next.
      if (byEmail.oidc_subject !== null) return 'oidc-account-conflict';
      if (byEmail.disabled_at !== null) return 'oidc-account-disabled';
      await linkOidcIdentity(trx, byEmail.id, id.issuer, id.subject, deps.clock.now());
      return { ...byEmail, oidc_issuer: id.issuer, oidc_subject: id.subject };
    }
    const workspaceId = await provisioningWorkspace(trx, c);
    const person = await findPersonByEmail(trx, workspaceId, id.email);
    return insertOidcAccount(trx, {
      id: deps.newId(), workspaceId, email: id.email, personId: person?.id ?? null, role: c.defaultRole,
      issuer: id.issuer, subject: id.subject, now: deps.clock.now(),
    });
  }

  return {
    /**
     * Starts a sign-in: keeps state, nonce and PKCE verifier for 10 minutes under a new random id (the cookie's
     * value) and returns the provider URL to send the browser to. `origin` serves when no redirect URL is configured.
     */
    async start(origin: string, returnTo: string): Promise<{ location: string; loginId: string }> {
      const { config: c, client: rp } = configured();
      if (c.workspace !== undefined) await provisioningWorkspace(db, c);
      const redirectUri = c.redirectUrl ?? new URL(OIDC_CALLBACK_PATH, origin).href;
      const challenge = await rp.challenge(redirectUri);
      const loginId = newSecret();
      const now = deps.clock.now();
      // Old pending sign-ins can no longer finish; removing them here keeps the table small without a job.
      await deleteOidcLoginsBefore(db, new Date(now.getTime() - 24 * 3_600_000));
      await insertOidcLogin(db, {
        id_hash: sha256Hex(loginId), state: challenge.state, nonce: challenge.nonce, code_verifier: challenge.codeVerifier,
        redirect_uri: redirectUri, return_to: returnTo, created_at: now, used_at: null,
      });
      return { location: challenge.authorizationUrl, loginId };
    },

    /**
     * Finishes a sign-in from the provider's redirect: `search` is the callback's query string, `loginId`
     * the cookie's value. The pending sign-in is used up by this call whatever its outcome.
     */
    async finish(search: string, loginId: string | undefined, signIn: SignInClient): Promise<OidcFinish> {
      const { config: c, client: rp } = configured();
      const now = deps.clock.now();
      const login = loginId ? await consumeOidcLogin(db, sha256Hex(loginId), now, new Date(now.getTime() - OIDC_LOGIN_TTL_MS)) : undefined;
      if (!login || new URLSearchParams(search).get('state') !== login.state) return { ok: false, error: 'oidc-state' };
      const callbackUrl = new URL(login.redirect_uri);
      callbackUrl.search = search;
      const exchanged = await rp.exchange(callbackUrl, { state: login.state, nonce: login.nonce, codeVerifier: login.code_verifier });
      if (!exchanged.ok) return exchanged;
      const { identity } = exchanged;
      const audit = { actor: identity.email, accountId: null, tokenId: null, ip: signIn.ip, request: `GET ${OIDC_CALLBACK_PATH}`, now: () => deps.clock.now() };
      return withAuditContext(audit, () => inTransaction(db, async (trx): Promise<OidcFinish> => {
        const account = await accountFor(trx, c, identity);
        if (typeof account === 'string') return { ok: false, error: account };
        if (account.disabled_at !== null) return { ok: false, error: 'oidc-account-disabled' };
        const session = await startSession(deps, trx, auth, account, 'oidc', signIn);
        return { ok: true, session, returnTo: login.return_to };
      }));
    },
  };
}

export type OidcService = ReturnType<typeof createOidcService>;
