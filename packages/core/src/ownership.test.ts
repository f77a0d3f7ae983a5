import { describe, expect, it } from 'vitest';
import { customRoleKeyConflict, isBuiltInRole, ownershipMap, roleChange, ROLE_KEY_PATTERN, type CustomRole, type RoleHolding } from './ownership.js';
import { BUILT_IN_ROLES } from './vocabulary.js';

const BUILT_IN_KEYS = BUILT_IN_ROLES.map((r) => r.key);
const since = new Date('2026-11-01T00:00:00Z');
const hold = (roleKey: string, holder: string): RoleHolding<string> => ({ roleKey, holder, since });
const custom = (key: string, required = true): CustomRole => ({ key, name: key, description: '', required });

describe('ownershipMap', () => {
  it('lists every built-in role as a required gap for a program nobody owns', () => {
    const map = ownershipMap<string>([], [], null);
    expect(map.rows.map((r) => [r.key, r.required, r.builtIn, r.vacant])).toEqual(BUILT_IN_KEYS.map((k) => [k, true, true, true]));
    expect(map.gaps).toEqual(BUILT_IN_KEYS);
  });

  it.each<[string, readonly RoleHolding<string>[], string | null, readonly string[]]>([
    ['a sponsor fills outcome-owner', [], 'sade', ['output-owner', 'drift-monitor', 'retraining-authoriser', 'regulated-escalation-owner']],
    ['a holding fills its role', [hold('drift-monitor', 'ola')], null, ['outcome-owner', 'output-owner', 'retraining-authoriser', 'regulated-escalation-owner']],
    ['a stored outcome-owner holding is ignored: only the sponsor counts', [hold('outcome-owner', 'ola')], null, BUILT_IN_KEYS],
    ['a holding of an unknown or retired role is ignored', [hold('ethics-reviewer', 'ola')], null, BUILT_IN_KEYS],
    ['everything held leaves no gap', BUILT_IN_KEYS.filter((k) => k !== 'outcome-owner').map((k) => hold(k, 'ola')), 'sade', []],
  ])('computes gaps when %s', (_label, holdings, sponsor, gaps) => {
    expect(ownershipMap([], holdings, sponsor).gaps).toEqual(gaps);
  });

  it('shows the sponsor as outcome-owner with no since, and a holder with the time of assignment', () => {
    const map = ownershipMap([], [hold('drift-monitor', 'ola')], 'sade');
    expect(map.rows.find((r) => r.key === 'outcome-owner')).toMatchObject({ holder: 'sade', since: null, vacant: false });
    expect(map.rows.find((r) => r.key === 'drift-monitor')).toMatchObject({ holder: 'ola', since, vacant: false });
  });

  it('puts custom roles after the built-in ones, by key, and counts only required ones as gaps', () => {
    const map = ownershipMap([custom('model-risk'), custom('data-steward', false), custom('ethics-reviewer')], [hold('ethics-reviewer', 'ola')], 'sade');
    expect(map.rows.slice(BUILT_IN_KEYS.length).map((r) => [r.key, r.builtIn, r.vacant])).toEqual([
      ['data-steward', false, true], ['ethics-reviewer', false, false], ['model-risk', false, true],
    ]);
    expect(map.gaps.slice(-1)).toEqual(['model-risk']);
    expect(map.gaps).not.toContain('data-steward');
  });

  it('ignores a custom role that reuses a built-in key, so a built-in role cannot be made optional', () => {
    const map = ownershipMap([custom('drift-monitor', false)], [], null);
    expect(map.rows.filter((r) => r.key === 'drift-monitor')).toHaveLength(1);
    expect(map.gaps).toContain('drift-monitor');
  });
});

describe('role keys', () => {
  it.each([
    ['drift-monitor', 'built-in'],
    ['outcome-owner', 'built-in'],
    ['owner', 'reserved'],
    ['sponsor', 'reserved'],
    ['board', 'reserved'],
    ['model-risk', null],
  ])('classifies %s as %s for a new workspace role', (key, conflict) => {
    expect(customRoleKeyConflict(key)).toBe(conflict);
    expect(isBuiltInRole(key)).toBe(conflict === 'built-in');
  });

  it.each([['ok', true], ['a', false], ['Model', false], ['9lives', false], ['data-steward-2', true], ['x'.repeat(41), false]])(
    'accepts %s as a role key: %s',
    (key, ok) => { expect(ROLE_KEY_PATTERN.test(key)).toBe(ok); },
  );
});

describe('roleChange', () => {
  it.each<[string | null, string, string]>([
    [null, 'ola', 'assigned'],
    ['ola', 'sade', 'reassigned'],
    ['ola', 'ola', 'unchanged'],
  ])('from %s to %s is %s', (current, next, change) => {
    expect(roleChange(current, next)).toBe(change);
  });
});
