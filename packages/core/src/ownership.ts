import { BUILT_IN_ROLES } from './vocabulary.js';

/**
 * The governance ownership map of a program (METHOD.md sections 2–3): every required role held by one
 * named person. The built-in roles are always required; `outcome-owner` is held by the program's
 * sponsor. A required role nobody holds is a gap, kept visible, never silent.
 */

/** A role key as stored: lower-case letter first, then letters, digits and hyphens, 2–40 characters. */
export const ROLE_KEY_PATTERN = /^[a-z][a-z0-9-]{1,39}$/;

/** The built-in role whose holder is the program's executive sponsor. */
export const OUTCOME_OWNER_ROLE = 'outcome-owner';

/** True when the key names a built-in role (which workspaces cannot create, edit or retire). */
export function isBuiltInRole(key: string): boolean {
  return BUILT_IN_ROLES.some((r) => r.key === key);
}

/**
 * Keys a workspace role may not take: the escalation roles a policy level can target (owner, sponsor,
 * board) share the escalation engine's role directory with governance roles, so they must stay distinct.
 */
export const RESERVED_ROLE_KEYS: readonly string[] = ['owner', 'sponsor', 'board'];

/** Why a workspace cannot create a role with this key, or null when it can (the pattern is checked elsewhere). */
export function customRoleKeyConflict(key: string): 'built-in' | 'reserved' | null {
  if (isBuiltInRole(key)) return 'built-in';
  return RESERVED_ROLE_KEYS.includes(key) ? 'reserved' : null;
}

/** A workspace's own role, as the map needs it (only roles not retired are passed in). */
export interface CustomRole {
  readonly key: string;
  readonly name: string;
  readonly description: string;
  readonly required: boolean;
}

/** Who holds a role of a program, and since when (null when unknown, as for the sponsor). */
export interface RoleHolding<P> {
  readonly roleKey: string;
  readonly holder: P;
  readonly since: Date | null;
}

/** One line of the map; `vacant` is true for any role without a holder, required or not. */
export interface OwnershipRow<P> {
  readonly key: string;
  readonly name: string;
  readonly description: string;
  readonly required: boolean;
  readonly builtIn: boolean;
  readonly holder: P | null;
  readonly since: Date | null;
  readonly vacant: boolean;
}

/** The map: built-in roles in vocabulary order, then custom roles by key; gaps = required vacant keys, same order. */
export interface OwnershipMap<P> {
  readonly rows: readonly OwnershipRow<P>[];
  readonly gaps: readonly string[];
}

/**
 * Builds a program's ownership map. The sponsor holds `outcome-owner` (any stored holding for it is
 * ignored); holdings for roles not in the map (retired or unknown) are ignored; a custom role whose key
 * collides with a built-in one is ignored.
 */
export function ownershipMap<P>(customRoles: readonly CustomRole[], holdings: readonly RoleHolding<P>[], sponsor: P | null): OwnershipMap<P> {
  const held = new Map(holdings.map((h) => [h.roleKey, h]));
  const builtIn = BUILT_IN_ROLES.map((r): OwnershipRow<P> => {
    const holding = r.key === OUTCOME_OWNER_ROLE ? (sponsor === null ? undefined : { holder: sponsor, since: null }) : held.get(r.key);
    return row({ ...r, required: true }, true, holding);
  });
  const custom = customRoles
    .filter((r) => !isBuiltInRole(r.key))
    .slice()
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((r) => row(r, false, held.get(r.key)));
  const rows = [...builtIn, ...custom];
  return { rows, gaps: rows.filter((r) => r.required && r.vacant).map((r) => r.key) };
}

function row<P>(role: CustomRole, builtIn: boolean, holding: { holder: P; since: Date | null } | undefined): OwnershipRow<P> {
  return {
    key: role.key,
    name: role.name,
    description: role.description,
    required: role.required,
    builtIn,
    holder: holding?.holder ?? null,
    since: holding?.since ?? null,
    vacant: holding === undefined,
  };
}

/** What assigning `next` to a role currently held by `current` (person ids) amounts to. */
export type RoleChange = 'unchanged' | 'assigned' | 'reassigned';

/** Assigning the current holder again is `unchanged` (no write, no history); otherwise a first or a new holder. */
export function roleChange(current: string | null, next: string): RoleChange {
  if (current === next) return 'unchanged';
  return current === null ? 'assigned' : 'reassigned';
}
