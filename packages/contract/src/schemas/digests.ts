import { z } from '@hono/zod-openapi';

export const DigestInputBody = z
  .strictObject({ at: z.iso.datetime({ offset: true }).optional().openapi({ description: 'Send as of this instant (simulate time); default the database clock.' }) })
  .openapi('DigestRequest');
export type DigestInputBody = z.infer<typeof DigestInputBody>;

export const DigestResult = z
  .object({
    at: z.string(),
    sent: z.number().int().openapi({ description: 'Digests queued now.' }),
    alreadySent: z.number().int().openapi({ description: 'People who already had this week’s digest.' }),
    nothingToSay: z.number().int().openapi({ description: 'People with nothing owned, escalated or waiting.' }),
  })
  .openapi('DigestResult');
export type DigestResult = z.infer<typeof DigestResult>;
