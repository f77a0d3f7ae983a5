import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, daysOverdue, isCalendarDate, isOverdue, isTimeZone, localDate } from './calendar.js';

/** Gregorian leap years, written independently of the code under test. */
function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

describe('isCalendarDate', () => {
  it.each([
    ['2026-11-25', true],
    ['2026-12-31', true],
    ['2026-01-01', true],
    ['2026-02-28', true],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['2026-02-29', false],
    ['1900-02-29', false],
    ['2100-02-29', false],
    ['2026-02-30', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['2026-01-32', false],
    ['0000-01-01', false],
    ['2026-1-01', false],
    ['26-01-01', false],
    [' 2026-01-01', false],
    ['2026-01-01T00:00:00Z', false],
    ['2026/01/01', false],
    ['', false],
  ])('says %s is a calendar date: %s', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });

  it('accepts exactly the days each month has, in every year from 1 to 9999', () => {
    const lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        const length = m === 2 && isLeapYear(y) ? 29 : (lengths[m - 1] ?? 0);
        const text = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        expect(isCalendarDate(text)).toBe(d <= length);
      }),
    );
  });
});

describe('isTimeZone', () => {
  it.each([
    ['Europe/Berlin', true],
    ['UTC', true],
    ['America/New_York', true],
    ['Asia/Kolkata', true],
    ['Mars/Olympus_Mons', false],
    ['', false],
  ])('says %s is a known time zone: %s', (name, expected) => {
    expect(isTimeZone(name)).toBe(expected);
  });
});

describe('localDate', () => {
  it.each([
    ['2026-11-24T23:30:00Z', 'UTC', '2026-11-24'],
    ['2026-11-24T23:30:00Z', 'Europe/Berlin', '2026-11-25'],
    ['2026-11-24T22:59:59.999Z', 'Europe/Berlin', '2026-11-24'],
    ['2026-11-24T23:00:00Z', 'Europe/Berlin', '2026-11-25'],
    // Summer time: Berlin is UTC+2, so its day starts at 22:00 UTC.
    ['2026-06-30T21:59:00Z', 'Europe/Berlin', '2026-06-30'],
    ['2026-06-30T22:00:00Z', 'Europe/Berlin', '2026-07-01'],
    ['2026-11-25T04:59:00Z', 'America/New_York', '2026-11-24'],
    ['2026-11-25T05:00:00Z', 'America/New_York', '2026-11-25'],
    ['2026-11-24T14:59:59Z', 'Asia/Tokyo', '2026-11-24'],
    ['2026-11-24T15:00:00Z', 'Asia/Tokyo', '2026-11-25'],
    ['2026-11-24T18:29:00Z', 'Asia/Kolkata', '2026-11-24'],
    ['2026-11-24T18:30:00Z', 'Asia/Kolkata', '2026-11-25'],
    ['2026-11-24T10:00:00Z', 'Pacific/Kiritimati', '2026-11-25'],
    ['2026-11-25T10:59:00Z', 'Pacific/Pago_Pago', '2026-11-24'],
    ['2026-12-31T23:30:00Z', 'Europe/Berlin', '2027-01-01'],
    ['2028-02-28T23:30:00Z', 'Europe/Berlin', '2028-02-29'],
  ])('places %s on the civil date of %s as %s', (instant, zone, expected) => {
    expect(localDate(new Date(instant), zone)).toBe(expected);
  });

  it('always answers a calendar date', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2200-12-31T23:59:59Z'), noInvalidDate: true }),
        fc.constantFrom('UTC', 'Europe/Berlin', 'America/Los_Angeles', 'Asia/Kathmandu', 'Pacific/Kiritimati'),
        (instant, zone) => {
          expect(isCalendarDate(localDate(instant, zone))).toBe(true);
        },
      ),
    );
  });
});

describe('daysBetween and addDays', () => {
  it.each([
    ['2026-11-25', '2026-11-25', 0],
    ['2026-11-25', '2026-11-26', 1],
    ['2026-11-26', '2026-11-25', -1],
    ['2026-02-28', '2026-03-01', 1],
    ['2028-02-28', '2028-03-01', 2],
    ['2026-12-31', '2027-01-01', 1],
    ['2026-03-28', '2026-03-30', 2],
    ['2026-01-01', '2027-01-01', 365],
    ['2028-01-01', '2029-01-01', 366],
  ])('counts from %s to %s as %i days', (a, b, days) => {
    expect(daysBetween(a, b)).toBe(days);
    expect(addDays(a, days)).toBe(b);
  });

  it('round-trips: the days between a date and that date plus n are n', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2200-01-01T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: -20_000, max: 20_000 }),
        (instant, n) => {
          const date = instant.toISOString().slice(0, 10);
          const later = addDays(date, n);
          expect(isCalendarDate(later)).toBe(true);
          expect(daysBetween(date, later)).toBe(n);
        },
      ),
    );
  });
});

describe('isOverdue and daysOverdue', () => {
  it.each([
    ['2026-11-25', '2026-11-24', false, 0],
    ['2026-11-25', '2026-11-25', false, 0],
    ['2026-11-25', '2026-11-26', true, 1],
    ['2026-11-25', '2026-12-05', true, 10],
    ['2026-12-31', '2027-01-01', true, 1],
  ])('with deadline %s, on %s is overdue: %s, by %i days', (deadline, today, overdue, days) => {
    expect(isOverdue(deadline, today)).toBe(overdue);
    expect(daysOverdue(deadline, today)).toBe(days);
  });

  it('turns a deadline overdue only once its whole day has ended in the workspace time zone', () => {
    const deadline = '2026-11-25';
    // 23:59 on the deadline day in Berlin is still on time, though it is already 22:59 UTC.
    expect(isOverdue(deadline, localDate(new Date('2026-11-25T22:59:00Z'), 'Europe/Berlin'))).toBe(false);
    // Berlin midnight: the day has ended there, while in UTC it has not.
    expect(isOverdue(deadline, localDate(new Date('2026-11-25T23:00:00Z'), 'Europe/Berlin'))).toBe(true);
    expect(isOverdue(deadline, localDate(new Date('2026-11-25T23:00:00Z'), 'UTC'))).toBe(false);
    // New York lags: at 03:00 UTC on the 26th it is still the 25th there.
    expect(isOverdue(deadline, localDate(new Date('2026-11-26T03:00:00Z'), 'America/New_York'))).toBe(false);
  });
});
