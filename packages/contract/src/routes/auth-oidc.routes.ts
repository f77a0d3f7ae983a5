import { createRoute } from '@hono/zod-openapi';
import { OIDC_SIGN_IN_ERRORS, OidcCallbackQuery, OidcStartQuery } from '../schemas/auth-oidc.js';
import { problems } from '../schemas/problem.js';

const LOCATION = { Location: { description: 'Where the browser goes next.', schema: { type: 'string' as const } } };

export const startOidcSignIn = createRoute({
  method: 'get',
  path: '/api/auth/oidc/start',
  tags: ['Sign-in'],
  summary: 'Start single sign-on: redirects the browser to the OpenID Connect provider',
  description: 'Authorization code flow with PKCE (S256), state and nonce. The pending sign-in is kept on the server for 10 minutes ' +
    'and named by a short-lived httpOnly cookie. 404 when single sign-on is not configured; 502 when the provider cannot be reached.',
  request: { query: OidcStartQuery },
  responses: {
    302: { description: 'To the provider’s authorization endpoint.', headers: LOCATION },
    ...problems(400, 404, 502),
  },
});

export const finishOidcSignIn = createRoute({
  method: 'get',
  path: '/api/auth/oidc/callback',
  tags: ['Sign-in'],
  summary: 'Finish single sign-on: the provider sends the browser back here',
  description: 'Checks the state against the pending sign-in, exchanges the code, checks the ID token, requires a verified e-mail, ' +
    'then signs in the account linked to the provider’s subject, else the account with that e-mail (linking it), else a new account. ' +
    `On success: the session cookie and a redirect to returnTo. On failure: a redirect to \`/sign-in?error=<code>\`, code one of ${OIDC_SIGN_IN_ERRORS.join(', ')}.`,
  request: { query: OidcCallbackQuery },
  responses: {
    302: { description: 'Signed in (to returnTo), or not (to /sign-in?error=…).', headers: LOCATION },
  },
});
