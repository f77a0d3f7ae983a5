import { z } from '@hono/zod-openapi';
import { IdOrKey } from '../schemas/common.js';

/** Path parameters `{id}` that also accept a human key. */
export const IdParams = z.object({ id: IdOrKey.openapi({ param: { name: 'id', in: 'path' } }) });

/** A JSON response with the given schema. */
export function json<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } } as const;
}

/** A JSON request body with the given schema. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } } as const;
}

export const EtagHeader = {
  ETag: { description: 'The row version, for If-Match on the next update.', schema: { type: 'string' as const } },
};
