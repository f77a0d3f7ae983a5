import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Actor } from '../context.js';

/** Hono environment of the API: the acting person and workspace, resolved once per request. */
export interface ApiEnv {
  Variables: { actor: Actor };
}

export type Api = OpenAPIHono<ApiEnv>;
