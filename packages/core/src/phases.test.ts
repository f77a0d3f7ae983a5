import { describe, expect, it } from 'vitest';
import { defaultBlockedGate, nextGate, phaseIndex } from './phases.js';
import { PHASES, type Phase } from './vocabulary.js';

describe('phases', () => {
  it.each<[Phase, number, Phase | null, Phase]>([
    ['discovery', 0, 'pilot', 'pilot'],
    ['pilot', 1, 'production-readiness', 'production-readiness'],
    ['production-readiness', 2, 'limited-rollout', 'limited-rollout'],
    ['limited-rollout', 3, 'production', 'production'],
    ['production', 4, null, 'production'],
  ])('places %s at index %i, with next gate %s and default blocked gate %s', (phase, index, next, blocked) => {
    expect(phaseIndex(phase)).toBe(index);
    expect(nextGate(phase)).toBe(next);
    expect(defaultBlockedGate(phase)).toBe(blocked);
  });

  it('moves one gate at a time: every phase but the last leads to the one right after it', () => {
    for (const phase of PHASES.slice(0, -1)) {
      const next = nextGate(phase);
      expect(next).not.toBeNull();
      if (next !== null) expect(phaseIndex(next)).toBe(phaseIndex(phase) + 1);
    }
  });
});
