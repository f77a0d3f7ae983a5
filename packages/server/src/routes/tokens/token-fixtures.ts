import { CreatedApiToken } from '@handoff/contract';
import type { TokenScope } from '@handoff/core';
import { expect } from 'vitest';
import { DEFAULT_AUTH_CONFIG } from '../../auth/auth-config.js';
import { startSession } from '../../auth/sessions.js';
import type { TestApi } from '../../testing/harness.js';

/** Test helpers for API tokens: create one through the API (as the local operator), sign an admin in. */

export async function createToken(api: TestApi, name: string, scopes: readonly TokenScope[], more: Record<string, unknown> = {}): Promise<CreatedApiToken> {
  const res = await api.call('POST', '/api/tokens', { name, scopes, ...more });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return CreatedApiToken.parse(res.body);
}

/** The headers of a call made with a token. */
export function bearer(secret: string): Record<string, string> {
  return { authorization: `Bearer ${secret}` };
}

/** An admin account with a live session: the headers of its calls (cookie + CSRF) and its account id. */
export async function signedInAdmin(api: TestApi, email: string): Promise<{ accountId: string; headers: Record<string, string> }> {
  const { deps, workspace } = api.handoff;
  const now = deps.clock.now();
  const account = { id: deps.newId(), workspace_id: workspace.id };
  const session = await deps.database.db.transaction().execute(async (trx) => {
    await trx.insertInto('accounts').values({ ...account, email, role: 'admin', person_id: null, created_at: now, updated_at: now }).execute();
    return startSession(deps, trx, DEFAULT_AUTH_CONFIG, account, 'password', { ip: null, userAgent: null });
  });
  return { accountId: account.id, headers: { cookie: `handoff_session=${session.secret}`, 'x-csrf-token': session.csrfToken } };
}
