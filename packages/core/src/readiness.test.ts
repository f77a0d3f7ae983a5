import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CRITERION_CODE_PATTERN, DEFAULT_CRITERIA, FRAMEWORK_REF_PATTERNS } from './readiness-criteria.js';
import {
  applicableCriteria, assessmentItemProblem, describeUnmet, dimensionReadiness, programReadiness, reassessmentDue, readinessScore, readinessTrend,
  type AssessmentRecord, type ReadinessCriterion,
} from './readiness.js';
import { ASSESSMENT_STATUSES, DIMENSIONS, FRAMEWORKS, PHASES, type AssessmentStatus, type Dimension, type Phase } from './vocabulary.js';

const criterion = (code: string, over: Partial<ReadinessCriterion> = {}): ReadinessCriterion => ({
  id: code, code, dimension: 'technical', required: true, gate: 'production-readiness', retired: false, ...over,
});
const results = (entries: Record<string, AssessmentStatus>): Map<string, AssessmentStatus> => new Map(Object.entries(entries));

describe('applicableCriteria', () => {
  const library = [
    criterion('A', { gate: 'pilot' }),
    criterion('B', { gate: 'production-readiness' }),
    criterion('C', { gate: 'production' }),
    criterion('D', { gate: 'pilot', retired: true }),
  ];
  it.each<[Phase, string[]]>([
    ['discovery', []],
    ['pilot', ['A']],
    ['production-readiness', ['A', 'B']],
    ['limited-rollout', ['A', 'B']],
    ['production', ['A', 'B', 'C']],
  ])('at the %s gate applies %j: its own gate and every earlier one, never a retired criterion', (gate, codes) => {
    expect(applicableCriteria(library, gate).map((c) => c.code)).toEqual(codes);
  });
});

describe('readinessScore', () => {
  it.each<[string, (AssessmentStatus | null)[], number]>([
    ['nothing to count scores 100', [], 100],
    ['only not-applicable scores 100', ['not-applicable', 'not-applicable'], 100],
    ['all met', ['met', 'met'], 100],
    ['never assessed counts as zero', [null, 'met'], 50],
    ['partial counts half', ['partial', 'not-met'], 25],
    ['not-applicable leaves the denominator', ['met', 'not-applicable', 'not-met'], 50],
    ['rounds to the nearest whole number', ['met', 'not-met', 'not-met'], 33],
    ['rounds halves up', ['partial', 'not-met', 'not-met', 'not-met'], 13],
  ])('%s', (_label, statuses, score) => {
    expect(readinessScore(statuses)).toBe(score);
  });
});

describe('dimensionReadiness', () => {
  const crit = [
    criterion('T1'), criterion('T2'), criterion('T3', { required: false }), criterion('G1', { dimension: 'governance' }),
  ];
  it('is met when every required criterion is met or not applicable, whatever the optional ones say', () => {
    const d = dimensionReadiness('technical', crit, results({ T1: 'met', T2: 'not-applicable', T3: 'not-met' }));
    expect(d).toMatchObject({ met: true, gaps: [], score: 50, counts: { met: 1, partial: 0, notMet: 1, notApplicable: 1 }, unassessed: 0 });
  });
  it('treats partial and never-assessed required criteria as gaps, sorted by code', () => {
    const d = dimensionReadiness('technical', crit, results({ T2: 'partial' }));
    expect(d).toMatchObject({ met: false, gaps: ['T1', 'T2'], unassessed: 2, score: 17 });
  });
  it('scores a dimension with no applicable criteria 100 and calls it met', () => {
    expect(dimensionReadiness('economic', crit, new Map())).toMatchObject({ score: 100, met: true, gaps: [], unassessed: 0 });
  });
  it('keeps governance unmet while a required role is vacant, without changing its score', () => {
    const d = dimensionReadiness('governance', crit, results({ G1: 'met' }), ['drift-monitor']);
    expect(d).toMatchObject({ score: 100, met: false, gaps: [], vacantRoles: ['drift-monitor'] });
  });
  it('ignores vacant roles in the other dimensions', () => {
    expect(dimensionReadiness('economic', crit, new Map(), ['drift-monitor'])).toMatchObject({ met: true, vacantRoles: [] });
  });
  it('keeps a dimension unmet while another condition holds (pilot economics), and names it in what is unmet', () => {
    expect(dimensionReadiness('economic', crit, new Map(), [], ['pilot-economics: no adoption costs'])).toMatchObject({ score: 100, met: false, conditions: ['pilot-economics: no adoption costs'] });
    const r = programReadiness({ gate: 'pilot', criteria: [], results: new Map(), conditions: { economic: ['no cost model'] } });
    expect(r.gateOpen).toBe(false);
    expect(r.unmet).toEqual([{ dimension: 'economic', criteria: [], conditions: ['no cost model'] }]);
    expect(describeUnmet(r.unmet)).toEqual(['economic: no cost model']);
  });
});

