/**
 * Program keys are short codes (2–12 capitals or digits, starting with a letter) used in constraint
 * references such as CLAIMS-12.
 */

/** Pattern every program key satisfies. */
export const PROGRAM_KEY_PATTERN = /^[A-Z][A-Z0-9]{1,11}$/;

/**
 * Key candidates derived from a program name, best first: the first word (up to 8 characters), then
 * the same with 2, 3, … appended. The caller takes the first candidate not in use.
 */
export function programKeyCandidates(name: string, count = 50): string[] {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '') // drop the accents NFKD split off, so 'Crédit' stays one word: CREDIT
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter((w) => w.length > 0);
  let base = (words[0] ?? '').slice(0, 8);
  if (base.length < 2) base = words.join('').slice(0, 8);
  if (!/^[A-Z]/.test(base)) base = `P${base}`.slice(0, 8);
  if (base.length < 2) base = `${base}PROG`.slice(0, 8);
  const out = [base];
  for (let i = 2; out.length < count; i++) out.push(`${base}${i}`);
  return out;
}
