import { describe, expect, it } from 'vitest';
import { buildDigest, isEmptyDigest, weekStart } from './digest.js';

describe('weekStart', () => {
  it.each([
    ['2026-11-23', '2026-11-23'], // Monday
    ['2026-11-25', '2026-11-23'], // Wednesday
    ['2026-11-29', '2026-11-23'], // Sunday
    ['2027-01-01', '2026-12-28'], // across the year
  ])('%s is in the week starting %s', (date, monday) => {
    expect(weekStart(date)).toBe(monday);
  });
});

describe('buildDigest', () => {
  const base = { personName: 'Ada', today: '2026-11-25', owned: [], escalatedToThem: [], decisionsWaiting: [] };

  it('is empty when there is nothing to say', () => {
    expect(isEmptyDigest(base)).toBe(true);
  });

  it('puts overdue work first and counts it in the subject', () => {
    const d = buildDigest({
      ...base,
      owned: [
        { ref: 'A-2', title: 'Later', deadline: '2026-12-10' },
        { ref: 'A-1', title: 'Late', deadline: '2026-11-20' },
      ],
      escalatedToThem: [{ ref: 'B-1', title: 'Stuck', deadline: '2026-11-01', levelName: 'sponsor', ownerName: 'Bo' }],
      decisionsWaiting: [{ title: 'Fund the platform', dueDate: '2026-12-01' }],
    });
    expect(d.subject).toBe('Handoff weekly: 1 overdue, 1 escalated to you, 1 decision waiting');
    expect(d.overdue).toBe(1);
    const text = d.text;
    expect(text.indexOf('A-1 Late: 5 days overdue')).toBeGreaterThan(0);
    expect(text.indexOf('A-1')).toBeLessThan(text.indexOf('A-2'));
    expect(text).toContain('B-1 Stuck (owner Bo, level sponsor): 24 days overdue');
    expect(text).toContain('Fund the platform: decide by 2026-12-01');
  });
});
