import { z } from '@hono/zod-openapi';
import { isCalendarDate, isTimeZone } from '@handoff/core';

// Messages people read in problem+json `errors[]`: say what is wrong in plain words. Set once, here, for
// every schema of the contract (zod's configuration is global to the zod instance).
z.config({
  customError: (issue) => {
    if (issue.code === 'invalid_type' && issue.input === undefined) return 'is required';
    if (issue.code === 'invalid_value' && issue.values.length > 0) return `must be one of ${issue.values.map(String).join(', ')}`;
    return undefined;
  },
});

/** Maximum page size of every list endpoint. */
export const MAX_PAGE_SIZE = 200;

export const Id = z.uuid().openapi({ description: 'Identifier (UUID).', example: '0193a6c5-7d1e-7c3a-9a4e-2f1b5c6d7e8f' });

/** A path parameter that takes an id or a human key (program key such as `CLAIMS`, constraint ref such as `CLAIMS-12`). */
export const IdOrKey = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9-]+$/, 'must be an id or a key (letters, digits, hyphens)')
  .openapi({ description: 'An id, or a human key (program `CLAIMS`, constraint `CLAIMS-12`).', example: 'CLAIMS' });

/** A civil date without time of day; rejects impossible dates such as 2026-02-30. */
export const CalendarDate = z
  .string()
  .refine(isCalendarDate, { message: 'must be a real calendar date in YYYY-MM-DD form' })
  .openapi({ format: 'date', example: '2026-12-31' });

export const Timestamp = z.iso.datetime({ offset: true }).openapi({ example: '2026-11-25T09:30:00.000Z' });

export const TimeZone = z
  .string()
  .max(100, { message: 'must be an IANA time zone such as Europe/London', abort: true })
  .refine(isTimeZone, { message: 'must be an IANA time zone such as Europe/London' })
  .openapi({ example: 'Europe/London' });

/** A required single-line text: trimmed, 1..max characters. */
export function requiredText(max: number) {
  return z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
}

/** An optional long text: trimmed, 0..max characters. */
export function longText(max: number) {
  return z.string().trim().max(max, `must be at most ${max} characters`);
}

export const Email = z
  .email({ message: 'must be an e-mail address' })
  .max(254)
  .transform((v) => v.toLowerCase())
  .openapi({ example: 'amara.okafor@example.com' });

export const Version = z.number().int().positive().openapi({ description: 'Row version; sent back as the ETag.' });

/** Query parameters shared by every list endpoint. */
export const PageQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE_SIZE)
    .default(50)
    .openapi({ description: `Page size, 1 to ${MAX_PAGE_SIZE}.`, example: 50 }),
  cursor: z.string().max(512).optional().openapi({ description: 'The `nextCursor` of the previous page.' }),
});

/** A page of items: `nextCursor` is null on the last page. */
export function pageOf<T extends z.ZodType>(item: T, name: string) {
  return z
    .object({ items: z.array(item), nextCursor: z.string().nullable() })
    .openapi(name);
}

/** A boolean query flag: `true` or `false`. */
export const QueryFlag = z.enum(['true', 'false']).transform((v) => v === 'true');

/** Headers of a conditional update. */
export const IfMatchHeaders = z.object({
  'if-match': z
    .string()
    .optional()
    .openapi({ description: 'The ETag last read; a stale one is refused with 412 and nothing changes.', example: '"3"' }),
});

/** A reference to a person, embedded where a person is named. */
export const PersonRef = z
  .object({ id: Id, name: z.string(), email: z.string() })
  .openapi('PersonRef');
export type PersonRef = z.infer<typeof PersonRef>;
