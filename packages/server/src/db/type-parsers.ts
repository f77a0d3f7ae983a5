/**
 * Column types as JavaScript sees them, the same on both drivers: `date` stays a YYYY-MM-DD string
 * (a deadline is a civil date, never an instant), `timestamptz` becomes a Date, `int8` a number
 * (counts and identities stay far below 2^53), `numeric` a string (money is never a float).
 */
export const PG_TYPE = { int8: 20, date: 1082, timestamptz: 1184, timestamp: 1114, numeric: 1700 } as const;

export const TYPE_PARSERS: Record<number, (value: string) => unknown> = {
  [PG_TYPE.int8]: (v) => Number(v),
  [PG_TYPE.date]: (v) => v,
  [PG_TYPE.timestamptz]: (v) => new Date(v),
  [PG_TYPE.numeric]: (v) => v,
};
