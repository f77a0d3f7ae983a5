import { ROUTE_ACCESS, routes, type RouteAccess, type RouteName } from '@handoff/contract';

/** A request matched to its contract route: the access rule it demands and its path parameters. */
export interface MatchedRoute {
  readonly name: RouteName;
  readonly access: RouteAccess;
  readonly params: Readonly<Record<string, string>>;
}

interface Entry { name: RouteName; method: string; pattern: RegExp; params: string[]; literal: number }

function isRouteName(name: string): name is RouteName {
  return Object.hasOwn(ROUTE_ACCESS, name);
}

/** Every contract route as a pattern; literal segments win over parameters (`/api/criteria/export` before `/api/criteria/{id}`). */
const TABLE: readonly Entry[] = Object.entries(routes).flatMap(([name, value]): Entry[] => {
  if (!isRouteName(name) || typeof value !== 'object' || value === null || !('path' in value) || !('method' in value)) return [];
  const path = String(value.path);
  const params: string[] = [];
  const source = path.split(/(\{[^}]+\})/).map((part) => {
    const m = /^\{([^}]+)\}$/.exec(part);
    if (!m) return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
    params.push(m[1] ?? '');
    return '([^/]+?)';
  }).join('');
  return [{ name, method: String(value.method).toUpperCase(), pattern: new RegExp(`^${source}$`), params, literal: path.replace(/\{[^}]+\}/g, '').length }];
}).sort((a, b) => a.params.length - b.params.length || b.literal - a.literal);

/** The contract route a request is for (HEAD matches GET), or undefined when there is none. */
export function matchRoute(method: string, path: string): MatchedRoute | undefined {
  const wanted = method.toUpperCase() === 'HEAD' ? 'GET' : method.toUpperCase();
  for (const e of TABLE) {
    if (e.method !== wanted) continue;
    const m = e.pattern.exec(path);
    if (!m) continue;
    const params: Record<string, string> = {};
    e.params.forEach((p, i) => { params[p] = safeDecode(m[i + 1] ?? ''); });
    return { name: e.name, access: ROUTE_ACCESS[e.name], params };
  }
  return undefined;
}

function safeDecode(value: string): string {
  try { return decodeURIComponent(value); } catch { return value; }
}
