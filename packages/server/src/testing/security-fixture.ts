import type { AccountRole, TokenScope } from '@handoff/core';
import { z } from 'zod';
import { newSecret, sha256Hex, TOKEN_PREFIX } from '../auth/secrets.js';
import { startSession } from '../auth/sessions.js';
import { DEFAULT_AUTH_CONFIG } from '../auth/auth-config.js';
import type { Handoff } from '../handoff.js';
import type { TestResponse } from './harness.js';

/**
 * A workspace's worth of resources for the security tests (docs/SECURITY.md): the people behind each
 * role, programs A and B, and one of every kind of resource in each, so a test can ask who may touch what.
 *
 * Who leads what: the owner is program A's sponsor and leads nothing in B; the executive is B's sponsor;
 * the contributor and the viewer are listed members of A (not B); the contributor owns constraint cA (in A);
 * cB (in B) is owned by `other` and its escalation has notified the owner.
 */

export type Call = (method: string, path: string, body?: unknown) => Promise<TestResponse>;
export type PersonKey = 'admin' | 'executive' | 'owner' | 'contributor' | 'viewer' | 'other';
export type Side = 'A' | 'B';

export interface SideIds {
  readonly programId: string;
  readonly programKey: string;
  readonly constraintId: string;
  readonly constraintRef: string;
  /** The person owning the side's constraint. */
  readonly constraintOwnerId: string;
  readonly monitorId: string;
  readonly monitorKey: string;
  readonly costItemId: string;
  readonly reviewId: string;
  readonly decisionId: string;
  readonly programFeedId: string;
}

export interface Portfolio {
  readonly tag: string;
  readonly people: Readonly<Record<PersonKey, string>>;
  readonly sides: Readonly<Record<Side, SideIds>>;
  /** Calendar feeds of the contributor and of `other`. */
  readonly personFeeds: Readonly<{ contributor: string; other: string }>;
  readonly criterionId: string;
  readonly criterionCode: string;
  readonly governanceRoleKey: string;
  readonly channelId: string;
}

const WithId = z.object({ id: z.string() });
const WithKey = z.object({ id: z.string(), key: z.string() });
const WithRef = z.object({ id: z.string(), ref: z.string() });
const WithItems = z.object({ items: z.array(z.object({ id: z.string() })).min(1) });

