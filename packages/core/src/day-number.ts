/**
 * Calendar dates as whole day numbers (days since 1970-01-01), for graph passes over many constraints:
 * arithmetic instead of `Date.parse`, which is the hot spot when a projection touches 100,000 dates.
 * Agrees with calendar.ts: `toDayNumber(b) - toDayNumber(a) === daysBetween(a, b)` for calendar dates.
 * Algorithms after Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms" (proleptic Gregorian).
 */

const ZERO = 48; // char code of '0'

function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - ZERO;
    if (d < 0 || d > 9) throw new RangeError(`not a YYYY-MM-DD date: ${text}`);
    value = value * 10 + d;
  }
  return value;
}

/**
 * The day number of a YYYY-MM-DD date. Throws RangeError on a malformed string (a programmer error:
 * callers pass dates already validated with isCalendarDate); day-of-month overflow is not checked.
 */
export function toDayNumber(date: string): number {
  if (date.length !== 10 || date[4] !== '-' || date[7] !== '-') throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const month = digits(date, 5, 7);
  const day = digits(date, 8, 10);
  const year = digits(date, 0, 4) - (month <= 2 ? 1 : 0);
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The YYYY-MM-DD date of a day number (inverse of toDayNumber for years 0001–9999). */
export function fromDayNumber(dayNumber: number): string {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
