import type { SignInProvider } from '@handoff/contract';
import { ACCOUNT_ROLES, type AccountRole } from '@handoff/core';

/** Single sign-on with an OpenID Connect provider (docs/SECURITY.md, "Single sign-on (OIDC)"). */
export interface OidcConfig {
  /** The provider's issuer identifier; its discovery document is read from `<issuer>/.well-known/openid-configuration`. */
  readonly issuer: string;
  readonly clientId: string;
  /** Absent for a public client, which proves itself with PKCE alone. */
  readonly clientSecret?: string;
  /**
   * Where the provider sends the browser back (registered with the provider). Absent: the origin the
   * sign-in was started on + `/api/auth/oidc/callback`.
   */
  readonly redirectUrl?: string;
  /** The sign-in button's label. */
  readonly name: string;
  /** The role of accounts created on first sign-in. */
  readonly defaultRole: AccountRole;
  /** The slug of the workspace new accounts join; absent: the default workspace. */
  readonly workspace?: string;
}

/** The path the provider redirects to, under the server's origin. */
export const OIDC_CALLBACK_PATH = '/api/auth/oidc/callback';

/**
 * Reads HANDOFF_OIDC_ISSUER, HANDOFF_OIDC_CLIENT_ID, HANDOFF_OIDC_CLIENT_SECRET, HANDOFF_OIDC_REDIRECT_URL,
 * HANDOFF_OIDC_NAME, HANDOFF_OIDC_DEFAULT_ROLE and HANDOFF_OIDC_WORKSPACE (blank = unset). Undefined when no
 * issuer is set (single sign-on off). Throws an Error naming the variable when a value is unusable.
 */
export function oidcConfigFromEnv(env: NodeJS.ProcessEnv, publicUrl?: string): OidcConfig | undefined {
  const read = (name: string): string | undefined => env[name]?.trim() || undefined;
  const issuer = read('HANDOFF_OIDC_ISSUER');
  if (issuer === undefined) return undefined;
  checkUrl('HANDOFF_OIDC_ISSUER', issuer, true);
  const clientId = read('HANDOFF_OIDC_CLIENT_ID');
  if (clientId === undefined) throw new Error('HANDOFF_OIDC_CLIENT_ID must be set when HANDOFF_OIDC_ISSUER is');
  const clientSecret = read('HANDOFF_OIDC_CLIENT_SECRET');
  const explicitRedirect = read('HANDOFF_OIDC_REDIRECT_URL');
  if (explicitRedirect !== undefined) checkUrl('HANDOFF_OIDC_REDIRECT_URL', explicitRedirect, false);
  const redirectUrl = explicitRedirect ?? (publicUrl ? new URL(OIDC_CALLBACK_PATH, publicUrl).toString() : undefined);
  const role = read('HANDOFF_OIDC_DEFAULT_ROLE') ?? 'viewer';
  const defaultRole = ACCOUNT_ROLES.find((r) => r === role);
  if (defaultRole === undefined) throw new Error(`HANDOFF_OIDC_DEFAULT_ROLE must be one of ${ACCOUNT_ROLES.join(', ')} (got ${role})`);
  const workspace = read('HANDOFF_OIDC_WORKSPACE');
  return {
    issuer, clientId, defaultRole, name: read('HANDOFF_OIDC_NAME') ?? 'single sign-on',
    ...(clientSecret ? { clientSecret } : {}), ...(redirectUrl ? { redirectUrl } : {}), ...(workspace ? { workspace } : {}),
  };
}

/** The single sign-on button of the sign-in page (GET /api/auth/providers); null when single sign-on is off. */
export function oidcProvider(config: OidcConfig | undefined): SignInProvider | null {
  return config ? { name: config.name, startUrl: '/api/auth/oidc/start' } : null;
}

/**
 * Plain HTTP is accepted only for a provider on the loopback interface (development, tests): anywhere
 * else the discovery document, keys and tokens must come over TLS.
 */
export function isLoopbackHttp(url: string): boolean {
  const u = new URL(url);
  return u.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
}

// The redirect URL may be plain http (a server inside a private network): the provider decides what it accepts.
function checkUrl(name: string, value: string, tlsOnly: boolean): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} must be an absolute URL (got ${value})`);
  }
  if (!['http:', 'https:'].includes(url.protocol)) throw new Error(`${name} must be an http(s) URL (got ${value})`);
  if (tlsOnly && url.protocol !== 'https:' && !isLoopbackHttp(value)) {
    throw new Error(`${name} must be an https URL (plain http only on 127.0.0.1 or localhost; got ${value})`);
  }
}
