import { PasswordChange, SignInRequest, routes } from '@handoff/contract';
import type { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AuthConfig } from '../../auth/auth-config.js';
import { clientIp } from '../../auth/authenticate.js';
import { clearedSessionCookie, sessionCookie } from '../../auth/sessions.js';
import type { Api } from '../../http/app-types.js';
import { fieldErrors, problemBody, problemResponse } from '../../http/problem.js';
import type { Services } from '../../services/index.js';
import { presentAccount } from './auth.presenter.js';

/** Single sign-on as the sign-in page offers it: a button's name and where it starts. */
export interface OidcProviderInfo {
  readonly name: string;
  readonly startUrl: string;
}

export interface AuthRouteOptions {
  readonly config: AuthConfig;
  /** Set by whoever configures single sign-on; null or absent: password only. */
  readonly oidc?: OidcProviderInfo | null;
}

const SIGN_IN_REFUSED = 'the e-mail or password is not right, or the account is disabled';

/** The 429 of a rate-limited password check, with Retry-After in seconds. */
function tooManyAttempts(retryAfterSeconds: number): Response {
  const res = problemResponse(problemBody('too-many-requests', `too many failed sign-in attempts; try again in ${retryAfterSeconds} seconds`));
  res.headers.set('Retry-After', String(retryAfterSeconds));
  return res;
}

/**
 * The JSON body parsed through its contract schema, or the 400 the API gives for it. The password routes
 * answer 429 with a Retry-After header, which a typed OpenAPI handler cannot return: they are plain handlers
 * whose contract route is registered in the OpenAPI document separately.
 */
async function parseBody<T extends z.ZodType>(c: Context, schema: T): Promise<{ ok: true; value: z.infer<T> } | { ok: false; problem: Response }> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    return { ok: false, problem: problemResponse(problemBody('malformed-json', 'the request body is not valid JSON')) };
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors = fieldErrors(parsed.error);
  return { ok: false, problem: problemResponse(problemBody('validation-failed', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors)) };
}

/** Sign-in, sign-out, the caller's own profile and password, and the ways to sign in. */
export function registerAuthRoutes(app: Api, { signIn, accounts }: Services, options: AuthRouteOptions): void {
  const { config } = options;

  app.openAPIRegistry.registerPath(routes.signIn);
  app.post(routes.signIn.path, async (c) => {
    const body = await parseBody(c, SignInRequest);
    if (!body.ok) return body.problem;
    const outcome = await signIn.signIn(config, body.value, { ip: clientIp(c, config), userAgent: c.req.header('user-agent') ?? null });
    if (outcome.kind === 'rate-limited') return tooManyAttempts(outcome.retryAfterSeconds);
    if (outcome.kind === 'refused') return problemResponse(problemBody('unauthorized', SIGN_IN_REFUSED));
    const { session } = outcome;
    return c.json(
      { account: presentAccount(outcome.account), csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() },
      200,
      { 'Set-Cookie': sessionCookie(config, session.secret, session.expiresAt), 'Cache-Control': 'no-store' },
    );
  });

  app.openapi(routes.signOut, async (c) => {
    await signIn.signOut(c.var.actor);
    return c.body(null, 204, { 'Set-Cookie': clearedSessionCookie(config) });
  });

  app.openapi(routes.getAuthProviders, (c) => c.json({ password: true as const, oidc: options.oidc ?? null }, 200));

  app.openapi(routes.getMe, async (c) => {
    const me = await accounts.me(c.var.actor);
    return c.json({
      account: me.account ? presentAccount(me.account) : null,
      expiresAt: me.expiresAt?.toISOString() ?? null,
      csrfToken: me.csrfToken,
      canAdmin: me.canAdmin, canDecide: me.canDecide, canCreateProgram: me.canCreateProgram,
    }, 200, { 'Cache-Control': 'no-store' });
  });

  app.openAPIRegistry.registerPath(routes.changePassword);
  app.post(routes.changePassword.path, async (c) => {
    const body = await parseBody(c, PasswordChange);
    if (!body.ok) return body.problem;
    const limited = await accounts.changePassword(c.var.actor, body.value, clientIp(c, config));
    if (limited) return tooManyAttempts(limited.retryAfterSeconds);
    return c.body(null, 204);
  });
}
