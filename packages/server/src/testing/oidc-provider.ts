import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import Provider from 'oidc-provider';

/**
 * A real OpenID Connect provider (the `oidc-provider` package) on 127.0.0.1, for single sign-on tests.
 * It listens first, so its issuer URL is known before the relying party is configured; `registerClient`
 * then builds the provider with the relying party's redirect URI. Sign-in uses the package's built-in
 * login and consent forms (devInteractions): any login whose user exists, any password.
 */

/** The claims a test user's ID token and userinfo carry (besides `sub`, the login). */
export interface TestUserClaims {
  readonly email?: string;
  readonly email_verified?: boolean;
}

export interface LoopbackOidcProvider {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Users by login (= subject); tests may add more at any time. */
  readonly users: Map<string, TestUserClaims>;
  /** Builds the provider with one confidential client allowed to redirect to `redirectUri`. */
  registerClient(redirectUri: string): void;
  close(): Promise<void>;
}

export async function startOidcProvider(): Promise<LoopbackOidcProvider> {
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  const server = createServer((req, res) => {
    if (handler) return handler(req, res);
    res.writeHead(503).end('provider not configured yet');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the test provider is not listening on a TCP port');
  const issuer = `http://127.0.0.1:${address.port}`;
  const users = new Map<string, TestUserClaims>();
  const clientId = 'handoff-test';
  const clientSecret = 'a-client-secret-of-at-least-32-characters';
  // A signing key of our own, so the provider does not fall back to its development key (and say so).
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });

  return {
    issuer, clientId, clientSecret, users,
    registerClient(redirectUri) {
      const provider = new Provider(issuer, {
        clients: [{
          client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri],
          grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_basic',
        }],
        jwks: { keys: [{ ...signingKey, kid: 'test-key', use: 'sig', alg: 'RS256' }] },
        cookies: { keys: ['oidc-test-cookie-key-0123456789'] },
        claims: { openid: ['sub'], email: ['email', 'email_verified'] },
        pkce: { required: () => true },
        features: { devInteractions: { enabled: true } },
        // Lifetimes in seconds, set so the provider does not print a notice for each default it falls back to.
        ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
        findAccount: (_ctx, id) => {
          const claims = users.get(id);
          return claims ? { accountId: id, claims: () => ({ sub: id, ...claims }) } : undefined;
        },
      });
      handler = provider.callback();
    },
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

/**
 * A browser's cookie handling, reduced to what the flows need: cookies are kept per host name (as browsers
 * do, whatever the port), sent when the request path is under their Path, removed by Max-Age=0.
 */
export class CookieJar {
  private readonly cookies = new Map<string, { host: string; path: string; value: string }>();

  /** One request without following redirects, with the jar's cookies; stores what the response sets. */
  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url);
    const headers = new Headers(init.headers);
    const sent = [...this.cookies.entries()]
      .filter(([, c]) => c.host === target.hostname && target.pathname.startsWith(c.path))
      .map(([key, c]) => `${key.split('\u0000')[2] ?? ''}=${c.value}`);
    if (sent.length > 0) headers.set('cookie', sent.join('; '));
    const res = await fetch(target, { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) this.store(target, line);
    return res;
  }

  /** The value of a cookie the jar holds for a host, if any. */
  get(host: string, name: string): string | undefined {
    return [...this.cookies.entries()].find(([key, c]) => c.host === host && key.endsWith(`\u0000${name}`))?.[1].value;
  }

  private store(target: URL, line: string): void {
    const [pair = '', ...attributes] = line.split(';').map((s) => s.trim());
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq);
    const attribute = (n: string): string | undefined =>
      attributes.find((a) => a.toLowerCase().startsWith(`${n}=`))?.slice(n.length + 1);
    const path = attribute('path') ?? '/';
    const key = `${target.hostname}\u0000${path}\u0000${name}`;
    const expired = attribute('max-age') === '0' || (attribute('expires') !== undefined && Date.parse(attribute('expires') ?? '') < Date.now());
    if (expired) this.cookies.delete(key);
    else this.cookies.set(key, { host: target.hostname, path, value: pair.slice(eq + 1) });
  }
}
