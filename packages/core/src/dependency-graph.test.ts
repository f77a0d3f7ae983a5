import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDependencies, type DependencyEdge } from './dependency-graph.js';

const name = (i: number): string => `n${i}`;

/** A graph on nodes n0…n(size-1); `edges` are index pairs [from, to]. */
interface Graph {
  readonly size: number;
  readonly edges: readonly DependencyEdge[];
}

/** Random DAGs of 2+ nodes: every edge goes from a higher index to a lower one, so the index order is a topological order. */
const dag = fc.integer({ min: 2, max: 14 }).chain((size) =>
  fc
    .uniqueArray(
      fc.tuple(fc.nat(size - 1), fc.nat(size - 1)).filter(([a, b]) => a !== b).map(([a, b]): [number, number] => [Math.max(a, b), Math.min(a, b)]),
      { selector: ([a, b]) => `${a}>${b}`, maxLength: 40 },
    )
    .map((pairs): Graph => ({ size, edges: pairs.map(([from, to]) => ({ from: name(from), to: name(to) })) })),
);

/** Random directed graphs, cycles allowed (a corrupt or concurrent state the check must still survive). */
const digraph = fc.integer({ min: 1, max: 10 }).chain((size) =>
  fc
    .array(fc.tuple(fc.nat(size - 1), fc.nat(size - 1)), { maxLength: 30 })
    .map((pairs): Graph => ({ size, edges: pairs.map(([from, to]) => ({ from: name(from), to: name(to) })) })),
);

/** Reference reachability by breadth-first search, ignoring `skipFrom`'s own edges. */
function reaches(edges: readonly DependencyEdge[], from: string, to: string, skipFrom: string): boolean {
  const seen = new Set([from]);
  const queue = [from];
  for (let current = queue.shift(); current !== undefined; current = queue.shift()) {
    if (current === to) return true;
    if (current === skipFrom) continue;
    for (const e of edges) {
      if (e.from === current && !seen.has(e.to)) {
        seen.add(e.to);
        queue.push(e.to);
      }
    }
  }
  return false;
}

/** The dependencies `node` has in `edges`. */
function depsOf(edges: readonly DependencyEdge[], node: string): string[] {
  return edges.filter((e) => e.from === node).map((e) => e.to);
}

/** Asserts a reported cycle is a real one through `node` in the graph after the proposed change. */
function expectRealCycle(cycle: readonly string[], edges: readonly DependencyEdge[], node: string, dependsOn: readonly string[]): void {
  expect(cycle[0]).toBe(node);
  expect(cycle[cycle.length - 1]).toBe(node);
  expect(cycle.length).toBeGreaterThanOrEqual(2);
  // Simple: no node repeats except the closing one.
  expect(new Set(cycle.slice(0, -1)).size).toBe(cycle.length - 1);
  const after = new Set([
    ...edges.filter((e) => e.from !== node).map((e) => `${e.from}>${e.to}`),
    ...dependsOn.map((to) => `${node}>${to}`),
  ]);
  for (let i = 0; i + 1 < cycle.length; i++) expect(after.has(`${cycle[i]}>${cycle[i + 1]}`)).toBe(true);
}

describe('checkDependencies', () => {
  it('reports a dependency on itself as the cycle [node, node]', () => {
    expect(checkDependencies([], 'a', ['a'])).toEqual({ kind: 'cycle', cycle: ['a', 'a'] });
    fc.assert(
      fc.property(dag, fc.nat(), (graph, pick) => {
        const node = name(pick % graph.size);
        expect(checkDependencies(graph.edges, node, [...depsOf(graph.edges, node), node])).toEqual({ kind: 'cycle', cycle: [node, node] });
      }),
    );
  });

  it('finds the cycle a → b → c → a when c is made to depend on a', () => {
    const edges = [{ from: 'a', to: 'b' }, { from: 'b', to: 'c' }];
    expect(checkDependencies(edges, 'c', ['a'])).toEqual({ kind: 'cycle', cycle: ['c', 'a', 'b', 'c'] });
  });

  it('replaces the node’s old dependencies rather than adding to them', () => {
    // c → a already exists in the stored edges, but the proposal drops it, so b → c closes nothing.
    const edges = [{ from: 'a', to: 'b' }, { from: 'c', to: 'a' }];
    expect(checkDependencies(edges, 'c', [])).toEqual({ kind: 'acyclic' });
    expect(checkDependencies(edges, 'b', ['c'])).toEqual({ kind: 'cycle', cycle: ['b', 'c', 'a', 'b'] });
  });

  it('reports every edge from a lower to a higher node that closes a path as a real cycle, and no other', () => {
    fc.assert(
      fc.property(dag, (graph) => {
        for (let low = 0; low < graph.size; low++) {
          const node = name(low);
          for (let high = low + 1; high < graph.size; high++) {
            const dependsOn = [...depsOf(graph.edges, node), name(high)];
            const result = checkDependencies(graph.edges, node, dependsOn);
            if (reaches(graph.edges, name(high), node, node)) {
              expect(result.kind).toBe('cycle');
              if (result.kind === 'cycle') expectRealCycle(result.cycle, graph.edges, node, dependsOn);
            } else {
              expect(result).toEqual({ kind: 'acyclic' });
            }
          }
        }
      }),
    );
  });

  it('never reports a cycle for dependencies that keep the order (only on lower nodes)', () => {
    fc.assert(
      fc.property(dag, fc.nat(), fc.array(fc.nat(), { maxLength: 8 }), (graph, pick, targets) => {
        const index = pick % graph.size;
        const dependsOn = index === 0 ? [] : targets.map((t) => name(t % index));
        expect(checkDependencies(graph.edges, name(index), dependsOn)).toEqual({ kind: 'acyclic' });
      }),
    );
  });

  it('on any graph, reports a cycle exactly when a new dependency leads back to the node, and it is real', () => {
    fc.assert(
      fc.property(digraph, fc.nat(), fc.array(fc.nat(), { maxLength: 5 }), (graph, pick, targets) => {
        const node = name(pick % graph.size);
        const dependsOn = targets.map((t) => name(t % graph.size));
        const result = checkDependencies(graph.edges, node, dependsOn);
        const expected = dependsOn.some((d) => d === node || reaches(graph.edges, d, node, node));
        expect(result.kind).toBe(expected ? 'cycle' : 'acyclic');
        if (result.kind === 'cycle') expectRealCycle(result.cycle, graph.edges, node, dependsOn);
      }),
    );
  });
});
