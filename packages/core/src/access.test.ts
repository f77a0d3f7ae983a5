import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACCESS_RULES, ACCOUNT_ROLES, TOKEN_SCOPES, authorize,
  type AccessFacts, type AccessRule, type AccountRole, type Principal, type TokenScope,
} from './access.js';

const NONE: AccessFacts = { leads: false, member: false, ownsConstraint: false, escalatedTo: false, self: false };
const ALL: AccessFacts = { leads: true, member: true, ownsConstraint: true, escalatedTo: true, self: true };
const EVERYONE = [...ACCOUNT_ROLES];

const account = (role: AccountRole, personId: string | null = 'p1'): Principal => ({ kind: 'account', role, personId });
const token = (...scopes: TokenScope[]): Principal => ({ kind: 'token', scopes });
const allowed = (p: Principal, rule: AccessRule, facts: AccessFacts): boolean => authorize(p, rule, facts).allowed;

/** Per rule: the roles (with a linked person) allowed as a stranger to the resource, and with every fact true. */
const BY_ROLE: Readonly<Record<AccessRule, { stranger: readonly AccountRole[]; insider: readonly AccountRole[] }>> = {
  'public': { stranger: EVERYONE, insider: EVERYONE },
  'signed-in': { stranger: EVERYONE, insider: EVERYONE },
  'read': { stranger: EVERYONE, insider: EVERYONE },
  'admin': { stranger: ['admin'], insider: ['admin'] },
  'self': { stranger: ['admin'], insider: EVERYONE },
  'create-program': { stranger: ['admin', 'executive'], insider: ['admin', 'executive'] },
  'program-lead': { stranger: ['admin'], insider: ['admin', 'executive', 'owner'] },
  'program-update': { stranger: ['admin', 'executive'], insider: ['admin', 'executive', 'owner'] },
  'program-member': { stranger: ['admin'], insider: ['admin', 'executive', 'owner', 'contributor'] },
  'constraint-edit': { stranger: ['admin'], insider: ['admin', 'executive', 'owner', 'contributor'] },
  'acknowledge': { stranger: [], insider: ['admin', 'executive', 'owner', 'contributor'] },
  'readings': { stranger: ['admin'], insider: ['admin', 'executive', 'owner', 'contributor'] },
  'request-decision': { stranger: ['admin', 'executive'], insider: ['admin', 'executive', 'owner'] },
  'decide': { stranger: ['executive'], insider: ['executive'] },
};

/** Per rule: the token scopes that pass it (facts never matter to a token). */
const BY_SCOPE: Readonly<Record<AccessRule, readonly TokenScope[]>> = {
  'public': ['read', 'write', 'readings'], 'signed-in': [], 'read': ['read', 'write'], 'admin': [], 'self': [],
  'create-program': ['write'], 'program-lead': ['write'], 'program-update': ['write'], 'program-member': ['write'],
  'constraint-edit': ['write'], 'acknowledge': [], 'readings': ['readings', 'write'], 'request-decision': ['write'], 'decide': [],
};

describe('authorize: the matrix by role', () => {
  for (const rule of ACCESS_RULES) {
    for (const role of ACCOUNT_ROLES) {
      const { stranger, insider } = BY_ROLE[rule];
      it(`${rule}: a ${role} ${stranger.includes(role) ? 'may' : 'may not'} act as a stranger and ${insider.includes(role) ? 'may' : 'may not'} with every fact on their side`, () => {
        expect(allowed(account(role), rule, NONE)).toBe(stranger.includes(role));
        expect(allowed(account(role), rule, ALL)).toBe(insider.includes(role));
      });
    }
  }
});

