import { computeTimeline, isClosedStatus, type TimelineConstraint, type TimelineInput } from '@handoff/core';
import type { BenchPortfolio } from './bench-generator.js';
import { compare, type Comparison } from './bench-measure.js';

/**
 * Measurement 1: critical path + slack over the whole generated graph (core computeTimeline: compile,
 * Kahn order, forward and backward passes, every gate's critical path) against a plain Kahn topological
 * sort of the same input — the least any whole-graph pass must do.
 */

/** The whole portfolio as the timeline's input, built the way the timeline service builds it (closed constraints pass nothing on). */
export function timelineInputOf(portfolio: BenchPortfolio): TimelineInput {
  const keyOf = new Map(portfolio.programs.map((p) => [p.id, p.key]));
  const dependsOn = new Map<string, string[]>();
  for (const d of portfolio.dependencies) {
    const list = dependsOn.get(d.constraint_id);
    if (list) list.push(d.depends_on_id);
    else dependsOn.set(d.constraint_id, [d.depends_on_id]);
  }
  const plans = new Map<string, Record<string, string>>();
  for (const p of portfolio.plans) plans.set(p.program_id, { ...plans.get(p.program_id), [p.gate]: p.planned_date });
  return {
    today: portfolio.today,
    programs: portfolio.programs.map((p) => ({ id: p.id, phase: p.phase, targetProductionDate: p.target_production_date, plan: plans.get(p.id) ?? {} })),
    constraints: portfolio.constraints.map((c) => ({
      id: c.id, ref: `${keyOf.get(c.program_id) ?? '?'}-${c.number}`, programId: c.program_id, blocksGate: c.blocks_gate, status: c.status,
      deadline: c.deadline, severity: c.severity, kind: c.kind, dimension: c.dimension,
      dependsOn: isClosedStatus(c.status) ? [] : dependsOn.get(c.id) ?? [],
    })),
  };
}

/**
 * A plain Kahn topological sort from the same input shape: ids to indexes, in-degrees, dependents as flat
 * arrays (CSR, like the core's compile, so the baseline is no slower than it need be), a queue. Null on a cycle.
 */
export function kahnOrder(constraints: readonly Pick<TimelineConstraint, 'id' | 'dependsOn'>[]): Int32Array | null {
  const n = constraints.length;
  const index = new Map<string, number>();
  constraints.forEach((c, i) => index.set(c.id, i));
  const indegree = new Int32Array(n);
  const start = new Int32Array(n + 1);
  constraints.forEach((c) => {
    for (const dep of c.dependsOn) {
      const j = index.get(dep);
      if (j !== undefined) start[j + 1] = (start[j + 1] ?? 0) + 1;
    }
  });
  for (let i = 0; i < n; i++) start[i + 1] = (start[i + 1] ?? 0) + (start[i] ?? 0);
  const fill = start.slice(0, n);
  const dependents = new Int32Array(start[n] ?? 0);
  constraints.forEach((c, i) => {
    for (const dep of c.dependsOn) {
      const j = index.get(dep);
      if (j === undefined) continue;
      const at = fill[j] ?? 0;
      dependents[at] = i;
      fill[j] = at + 1;
      indegree[i] = (indegree[i] ?? 0) + 1;
    }
  });
  const order = new Int32Array(n);
  let tail = 0;
  for (let i = 0; i < n; i++) if (indegree[i] === 0) order[tail++] = i;
  for (let head = 0; head < tail; head++) {
    const i = order[head] ?? 0;
    for (let k = start[i] ?? 0, end = start[i + 1] ?? 0; k < end; k++) {
      const e = dependents[k] ?? 0;
      const left = (indegree[e] ?? 0) - 1;
      indegree[e] = left;
      if (left === 0) order[tail++] = e;
    }
  }
  return tail === n ? order : null;
}

/** Compares computeTimeline with kahnOrder over the whole graph; throws if the generated graph has a cycle (a generator bug). */
export function benchWholeGraph(portfolio: BenchPortfolio, runs: number): Promise<Comparison> {
  const input = timelineInputOf(portfolio);
  return compare(
    () => {
      const result = computeTimeline(input);
      if (result.kind !== 'ok') throw new Error(`the generated graph does not compile: ${result.kind}`);
      return result;
    },
    () => {
      const order = kahnOrder(input.constraints);
      if (!order) throw new Error('the generated graph has a cycle');
      return order;
    },
    runs,
  );
}
