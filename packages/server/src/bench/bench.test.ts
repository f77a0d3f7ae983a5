import { computeTimeline } from '@handoff/core';
import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../testing/harness.js';
import { benchDatabase } from './bench-database.js';
import { generatePortfolio } from './bench-generator.js';
import { benchWholeGraph, kahnOrder, timelineInputOf } from './bench-graph.js';
import { compare, percentile } from './bench-measure.js';
import { parseBenchArgs, QUICK_BENCH } from './bench-run.js';

// Smoke tests of `npm run bench`: the generator and the measuring functions work at a tiny size.
// No timing is asserted here: speed is read from the bench's ratios (docs/BENCHMARKS.md).

const TINY = { seed: 7, programs: 45, constraints: 900 };
const WORKSPACE = '11111111-1111-4111-8111-111111111111';

describe('the bench generator', () => {
  it('produces the requested counts of programs and constraints, numbered per program', () => {
    const portfolio = generatePortfolio(TINY, WORKSPACE);
    expect(portfolio.programs).toHaveLength(45);
    expect(portfolio.constraints).toHaveLength(900);
    for (const p of portfolio.programs) {
      const numbers = portfolio.constraints.filter((c) => c.program_id === p.id).map((c) => c.number);
      expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(p.next_constraint_number).toBe(21);
    }
  });

  it('builds an acyclic graph with dependencies across programs and resolved constraints that carry lateness', () => {
    const portfolio = generatePortfolio(TINY, WORKSPACE);
    const input = timelineInputOf(portfolio);
    expect(kahnOrder(input.constraints)).toHaveLength(900);
    expect(computeTimeline(input).kind).toBe('ok');
    const programOf = new Map(portfolio.constraints.map((c) => [c.id, c.program_id]));
    expect(portfolio.dependencies.some((d) => programOf.get(d.constraint_id) !== programOf.get(d.depends_on_id))).toBe(true);
    expect(portfolio.constraints.some((c) => c.status === 'resolved' && c.resolved_at !== null)).toBe(true);
    expect(new Set(portfolio.constraints.map((c) => c.id)).size).toBe(900);
  });

  it('generates the same portfolio from the same seed and a different one from another seed', () => {
    const a = generatePortfolio(TINY, WORKSPACE);
    expect(generatePortfolio(TINY, WORKSPACE)).toEqual(a);
    expect(generatePortfolio({ ...TINY, seed: 8 }, WORKSPACE).constraints[0]?.id).not.toBe(a.constraints[0]?.id);
  });
});

describe('the plain topological sort baseline', () => {
  it('orders every node after its dependencies and reports a cycle as null', () => {
    const order = kahnOrder([{ id: 'c', dependsOn: ['b'] }, { id: 'b', dependsOn: ['a'] }, { id: 'a', dependsOn: [] }]);
    expect(order ? [...order] : null).toEqual([2, 1, 0]);
    expect(kahnOrder([{ id: 'a', dependsOn: ['b'] }, { id: 'b', dependsOn: ['a'] }])).toBeNull();
  });
});

describe('the bench measurements', () => {
  it('computes nearest-rank percentiles', () => {
    expect(percentile([5, 1, 4, 2, 3], 0.5)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95)).toBe(10);
    expect(percentile([], 0.5)).toBeNaN();
  });

  it('hands subject and baseline the same round numbers', async () => {
    const seen: string[] = [];
    await compare((r) => seen.push(`s${r}`), (r) => seen.push(`b${r}`), 2, 1);
    expect(seen).toEqual(['b0', 's0', 'b1', 's1', 'b2', 's2']);
  });

  it('returns finite figures for the whole graph', async () => {
    const c = await benchWholeGraph(generatePortfolio(TINY, WORKSPACE), 3);
    for (const value of [c.subject.p50, c.subject.p95, c.baseline.p50, c.baseline.p95, c.ratio.p50, c.ratio.p95]) expect(Number.isFinite(value)).toBe(true);
  });

  it('loads the portfolio into a database and returns finite figures for the timeline and both briefs', async () => {
    const { config, drop } = await freshDatabase();
    try {
      const result = await benchDatabase(config, TINY, 2, 1);
      expect(result.sampleReach.constraints).toBeGreaterThan(0);
      for (const c of [result.timeline, result.programBrief, result.portfolioBrief]) {
        for (const value of [c.subject.p50, c.subject.p95, c.baseline.p50, c.baseline.p95, c.ratio.p50]) expect(Number.isFinite(value)).toBe(true);
      }
    } finally {
      await drop();
    }
  });
});

describe('the bench command line', () => {
  it('takes sizes and seed, --quick, and refuses unknown options and bad numbers', () => {
    expect(parseBenchArgs(['--programs', '10', '--constraints=200', '--seed', '0'])).toMatchObject({ programs: 10, constraints: 200, seed: 0, runs: 30, portfolioRuns: 3 });
    expect(parseBenchArgs(['--portfolio-runs', '1']).portfolioRuns).toBe(1);
    expect(parseBenchArgs(['--quick'])).toEqual(QUICK_BENCH);
    expect(() => parseBenchArgs(['--fast'])).toThrow(/unknown option --fast/);
    expect(() => parseBenchArgs(['--runs', '0'])).toThrow(/--runs needs a whole number ≥ 1/);
    expect(() => parseBenchArgs(['--programs', '10', '--constraints', '5'])).toThrow(/at least --programs/);
  });
});
