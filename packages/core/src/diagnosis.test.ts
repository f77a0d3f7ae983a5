import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FAILURE_MODES, diagnose, diagnosisDimension, type DiagnosisDimension, type DiagnosisInput, type FailureMode, type FindingStrength,
} from './diagnosis.js';
import { dimensionReadiness, type ReadinessCriterion } from './readiness.js';
import { DIMENSIONS, PHASES, type AssessmentStatus, type Dimension } from './vocabulary.js';

type Scores = Partial<Record<Dimension, number>>;
interface Patch {
  readonly program?: Partial<DiagnosisInput['program']>;
  readonly scores?: Scores;
  readonly assessed?: number;
  readonly roles?: Partial<DiagnosisInput['roles']>;
  readonly constraints?: Partial<DiagnosisInput['constraints']>;
  readonly escalations?: Partial<DiagnosisInput['escalations']>;
  readonly monitors?: Partial<DiagnosisInput['monitors']>;
}

const dimension = (score: number, assessed = 4): DiagnosisDimension => ({ score, met: score === 100, assessed, applicable: 4 });

/** A program in limited rollout with every signal healthy; each case changes what it names. */
function program(patch: Patch = {}, assessed: boolean = true): DiagnosisInput {
  const scores: Record<Dimension, number> = { technical: 80, governance: 80, workforce: 80, economic: 80, ...patch.scores };
  return {
    program: { key: 'CLAIMS', phase: 'limited-rollout', hasSponsor: true, ...patch.program },
    readiness: assessed
      ? { technical: dimension(scores.technical, patch.assessed), governance: dimension(scores.governance, patch.assessed), workforce: dimension(scores.workforce, patch.assessed), economic: dimension(scores.economic) }
      : null,
    roles: { required: 5, vacant: [], ...patch.roles },
    constraints: { total: 8, active: 4, withoutOwnerMovement: 1, overdue: 1, stale: 1, everReviewed: 6, ...patch.constraints },
    escalations: { levelsFired: 3, boardLevel: 0, acknowledged: 1, ...patch.escalations },
    monitors: {
      total: 3, governance: 1, inBreach: 0, unownedBreaches: 0, aiShare: { first: 30, last: 60, count: 6 }, legacyFallback: 5, ...patch.monitors,
    },
  };
}

const modesOf = (input: DiagnosisInput): [FailureMode, FindingStrength][] => diagnose(input).modes.map((f) => [f.mode, f.strength]);
const AWG = 'architecture-without-governance';
const GWA = 'governance-without-adoption';
const AWO = 'adoption-without-ownership';

describe('diagnose, one mode at a time and together', () => {
  it.each<[string, Patch, [FailureMode, FindingStrength][]]>([
    ['finds nothing in a program whose every signal is healthy', {}, []],
    ['calls architecture without governance emerging on low governance readiness alone', { scores: { governance: 40 } }, [[AWG, 'emerging']]],
    ['calls architecture without governance strong when roles are vacant too', { scores: { governance: 40 }, roles: { vacant: ['drift-monitor'] } }, [[AWG, 'strong']]],
    ['reads a missing drift or accuracy monitor as a governance gap', { monitors: { governance: 0 } }, [[AWG, 'emerging']]],
    ['calls governance without adoption emerging on a high legacy fallback alone', { monitors: { legacyFallback: 25 } }, [[GWA, 'emerging']]],
    ['calls governance without adoption strong on low workforce readiness and flat adoption',
      { scores: { workforce: 30 }, monitors: { aiShare: { first: 20, last: 22, count: 5 } } }, [[GWA, 'strong']]],
    ['calls adoption without ownership emerging when no sponsor is named', { program: { hasSponsor: false } }, [[AWO, 'emerging']]],
    ['calls adoption without ownership strong when overdue constraints never escalated either',
      { program: { hasSponsor: false }, constraints: { overdue: 2 }, escalations: { levelsFired: 0 } }, [[AWO, 'strong']]],
    ['reads a program with no constraint ever recorded as having no library',
      { constraints: { total: 0, active: 0, withoutOwnerMovement: 0, overdue: 0, stale: 0, everReviewed: 0 } }, [[AWO, 'emerging']]],
    ['reads unacknowledged board-level escalations as missing ownership', { escalations: { boardLevel: 2, acknowledged: 0 } }, [[AWO, 'emerging']]],
    ['finds two modes at once, in the order of the method',
      { scores: { governance: 40 }, roles: { vacant: ['output-owner'] }, program: { hasSponsor: false } }, [[AWG, 'strong'], [AWO, 'emerging']]],
    ['finds all three modes at once', {
      scores: { technical: 85, governance: 80, workforce: 75 },
      roles: { vacant: ['outcome-owner', 'output-owner', 'drift-monitor'] },
      monitors: { inBreach: 1, unownedBreaches: 1, legacyFallback: 35 },
      program: { hasSponsor: false },
      constraints: { total: 0, active: 0, withoutOwnerMovement: 0, overdue: 0, stale: 0, everReviewed: 0 },
    }, [[AWG, 'strong'], [GWA, 'emerging'], [AWO, 'strong']]],
  ])('%s', (_label, patch, expected) => {
    const diagnosis = diagnose(program(patch));
    expect(modesOf(program(patch))).toEqual(expected);
    expect(diagnosis.healthy).toBe(expected.length === 0);
  });
});

