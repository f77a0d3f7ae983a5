/**
 * Who may do what (docs/SECURITY.md): five account roles, three token scopes, and the rule each API route
 * demands. Pure: the server gathers the facts about the caller and the resource, this decides.
 */

/** Account roles, from most to least rights. */
export const ACCOUNT_ROLES = ['admin', 'executive', 'owner', 'contributor', 'viewer'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

/** What an API token may be used for: reading, writing (as the workspace's integrations), posting monitor readings. */
export const TOKEN_SCOPES = ['read', 'write', 'readings'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/**
 * The rule a route demands.
 * - `public`: no credential (health, sign-in, the OpenAPI document, a calendar feed's capability URL).
 * - `signed-in`: any account (its own profile, password, sign-out); not a token.
 * - `read`: every role; tokens with `read` or `write`.
 * - `admin`: admins only (people, policies, criteria, channels, tokens, accounts, workspace import/export, audit).
 * - `self`: the person the route is about (their inbox, their calendar feeds), or an admin.
 * - `create-program`: admins and executives; `write` tokens.
 * - `program-lead`: admins; an owner or executive who leads the program (its sponsor or a holder of one of its
 *   governance roles); `write` tokens.
 * - `program-update`: as `program-lead`, and every executive (a phase override is theirs to make; the gate rules
 *   and the override's own checks still apply).
 * - `program-member`: as `program-lead`, and a contributor who is a member of the program.
 * - `constraint-edit`: admins; an owner who owns the constraint or leads its program; a contributor who owns it
 *   or is a member of its program; `write` tokens.
 * - `acknowledge`: whoever owns the constraint or has been reached by its escalation (any role but viewer), as
 *   themselves (the service refuses naming someone else); an admin account not linked to a person acts for the
 *   workspace and names the person.
 * - `readings`: admins; program members as in `program-member`; tokens with `readings` or `write`.
 * - `request-decision`: admins, executives, and an owner who leads the program; `write` tokens.
 * - `decide`: executives only (a board decision is a named person's).
 */
export const ACCESS_RULES = [
  'public', 'signed-in', 'read', 'admin', 'self', 'create-program', 'program-lead', 'program-update', 'program-member',
  'constraint-edit', 'acknowledge', 'readings', 'request-decision', 'decide',
] as const;
export type AccessRule = (typeof ACCESS_RULES)[number];

/** Who is calling: the server itself (in-process CLI, jobs), a signed-in account, or an API token. */
export type Principal =
  | { readonly kind: 'system' }
  | { readonly kind: 'account'; readonly role: AccountRole; readonly personId: string | null }
  | { readonly kind: 'token'; readonly scopes: readonly TokenScope[] };

/** Facts about the caller's person and the resource the route is about; only the ones a rule needs are read. */
export interface AccessFacts {
  /** The caller's person is the program's sponsor or holds one of its governance roles. */
  readonly leads: boolean;
  /** The caller's person is a member of the program (listed, leads it, or owns one of its constraints). */
  readonly member: boolean;
  /** The caller's person owns the constraint. */
  readonly ownsConstraint: boolean;
  /** The constraint's current escalation level targets the caller's person. */
  readonly escalatedTo: boolean;
  /** The route is about the caller's own person. */
  readonly self: boolean;
}

/** No fact holds: the caller is a stranger to the resource (or there is no resource). */
export const NO_ACCESS_FACTS: AccessFacts = { leads: false, member: false, ownsConstraint: false, escalatedTo: false, self: false };

/** The facts each rule reads, so the server loads nothing else. */
export const FACTS_NEEDED: Readonly<Record<AccessRule, readonly (keyof AccessFacts)[]>> = {
  'public': [], 'signed-in': [], 'read': [], 'admin': [], 'self': ['self'], 'create-program': [],
  'program-lead': ['leads'], 'program-update': ['leads'], 'program-member': ['leads', 'member'],
  'constraint-edit': ['leads', 'member', 'ownsConstraint'], 'acknowledge': ['ownsConstraint', 'escalatedTo'],
  'readings': ['leads', 'member'], 'request-decision': ['leads'], 'decide': [],
};

export type AccessDecision = { readonly allowed: true } | { readonly allowed: false; readonly reason: string };

const ALLOW: AccessDecision = { allowed: true };
const deny = (reason: string): AccessDecision => ({ allowed: false, reason });

const TOKEN_RULES: Readonly<Record<AccessRule, readonly TokenScope[]>> = {
  'public': ['read', 'write', 'readings'], 'signed-in': [], 'read': ['read', 'write'], 'admin': [], 'self': [],
  'create-program': ['write'], 'program-lead': ['write'], 'program-update': ['write'], 'program-member': ['write'],
  'constraint-edit': ['write'], 'acknowledge': [], 'readings': ['readings', 'write'], 'request-decision': ['write'], 'decide': [],
};

/** Decides whether `principal` may do what `rule` guards, given the facts about it and the resource. */
export function authorize(principal: Principal, rule: AccessRule, facts: AccessFacts): AccessDecision {
  if (rule === 'public' || principal.kind === 'system') return ALLOW;
  if (principal.kind === 'token') {
    const scopes = TOKEN_RULES[rule];
    if (scopes.length === 0) return deny(`an API token cannot do this; a person must sign in`);
    return principal.scopes.some((s) => scopes.includes(s)) ? ALLOW : deny(`the token needs the ${scopes.join(' or ')} scope`);
  }
  const { role } = principal;
  const person = principal.personId !== null;
  // An admin may do everything but decide for the board, and acknowledges only as themselves when linked to a person.
  if (role === 'admin' && rule !== 'decide' && !(rule === 'acknowledge' && person)) return ALLOW;
  switch (rule) {
    case 'signed-in':
    case 'read':
      return ALLOW;
    case 'admin':
      return deny('only an admin can do this');
    case 'self':
      return person && facts.self ? ALLOW : deny('only the person concerned or an admin can do this');
    case 'create-program':
      return role === 'executive' ? ALLOW : deny('only an executive or an admin can start a program');
    case 'program-lead':
      return (role === 'executive' || role === 'owner') && person && facts.leads ? ALLOW : deny('only someone who leads this program or an admin can change it');
    case 'program-update':
      return role === 'executive' || (role === 'owner' && person && facts.leads) ? ALLOW : deny('only someone who leads this program, an executive or an admin can change it');
    case 'program-member':
    case 'readings':
      if ((role === 'executive' || role === 'owner') && person && facts.leads) return ALLOW;
      return role === 'contributor' && person && facts.member ? ALLOW : deny('only a member of this program or an admin can do this');
    case 'constraint-edit':
      if (role === 'viewer' || !person) return deny('only the constraint\'s owner, a member of its program or an admin can change it');
      if (facts.ownsConstraint) return ALLOW;
      if ((role === 'executive' || role === 'owner') && facts.leads) return ALLOW;
      return role === 'contributor' && facts.member ? ALLOW : deny('only the constraint\'s owner, a member of its program or an admin can change it');
    case 'acknowledge':
      return role !== 'viewer' && person && (facts.ownsConstraint || facts.escalatedTo)
        ? ALLOW : deny('only the constraint\'s owner or someone its escalation has reached can acknowledge it');
    case 'request-decision':
      return role === 'executive' || (role === 'owner' && person && facts.leads) ? ALLOW : deny('only an executive, someone who leads the program or an admin can ask the board');
    case 'decide':
      return role === 'executive' ? ALLOW : deny('only an executive can record a board decision');
  }
}
