import { z } from '@hono/zod-openapi';

/**
 * A path on this server to go back to after signing in: relative and same-origin only (`/programs/CLAIMS`),
 * never `//host` or `/\host` (which browsers read as another origin), no control characters.
 */
export const ReturnTo = z
  .string()
  .max(2000)
  .regex(/^\/(?![/\\])[^\\]*$/, 'must be a path on this server starting with a single / (such as /programs/CLAIMS)')
  .refine((v) => ![...v].some((ch) => { const code = ch.charCodeAt(0); return code < 0x20 || code === 0x7f; }), 'must not contain control characters')
  .openapi({ description: 'Where to go after signing in: a path on this server. Default `/`.', example: '/programs/CLAIMS' });

export const OidcStartQuery = z.object({
  returnTo: ReturnTo.optional().openapi({ param: { name: 'returnTo', in: 'query' } }),
});
export type OidcStartQuery = z.infer<typeof OidcStartQuery>;

/**
 * What the provider sends back (OAuth 2.0 authorization response, RFC 6749 §4.1.2 and RFC 9207 `iss`).
 * Every field is optional here (only lengths are limited): the server checks them itself and answers with a redirect.
 */
export const OidcCallbackQuery = z.object({
  code: z.string().max(4096).optional().openapi({ param: { name: 'code', in: 'query' } }),
  state: z.string().max(1024).optional().openapi({ param: { name: 'state', in: 'query' } }),
  iss: z.string().max(2048).optional().openapi({ param: { name: 'iss', in: 'query' } }),
  error: z.string().max(256).optional().openapi({ param: { name: 'error', in: 'query' } }),
  error_description: z.string().max(2048).optional().openapi({ param: { name: 'error_description', in: 'query' } }),
});
export type OidcCallbackQuery = z.infer<typeof OidcCallbackQuery>;

/**
 * Why a single sign-on did not finish, sent to the sign-in page as `/sign-in?error=<code>`:
 * `oidc-state` the sign-in was not started here, expired (10 minutes), was already used, or its state differs;
 * `oidc-denied` the provider or the person refused; `oidc-failed` the code exchange or the ID token check failed;
 * `oidc-unavailable` the provider cannot be reached; `oidc-email-unverified` no e-mail, or not verified;
 * `oidc-account-conflict` the e-mail's account is linked to another identity; `oidc-account-disabled` the account is disabled.
 */
export const OIDC_SIGN_IN_ERRORS = [
  'oidc-state', 'oidc-denied', 'oidc-failed', 'oidc-unavailable', 'oidc-email-unverified', 'oidc-account-conflict', 'oidc-account-disabled',
] as const;
export type OidcSignInError = (typeof OIDC_SIGN_IN_ERRORS)[number];

/** A sign-in provider the sign-in page offers as a button. */
export const SignInProvider = z
  .object({
    name: z.string().openapi({ description: 'The button label.', example: 'Acme SSO' }),
    startUrl: z.string().openapi({ description: 'Where the button goes (add `?returnTo=/path`).', example: '/api/auth/oidc/start' }),
  })
  .openapi('SignInProvider');
export type SignInProvider = z.infer<typeof SignInProvider>;
