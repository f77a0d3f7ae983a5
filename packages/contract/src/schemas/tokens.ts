import { z } from '@hono/zod-openapi';
import { TOKEN_SCOPES } from '@handoff/core';
import { Id, Timestamp, pageOf, requiredText } from './common.js';

/** What a token may be used for (docs/SECURITY.md, "API tokens"). */
export const TokenScopeSchema = z.enum(TOKEN_SCOPES).openapi('TokenScope', {
  description: '`read`: every read route; `write`: what an integration may change (and read, and post readings); ' +
    '`readings`: only monitor readings and the Alertmanager receiver.',
});

/** Who created a token: an admin's account, or the local operator (CLI on the data directory), by label. */
export const TokenCreator = z
  .object({
    accountId: Id.nullable().openapi({ description: 'The admin account; null when the local operator created it.' }),
    label: z.string().openapi({ example: 'admin@example.com' }),
  })
  .openapi('TokenCreator');

/** An API token as listed: never its secret, which is shown once, at creation. */
export const ApiToken = z
  .object({
    id: Id,
    name: z.string().openapi({ example: 'prometheus-alertmanager' }),
    prefix: z.string().openapi({ description: 'The first characters of the secret (`hnd_` and 8 more), to recognise a token.', example: 'hnd_Q2x9aB3k' }),
    scopes: z.array(TokenScopeSchema),
    createdBy: TokenCreator,
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable().openapi({ description: 'When the token was revoked; it answers 401 from then on.' }),
    lastUsedAt: z.string().nullable().openapi({ description: 'Last use, recorded at most once a minute.' }),
    lastUsedIp: z.string().nullable(),
  })
  .openapi('ApiToken');
export type ApiToken = z.infer<typeof ApiToken>;

/** A token just created, with its secret: the only time the secret is shown. */
export const CreatedApiToken = ApiToken.extend({
  secret: z.string().openapi({
    description: 'Send as `Authorization: Bearer <secret>`. Shown once: only its SHA-256 is stored. Revoke the token if it leaks.',
    example: 'hnd_Q2x9aB3k1v1Zl6mJ6y3dFq3b7p0o5u8Xn2aW4kS9t1E',
  }),
}).openapi('CreatedApiToken');
export type CreatedApiToken = z.infer<typeof CreatedApiToken>;

export const ApiTokenCreate = z
  .strictObject({
    name: requiredText(100).openapi({ description: 'What the token is for, to recognise it in the list.', example: 'prometheus-alertmanager' }),
    scopes: z.array(TokenScopeSchema).min(1, 'must name at least one scope').max(TOKEN_SCOPES.length)
      .refine((s) => new Set(s).size === s.length, 'must not repeat a scope'),
    expiresAt: Timestamp.optional().openapi({ description: 'When the token stops working; it must be in the future. No expiry when absent.' }),
  })
  .openapi('ApiTokenCreate');
export type ApiTokenCreate = z.infer<typeof ApiTokenCreate>;

export const ApiTokenPage = pageOf(ApiToken, 'ApiTokenPage');
export type ApiTokenPage = z.infer<typeof ApiTokenPage>;
