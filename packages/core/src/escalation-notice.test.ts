import { describe, expect, it } from 'vitest';
import { draftBoardDecision, escalationNotice, type EscalationFacts } from './escalation-notice.js';
import { CONSTRAINT_KINDS, SEVERITIES, type ConstraintKind, type Severity } from './vocabulary.js';

const FACTS: EscalationFacts = {
  ref: 'CLAIMS-7', title: 'No named owner for model output', programName: 'Claims triage', ownerName: 'Amara Okafor',
  deadline: '2026-11-01', daysLate: 21, levelName: 'board', level: 3, levelCount: 4, blocksGate: 'production-readiness',
};

describe('escalationNotice', () => {
  it.each([
    [21, '21 days overdue'],
    [1, '1 day overdue'],
    [0, 'due today'],
    [-1, 'due in 1 day'],
    [-3, 'due in 3 days'],
  ])('states a constraint %i days late as "%s" in the subject', (daysLate, words) => {
    expect(escalationNotice({ ...FACTS, daysLate }).subject).toBe(`[CLAIMS-7] ${words}: No named owner for model output`);
  });

  it('names the owner, the gate it blocks and the level out of the ladder', () => {
    const { text } = escalationNotice(FACTS);
    expect(text).toContain('Owner: Amara Okafor');
    expect(text).toContain('production-readiness gate');
    expect(text).toContain('level 4 of 4 (board)');
  });
});

describe('draftBoardDecision', () => {
  const draft = (kind: ConstraintKind, severity: Severity) => draftBoardDecision({ ...FACTS, kind, severity }, '2026-11-22');

  it('offers four options whose effects are carried with them: resource, accept the constraint, move its deadline, stop', () => {
    expect(draft('risk', 'low').options.map((o) => o.effect)).toEqual([null, 'accept-constraint', 'move-deadline', null]);
  });

  it.each([
    ['blocker', 'low', 0],
    ['risk', 'critical', 0],
    ['dependency', 'high', 0],
    ['risk', 'medium', 1],
    ['dependency', 'low', 1],
  ] as const)('recommends for a %s of %s severity the option at index %i', (kind, severity, index) => {
    const d = draft(kind, severity);
    expect(d.recommendation).toBe(d.options[index]?.label);
  });

  it('always recommends one of its own options, for every kind and severity', () => {
    for (const kind of CONSTRAINT_KINDS) {
      for (const severity of SEVERITIES) {
        const d = draft(kind, severity);
        expect(d.options.map((o) => o.label)).toContain(d.recommendation);
      }
    }
  });

  it('gives the board seven days from the day it is raised', () => {
    expect(draft('risk', 'low').dueDate).toBe('2026-11-29');
  });
});
