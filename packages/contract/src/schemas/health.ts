import { z } from '@hono/zod-openapi';

export const Health = z
  .object({
    status: z.literal('ok'),
    database: z.enum(['pglite', 'postgres']),
    version: z.string().openapi({ example: '0.1.0' }),
  })
  .openapi('Health');
export type Health = z.infer<typeof Health>;
