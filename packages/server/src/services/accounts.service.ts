import { NO_ACCESS_FACTS, authorize } from '@handoff/core';
import type { AccountCreate, AccountUpdate, PageQuery, PasswordChange } from '@handoff/contract';
import type { z } from 'zod';
import { assertPasswordPolicy, hashPassword, verifyPassword } from '../auth/passwords.js';
import type { Actor, Deps } from '../context.js';
import { HandoffError, invalidField, notFound } from '../errors.js';
import { decodeCursor, pageFrom } from '../db/paging.js';
import {
  endOtherSessions, findAccountByEmail, findAccountForUpdate, findAccountView, findSessionInfo, insertAccount, listAccountViews,
  otherEnabledAdmins, recordSignInAttempt, updateAccount, type AccountView,
} from '../db/repos/accounts.repo.js';
import { anyAccount } from '../db/repos/access.repo.js';
import { findPerson, findPersonByEmail } from '../db/repos/people.repo.js';
import type { createSignInService } from './sign-in.service.js';
import { inTransaction, versionMatches } from './transaction.js';


/** The caller as GET /api/me shows it. */
export interface MeView {
  readonly account: AccountView | null;
  readonly expiresAt: Date | null;
  readonly csrfToken: string | null;
  readonly canAdmin: boolean;
  readonly canDecide: boolean;
  readonly canCreateProgram: boolean;
}

/** Accounts: created and changed by admins; each person's own profile and password. */
export function createAccountsService(deps: Deps, signIn: ReturnType<typeof createSignInService>) {
  const { db } = deps.database;

  async function getView(trx: typeof db, actor: Actor, id: string): Promise<AccountView> {
    const view = await findAccountView(trx, actor.workspaceId, id);
    if (!view) throw notFound('account', id);
    return view;
  }

  async function personFor(trx: typeof db, actor: Actor, personId: string | null): Promise<string | null> {
    if (personId === null) return null;
    if (!(await findPerson(trx, actor.workspaceId, personId))) throw invalidField('personId', 'no such person in this workspace');
    return personId;
  }

  return {
    /** True once the instance has any account (the first start has none). */
    anyAccount: () => anyAccount(db),

    async list(actor: Actor, query: z.infer<typeof PageQuery>): Promise<{ rows: AccountView[]; nextCursor: string | null }> {
      const after = query.cursor ? decodeCursor(query.cursor, 2) : undefined;
      const rows = await listAccountViews(db, actor.workspaceId, after ? [String(after[0]), String(after[1])] : undefined, query.limit + 1);
      return pageFrom(rows, query.limit, (r) => [r.email, r.id]);
    },

    async create(actor: Actor, input: AccountCreate): Promise<AccountView> {
      if (input.password !== undefined) assertPasswordPolicy('password', input.password, input.email);
      // Hashed before the transaction: argon2 takes tens of milliseconds and holds no lock meanwhile.
      const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
      return inTransaction(db, async (trx) => {
        if (await findAccountByEmail(trx, input.email)) {
          throw new HandoffError('conflict', `an account for ${input.email} already exists`, [{ path: 'email', message: 'already has an account' }]);
        }
        const personId = input.personId !== undefined
          ? await personFor(trx, actor, input.personId)
          : (await findPersonByEmail(trx, actor.workspaceId, input.email))?.id ?? null;
        const now = deps.clock.now();
        const id = deps.newId();
        await insertAccount(trx, {
          id, workspace_id: actor.workspaceId, email: input.email, person_id: personId, role: input.role, password_hash: passwordHash,
          oidc_issuer: null, oidc_subject: null, disabled_at: null, created_at: now, updated_at: now,
        });
        return getView(trx, actor, id);
      });
    },

    /** Changes role, person or disabled state; a role change or disabling ends the account's sessions. */
    async update(actor: Actor, id: string, patch: AccountUpdate, ifMatch: string | undefined): Promise<AccountView> {
      return inTransaction(db, async (trx) => {
        const current = await findAccountForUpdate(trx, actor.workspaceId, id);
        if (!current) throw notFound('account', id);
        if (!versionMatches(ifMatch, current.version)) {
          throw new HandoffError('precondition-failed', `account ${id} has changed since version ${ifMatch}; it is now version ${current.version}`);
        }
        const role = patch.role ?? current.role;
        const disabled = patch.disabled ?? current.disabled_at !== null;
        const wasActiveAdmin = current.role === 'admin' && current.disabled_at === null;
        if (wasActiveAdmin && (role !== 'admin' || disabled) && (await otherEnabledAdmins(trx, actor.workspaceId, id)) === 0) {
          throw new HandoffError('conflict', 'this is the workspace\'s last enabled admin; make another account admin first', [
            { path: patch.role !== undefined ? 'role' : 'disabled', message: 'would leave the workspace without an admin' },
          ]);
        }
        const now = deps.clock.now();
        const personId = patch.personId === undefined ? current.person_id : await personFor(trx, actor, patch.personId);
        const disabledAt = disabled ? (current.disabled_at ?? now) : null;
        await updateAccount(trx, actor.workspaceId, id, { role, person_id: personId, disabled_at: disabledAt, updated_at: now });
        if (role !== current.role || (disabled && current.disabled_at === null) || personId !== current.person_id) {
          await endOtherSessions(trx, actor.workspaceId, id, null, now);
        }
        return getView(trx, actor, id);
      });
    },

    /** The caller's account, session and workspace-level abilities (computed by the core rule, as routes are). */
    async me(actor: Actor): Promise<MeView> {
      const can = (rule: 'admin' | 'decide' | 'create-program'): boolean => authorize(actor.principal, rule, NO_ACCESS_FACTS).allowed;
      const account = actor.accountId === null ? null : await getView(db, actor, actor.accountId);
      const session = actor.sessionId === null ? undefined : await findSessionInfo(db, actor.workspaceId, actor.sessionId);
      return {
        account, expiresAt: session?.expires_at ?? null, csrfToken: session?.csrf_token ?? null,
        canAdmin: can('admin'), canDecide: can('decide'), canCreateProgram: can('create-program'),
      };
    },

    /**
     * Changes the caller's password after checking the current one (a wrong one counts as a failed sign-in,
     * under the same limit) and ends every other session of the account.
     */
    async changePassword(actor: Actor, input: PasswordChange, ip: string | null): Promise<{ retryAfterSeconds: number } | null> {
      if (actor.accountId === null) throw new HandoffError('forbidden', 'only a signed-in person has a password to change');
      const account = await getView(db, actor, actor.accountId);
      const now = deps.clock.now();
      const wait = await signIn.waitSeconds(account.email, ip, now);
      if (wait > 0) {
        await recordSignInAttempt(db, { email: account.email, ip, succeeded: false, at: now });
        return { retryAfterSeconds: wait };
      }
      if (account.password_hash === null || !(await verifyPassword(account.password_hash, input.currentPassword))) {
        await recordSignInAttempt(db, { email: account.email, ip, succeeded: false, at: now });
        throw invalidField('currentPassword', 'is not the current password');
      }
      assertPasswordPolicy('newPassword', input.newPassword, account.email);
      const hash = await hashPassword(input.newPassword);
      const accountId = account.id;
      await inTransaction(db, async (trx) => {
        await updateAccount(trx, actor.workspaceId, accountId, { password_hash: hash, updated_at: deps.clock.now() });
        await endOtherSessions(trx, actor.workspaceId, accountId, actor.sessionId, deps.clock.now());
      });
      return null;
    },
  };
}
