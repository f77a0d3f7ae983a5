import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareBriefRisk, GATE_BLOCKED_THRESHOLD_DAYS, programBrief, type BriefConstraint, type BriefInput } from './brief.js';

const constraint: BriefConstraint = {
  id: 'c1', ref: 'CLAIMS-1', title: 'Data platform access', kind: 'blocker', ownerName: 'Olga Owner', deadline: '2026-10-01',
  daysOverdue: 55, escalationLevel: 'board', lastReviewedAt: '2026-11-01T10:00:00.000Z', stale: true,
};

const base: BriefInput = {
  program: { key: 'CLAIMS', sponsorName: 'Sam Sponsor', targetProductionDate: '2027-03-01' },
  binding: { kind: 'constraint', gate: 'limited-rollout', constraint, productionSlackDays: 3 },
  nextGate: { gate: 'limited-rollout', plannedDate: '2026-12-01', projectedDate: '2027-01-10', slipDays: 40 },
  hasPlan: true,
  production: { projectedDate: '2027-03-01', slipDays: 0 },
  forecast: { p50: '2027-03-05', p80: '2027-03-20', p95: '2027-04-30', daysLateP80: 19, onTargetProbability: 0.3 },
  boardEscalations: [{ constraint, decisionPending: false }],
  pendingDecisions: [{ id: 'd1', title: 'Fund the vendor', recommendation: 'Approve', dueDate: '2026-12-01', constraintRef: null }],
};

describe('programBrief', () => {
  it('answers all four questions of a program whose binding constraint is owned, dated and escalated', () => {
    const brief = programBrief(base);
    expect(brief.verdict).toEqual({ kind: 'executive-ownership' });
    expect(brief.answers.q1).toMatchObject({ status: 'answered', detail: { binding: 'constraint', gate: 'limited-rollout', constraintRef: 'CLAIMS-1' } });
    expect(brief.answers.q2).toMatchObject({ status: 'answered', detail: { owner: 'Olga Owner', daysOverdue: 55, escalationLevel: 'board', stale: true } });
    // 7 days of slip against 3 days of production slack: the gate moves 7, production 4.
    expect(brief.answers.q3).toMatchObject({ status: 'answered', detail: { gateSlipPerWeek: 7, productionSlipPerWeek: 4 } });
    const q4 = brief.answers.q4;
    expect(q4.status === 'answered' ? q4.detail.recommended.map((r) => r.source) : []).toEqual(['board-escalation', 'gate-blocked']);
  });

  it.each([
    ['no sponsor', { program: { ...base.program, sponsorName: null } }, [{ question: 2, items: ['sponsor'] }]],
    ['no owner on the binding constraint', { binding: { ...base.binding, constraint: { ...constraint, ownerName: null } } }, [{ question: 2, items: ['owner'] }]],
    ['no plan and no target', { hasPlan: false, program: { ...base.program, targetProductionDate: null } }, [{ question: 3, items: ['plan', 'target-production-date'] }]],
    ['nothing blocks an unplanned gate', {
      binding: { kind: 'today', gate: 'pilot' }, nextGate: { gate: 'pilot', plannedDate: null, projectedDate: '2026-11-25', slipDays: null }, hasPlan: false,
    }, [{ question: 1, items: ['plan'] }, { question: 3, items: ['plan'] }]],
  ] as const)('gives only visibility when there is %s, naming what is missing', (_name, patch, missing) => {
    const input: BriefInput = { ...base, ...patch };
    expect(programBrief(input).verdict).toEqual({ kind: 'visibility-only', missing });
  });

  it('says the plan date binds and recommends nothing when no constraint holds the gate', () => {
    const brief = programBrief({ ...base, binding: { kind: 'plan', gate: 'limited-rollout' }, boardEscalations: [], pendingDecisions: [],
      nextGate: { gate: 'limited-rollout', plannedDate: '2026-12-01', projectedDate: '2026-12-01', slipDays: 0 } });
    expect(brief.answers.q1.text).toContain('plan date');
    expect(brief.answers.q4).toMatchObject({ status: 'answered', detail: { pending: [], recommended: [] } });
    expect(brief.answers.q3).toMatchObject({ detail: { gateSlipPerWeek: 0, productionSlipPerWeek: 0 } });
  });

  it('does not recommend a board decision for an escalation whose decision is already pending, nor for a gate at the threshold', () => {
    const brief = programBrief({ ...base, boardEscalations: [{ constraint, decisionPending: true }],
      nextGate: { gate: 'limited-rollout', plannedDate: '2026-12-01', projectedDate: '2026-12-31', slipDays: GATE_BLOCKED_THRESHOLD_DAYS } });
    expect(brief.answers.q4).toMatchObject({ detail: { recommended: [] } });
  });

  it('scores risk as days late at P80 plus weights for board decisions and missing answers', () => {
    expect(programBrief(base).risk).toEqual({ daysLate: 19, score: 19 + 30 * 3 });
    expect(programBrief({ ...base, forecast: null, production: { projectedDate: '2027-03-11', slipDays: 10 }, boardEscalations: [], pendingDecisions: [],
      program: { ...base.program, sponsorName: null } }).risk).toEqual({ daysLate: 10, score: 10 + 30 + 15 });
  });
});

describe('properties', () => {
  const inputs = fc.record({
    sponsor: fc.option(fc.constant('S'), { nil: null }), owner: fc.option(fc.constant('O'), { nil: null }),
    target: fc.option(fc.constant('2027-01-01'), { nil: null }), hasPlan: fc.boolean(), slack: fc.nat(60), slip: fc.option(fc.integer({ min: -20, max: 90 }), { nil: null }),
    late: fc.option(fc.integer({ min: -30, max: 200 }), { nil: null }),
  }).map(({ sponsor, owner, target, hasPlan, slack, slip, late }): BriefInput => ({
    ...base, hasPlan, program: { key: 'P', sponsorName: sponsor, targetProductionDate: target },
    binding: { kind: 'constraint', gate: 'pilot', constraint: { ...constraint, ownerName: owner }, productionSlackDays: slack },
    nextGate: { gate: 'pilot', plannedDate: '2026-12-01', projectedDate: '2026-12-01', slipDays: slip },
    forecast: base.forecast && { ...base.forecast, daysLateP80: late },
  }));

  it('grants executive ownership exactly when every answer is answered', () => {
    fc.assert(fc.property(inputs, (input) => {
      const b = programBrief(input);
      const all = [b.answers.q1, b.answers.q2, b.answers.q3, b.answers.q4].every((a) => a.status === 'answered');
      expect(b.verdict.kind === 'executive-ownership').toBe(all);
    }));
  });

  it('never gives a negative risk, never moves production more than the slip, and sorts into a total order', () => {
    fc.assert(fc.property(fc.array(inputs, { minLength: 1, maxLength: 6 }), (list) => {
      const briefs = list.map((input, i) => ({ key: `P${i}`, ...programBrief(input) }));
      for (const b of briefs) {
        expect(b.risk.daysLate).toBeGreaterThanOrEqual(0);
        if (b.answers.q3.status === 'answered') expect(b.answers.q3.detail.productionSlipPerWeek).toBeLessThanOrEqual(b.answers.q3.detail.gateSlipPerWeek);
      }
      const sorted = [...briefs].sort(compareBriefRisk);
      expect(sorted.slice(1).every((b, i) => compareBriefRisk(sorted[i] ?? b, b) <= 0)).toBe(true);
    }));
  });
});
