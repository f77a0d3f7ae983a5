import * as oidc from 'openid-client';
import type { OidcSignInError } from '@handoff/contract';
import { HandoffError } from '../errors.js';
import { isLoopbackHttp, type OidcConfig } from './oidc-config.js';

/** Seconds any request to the provider may take (discovery, token exchange, userinfo). */
const PROVIDER_TIMEOUT_S = 10;

/** What a sign-in sends to the provider and keeps to check the answer. */
export interface OidcChallenge {
  readonly authorizationUrl: string;
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
}

/** The person the provider vouches for, after every check passed. */
export interface OidcIdentity {
  readonly issuer: string;
  readonly subject: string;
  readonly email: string;
}

export type OidcExchange = { ok: true; identity: OidcIdentity } | { ok: false; error: OidcSignInError; cause?: unknown };

/**
 * The relying party side of the authorization code flow, through openid-client: the provider's metadata
 * is discovered on first use and kept (a failed discovery is retried on the next sign-in).
 */
export function createOidcClient(config: OidcConfig) {
  let discovered: Promise<oidc.Configuration> | undefined;

  function configuration(): Promise<oidc.Configuration> {
    discovered ??= oidc.discovery(
      new URL(config.issuer), config.clientId, undefined,
      config.clientSecret ? oidc.ClientSecretBasic(config.clientSecret) : oidc.None(),
      { timeout: PROVIDER_TIMEOUT_S, execute: isLoopbackHttp(config.issuer) ? [oidc.allowInsecureRequests] : [] },
    ).catch((error: unknown) => {
      discovered = undefined;
      throw new HandoffError('bad-gateway', `the single sign-on provider ${config.issuer} cannot be reached or did not answer its discovery request: ${messageOf(error)}`);
    });
    return discovered;
  }

  return {
    /** A fresh state, nonce and PKCE pair, and the provider URL that starts the sign-in. Throws `bad-gateway`. */
    async challenge(redirectUri: string): Promise<OidcChallenge> {
      const cfg = await configuration();
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const url = oidc.buildAuthorizationUrl(cfg, {
        redirect_uri: redirectUri, scope: 'openid email profile', response_type: 'code',
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier), code_challenge_method: 'S256', state, nonce,
      });
      return { authorizationUrl: url.href, state, nonce, codeVerifier };
    },

    /**
     * Exchanges the code the provider sent to `callbackUrl` (the redirect URI and the query received) and
     * checks everything: state, PKCE, the ID token's signature, issuer, audience, expiry and nonce (openid-client),
     * then that the provider vouches for the e-mail (`email_verified: true`, from the ID token or userinfo).
     */
    async exchange(callbackUrl: URL, expected: { state: string; nonce: string; codeVerifier: string }): Promise<OidcExchange> {
      let cfg: oidc.Configuration;
      try {
        cfg = await configuration();
      } catch (cause) {
        return { ok: false, error: 'oidc-unavailable', cause };
      }
      try {
        const tokens = await oidc.authorizationCodeGrant(cfg, callbackUrl, {
          pkceCodeVerifier: expected.codeVerifier, expectedState: expected.state, expectedNonce: expected.nonce, idTokenExpected: true,
        });
        const claims = tokens.claims();
        if (!claims) return { ok: false, error: 'oidc-failed', cause: new Error('no ID token in the token response') };
        let { email, email_verified: verified } = claims;
        if (email === undefined) {
          const info = await oidc.fetchUserInfo(cfg, tokens.access_token, claims.sub);
          ({ email, email_verified: verified } = info);
        }
        if (typeof email !== 'string' || email.trim() === '' || verified !== true) return { ok: false, error: 'oidc-email-unverified' };
        return { ok: true, identity: { issuer: claims.iss, subject: claims.sub, email: email.trim() } };
      } catch (cause) {
        return { ok: false, error: cause instanceof oidc.AuthorizationResponseError ? 'oidc-denied' : 'oidc-failed', cause };
      }
    },
  };
}

export type OidcClient = ReturnType<typeof createOidcClient>;

function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message;
}
