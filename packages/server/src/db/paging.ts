import { invalidField } from '../errors.js';

/** Sort-key values of the last row of a page: opaque to clients (base64url JSON). */
export type CursorValues = readonly (string | number)[];

export function encodeCursor(values: CursorValues): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** Decodes a cursor expected to hold `arity` values; a tampered or foreign cursor is a 400. */
export function decodeCursor(cursor: string, arity: number): CursorValues {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === arity && parsed.every((v) => typeof v === 'string' || typeof v === 'number')) {
      return parsed;
    }
  } catch {
    // fall through to the error below
  }
  throw invalidField('cursor', 'is not a cursor returned by this list');
}

/**
 * Splits a fetched page: rows are fetched with `limit + 1` so the extra row tells whether another
 * page exists without a count query.
 */
export function pageFrom<R>(rows: R[], limit: number, keyOf: (row: R) => CursorValues): { rows: R[]; nextCursor: string | null } {
  if (rows.length <= limit) return { rows, nextCursor: null };
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { rows: page, nextCursor: last === undefined ? null : encodeCursor(keyOf(last)) };
}

/** Escapes LIKE wildcards so user text searches literally. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
