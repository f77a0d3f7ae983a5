import type { ColumnType } from 'kysely';

/** Column types as read (Date for timestamptz, string for date) and as written. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** A jsonb column: JSON text on write, the parsed value (unknown until checked) on read. */
export type JsonColumn = ColumnType<unknown, string, string>;
