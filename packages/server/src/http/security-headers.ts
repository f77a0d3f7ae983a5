import type { MiddlewareHandler } from 'hono';
import type { ApiEnv } from './app-types.js';

/** Everything comes from this origin; nothing may frame, embed plugins into, or re-base a page of ours. */
export const CONTENT_SECURITY_POLICY = "default-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'none'";

/**
 * The /docs page (Swagger UI, served from this origin) sets inline style attributes and draws icons from
 * data: URLs; scripts still come only from this origin.
 */
export const DOCS_CONTENT_SECURITY_POLICY =
  "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; object-src 'none'; base-uri 'none'";

/** HSTS for a year once Handoff is served over TLS (only then: a browser would refuse plain HTTP on localhost). */
const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

/**
 * Sets the security headers on every response (docs/SECURITY.md): CSP, nosniff, no referrer, no framing,
 * HSTS when `secureCookies` (TLS), and `Cache-Control: no-store` on /api responses that did not set their own.
 */
export function securityHeaders(options: { readonly secureCookies: boolean }): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    const path = c.req.path;
    h.set('content-security-policy', path === '/docs' || path.startsWith('/docs/') ? DOCS_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY);
    h.set('x-content-type-options', 'nosniff');
    h.set('referrer-policy', 'no-referrer');
    h.set('x-frame-options', 'DENY');
    if (options.secureCookies) h.set('strict-transport-security', STRICT_TRANSPORT_SECURITY);
    // API answers carry workspace data: no shared or browser cache keeps them unless a route says otherwise.
    if ((path === '/api' || path.startsWith('/api/')) && !h.has('cache-control')) h.set('cache-control', 'no-store');
  };
}