describe('diagnose at the thresholds', () => {
  it.each<[string, Patch, FailureMode[]]>([
    ['technical readiness exactly 70 counts as high', { scores: { technical: 70, governance: 40 } }, [AWG]],
    ['technical readiness 69.9 does not', { scores: { technical: 69.9, governance: 40 } }, []],
    ['governance readiness exactly 50 is not low', { scores: { governance: 50 } }, []],
    ['governance readiness 49.9 is low', { scores: { governance: 49.9 } }, [AWG]],
    ['governance readiness exactly 70 counts as high', { scores: { governance: 70 }, monitors: { legacyFallback: 25 } }, [GWA]],
    ['governance readiness 69.9 does not', { scores: { governance: 69.9 }, monitors: { legacyFallback: 25 } }, []],
    ['workforce readiness exactly 50 is not low', { scores: { workforce: 50 } }, []],
    ['workforce readiness 49.9 is low', { scores: { workforce: 49.9 } }, [GWA]],
    ['workforce readiness exactly 70 counts as high', { scores: { workforce: 70 }, program: { hasSponsor: false }, monitors: { aiShare: null } }, [AWO]],
    ['workforce readiness 69.9 does not', { scores: { workforce: 69.9 }, program: { hasSponsor: false }, monitors: { aiShare: null } }, []],
    ['legacy fallback exactly 20% is high', { monitors: { legacyFallback: 20 } }, [GWA]],
    ['legacy fallback 19.9% is not', { monitors: { legacyFallback: 19.9 } }, []],
    ['an AI share rising exactly 5 points is not flat', { monitors: { aiShare: { first: 20, last: 25, count: 3 } } }, []],
    ['an AI share rising 4.9 points is flat', { monitors: { aiShare: { first: 20, last: 24.9, count: 3 } } }, [GWA]],
    ['two flat readings are not yet a trend', { monitors: { aiShare: { first: 20, last: 20, count: 2 } } }, []],
    ['a flat AI share at exactly 50% counts as adopted, not flat', { monitors: { aiShare: { first: 49, last: 50, count: 9 } } }, []],
    ['an AI share of exactly 50% shows adoption without workforce readiness',
      { scores: { workforce: 60 }, program: { hasSponsor: false }, monitors: { aiShare: { first: 20, last: 50, count: 4 } } }, [AWO]],
    ['an AI share of 49.9% does not', { scores: { workforce: 60 }, program: { hasSponsor: false }, monitors: { aiShare: { first: 20, last: 49.9, count: 4 } } }, []],
    ['exactly half of the active constraints without owner movement is a gap', { constraints: { withoutOwnerMovement: 2 } }, [AWO]],
    ['exactly half of the active constraints stale is a gap', { constraints: { stale: 2 } }, [AWO]],
    ['a dimension with exactly half of its criteria assessed is read', { scores: { governance: 40 }, assessed: 2 }, [AWG]],
    ['a dimension with under half of its criteria assessed is not read', { scores: { governance: 40 }, assessed: 1 }, []],
  ])('%s', (_label, patch, expected) => {
    expect(diagnose(program(patch)).modes.map((f) => f.mode)).toEqual(expected);
  });
});

