/**
 * Dates as spreadsheets hold them, read into civil dates (YYYY-MM-DD). A time of day is ignored: a
 * deadline is a whole day. Two-digit years mean 2000–2099; years outside 1900–9999 are refused as typos.
 */
import { addDays, isCalendarDate } from './calendar.js';

/** How to read an ambiguous numeric date such as 03/04/2026 (both parts could be the month). */
export const DATE_ORDERS = ['day-first', 'month-first'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

/** One cell as read from a file: text, a number (an XLSX numeric cell), or an XLSX date cell as YYYY-MM-DD. */
export type ImportCell = string | number | { readonly date: string };

/** How dates are read: the order for ambiguous numeric dates, and the workbook's serial-number epoch. */
export interface DateReading {
  readonly dateOrder: DateOrder;
  /** True for workbooks in the 1904 date system (old Mac Excel): serial 0 is 1904-01-01. */
  readonly date1904?: boolean;
}

/** A cell read as a date: a real calendar date, or why it is not one. */
export type DateParse = { readonly kind: 'date'; readonly date: string } | { readonly kind: 'invalid'; readonly reason: string };

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** Largest serial Excel shows as a date: 9999-12-31. */
const MAX_SERIAL = 2_958_465;

const TIME = String.raw`(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:am|pm)?\s*(?:z|[+-]\d{2}:?\d{2})?)?`;
const WEEKDAY = String.raw`(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?`;
const YMD = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${TIME}$`, 'i');
const NUMERIC = new RegExp(String.raw`^${WEEKDAY}(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})${TIME}$`, 'i');
const DAY_MONTH = new RegExp(String.raw`^${WEEKDAY}(\d{1,2})(?:st|nd|rd|th)?[\s\-/.]*([a-z]{3,9})\.?[\s\-/.,]*(\d{4}|\d{2})${TIME}$`, 'i');
const MONTH_DAY = new RegExp(String.raw`^${WEEKDAY}([a-z]{3,9})\.?[\s\-/.]*(\d{1,2})(?:st|nd|rd|th)?,?[\s\-/.]+(\d{4})${TIME}$`, 'i');

/** Reads one cell as a date: ISO and spreadsheet text forms, XLSX date cells and XLSX serial numbers. */
export function parseSpreadsheetDate(cell: ImportCell, reading: DateReading): DateParse {
  if (typeof cell === 'number') return fromSerial(cell, reading.date1904 === true);
  if (typeof cell !== 'string') return checked(cell.date, cell.date);
  const text = cell.trim();
  let m = YMD.exec(text);
  if (m) return build(text, Number(m[1]), Number(m[2]), Number(m[3]));
  m = NUMERIC.exec(text);
  if (m) return fromNumeric(text, Number(m[1]), Number(m[2]), m[3] ?? '', reading.dateOrder);
  m = DAY_MONTH.exec(text);
  if (m) return fromNamed(text, m[2] ?? '', Number(m[1]), m[3] ?? '');
  m = MONTH_DAY.exec(text);
  if (m) return fromNamed(text, m[1] ?? '', Number(m[2]), m[3] ?? '');
  if (/^\d+(\.\d+)?$/.test(text)) {
    return invalid(`"${text}" is a bare number, not a date; write it as a date such as 2026-12-31`);
  }
  return invalid(`"${text}" is not a date; use a form such as 2026-12-31, 31/12/2026 or 31 Dec 2026`);
}

/** Converts a spreadsheet serial day number; the fraction (time of day) is dropped. */
function fromSerial(serial: number, date1904: boolean): DateParse {
  const days = Math.floor(serial);
  if (!Number.isFinite(serial) || days < (date1904 ? 0 : 1) || days > MAX_SERIAL) {
    return invalid(`${serial} is not a spreadsheet date serial number`);
  }
  if (date1904) return { kind: 'date', date: addDays('1904-01-01', days) };
  // Excel's 1900 system counts a 29 February 1900 that never existed (serial 60); later serials are one day ahead.
  if (days === 60) return invalid('serial 60 is 29 February 1900, a day that does not exist');
  return { kind: 'date', date: addDays(days < 60 ? '1899-12-31' : '1899-12-30', days) };
}

function fromNumeric(text: string, first: number, second: number, year: string, order: DateOrder): DateParse {
  if (first > 12 && second > 12) return invalid(`"${text}" is not a real date: neither ${first} nor ${second} can be a month`);
  // Unambiguous when one part cannot be a month; only dates such as 03/04/2026 follow the date order.
  const dayFirst = first > 12 || (second <= 12 && order === 'day-first');
  return dayFirst ? build(text, fullYear(year), second, first) : build(text, fullYear(year), first, second);
}

function fromNamed(text: string, monthName: string, day: number, year: string): DateParse {
  const lower = monthName.toLowerCase();
  const index = MONTHS.findIndex((mo, i) => lower === mo || lower === MONTH_NAMES[i]?.toLowerCase() || (mo === 'sep' && lower === 'sept'));
  if (index < 0) return invalid(`"${text}" is not a date: "${monthName}" is not a month name`);
  return build(text, fullYear(year), index + 1, day);
}

function fullYear(year: string): number {
  return year.length === 2 ? 2000 + Number(year) : Number(year);
}

function build(text: string, year: number, month: number, day: number): DateParse {
  if (year < 1900 || year > 9999) return invalid(`"${text}" is not a plausible date: year ${year} is out of range 1900–9999`);
  if (month < 1 || month > 12) return invalid(`"${text}" is not a real date: there is no month ${month}`);
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (day < 1 || !isCalendarDate(iso)) {
    return invalid(`"${text}" is not a real date: ${MONTH_NAMES[month - 1]} ${year} has ${monthLength(year, month)} days`);
  }
  return { kind: 'date', date: iso };
}

function checked(text: string, iso: string): DateParse {
  return isCalendarDate(iso) ? { kind: 'date', date: iso } : invalid(`"${text}" is not a real date`);
}

function monthLength(year: number, month: number): number {
  for (let d = 31; d > 28; d--) {
    if (isCalendarDate(`${year}-${String(month).padStart(2, '0')}-${d}`)) return d;
  }
  return 28;
}

function invalid(reason: string): DateParse {
  return { kind: 'invalid', reason };
}
