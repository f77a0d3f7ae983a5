import { AuditPage, AuditVerification, type AuditEntry } from '@handoff/contract';
import { sql, type RawBuilder } from 'kysely';
import { DEFAULT_AUTH_CONFIG } from '../../auth/auth-config.js';
import { startSession } from '../../auth/sessions.js';
import type { TestApi } from '../../testing/harness.js';

/** Test helpers of the audit tests: workspaces with a signed-in admin, direct writes, and tampering as a DB superuser would. */

export type Headers = Record<string, string>;

/** An account with `role` in `workspaceId` (acting as `personId`) and a live session; the headers a browser would send. */
export async function signedIn(
  api: Pick<TestApi, 'handoff'>, workspaceId: string, role: 'admin' | 'viewer', email: string, personId: string | null = null,
): Promise<{ accountId: string; headers: Headers }> {
  const { deps } = api.handoff;
  const now = deps.clock.now();
  const accountId = deps.newId();
  await deps.database.db.insertInto('accounts').values({
    id: accountId, workspace_id: workspaceId, email, person_id: personId, role, password_hash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$secret-part-of-the-hash',
    oidc_issuer: null, oidc_subject: null, disabled_at: null, created_at: now, updated_at: now,
  }).execute();
  const session = await startSession(deps, deps.database.db, DEFAULT_AUTH_CONFIG, { id: accountId, workspace_id: workspaceId }, 'password', { ip: null, userAgent: 'test' });
  return { accountId, headers: { cookie: `handoff_session=${session.secret}`, 'x-csrf-token': session.csrfToken } };
}

/** A new workspace with a signed-in admin. */
export async function otherWorkspace(api: TestApi, slug: string): Promise<{ workspaceId: string; admin: Headers }> {
  const { deps } = api.handoff;
  const workspaceId = deps.newId();
  const now = deps.clock.now();
  await deps.database.db.insertInto('workspaces').values({ id: workspaceId, slug, name: slug, time_zone: 'UTC', created_at: now, updated_at: now }).execute();
  const { headers } = await signedIn(api, workspaceId, 'admin', `admin@${slug}.example.com`);
  return { workspaceId, admin: headers };
}

/** Adds people straight into the database (each insert appends one audit row, as the system). */
export async function addPeople(api: TestApi, workspaceId: string, names: readonly string[]): Promise<string[]> {
  const { deps } = api.handoff;
  const ids: string[] = [];
  for (const name of names) {
    const id = deps.newId();
    const now = deps.clock.now();
    await deps.database.db.insertInto('people').values({ id, workspace_id: workspaceId, name, email: `${id}@example.com`, title: null, created_at: now, updated_at: now }).execute();
    ids.push(id);
  }
  return ids;
}

/** Runs `statement` on audit_log with its append-only trigger disabled, as the table's owner could. */
export async function tamper(api: TestApi, statement: RawBuilder<unknown>): Promise<void> {
  await api.handoff.deps.database.db.transaction().execute(async (trx) => {
    await sql`alter table audit_log disable trigger audit_log_append_only`.execute(trx);
    await statement.execute(trx);
    await sql`alter table audit_log enable trigger audit_log_append_only`.execute(trx);
  });
}

/** The whole log of the caller's workspace, oldest first. */
export async function allEntries(api: TestApi, headers: Headers = {}): Promise<AuditEntry[]> {
  const items: AuditEntry[] = [];
  let cursor: string | null = null;
  do {
    const res = await api.call('GET', `/api/audit?order=seq&limit=200${cursor ? `&cursor=${cursor}` : ''}`, undefined, headers);
    const page = AuditPage.parse(res.body);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return items;
}

export async function verify(api: TestApi, headers: Headers = {}): Promise<AuditVerification> {
  const res = await api.call('GET', '/api/audit/verify', undefined, headers);
  return AuditVerification.parse(res.body);
}
