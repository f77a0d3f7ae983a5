/**
 * Dependencies between constraints form a directed graph: an edge `from → to` means `from` cannot be
 * resolved before `to` is. The graph must stay acyclic; edges may cross programs.
 */

/** One dependency edge: `from` depends on `to`. */
export interface DependencyEdge {
  readonly from: string;
  readonly to: string;
}

/** Outcome of checking a proposed change of one node's dependencies. */
export type CycleCheck =
  | { readonly kind: 'acyclic' }
  /** `cycle` lists the nodes in order and ends where it starts, e.g. [a, b, c, a]. */
  | { readonly kind: 'cycle'; readonly cycle: readonly string[] };

/**
 * Checks whether giving `node` exactly the dependencies `dependsOn` (replacing whatever it had in
 * `edges`) would close a cycle. Runs in O(V + E): one search from the new targets back to `node`.
 */
export function checkDependencies(
  edges: readonly DependencyEdge[],
  node: string,
  dependsOn: readonly string[],
): CycleCheck {
  if (dependsOn.includes(node)) return { kind: 'cycle', cycle: [node, node] };
  const out = new Map<string, string[]>();
  for (const e of edges) {
    if (e.from === node) continue;
    const list = out.get(e.from);
    if (list) list.push(e.to);
    else out.set(e.from, [e.to]);
  }
  // Iterative DFS from each new target looking for `node`, remembering parents to rebuild the path.
  const parent = new Map<string, string>();
  for (const start of dependsOn) {
    if (parent.has(start)) continue;
    parent.set(start, node);
    const stack = [start];
    for (let current = stack.pop(); current !== undefined; current = stack.pop()) {
      for (const next of out.get(current) ?? []) {
        if (next === node) return { kind: 'cycle', cycle: rebuild(parent, current, node) };
        if (parent.has(next)) continue;
        parent.set(next, current);
        stack.push(next);
      }
    }
  }
  return { kind: 'acyclic' };
}

function rebuild(parent: Map<string, string>, last: string, node: string): string[] {
  const path = [last];
  let cursor = last;
  while (cursor !== node) {
    cursor = parent.get(cursor) ?? node;
    path.push(cursor);
  }
  path.reverse();
  path.push(node);
  return path;
}
