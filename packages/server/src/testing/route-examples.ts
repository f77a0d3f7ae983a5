import { randomUUID } from 'node:crypto';
import { ROUTE_ACCESS, routes, type RouteAccess, type RouteName } from '@handoff/contract';
import type { Portfolio, Side, SideIds } from './security-fixture.js';

/** A contract route as the security tests walk it. */
export interface ContractRoute {
  readonly name: string;
  readonly method: string;
  readonly path: string;
  readonly hasBody: boolean;
  /** Its ROUTE_ACCESS entry; undefined is a bug the matrix test reports. */
  readonly access: RouteAccess | undefined;
}

function accessOf(name: string): RouteAccess | undefined {
  const entries: Readonly<Record<string, RouteAccess>> = ROUTE_ACCESS;
  return Object.hasOwn(entries, name) ? entries[name] : undefined;
}

/** Every route definition the contract exports, read at run time (new routes are picked up without edits here). */
export function contractRoutes(): ContractRoute[] {
  return Object.entries(routes).flatMap(([name, value]): ContractRoute[] => {
    if (typeof value !== 'object' || value === null || !('method' in value) || !('path' in value)) return [];
    const request: unknown = 'request' in value ? value.request : undefined;
    const hasBody = typeof request === 'object' && request !== null && 'body' in request && request.body !== undefined;
    return [{ name, method: String(value.method).toUpperCase(), path: String(value.path), hasBody, access: accessOf(name) }];
  });
}

/** The names ROUTE_ACCESS lists that are no contract route. */
export function accessEntriesWithoutRoute(): string[] {
  const names = new Set(contractRoutes().map((r) => r.name));
  return Object.keys(ROUTE_ACCESS).filter((n) => !names.has(n));
}

/** What one request is about: the portfolio, which side's resources, who calls (their person) and a fresh number. */
export interface ExampleContext {
  readonly portfolio: Portfolio;
  readonly sideName: Side;
  readonly side: SideIds;
  readonly caller: string | null;
  readonly n: number;
}

/** The resource a path's `{id}` names on a side, by the path's collection. */
function idFor(path: string, ctx: ExampleContext): string {
  const { portfolio: p, side, sideName } = ctx;
  const collection = /^\/api\/([^/]+)\/\{/.exec(path)?.[1] ?? '';
  const ids: Record<string, string> = {
    'programs': side.programKey, 'constraints': side.constraintRef, 'monitors': side.monitorId, 'cost-items': side.costItemId,
    'reviews': side.reviewId, 'decisions': side.decisionId, 'people': sideName === 'A' ? p.people.contributor : p.people.viewer,
    'calendar-feeds': sideName === 'A' ? p.personFeeds.contributor : p.personFeeds.other, 'criteria': p.criterionId,
    'notification-channels': p.channelId, 'governance-roles': p.governanceRoleKey,
  };
  // Anything else (tokens, accounts, notifications, sessions …): an id that exists nowhere, so a write cannot hit a credential in use.
  return ids[collection] ?? randomUUID();
}

/** The request path with its parameters filled for the context, and the example's query string. */
export function fillPath(path: string, ctx: ExampleContext, params: Readonly<Record<string, string>> = {}, query: Readonly<Record<string, string>> = {}): string {
  const search = new URLSearchParams(Object.entries(query)).toString();
  return (search ? `${path}?${search}` : path).replace(/\{([^}]+)\}/g, (_, name: string) => {
    const given = params[name];
    if (given !== undefined) return encodeURIComponent(given);
    if (name === 'id' || name === 'key') return encodeURIComponent(idFor(path, ctx));
    if (name === 'role') return 'drift-monitor';
    if (name === 'criterion') return encodeURIComponent(ctx.portfolio.criterionCode);
    if (name === 'token') return 'no-such-feed';
    return randomUUID();
  });
}

export interface Example {
  readonly body?: unknown;
  readonly params?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string>>;
}

const level = { name: 'owner', offsetDays: 0, condition: 'not-acknowledged', targets: [{ kind: 'role', role: 'owner' }] };
const costItem = { side: 'cost', label: 'Monitoring', category: 'monitoring', scope: 'production', recurrence: 'monthly', amount: '50.00', currency: 'GBP' };

/**
 * A request valid enough to pass validation, per route; the changes they make leave who-leads-what as
 * the fixture set it (no sponsor, owner or membership changes; new constraints belong to `other`).
 * Routes without one get a generic request (`{}` as the body when the route takes one).
 */