describe('evidence, clearing actions and summary', () => {
  it('states the numbers behind architecture without governance and what would clear it', () => {
    const diagnosis = diagnose(program({ scores: { governance: 20 }, roles: { vacant: ['output-owner', 'drift-monitor', 'retraining-authoriser'] } }));
    expect(diagnosis.modes).toEqual([{
      mode: AWG,
      strength: 'strong',
      evidence: [
        { signal: 'technical-readiness', observed: 'technical readiness 80/100', expected: '70/100 or more reads as the architecture in place' },
        { signal: 'governance-readiness', observed: 'governance readiness 20/100, below 50', expected: '50/100 or more' },
        {
          signal: 'vacant-roles',
          observed: '3 of 4 required roles besides the sponsor vacant: output-owner, drift-monitor, retraining-authoriser',
          expected: 'every required role held by a named person',
        },
      ],
      clears: [
        'meet the open governance criteria until governance readiness reaches 50/100',
        'assign a named output owner', 'assign a named drift monitor', 'assign a named retraining authoriser',
      ],
    }]);
    expect(diagnosis.summary).toBe('CLAIMS (limited-rollout): architecture without governance (strong).');
  });

  it('shows the adoption trend and the legacy fallback as read', () => {
    const [finding] = diagnose(program({ monitors: { aiShare: { first: 12.5, last: 13.5, count: 6 }, legacyFallback: 31.26 } })).modes;
    expect(finding?.evidence.slice(1).map((e) => e.observed)).toEqual([
      'AI share of work 12.5% to 13.5% over 6 readings (up 1 point)',
      'legacy fallback at 31.2%, at or above 20%',
    ]);
  });

  it('names the constraints without movement or review and the silent escalations', () => {
    const input = program({ constraints: { active: 5, withoutOwnerMovement: 3, stale: 4, everReviewed: 1, overdue: 2 }, escalations: { levelsFired: 0 } });
    const [finding] = diagnose(input).modes;
    expect(finding?.evidence.map((e) => e.observed)).toEqual([
      'workforce readiness 80/100',
      'AI share of work at 60%',
      '3 of 5 active constraints unchanged for 14 days or more',
      '4 of 5 active constraints not reviewed in 7 days (1 ever reviewed)',
      '2 overdue constraints and no escalation ever fired',
    ]);
    expect(finding?.clears).toContain('hold the weekly review of the constraint library');
  });

  it('asks for a holder of a custom role by its key and for the sponsor by name', () => {
    const [finding] = diagnose(program({ scores: { governance: 40 }, roles: { required: 6, vacant: ['outcome-owner', 'model-risk-officer'] } })).modes;
    expect(finding?.evidence[2]?.observed).toBe('1 of 5 required roles besides the sponsor vacant: model-risk-officer');
    expect(finding?.clears).toContain('assign a named holder to the model-risk-officer role');
    expect(diagnose(program({ program: { hasSponsor: false } })).modes[0]?.clears).toEqual(['name the executive sponsor who owns the production outcome']);
  });

  it('says the diagnosis is limited when some dimension had too few criteria assessed', () => {
    expect(diagnose(program({ assessed: 1 })).summary).toBe(
      'CLAIMS (limited-rollout): no failure mode found. The diagnosis is limited: too few criteria assessed to read technical, governance and workforce readiness (under 50% of the applicable ones).',
    );
  });
});

describe('diagnosisDimension', () => {
  it('counts as applicable only the criteria the score counts, and as assessed those with a result', () => {
    const criterion = (id: string): ReadinessCriterion => ({ id, code: id, dimension: 'technical', required: true, gate: 'pilot', retired: false });
    const results = new Map<string, AssessmentStatus>([['T1', 'met'], ['T2', 'partial'], ['T3', 'not-applicable']]);
    const readiness = dimensionReadiness('technical', ['T1', 'T2', 'T3', 'T4'].map(criterion), results);
    expect(diagnosisDimension(readiness)).toEqual({ score: 50, met: false, assessed: 2, applicable: 3 });
  });
});

describe('a program never assessed', () => {
  it('gets no readiness-based finding and a summary saying why the diagnosis is limited', () => {
    const diagnosis = diagnose(program({ scores: { technical: 95, governance: 10, workforce: 10 } }, false));
    expect(diagnosis).toEqual({
      modes: [], healthy: true,
      summary: 'CLAIMS (limited-rollout): no failure mode found. The diagnosis is limited: readiness was never assessed, so no readiness-based signal was read.',
    });
  });

  it('still reads an unowned live breach and vacant roles as architecture without governance', () => {
    const input = program({ roles: { vacant: ['drift-monitor'] }, monitors: { inBreach: 1, unownedBreaches: 1 } }, false);
    const [finding] = diagnose(input).modes;
    expect(finding?.mode).toBe(AWG);
    expect(finding?.strength).toBe('strong');
    expect(finding?.evidence.map((e) => e.signal)).toEqual(['monitor-breach', 'vacant-roles', 'unowned-breaches']);
  });

  it('still reads adoption in the readings against a missing sponsor', () => {
    expect(modesOf(program({ program: { hasSponsor: false } }, false))).toEqual([[AWO, 'emerging']]);
  });
});

