import type { AccountRole } from '@handoff/core';
import type { Handoff } from '../handoff.js';
import { DEMO_PEOPLE, type PersonHandle } from './demo-people.js';

/**
 * Demo sign-ins: one password for every demo account (a demo is not a real instance; `npm run demo`
 * prints it). 19 characters, not a common password, so it passes the password policy like any other.
 */
export const DEMO_PASSWORD = 'northwind-demo-2026';

interface DemoAccount {
  readonly handle: PersonHandle;
  readonly role: AccountRole;
  /** Why this person has this role, for the printed sign-in table. */
  readonly note: string;
  /** Programs (keys) the person is a listed member of. */
  readonly memberOf?: readonly string[];
}

/** Who can sign in to the demo: an admin, the sponsors and the CEO as executives, owners, a contributor, a viewer. */
const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { handle: 'architect', role: 'admin', note: 'workspace settings, people, accounts, tokens' },
  { handle: 'ceo', role: 'executive', note: 'decides board decisions' },
  { handle: 'coo', role: 'executive', note: 'sponsor of CLAIMS' },
  { handle: 'cro', role: 'executive', note: 'sponsor of FRAUD' },
  { handle: 'cio', role: 'executive', note: 'sponsor of DESK' },
  { handle: 'counsel', role: 'executive', note: 'sponsor of CONTRACTS' },
  { handle: 'customer', role: 'executive', note: 'sponsor of FORECAST' },
  { handle: 'modelrisk', role: 'owner', note: 'owns model-risk constraints' },
  { handle: 'platform', role: 'owner', note: 'owns platform constraints' },
  { handle: 'claims', role: 'owner', note: 'owns claims-operations constraints' },
  { handle: 'datasci', role: 'contributor', note: 'member of FRAUD', memberOf: ['FRAUD'] },
  { handle: 'ned', role: 'viewer', note: 'reads everything, changes nothing' },
];

/** One printed line of the demo's sign-in table. */
export interface DemoSignIn {
  readonly email: string;
  readonly name: string;
  readonly role: AccountRole;
  readonly note: string;
}

/**
 * Creates the demo accounts (after loadDemoPortfolio: the people and programs must exist) through the
 * services as the demo loader, and makes the contributor a member of their program.
 */
export async function loadDemoAccounts(handoff: Handoff): Promise<DemoSignIn[]> {
  const { accounts, programMembers } = handoff.services;
  const signIns: DemoSignIn[] = [];
  for (const demo of DEMO_ACCOUNTS) {
    const person = DEMO_PEOPLE.find((p) => p.handle === demo.handle);
    if (!person) throw new Error(`demo account names unknown person ${demo.handle}`);
    const account = await accounts.create(handoff.actor, { email: person.email, role: demo.role, password: DEMO_PASSWORD });
    if (account.person_id === null) throw new Error(`demo person ${person.email} was not loaded before the accounts`);
    for (const key of demo.memberOf ?? []) await programMembers.add(handoff.actor, key, account.person_id);
    signIns.push({ email: person.email, name: person.name, role: demo.role, note: demo.note });
  }
  return signIns;
}