export const EXAMPLES: Partial<Readonly<Record<RouteName, (ctx: ExampleContext) => Example>>> = {
  createProgram: (c) => ({ body: { name: `New program ${c.n}` } }),
  updateProgram: () => ({ body: { description: 'Updated description' } }),
  putProgramPlan: () => ({ body: { gates: { pilot: '2027-01-15' } } }),
  putProgramPolicy: () => ({ body: { levels: [level] } }),
  putDefaultPolicy: () => ({ body: { levels: [level] } }),
  putCostModel: () => ({ body: { currency: 'GBP' } }),
  createCostItems: () => ({ body: costItem }),
  updateCostItem: () => ({ body: { label: 'Renamed item' } }),
  retireCostItem: () => ({ body: { reason: 'No longer needed' } }),
  assignProgramRole: (c) => ({ body: { personId: c.portfolio.people.other } }),
  vacateProgramRole: () => ({ body: { reason: 'Moved on' } }),
  createMonitor: (c) => ({ body: { key: `lat-${c.n}`, name: 'Latency', metric: 'latency-p95', direction: 'above', breachThreshold: 900, ownerRole: 'output-owner' } }),
  updateMonitor: () => ({ body: { name: 'Drift (PSI)' } }),
  postReadings: (c) => ({ body: { monitor: c.side.monitorKey, value: 0.1 } }),
  createAssessment: (c) => ({ body: { assessedBy: c.caller ?? c.portfolio.people.other, items: [{ criterion: c.portfolio.criterionCode, status: 'partial' }] } }),
  recordClarity: (c) => ({ body: { assessedBy: c.caller ?? c.portfolio.people.other, items: [{ criterion: c.portfolio.criterionCode, status: 'partial' }] } }),
  getConstraintImpact: () => ({ query: { days: '7' } }),
  createReview: (c) => ({ body: { reviewerId: c.caller ?? c.portfolio.people.other, items: [{ constraintId: c.side.constraintRef, decision: 'on-track' }] } }),
  createProgramCalendarFeed: () => ({ body: { label: 'Team calendar' } }),
  createPersonCalendarFeed: () => ({ body: { label: 'My calendar' } }),
  createConstraint: (c) => ({ body: { title: `Risk ${c.n}`, kind: 'risk', dimension: 'workforce', ownerId: c.portfolio.people.other, deadline: '2027-05-01' } }),
  createCriterionConstraint: (c) => ({ body: { ownerId: c.portfolio.people.other, deadline: '2027-05-01' } }),
  updateConstraint: (c) => ({ body: { title: `Renamed blocker ${c.n}` } }),
  pauseEscalation: () => ({ body: { reason: 'Waiting for the vendor' } }),
  resumeEscalation: () => ({ body: {} }),
  // A signed-in person acknowledges as themselves; callers without a person (tokens, anonymous) name the constraint's owner.
  acknowledgeConstraint: (c) => ({ body: { personId: c.caller ?? c.side.constraintOwnerId } }),
  requestDecision: (c) => ({ body: { programId: c.side.programId, title: `Decide ${c.n}`, context: 'Budget', options: [{ label: 'Yes' }, { label: 'No' }], recommendedOption: 1, dueDate: '2027-02-01' } }),
  decideDecision: (c) => ({ body: { option: 1, decidedBy: c.caller ?? c.portfolio.people.executive } }),
  createPerson: (c) => ({ body: { name: `Person ${c.n}`, email: `person${c.n}.${c.portfolio.tag.toLowerCase()}@example.com` } }),
  updatePerson: () => ({ body: { title: 'Lead engineer' } }),
  createCriterion: (c) => ({ body: { code: `NEW-${c.n}`, dimension: 'technical', text: `Criterion ${c.n}`, gate: 'pilot' } }),
  updateCriterion: () => ({ body: { text: 'Reworded criterion', reason: 'Clarity' } }),
  retireCriterion: () => ({ body: { reason: 'Obsolete' } }),
  createGovernanceRole: (c) => ({ body: { key: `role-${c.n}`, name: `Role ${c.n}` } }),
  updateGovernanceRole: () => ({ body: { name: 'Ethics board' } }),
  createNotificationChannel: (c) => ({ body: { kind: 'slack', name: `Channel ${c.n}`, webhookUrl: 'https://hooks.example.com/services/T0/B0/y' } }),
  updateNotificationChannel: () => ({ body: { name: 'Renamed channel' } }),
  runSweep: () => ({ body: {} }),
  sendDigests: () => ({ body: {} }),
  putProgramMember: (c) => ({ params: { personId: c.portfolio.people.other } }),
  deleteProgramMember: (c) => ({ params: { personId: c.portfolio.people.other } }),
  createToken: (c) => ({ body: { name: `Token ${c.n}`, scopes: ['read'] } }),
  createAccount: (c) => ({ body: { email: `account${c.n}.${c.portfolio.tag.toLowerCase()}@example.com`, role: 'viewer' } }),
  readInboxItem: () => ({}),
  readAllInboxItems: () => ({}),
  retireMonitor: () => ({}),
  retireGovernanceRole: () => ({}),
  revokeCalendarFeed: () => ({}),
  retryNotification: () => ({}),
};

/** The example for a route, or the generic request; `generic` says a write had no example. */
export function exampleFor(route: ContractRoute, ctx: ExampleContext): Example & { generic: boolean } {
  const examples: Readonly<Record<string, ((c: ExampleContext) => Example) | undefined>> = EXAMPLES;
  const make = Object.hasOwn(examples, route.name) ? examples[route.name] : undefined;
  if (make) return { ...make(ctx), generic: false };
  // A read needs nothing more than its path; a write without an example is reported as generic.
  return { ...(route.hasBody ? { body: {} } : {}), generic: route.method !== 'GET' };
}
