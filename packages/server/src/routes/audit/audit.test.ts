import { AuditEntry, AuditPage, Person, Problem } from '@handoff/contract';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../services/transaction.js';
import { startTestApi, type TestApi } from '../../testing/harness.js';
import { addPeople, allEntries, otherWorkspace, signedIn, verify, type Headers } from './audit-fixture.js';

let api: TestApi;
let admin: { accountId: string; headers: Headers };
beforeAll(async () => {
  api = await startTestApi();
  admin = await signedIn(api, api.handoff.workspace.id, 'admin', 'ada.admin@example.com');
});
afterAll(async () => { await api.close(); });

describe('the audit log', () => {
  it('records a write through the API with the actor, account, request line and the row before and after', async () => {
    const created = await api.call('POST', '/api/people', { name: 'Rosa Diaz', email: 'rosa@example.com' }, admin.headers);
    expect(created.status).toBe(201);
    const person = Person.parse(created.body);
    const patched = await api.call('PATCH', `/api/people/${person.id}`, { title: 'CRO' }, admin.headers);
    expect(patched.status).toBe(200);

    const page = AuditPage.parse((await api.call('GET', `/api/audit?entity=people&entityId=${person.id}`, undefined, admin.headers)).body);
    const [update, insert] = page.items;
    expect(page.items).toHaveLength(2);
    expect(insert).toMatchObject({
      action: 'insert', entity: 'people', entityId: person.id, actor: 'ada.admin@example.com', accountId: admin.accountId, tokenId: null,
      ip: null, request: 'POST /api/people', before: null, after: expect.objectContaining({ name: 'Rosa Diaz', title: null }),
    });
    expect(update).toMatchObject({
      action: 'update', request: `PATCH /api/people/${person.id}`, actor: 'ada.admin@example.com',
      before: expect.objectContaining({ title: null }), after: expect.objectContaining({ title: 'CRO' }),
    });
    expect(update?.seq).toBeGreaterThan(insert?.seq ?? Infinity);
  });

  it('records the in-process operator under its label, and background writes as system', async () => {
    const created = Person.parse((await api.call('POST', '/api/people', { name: 'Omar Op', email: 'omar@example.com' })).body);
    const [row] = AuditPage.parse((await api.call('GET', `/api/audit?entityId=${created.id}`)).body).items;
    expect(row?.actor).toBe('test');
    const [direct] = await addPeople(api, api.handoff.workspace.id, ['Sys Tem']);
    const [sys] = AuditPage.parse((await api.call('GET', `/api/audit?entityId=${direct ?? ''}`)).body).items;
    expect(sys).toMatchObject({ actor: 'system', request: null, accountId: null });
  });

  it('filters by actor, action and time, pages newest first or by seq, and refuses a foreign cursor', async () => {
    const mine = AuditPage.parse((await api.call('GET', '/api/audit?actor=ada.admin%40example.com&action=update')).body).items;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((e) => e.actor === 'ada.admin@example.com' && e.action === 'update')).toBe(true);
    const all = await allEntries(api);
    expect(all.map((e) => e.seq)).toEqual(all.map((_e, i) => i + 1));
    const first = AuditPage.parse((await api.call('GET', '/api/audit?limit=2')).body);
    expect(first.items.map((e) => e.seq)).toEqual([all.length, all.length - 1]);
    const second = AuditPage.parse((await api.call('GET', `/api/audit?limit=2&cursor=${first.nextCursor ?? ''}`)).body);
    expect(second.items[0]?.seq).toBe(all.length - 2);
    const future = AuditPage.parse((await api.call('GET', '/api/audit?from=2099-01-01T00:00:00Z')).body);
    expect(future.items).toEqual([]);
    expect((await api.call('GET', '/api/audit?to=2099-01-01T00:00:00Z&limit=1')).status).toBe(200);
    expect((await api.call('GET', '/api/audit?cursor=garbage')).status).toBe(400);
    expect((await api.call('GET', '/api/audit?from=yesterday')).status).toBe(400);
  });

  it('never records a password hash, token secret hash or CSRF token', async () => {
    const { deps } = api.handoff;
    await sql`insert into api_tokens (id, workspace_id, name, prefix, secret_hash, scopes, created_by, created_at)
      values (${deps.newId()}, ${api.handoff.workspace.id}, 'ci', 'hnd_abcdef', ${'f'.repeat(64)}, array['read'], ${admin.accountId}, now())`.execute(deps.database.db);
    const res = await api.call('GET', '/api/audit/export');
    const text = String(res.body);
    expect(text).toContain('"entity":"api_tokens"');
    expect(text).toContain('"entity":"accounts"');
    expect(text).not.toContain('password_hash');
    expect(text).not.toContain('secret-part-of-the-hash');
    expect(text).not.toContain('secret_hash');
    expect(text).not.toContain('f'.repeat(64));
    expect(text).not.toContain(admin.headers['x-csrf-token'] ?? 'missing');
    expect(text).not.toContain('csrf_token');
  });

  it('leaves no audit row behind a write that fails, in the API or inside a service transaction', async () => {
    const before = (await allEntries(api)).length;
    const dup = await api.call('POST', '/api/people', { name: 'Again', email: 'rosa@example.com' }, admin.headers);
    expect(dup.status).toBe(409);
    const { db } = api.handoff.deps.database;
    await expect(inTransaction(db, async (trx) => {
      const now = new Date();
      await trx.insertInto('people').values({ id: api.handoff.deps.newId(), workspace_id: api.handoff.workspace.id, name: 'Half', email: 'half@example.com', title: null, created_at: now, updated_at: now }).execute();
      throw new Error('fails after a write');
    })).rejects.toThrow('fails after a write');
    expect((await allEntries(api)).length).toBe(before);
    expect((await verify(api)).ok).toBe(true);
  });

  it('attributes marking an inbox item read to the person who did it, not to the system', async () => {
    const { deps } = api.handoff;
    const person = Person.parse((await api.call('POST', '/api/people', { name: 'Ines Inbox', email: 'ines@example.com' })).body);
    const reader = await signedIn(api, api.handoff.workspace.id, 'viewer', 'ines@example.com', person.id);
    const itemId = deps.newId();
    await deps.database.db.insertInto('inbox_items').values({
      id: itemId, workspace_id: api.handoff.workspace.id, person_id: person.id, notification_key: `k-${itemId}`, event_key: 'e', kind: 'escalation',
      subject: 'Overdue', text: 'CLAIMS-1 is overdue', link: null, facts: '{}', created_at: deps.clock.now(), read_at: null,
    }).execute();
    const res = await api.call('POST', `/api/people/${person.id}/inbox/${itemId}/read`, undefined, reader.headers);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const [update] = AuditPage.parse((await api.call('GET', `/api/audit?entityId=${itemId}&action=update`)).body).items;
    expect(update).toMatchObject({ entity: 'inbox_items', actor: 'ines@example.com', request: `POST /api/people/${person.id}/inbox/${itemId}/read` });
  });

  it('is for admins only', async () => {
    const viewer = await signedIn(api, api.handoff.workspace.id, 'viewer', 'vic.viewer@example.com');
    for (const path of ['/api/audit', '/api/audit/verify', '/api/audit/export']) {
      const res = await api.call('GET', path, undefined, viewer.headers);
      expect(res.status, path).toBe(403);
      Problem.parse(res.body);
      expect((await api.call('GET', path, undefined, { authorization: '' })).status, path).toBe(401);
    }
  });

  it('shows each workspace only its own log, and verifies each chain on its own', async () => {
    const other = await otherWorkspace(api, 'elsewhere');
    const [theirs] = await addPeople(api, other.workspaceId, ['Out Sider']);
    const seen = await allEntries(api, other.admin);
    expect(seen.some((e) => e.entityId === theirs)).toBe(true);
    expect(seen.some((e) => e.entity === 'people' && e.after !== null && JSON.stringify(e.after).includes('rosa@example.com'))).toBe(false);
    expect(seen[0]?.seq).toBe(1);
    const mine = await allEntries(api);
    expect(mine.some((e) => e.entityId === theirs)).toBe(false);
    expect(await verify(api, other.admin)).toEqual({ ok: true, checked: seen.length, firstBroken: null });
    expect(await verify(api)).toEqual({ ok: true, checked: mine.length, firstBroken: null });
  });

  it('exports every row with its hashes as JSON lines, as an attachment', async () => {
    const res = await api.handoff.request('/api/audit/export');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/x-ndjson');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="audit-[0-9a-f-]+-2026-11-25\.ndjson"$/);
    const lines = (await res.text()).trimEnd().split('\n').map((l) => AuditEntry.parse(JSON.parse(l)));
    expect(lines).toEqual(await allEntries(api));
    for (const [i, line] of lines.entries()) if (i > 0) expect(line.prevHash).toBe(lines[i - 1]?.hash);
  });
});
