import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROGRAM_KEY_PATTERN, programKeyCandidates } from './program-key.js';

describe('programKeyCandidates', () => {
  it.each([
    ['Claims automation', 'CLAIMS'],
    ['claims', 'CLAIMS'],
    ['Customer-service copilot', 'CUSTOMER'],
    ['Underwriting assistant', 'UNDERWRI'],
    ['AI triage', 'AI'],
    ['X ray', 'XRAY'],
    ['42 things', 'P42'],
    ['Café bot', 'CAFE'],
    ['Crédit scoring', 'CREDIT'],
    ['Über platform', 'UBER'],
    ['Straße', 'STRASSE'],
    ['a', 'APROG'],
    ['', 'PPROG'],
    ['!!!', 'PPROG'],
  ])('derives the key of %j as %s first', (name, key) => {
    expect(programKeyCandidates(name)[0]).toBe(key);
  });

  it('follows the first candidate with the same key numbered from 2', () => {
    expect(programKeyCandidates('Claims automation', 4)).toEqual(['CLAIMS', 'CLAIMS2', 'CLAIMS3', 'CLAIMS4']);
  });

  it('offers 50 candidates by default', () => {
    expect(programKeyCandidates('Claims')).toHaveLength(50);
  });

  it('gives, for any name, the requested number of distinct candidates that all are valid keys', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.integer({ min: 1, max: 50 }), (name, count) => {
        const candidates = programKeyCandidates(name, count);
        expect(candidates).toHaveLength(count);
        expect(new Set(candidates).size).toBe(count);
        for (const key of candidates) expect(key).toMatch(PROGRAM_KEY_PATTERN);
      }),
    );
  });
});