const score = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true }));
const small = fc.nat({ max: 12 });
const readinessArb = fc.record({ score, met: fc.boolean(), assessed: fc.nat({ max: 6 }), applicable: fc.nat({ max: 6 }) });
const inputArb: fc.Arbitrary<DiagnosisInput> = fc.record({
  program: fc.record({ key: fc.constantFrom('CLAIMS', 'DESK'), phase: fc.constantFrom(...PHASES), hasSponsor: fc.boolean() }),
  readiness: fc.option(fc.record({ technical: readinessArb, governance: readinessArb, workforce: readinessArb, economic: readinessArb })),
  roles: fc.record({
    required: fc.integer({ min: 5, max: 7 }),
    vacant: fc.subarray(['outcome-owner', 'output-owner', 'drift-monitor', 'retraining-authoriser', 'regulated-escalation-owner', 'model-risk']),
  }),
  constraints: fc.record({ total: small, active: small, withoutOwnerMovement: small, overdue: small, stale: small, everReviewed: small }),
  escalations: fc.record({ levelsFired: small, boardLevel: small, acknowledged: small }),
  monitors: fc.record({
    total: small, governance: small, inBreach: small, unownedBreaches: small,
    aiShare: fc.option(fc.record({ first: score, last: score, count: small })),
    legacyFallback: fc.option(score),
  }),
});

const strengthOf = (input: DiagnosisInput, mode: FailureMode): number => {
  const finding = diagnose(input).modes.find((f) => f.mode === mode);
  return finding === undefined ? 0 : finding.strength === 'emerging' ? 1 : 2;
};

describe('diagnose, properties', () => {
  it('gives the same diagnosis for the same input and leaves the input untouched', () => {
    fc.assert(fc.property(inputArb, (input) => {
      const before = JSON.stringify(input);
      expect(diagnose(input)).toEqual(diagnose(input));
      expect(JSON.stringify(input)).toBe(before);
    }));
  });

  it('never adds or strengthens architecture without governance when governance readiness improves', () => {
    fc.assert(fc.property(inputArb, score, (input, better) => {
      if (input.readiness === null) return;
      const governance = { ...input.readiness.governance, score: Math.max(better, input.readiness.governance.score) };
      const improved = { ...input, readiness: { ...input.readiness, governance } };
      expect(strengthOf(improved, AWG)).toBeLessThanOrEqual(strengthOf(input, AWG));
    }));
  });

  it('never adds or strengthens any finding when the vacant roles are filled', () => {
    fc.assert(fc.property(inputArb, (input) => {
      const filled = { ...input, program: { ...input.program, hasSponsor: true }, roles: { ...input.roles, vacant: [] } };
      for (const mode of FAILURE_MODES) expect(strengthOf(filled, mode)).toBeLessThanOrEqual(strengthOf(input, mode));
    }));
  });

  it('gives every finding evidence and a clearing action, lists modes once in method order, and is healthy only without findings', () => {
    fc.assert(fc.property(inputArb, (input) => {
      const { modes, healthy, summary } = diagnose(input);
      for (const finding of modes) {
        expect(finding.evidence.length).toBeGreaterThanOrEqual(2);
        expect(finding.clears.length).toBeGreaterThanOrEqual(1);
        for (const e of finding.evidence) expect(`${e.observed} ${e.expected}`).not.toMatch(/NaN|undefined|null/);
      }
      expect(modes.map((f) => f.mode)).toEqual(FAILURE_MODES.filter((m) => modes.some((f) => f.mode === m)));
      expect(healthy).toBe(modes.length === 0);
      expect(summary.startsWith(`${input.program.key} (${input.program.phase}): `)).toBe(true);
    }));
  });

  it('reads no readiness signal from a program never assessed', () => {
    fc.assert(fc.property(inputArb, (input) => {
      const { modes, summary } = diagnose({ ...input, readiness: null });
      const signals = modes.flatMap((f) => f.evidence.map((e) => e.signal));
      expect(signals.filter((s) => DIMENSIONS.some((d) => s === `${d}-readiness`))).toEqual([]);
      expect(summary).toContain('readiness was never assessed');
    }));
  });
});