describe('authorize: single facts', () => {
  const only = (fact: keyof AccessFacts): AccessFacts => ({ ...NONE, [fact]: true });
  it.each([
    ['contributor', 'program-member', 'member', true],
    ['owner', 'program-member', 'member', false],
    ['contributor', 'program-lead', 'leads', false],
    ['contributor', 'program-member', 'leads', false],
    ['owner', 'constraint-edit', 'ownsConstraint', true],
    ['executive', 'constraint-edit', 'ownsConstraint', true],
    ['contributor', 'constraint-edit', 'ownsConstraint', true],
    ['viewer', 'constraint-edit', 'ownsConstraint', false],
    ['contributor', 'constraint-edit', 'leads', false],
    ['owner', 'constraint-edit', 'member', false],
    ['owner', 'acknowledge', 'escalatedTo', true],
    ['contributor', 'acknowledge', 'escalatedTo', true],
    ['viewer', 'acknowledge', 'escalatedTo', false],
    ['contributor', 'readings', 'member', true],
    ['viewer', 'readings', 'member', false],
    ['viewer', 'self', 'self', true],
    ['owner', 'request-decision', 'member', false],
  ] as const)('a %s under %s with only %s on their side: allowed = %s', (role, rule, fact, expected) => {
    expect(allowed(account(role), rule, only(fact))).toBe(expected);
  });

  it('an account without a person passes no rule that is about their person, even with every fact set', () => {
    for (const rule of ['self', 'program-lead', 'program-member', 'constraint-edit', 'acknowledge', 'readings'] as const) {
      for (const role of ['executive', 'owner', 'contributor', 'viewer'] as const) {
        expect(allowed(account(role, null), rule, ALL), `${role} ${rule}`).toBe(false);
      }
    }
    expect(allowed(account('admin', null), 'program-lead', NONE)).toBe(true);
    expect(allowed(account('executive', null), 'decide', NONE)).toBe(true);
  });

  it('a refusal says why', () => {
    const decision = authorize(account('viewer'), 'admin', NONE);
    expect(decision).toEqual({ allowed: false, reason: 'only an admin can do this' });
  });
});

describe('authorize: tokens and the system', () => {
  for (const rule of ACCESS_RULES) {
    it(`${rule}: passes with exactly the scopes ${BY_SCOPE[rule].join(', ') || '(none)'}, whatever the facts`, () => {
      for (const scope of TOKEN_SCOPES) {
        const expected = BY_SCOPE[rule].includes(scope);
        expect(allowed(token(scope), rule, NONE), `${scope}`).toBe(expected);
        expect(allowed(token(scope), rule, ALL), `${scope}`).toBe(expected);
      }
      expect(allowed(token(), rule, ALL)).toBe(rule === 'public');
    });
  }

  it('the system may do everything', () => {
    for (const rule of ACCESS_RULES) expect(allowed({ kind: 'system' }, rule, NONE)).toBe(true);
  });
});

describe('authorize: properties', () => {
  const facts = fc.record({ leads: fc.boolean(), member: fc.boolean(), ownsConstraint: fc.boolean(), escalatedTo: fc.boolean(), self: fc.boolean() });
  const rule = fc.constantFrom(...ACCESS_RULES);
  const personId = fc.option(fc.constant('p1'), { nil: null });
  /** Rules that only read, or touch nothing but the caller's own person. */
  const NOT_WRITES: readonly AccessRule[] = ['public', 'signed-in', 'read', 'self'];

  it('an admin may do everything but record a board decision, and acknowledges only as themselves when linked to a person', () => {
    fc.assert(fc.property(rule, facts, personId, (r, f, p) => {
      const expected = r === 'decide' ? false : r === 'acknowledge' && p !== null ? f.ownsConstraint || f.escalatedTo : true;
      return allowed(account('admin', p), r, f) === expected;
    }));
  });

  it('a viewer never writes to the portfolio', () => {
    fc.assert(fc.property(rule, facts, personId, (r, f, p) => NOT_WRITES.includes(r) || !allowed(account('viewer', p), r, f)));
  });

  it('a token never passes admin, decide, signed-in, self or acknowledge', () => {
    const scopes = fc.uniqueArray(fc.constantFrom(...TOKEN_SCOPES));
    const personal = fc.constantFrom<AccessRule>('admin', 'decide', 'signed-in', 'self', 'acknowledge');
    fc.assert(fc.property(personal, facts, scopes, (r, f, s) => !allowed(token(...s), r, f)));
  });

  it('more facts on the caller\'s side never take a permission away', () => {
    const role = fc.constantFrom(...ACCOUNT_ROLES);
    fc.assert(fc.property(role, rule, facts, (ro, r, f) => !allowed(account(ro), r, f) || allowed(account(ro), r, ALL)));
  });
});
