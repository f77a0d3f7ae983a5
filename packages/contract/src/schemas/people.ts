import { z } from '@hono/zod-openapi';
import { Email, Id, PageQuery, Timestamp, Version, longText, pageOf, requiredText } from './common.js';

export const Person = z
  .object({
    id: Id,
    name: z.string().openapi({ example: 'Amara Okafor' }),
    email: z.string().openapi({ example: 'amara.okafor@example.com' }),
    title: z.string().nullable().openapi({ example: 'Chief Operating Officer' }),
    boardMember: z.boolean().openapi({ description: 'Receives board-level escalations and decision requests.' }),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: Version,
  })
  .openapi('Person');
export type Person = z.infer<typeof Person>;

export const PersonCreate = z
  .strictObject({
    name: requiredText(200).openapi({ example: 'Amara Okafor' }),
    email: Email,
    title: longText(200).nullable().optional().openapi({ example: 'Chief Operating Officer' }),
    boardMember: z.boolean().optional().openapi({ description: 'Receives board-level escalations and decision requests (default false).' }),
  })
  .openapi('PersonCreate');
export type PersonCreate = z.infer<typeof PersonCreate>;

export const PersonUpdate = PersonCreate.partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'must change at least one field' })
  .openapi('PersonUpdate');
export type PersonUpdate = z.infer<typeof PersonUpdate>;

export const PersonListQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional().openapi({ description: 'Search in name, e-mail and title.' }),
  email: z.string().trim().max(254).optional().openapi({ description: 'Exact e-mail (case-insensitive).' }),
});
export type PersonListQuery = z.infer<typeof PersonListQuery>;

export const PersonPage = pageOf(Person, 'PersonPage');
export type PersonPage = z.infer<typeof PersonPage>;

export { Timestamp };