describe('programReadiness', () => {
  const library = [
    criterion('T1', { gate: 'pilot' }),
    criterion('G1', { dimension: 'governance' }),
    criterion('W1', { dimension: 'workforce', gate: 'production' }),
    criterion('E1', { dimension: 'economic' }),
  ];
  it('opens the gate when all four dimensions are met', () => {
    const r = programReadiness({ gate: 'production-readiness', criteria: library, results: results({ T1: 'met', G1: 'met', E1: 'not-applicable' }) });
    expect(r.gateOpen).toBe(true);
    expect(r.unmet).toEqual([]);
    expect(r.dimensions.map((d) => d.dimension)).toEqual([...DIMENSIONS]);
  });
  it('names each unmet dimension with its criteria and, for governance, the vacant roles', () => {
    const r = programReadiness({
      gate: 'production', criteria: library, results: results({ T1: 'met', G1: 'met', W1: 'partial' }), vacantRoles: ['output-owner'],
    });
    expect(r.gateOpen).toBe(false);
    expect(r.unmet).toEqual([
      { dimension: 'governance', criteria: [], vacantRoles: ['output-owner'] },
      { dimension: 'workforce', criteria: ['W1'] },
      { dimension: 'economic', criteria: ['E1'] },
    ]);
    expect(describeUnmet(r.unmet)).toEqual(['governance: vacant roles: output-owner', 'workforce: W1', 'economic: E1']);
  });
});

describe('assessmentItemProblem', () => {
  it.each<[AssessmentStatus, string, boolean]>([
    ['met', '', true], ['met', '   ', true], ['met', 'load test report 2026-11', false],
    ['partial', '', false], ['not-met', '', false], ['not-applicable', '', false],
  ])('a %s result with evidence %j is refused: %s', (status, evidence, refused) => {
    expect(assessmentItemProblem({ status, evidence }) !== null).toBe(refused);
  });
});

describe('reassessmentDue', () => {
  const resolved = (resolvedAt: string) => ({ status: 'resolved' as const, resolvedAt });
  it.each<[string, string | null, { status: 'open' | 'resolved' | 'accepted'; resolvedAt: string | null }[], boolean]>([
    ['no linked constraint', '2026-01-01T00:00:00Z', [], false],
    ['a linked constraint still open', '2026-01-01T00:00:00Z', [{ status: 'open', resolvedAt: null }], false],
    ['resolved after the latest assessment', '2026-01-01T00:00:00Z', [resolved('2026-01-02T00:00:00Z')], true],
    ['resolved before the latest assessment', '2026-01-03T00:00:00Z', [resolved('2026-01-02T00:00:00Z')], false],
    ['resolved, never assessed', null, [resolved('2026-01-02T00:00:00Z')], true],
    ['accepted rather than resolved', null, [{ status: 'accepted', resolvedAt: '2026-01-02T00:00:00Z' }], false],
  ])('%s: %s', (_label, assessedAt, linked, due) => {
    expect(reassessmentDue(assessedAt, linked)).toBe(due);
  });
});

