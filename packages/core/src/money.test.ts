import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AMOUNT_DIGITS, divideHalfEven, formatAmount, formatRounded, formatScaled, integerRoot, isCurrencyCode, minorUnits, parseAmount, parseDecimal,
} from './money.js';

/** Micro-units of a decimal string that must parse (test helper). */
function micros(text: string): bigint {
  const parsed = parseAmount(text);
  if (parsed.kind === 'invalid') throw new Error(parsed.reason);
  return parsed.value;
}

describe('parseDecimal', () => {
  it.each([
    ['12500.00', 2, 1250000n],
    ['12500', 2, 1250000n],
    ['0.125', 6, 125000n],
    ['-3', 0, -3n],
    ['-0.5', 1, -5n],
    ['007.10', 2, 710n],
  ])('reads %s at %i digits exactly', (text, digits, value) => {
    expect(parseDecimal(text, digits)).toEqual({ kind: 'ok', value });
  });

  it.each(['1e3', '1,000.00', ' 12', '12 ', '+5', '.5', '5.', '', 'NaN', '0x10', '١٢'])('refuses %j as not a plain decimal', (text) => {
    const parsed = parseDecimal(text, 6);
    expect(parsed.kind).toBe('invalid');
    if (parsed.kind === 'invalid') expect(parsed.reason).toContain('is not a plain decimal number');
  });

  it('refuses more decimal places than asked for instead of rounding them away', () => {
    expect(parseDecimal('1.005', 2)).toEqual({ kind: 'invalid', reason: '"1.005" has more than 2 decimal places' });
  });
});

describe('parseAmount', () => {
  it('holds amounts as micro-units', () => {
    expect(AMOUNT_DIGITS).toBe(6);
    expect(micros('12500.00')).toBe(12_500_000_000n);
    expect(micros('0.000001')).toBe(1n);
  });

  it('refuses a seventh decimal and a sixteenth integer digit', () => {
    expect(parseAmount('0.0000001').kind).toBe('invalid');
    expect(parseAmount('999999999999999.999999').kind).toBe('ok');
    expect(parseAmount('1000000000000000')).toEqual({ kind: 'invalid', reason: '"1000000000000000" has more than 15 digits before the decimal point' });
    expect(parseAmount('-1000000000000000').kind).toBe('invalid');
  });
});

describe('divideHalfEven', () => {
  it.each([
    [25n, 10n, 2n], // 2.5 → 2 (even)
    [35n, 10n, 4n], // 3.5 → 4 (even)
    [26n, 10n, 3n],
    [24n, 10n, 2n],
    [-25n, 10n, -2n],
    [-35n, 10n, -4n],
    [-26n, 10n, -3n],
    [25n, -10n, -2n],
    [0n, 7n, 0n],
  ])('rounds %i / %i to %i', (n, d, q) => {
    expect(divideHalfEven(n, d)).toBe(q);
  });

  it('is within half a unit of the true quotient, for any operands', () => {
    fc.assert(fc.property(fc.bigInt(), fc.bigInt().filter((d) => d !== 0n), (n, d) => {
      const q = divideHalfEven(n, d);
      const error = n * 2n - q * 2n * d; // 2·d·(n/d − q)
      const bound = d < 0n ? -d : d;
      expect(error <= bound && error >= -bound).toBe(true);
    }));
  });

  it('treats division by zero as a programmer error', () => {
    expect(() => divideHalfEven(1n, 0n)).toThrow(RangeError);
  });
});

describe('formatting', () => {
  it('writes scaled integers exactly, signs included', () => {
    expect(formatScaled(-5n, 2)).toBe('-0.05');
    expect(formatScaled(1250000n, 2)).toBe('12500.00');
    expect(formatScaled(7n, 0)).toBe('7');
    expect(formatScaled(0n, 3)).toBe('0.000');
  });

  it.each([
    ['0.125', 'EUR', '0.12'],
    ['0.135', 'EUR', '0.14'],
    ['-0.125', 'EUR', '-0.12'],
    ['-0.004', 'EUR', '0.00'],
    ['0.125001', 'EUR', '0.13'],
    ['1234.5', 'JPY', '1234'],
    ['1235.5', 'JPY', '1236'],
    ['1.0005', 'KWD', '1.000'],
    ['1.0015', 'KWD', '1.002'],
    ['12500', 'USD', '12500.00'],
  ])('reports %s %s as %s (half to even at the minor unit)', (text, currency, shown) => {
    expect(formatAmount(micros(text), currency)).toBe(shown);
  });

  it('pads a value held at fewer digits than the minor unit', () => {
    expect(formatRounded(125n, 1, 'KWD')).toBe('12.500');
  });

  it('multiplies 0.10 by 3 to exactly 0.30, where floats do not', () => {
    expect(0.1 * 3).not.toBe(0.3);
    expect(formatAmount(micros('0.10') * 3n, 'EUR')).toBe('0.30');
  });

  it('sums any list of cent amounts exactly', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 10_000_000 }), { maxLength: 200 }), (cents) => {
      const text = (c: number): string => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;
      const sum = cents.reduce((acc, c) => acc + micros(text(c)), 0n);
      const expected = cents.reduce((acc, c) => acc + BigInt(c), 0n);
      expect(formatAmount(sum, 'EUR')).toBe(formatScaled(expected, 2));
    }));
  });
});

describe('currencies', () => {
  it('knows the minor units of the common exceptions and defaults to two', () => {
    expect([minorUnits('EUR'), minorUnits('USD'), minorUnits('JPY'), minorUnits('KWD'), minorUnits('CLF')]).toEqual([2, 2, 0, 3, 4]);
  });

  it('accepts only three capital letters as a currency code', () => {
    expect(['EUR', 'usd', 'EURO', 'E1R', ''].map(isCurrencyCode)).toEqual([true, false, false, false, false]);
  });
});

describe('integerRoot', () => {
  it('finds exact roots of perfect powers', () => {
    expect(integerRoot(101n ** 12n * 10n ** 24n, 12)).toBe(101n * 10n ** 2n);
    expect(integerRoot(0n, 12)).toBe(0n);
    expect(integerRoot(1n, 12)).toBe(1n);
    expect(integerRoot(17n, 1)).toBe(17n);
  });

  it('rounds down: r^n ≤ v < (r+1)^n', () => {
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: 10n ** 400n }), fc.integer({ min: 1, max: 13 }), (v, n) => {
      const r = integerRoot(v, n);
      const k = BigInt(n);
      expect(r ** k <= v && v < (r + 1n) ** k).toBe(true);
    }));
  });
});
