import { routes } from '@handoff/contract';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AuthConfig } from '../../auth/auth-config.js';
import { clientIp } from '../../auth/authenticate.js';
import { sessionCookie } from '../../auth/sessions.js';
import type { Api, ApiEnv } from '../../http/app-types.js';
import { OIDC_LOGIN_TTL_MS, type OidcService } from '../../services/oidc.service.js';

/** The cookie naming a pending sign-in: only sent back to the sign-in routes, gone after 10 minutes. */
const LOGIN_COOKIE = 'handoff_oidc';
const LOGIN_COOKIE_PATH = '/api/auth/oidc';

/**
 * Single sign-on. `start` answers problem+json when it cannot start (404 not configured, 400 bad returnTo,
 * 502 provider unreachable); the callback always redirects: to returnTo when signed in, else to
 * `/sign-in?error=<code>` (the codes are OIDC_SIGN_IN_ERRORS in the contract). Why a provider exchange failed
 * goes to `report` (the server's log), never to the browser.
 */
export function registerOidcRoutes(app: Api, oidc: OidcService, auth: AuthConfig, report?: (cause: unknown) => void): void {
  const loginCookie = (value: string, maxAgeS: number): string =>
    `${LOGIN_COOKIE}=${value}; Path=${LOGIN_COOKIE_PATH}; HttpOnly; SameSite=Lax; Max-Age=${maxAgeS}${auth.secureCookies ? '; Secure' : ''}`;
  const redirect = (c: Context<ApiEnv>, location: string): Response => {
    c.header('cache-control', 'no-store');
    return c.redirect(location, 302);
  };

  app.openapi(routes.startOidcSignIn, async (c) => {
    const { returnTo } = c.req.valid('query');
    const started = await oidc.start(new URL(c.req.url).origin, returnTo ?? '/');
    c.header('set-cookie', loginCookie(started.loginId, OIDC_LOGIN_TTL_MS / 1000), { append: true });
    return redirect(c, started.location);
  });

  app.openapi(routes.finishOidcSignIn, async (c) => {
    const finished = await oidc.finish(new URL(c.req.url).search, getCookie(c, LOGIN_COOKIE), {
      ip: clientIp(c, auth), userAgent: c.req.header('user-agent') ?? null,
    });
    c.header('set-cookie', loginCookie('', 0), { append: true });
    if (!finished.ok) {
      if (finished.cause !== undefined) report?.(finished.cause);
      return redirect(c, `/sign-in?error=${finished.error}`);
    }
    c.header('set-cookie', sessionCookie(auth, finished.session.secret, finished.session.expiresAt), { append: true });
    return redirect(c, finished.returnTo);
  });
}
