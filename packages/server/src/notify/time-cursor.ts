import { decodeCursor } from '../db/paging.js';
import { invalidField } from '../errors.js';

/** Newest-first lists page on (created_at, id): the cursor holds the last row's ISO time and id. */
export function timeCursorKey(row: { created_at: Date; id: string }): [string, string] {
  return [row.created_at.toISOString(), row.id];
}

/** Decodes a newest-first cursor; a tampered one is a 400 naming `cursor`. */
export function decodeTimeCursor(cursor: string): [Date, string] {
  const [time, id] = decodeCursor(cursor, 2);
  const at = new Date(String(time));
  if (Number.isNaN(at.getTime()) || typeof id !== 'string') throw invalidField('cursor', 'is not a cursor returned by this list');
  return [at, id];
}
