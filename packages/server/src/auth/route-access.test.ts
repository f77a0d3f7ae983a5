import { authorize, type AccessFacts, type AccountRole, type Principal, type TokenScope } from '@handoff/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../testing/harness.js';
import {
  accessEntriesWithoutRoute, contractRoutes, exampleFor, fillPath, type ContractRoute,
} from '../testing/route-examples.js';
import {
  anotherSession, apiToken, buildPortfolio, signedIn, type Credential, type PersonKey, type Portfolio, type Side,
} from '../testing/security-fixture.js';

/**
 * The permission matrix, end to end (docs/SECURITY.md): every contract route, called by every role, by
 * tokens of each scope and by nobody, on resources of program A and program B, is allowed exactly when
 * ROUTE_ACCESS and core `authorize` say so, given who leads and belongs to what in the fixture.
 */

interface Caller {
  readonly label: string;
  /** null: anonymous. */
  readonly principal: Principal | null;
  readonly person: PersonKey | null;
  readonly headers: Credential;
  /** A fresh session for routes that may end the one they run in (sign-out). */
  readonly fresh?: () => Promise<Credential>;
}

let api: TestApi;
let portfolio: Portfolio;
const callers: Caller[] = [];
const ROLES: readonly AccountRole[] = ['admin', 'executive', 'owner', 'contributor', 'viewer'];
const SCOPES: readonly TokenScope[] = ['read', 'write', 'readings'];
const genericOnly = new Set<string>();
let counter = 0;

beforeAll(async () => {
  api = await startTestApi();
  const ws = api.handoff.workspace.id;
  portfolio = await buildPortfolio(api.handoff, ws, (m, p, b) => api.call(m, p, b), 'SEC');
  let adminAccount = '';
  for (const role of ROLES) {
    const { accountId, headers } = await signedIn(api.handoff, ws, role, portfolio.people[role], `${role}@example.com`);
    if (role === 'admin') adminAccount = accountId;
    callers.push({ label: role, principal: { kind: 'account', role, personId: portfolio.people[role] }, person: role, headers,
      fresh: () => anotherSession(api.handoff, ws, accountId) });
  }
  for (const scope of SCOPES) {
    callers.push({ label: `token:${scope}`, principal: { kind: 'token', scopes: [scope] }, person: null, headers: await apiToken(api.handoff, ws, adminAccount, [scope]) });
  }
  callers.push({ label: 'anonymous', principal: null, person: null, headers: { authorization: '' } });
}, 240_000);
afterAll(async () => {
  if (genericOnly.size > 0) console.info(`routes called with only a generic request: ${[...genericOnly].sort().join(', ')}`);
  await api.close();
});

/** Who leads, belongs to, owns or was escalated to what on each side (mirrors security-fixture.ts). */
const PROGRAM: Readonly<Record<Side, { leads: readonly PersonKey[]; member: readonly PersonKey[] }>> = {
  A: { leads: ['owner'], member: ['owner', 'contributor', 'viewer'] },
  B: { leads: ['executive'], member: ['executive'] },
};
const OWNS_CONSTRAINT: Readonly<Record<Side, PersonKey>> = { A: 'contributor', B: 'other' };
const ESCALATED_TO: Readonly<Record<Side, PersonKey | null>> = { A: null, B: 'owner' };
/** The person a `{id}` of a person route names, and the owner of the calendar feed a feed route names. */
const PERSON: Readonly<Record<Side, PersonKey>> = { A: 'contributor', B: 'viewer' };
const FEED_OWNER: Readonly<Record<Side, PersonKey>> = { A: 'contributor', B: 'other' };

function factsFor(route: ContractRoute, side: Side, person: PersonKey | null): AccessFacts {
  const none: AccessFacts = { leads: false, member: false, ownsConstraint: false, escalatedTo: false, self: false };
  const resource = route.access?.resource;
  if (person === null || resource === undefined) return none;
  if (resource === 'person') return { ...none, self: PERSON[side] === person };
  if (resource === 'calendar-feed') return { ...none, self: FEED_OWNER[side] === person };
  const program = { leads: PROGRAM[side].leads.includes(person), member: PROGRAM[side].member.includes(person) };
  if (resource !== 'constraint') return { ...none, ...program };
  return { ...none, ...program, ownsConstraint: OWNS_CONSTRAINT[side] === person, escalatedTo: ESCALATED_TO[side] === person };
}

/** Reads first, writes after, so a write never hides what a later read would show. */
const ROUTES = contractRoutes().sort((a, b) => Number(a.method !== 'GET') - Number(b.method !== 'GET') || a.name.localeCompare(b.name));

describe('the permission matrix covers the contract', () => {
  it('every contract route has a ROUTE_ACCESS entry', () => {
    expect(ROUTES.filter((r) => r.access === undefined).map((r) => r.name)).toEqual([]);
  });

  it('every ROUTE_ACCESS entry names a contract route', () => {
    expect(accessEntriesWithoutRoute()).toEqual([]);
  });
});

describe('with each role exactly the permitted actions succeed', () => {
  it.each(ROUTES.map((r) => [`${r.method} ${r.path}`, r] as const))('%s', async (_, route) => {
    const sides: Side[] = route.path.includes('{') || route.access?.resource === 'body-program' ? ['A', 'B'] : ['A'];
    const wrong: string[] = [];
    for (const sideName of sides) {
      for (const caller of callers) {
        const ctx = { portfolio, sideName, side: portfolio.sides[sideName], caller: caller.person ? portfolio.people[caller.person] : null, n: ++counter };
        const example = exampleFor(route, ctx);
        if (example.generic) genericOnly.add(route.name);
        const rule = route.access?.rule ?? 'admin';
        const headers = caller.fresh && (rule === 'signed-in' || rule === 'public') ? await caller.fresh() : caller.headers;
        const res = await api.call(route.method, fillPath(route.path, ctx, example.params, example.query), example.body, headers);
        const allowed = caller.principal === null
          ? rule === 'public'
          : authorize(caller.principal, rule, factsFor(route, sideName, caller.person)).allowed;
        const refused = caller.principal === null ? 401 : 403;
        const ok = allowed ? res.status !== 401 && res.status !== 403 : res.status === refused;
        if (!ok) wrong.push(`${caller.label} on ${sideName}: expected ${allowed ? 'allowed' : refused}, got ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