describe('readinessTrend', () => {
  const timed = [
    { id: 'T1', code: 'T1', dimension: 'technical' as const, required: true, gate: 'pilot' as const, retiredAt: null },
    { id: 'T2', code: 'T2', dimension: 'technical' as const, required: true, gate: 'pilot' as const, retiredAt: '2026-03-01T00:00:00Z' },
  ];
  const row = (criterionId: string, batchId: string, status: AssessmentStatus, assessedAt: string, seq: number): AssessmentRecord => ({ criterionId, batchId, status, assessedAt, seq });

  it('gives one point per batch, oldest first, each the state after that batch', () => {
    const points = readinessTrend('pilot', timed, [
      row('T1', 'b2', 'met', '2026-02-01T00:00:00Z', 3),
      row('T1', 'b1', 'not-met', '2026-01-01T00:00:00Z', 1),
      row('T2', 'b1', 'partial', '2026-01-01T00:00:00Z', 2),
    ]);
    expect(points.map((p) => [p.batchId, p.readiness.dimensions[0]?.score, p.readiness.gateOpen])).toEqual([['b1', 25], ['b2', 75]].map(([b, s]) => [b, s, false]));
  });

  it('drops a criterion from the points after it was retired', () => {
    const points = readinessTrend('pilot', timed, [
      row('T1', 'b1', 'met', '2026-01-01T00:00:00Z', 1),
      row('T1', 'b2', 'met', '2026-04-01T00:00:00Z', 2),
    ]);
    expect(points.map((p) => p.readiness.gateOpen)).toEqual([false, true]);
  });

  it('orders rows of the same instant by sequence, so the later row is the latest result', () => {
    const points = readinessTrend('pilot', timed.slice(0, 1), [
      row('T1', 'b2', 'met', '2026-01-01T00:00:00Z', 2),
      row('T1', 'b1', 'not-met', '2026-01-01T00:00:00Z', 1),
    ]);
    expect(points.map((p) => [p.batchId, p.readiness.gateOpen])).toEqual([['b1', false], ['b2', true]]);
  });
});

describe('the default criteria library', () => {
  it('has unique codes, five to seven criteria per dimension, and at least one applying from the pilot gate', () => {
    const codes = DEFAULT_CRITERIA.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(CRITERION_CODE_PATTERN);
    for (const d of DIMENSIONS) {
      const mine = DEFAULT_CRITERIA.filter((c) => c.dimension === d);
      expect(mine.length).toBeGreaterThanOrEqual(5);
      expect(mine.length).toBeLessThanOrEqual(7);
      expect(mine.some((c) => c.gate === 'pilot')).toBe(true);
    }
  });
  it('cites every framework, each id in the shape of its framework', () => {
    const refs = DEFAULT_CRITERIA.flatMap((c) => c.refs);
    for (const ref of refs) expect(ref.id).toMatch(FRAMEWORK_REF_PATTERNS[ref.framework]);
    expect(new Set(refs.map((r) => r.framework))).toEqual(new Set(FRAMEWORKS));
  });
});

const statusArb = fc.constantFrom<AssessmentStatus | null>(null, ...ASSESSMENT_STATUSES);
const libraryArb = fc.array(
  fc.record({
    dimension: fc.constantFrom<Dimension>(...DIMENSIONS),
    required: fc.boolean(),
    gate: fc.constantFrom<Phase>(...PHASES),
    retired: fc.boolean(),
    status: statusArb,
  }),
  { maxLength: 30 },
).map((rows) => rows.map((r, i) => ({ ...criterion(`C${i}`, r), status: r.status })));

describe('readiness properties', () => {
  it('recording a met result never lowers any score', () => {
    fc.assert(fc.property(libraryArb, fc.nat(), fc.constantFrom<Phase>(...PHASES), (library, pick, gate) => {
      if (library.length === 0) return;
      const before = new Map(library.flatMap((c) => (c.status ? [[c.id, c.status] as const] : [])));
      const target = library[pick % library.length];
      if (!target) return;
      const after = new Map(before).set(target.id, 'met');
      const a = programReadiness({ gate, criteria: library, results: before });
      const b = programReadiness({ gate, criteria: library, results: after });
      a.dimensions.forEach((d, i) => expect(b.dimensions[i]?.score).toBeGreaterThanOrEqual(d.score));
    }));
  });

  it('opens the gate exactly when all four dimensions are met, and lists exactly the unmet ones', () => {
    fc.assert(fc.property(libraryArb, fc.constantFrom<Phase>(...PHASES), fc.boolean(), (library, gate, vacant) => {
      const r = programReadiness({
        gate, criteria: library, vacantRoles: vacant ? ['drift-monitor'] : [],
        results: new Map(library.flatMap((c) => (c.status ? [[c.id, c.status] as const] : []))),
      });
      expect(r.gateOpen).toBe(r.dimensions.every((d) => d.met));
      expect(r.unmet.map((u) => u.dimension)).toEqual(r.dimensions.filter((d) => !d.met).map((d) => d.dimension));
      for (const d of r.dimensions) {
        expect(d.score).toBeGreaterThanOrEqual(0);
        expect(d.score).toBeLessThanOrEqual(100);
      }
    }));
  });
});
