import { createRoute, z } from '@hono/zod-openapi';
import { Id, PageQuery } from '../schemas/common.js';
import { problems } from '../schemas/problem.js';
import { ApiToken, ApiTokenCreate, ApiTokenPage, CreatedApiToken } from '../schemas/tokens.js';
import { json, jsonBody } from './shared.js';

const TokenParams = z.object({ id: Id.openapi({ param: { name: 'id', in: 'path' } }) });

export const createToken = createRoute({
  method: 'post',
  path: '/api/tokens',
  tags: ['Tokens'],
  summary: 'Create an API token for a script or an integration (admins only; a token cannot create tokens)',
  description: 'The answer carries the secret (`hnd_…`) this once, with `Cache-Control: no-store`; only its SHA-256 and an ' +
    '8-character display prefix are stored. Scripts posting monitor readings and the Alertmanager receiver need `readings`.',
  request: { body: jsonBody(ApiTokenCreate) },
  responses: { 201: json(CreatedApiToken, 'Created. `secret` is shown this once; store it now.'), ...problems(400, 401, 403, 413, 415) },
});

export const listTokens = createRoute({
  method: 'get',
  path: '/api/tokens',
  tags: ['Tokens'],
  summary: "The workspace's API tokens, oldest first, revoked and expired ones included (never their secrets)",
  request: { query: PageQuery },
  responses: { 200: json(ApiTokenPage, 'A page of tokens.'), ...problems(400, 401, 403) },
});

export const getToken = createRoute({
  method: 'get',
  path: '/api/tokens/{id}',
  tags: ['Tokens'],
  summary: 'One API token (never its secret)',
  request: { params: TokenParams },
  responses: { 200: json(ApiToken, 'The token.'), ...problems(400, 401, 403, 404) },
});

export const revokeToken = createRoute({
  method: 'post',
  path: '/api/tokens/{id}/revoke',
  tags: ['Tokens'],
  summary: 'Revoke an API token: it answers 401 from now on (revoking twice keeps the first time)',
  description: 'No body is needed; like every POST it is sent as `application/json` (`{}`).',
  request: { params: TokenParams },
  responses: { 200: json(ApiToken, 'Revoked.'), ...problems(400, 401, 403, 404, 415) },
});