async function created<T>(call: Call, schema: z.ZodType<T>, method: string, path: string, body: unknown): Promise<T> {
  const res = await call(method, path, body);
  if (res.status >= 300) throw new Error(`fixture: ${method} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return schema.parse(res.body);
}

/** Builds the portfolio through the API with `call` (the workspace's operator or admin); `tag` keeps keys and e-mails unique. */
export async function buildPortfolio(handoff: Handoff, workspaceId: string, call: Call, tag: string): Promise<Portfolio> {
  const keys: PersonKey[] = ['admin', 'executive', 'owner', 'contributor', 'viewer', 'other'];
  const people: Partial<Record<PersonKey, string>> = {};
  for (const k of keys) {
    people[k] = (await created(call, WithId, 'POST', '/api/people', { name: `${k} ${tag}`, email: `${k}.${tag.toLowerCase()}@example.com` })).id;
  }
  const p = z.record(z.enum(keys), z.string()).parse(people);
  const governanceRoleKey = `ethics-${tag.toLowerCase()}`;
  await created(call, z.unknown(), 'POST', '/api/governance-roles', { key: governanceRoleKey, name: `Ethics ${tag}` });
  const criterion = await created(call, z.object({ id: z.string(), code: z.string() }), 'POST', '/api/criteria',
    { code: `SEC-${tag}`, dimension: 'governance', text: `Security criterion ${tag}`, gate: 'pilot' });

  const side = async (s: Side, sponsor: string, constraintOwner: string): Promise<SideIds> => {
    const program = await created(call, WithKey, 'POST', '/api/programs', { key: `${tag}${s}`, name: `Program ${tag} ${s}`, sponsorId: sponsor });
    const constraint = await created(call, WithRef, 'POST', `/api/programs/${program.key}/constraints`, {
      title: `Blocker ${tag} ${s}`, kind: 'blocker', dimension: 'technical', ownerId: constraintOwner, deadline: '2027-06-30',
    });
    await created(call, z.unknown(), 'PUT', `/api/programs/${program.key}/roles/output-owner`, { personId: p.other });
    const monitor = await created(call, WithKey, 'POST', `/api/programs/${program.key}/monitors`, {
      key: `drift-${s.toLowerCase()}`, name: 'Drift', metric: 'drift-psi', direction: 'above', breachThreshold: 0.3, ownerRole: 'output-owner',
    });
    await created(call, z.unknown(), 'PUT', `/api/programs/${program.key}/cost-model`, { currency: 'GBP' });
    const costItems = await created(call, WithItems, 'POST', `/api/programs/${program.key}/cost-items`, {
      side: 'cost', label: 'GPU inference', category: 'compute', scope: 'production', recurrence: 'monthly', amount: '100.00', currency: 'GBP',
    });
    const review = await created(call, WithId, 'POST', `/api/programs/${program.key}/reviews`, {
      reviewerId: sponsor, items: [{ constraintId: constraint.ref, decision: 'on-track' }],
    });
    const decision = await created(call, WithId, 'POST', '/api/decisions', {
      programId: program.id, title: `Fund ${tag} ${s}`, context: 'Budget', options: [{ label: 'Fund it' }, { label: 'Stop' }], recommendedOption: 1, dueDate: '2027-01-31',
    });
    const feed = await created(call, WithId, 'POST', `/api/programs/${program.key}/calendar-feeds`, { label: `Feed ${s}` });
    return {
      programId: program.id, programKey: program.key, constraintId: constraint.id, constraintRef: constraint.ref, constraintOwnerId: constraintOwner, monitorId: monitor.id,
      monitorKey: monitor.key, costItemId: costItems.items[0]?.id ?? '', reviewId: review.id, decisionId: decision.id, programFeedId: feed.id,
    };
  };
  const A = await side('A', p.owner, p.contributor);
  const B = await side('B', p.executive, p.other);

  const db = handoff.deps.database.db;
  const now = handoff.deps.clock.now();
  for (const person of [p.contributor, p.viewer]) {
    await db.insertInto('program_members').values({ workspace_id: workspaceId, program_id: A.programId, person_id: person, added_at: now }).execute();
  }
  // cB's escalation has notified the owner (a level fired in its current cycle).
  await db.updateTable('constraint_escalations').set({ level: 0, done: [0], updated_at: now }).where('constraint_id', '=', B.constraintId).execute();
  await db.insertInto('escalation_events').values({
    workspace_id: workspaceId, constraint_id: B.constraintId, cycle: 1, level: 0, level_name: 'owner', kind: 'notified', recipients: [p.owner], vacant: [], fired_at: now,
  }).execute();

  const personFeed = async (person: string): Promise<string> => (await created(call, WithId, 'POST', `/api/people/${person}/calendar-feeds`, { label: 'Mine' })).id;
  const channel = await created(call, WithId, 'POST', '/api/notification-channels', { kind: 'slack', name: `Slack ${tag}`, webhookUrl: 'https://hooks.example.com/services/T0/B0/x' });
  return {
    tag, people: p, sides: { A, B }, personFeeds: { contributor: await personFeed(p.contributor), other: await personFeed(p.other) },
    criterionId: criterion.id, criterionCode: criterion.code, governanceRoleKey, channelId: channel.id,
  };
}

/** Request headers that authenticate as someone. */
export type Credential = Readonly<Record<string, string>>;

/** Creates an account (linked to `personId`) with a live session; returns the headers a browser would send. */
export async function signedIn(handoff: Handoff, workspaceId: string, role: AccountRole, personId: string | null, email: string): Promise<{ accountId: string; headers: Credential }> {
  const { deps } = handoff;
  const now = deps.clock.now();
  const accountId = deps.newId();
  await deps.database.db.insertInto('accounts').values({
    id: accountId, workspace_id: workspaceId, email, person_id: personId, role, password_hash: null, oidc_issuer: null, oidc_subject: null,
    disabled_at: null, created_at: now, updated_at: now,
  }).execute();
  const session = await startSession(deps, deps.database.db, DEFAULT_AUTH_CONFIG, { id: accountId, workspace_id: workspaceId }, 'password', { ip: null, userAgent: 'test' });
  return { accountId, headers: { cookie: `handoff_session=${session.secret}`, 'x-csrf-token': session.csrfToken } };
}

/** Another live session for an existing account (for routes that may end the session they run in). */
export async function anotherSession(handoff: Handoff, workspaceId: string, accountId: string): Promise<Credential> {
  const session = await startSession(handoff.deps, handoff.deps.database.db, DEFAULT_AUTH_CONFIG, { id: accountId, workspace_id: workspaceId }, 'password', { ip: null, userAgent: 'test' });
  return { cookie: `handoff_session=${session.secret}`, 'x-csrf-token': session.csrfToken };
}

/** Stores an API token with `scopes`, created by `createdBy` (an account); returns its bearer header. */
export async function apiToken(handoff: Handoff, workspaceId: string, createdBy: string, scopes: TokenScope[]): Promise<Credential> {
  const { deps } = handoff;
  const secret = newSecret();
  await deps.database.db.insertInto('api_tokens').values({
    id: deps.newId(), workspace_id: workspaceId, name: `token ${scopes.join('+')}`, prefix: `${TOKEN_PREFIX}${secret.slice(0, 6)}`,
    secret_hash: sha256Hex(secret), scopes, created_by: createdBy, created_at: deps.clock.now(), expires_at: null,
    revoked_at: null, revoked_by: null, last_used_at: null, last_used_ip: null,
  }).execute();
  return { authorization: `Bearer ${TOKEN_PREFIX}${secret}` };
}
