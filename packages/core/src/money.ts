/**
 * Money as exact decimals, never floats. Amounts arrive and leave as plain decimal strings ("12500.00")
 * and are held inside the engine as bigint counts of micro-units (10^-6 of the currency's major unit),
 * so sums are exact. Only a reported figure is rounded: half to even, to the currency's minor unit, once,
 * at the end (never inside a sum). See docs/ECONOMICS.md.
 */

/** Fractional digits every amount is held at inside the engine: finer than any currency's minor unit. */
export const AMOUNT_DIGITS = 6;

/** Integer digits an amount may have (up to 999 trillion): any budget line fits, and storage can declare the bound. */
export const MAX_INTEGER_DIGITS = 15;

// ISO 4217 currencies whose minor unit is not two digits; every other well-formed code has two. A fixed
// table rather than Intl, so a figure never depends on the runtime's locale data.
const MINOR_UNITS: ReadonlyMap<string, number> = new Map([
  ...['BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG', 'RWF', 'UGX', 'UYI', 'VND', 'VUV', 'XAF', 'XOF', 'XPF'].map(
    (code): [string, number] => [code, 0],
  ),
  ...['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND'].map((code): [string, number] => [code, 3]),
  ['CLF', 4],
  ['UYW', 4],
]);

/** True for a currency code of ISO 4217's shape: three capital letters ("EUR"). */
export function isCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code);
}

/** Digits of the currency's minor unit (2 for EUR, 0 for JPY, 3 for KWD); 2 for codes not in the exceptions table. */
export function minorUnits(currency: string): number {
  return MINOR_UNITS.get(currency) ?? 2;
}

/** A decimal read into a scaled bigint, or why it cannot be read (a sentence for people). */
export type DecimalParse = { readonly kind: 'ok'; readonly value: bigint } | { readonly kind: 'invalid'; readonly reason: string };

const PLAIN_DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * Reads a plain decimal string ("12500.00", "-3", "0.125") as a bigint scaled by 10^digits, exactly.
 * Refuses exponents, signs other than a leading minus, separators, blanks and more than `digits`
 * fractional digits, rather than guessing.
 */
export function parseDecimal(text: string, digits: number): DecimalParse {
  const m = PLAIN_DECIMAL.exec(text);
  if (!m) return { kind: 'invalid', reason: `"${text}" is not a plain decimal number such as 1250.50` };
  const [, sign = '', whole = '', fraction = ''] = m;
  if (fraction.length > digits) return { kind: 'invalid', reason: `"${text}" has more than ${digits} decimal places` };
  const magnitude = BigInt(whole + fraction.padEnd(digits, '0'));
  return { kind: 'ok', value: sign === '-' ? -magnitude : magnitude };
}

/** Reads an amount as micro-units: a plain decimal of at most AMOUNT_DIGITS decimals and MAX_INTEGER_DIGITS integer digits. */
export function parseAmount(text: string): DecimalParse {
  const parsed = parseDecimal(text, AMOUNT_DIGITS);
  if (parsed.kind === 'invalid') return parsed;
  const limit = 10n ** BigInt(MAX_INTEGER_DIGITS + AMOUNT_DIGITS);
  if (parsed.value >= limit || parsed.value <= -limit) {
    return { kind: 'invalid', reason: `"${text}" has more than ${MAX_INTEGER_DIGITS} digits before the decimal point` };
  }
  return parsed;
}

/** numerator / denominator rounded half to even (banker's rounding): the rounding of every reported figure. */
export function divideHalfEven(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('divideHalfEven: division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  let quotient = n / d;
  const twice = 2n * (n % d);
  if (twice > d || (twice === d && quotient % 2n === 1n)) quotient += 1n;
  return negative ? -quotient : quotient;
}

/** Writes a bigint scaled by 10^digits as a plain decimal string, exactly ("-0.05" for -5n at 2 digits). */
export function formatScaled(value: bigint, digits: number): string {
  const sign = value < 0n ? '-' : '';
  const text = (value < 0n ? -value : value).toString().padStart(digits + 1, '0');
  if (digits === 0) return sign + text;
  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/**
 * Reports a value held at `digits` fractional digits as an amount of `currency`: rounded half to even
 * to the currency's minor unit ("1234.50" for EUR, "1235" for JPY). Zero is never signed.
 */
export function formatRounded(value: bigint, digits: number, currency: string): string {
  const minor = minorUnits(currency);
  const rounded = digits > minor ? divideHalfEven(value, 10n ** BigInt(digits - minor)) : value * 10n ** BigInt(minor - digits);
  return formatScaled(rounded, minor);
}

/** Reports micro-units as an amount of `currency`, rounded half to even to its minor unit. */
export function formatAmount(micros: bigint, currency: string): string {
  return formatRounded(micros, AMOUNT_DIGITS, currency);
}

/** The integer n-th root, rounded down, of a non-negative bigint (Newton's method on integers). */
export function integerRoot(value: bigint, n: number): bigint {
  if (value < 0n || !Number.isInteger(n) || n < 1) throw new RangeError('integerRoot: needs value ≥ 0 and a whole n ≥ 1');
  if (value < 2n || n === 1) return value;
  const k = BigInt(n);
  // Start above the root (2^ceil(bits/n)); Newton's iterates then fall monotonically to floor(root).
  let x = 1n << BigInt(Math.ceil(value.toString(2).length / n));
  for (;;) {
    const next = ((k - 1n) * x + value / x ** (k - 1n)) / k;
    if (next >= x) return x;
    x = next;
  }
}
