import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../testing/harness.js';
import { addPeople, allEntries, otherWorkspace, tamper, verify } from './audit-fixture.js';

/**
 * Tampering as someone with the database's rights would: each scenario in its own workspace (its own chain),
 * which also shows that a broken chain in one workspace leaves the others' verification intact.
 */
let api: TestApi;
beforeAll(async () => { api = await startTestApi(); });
afterAll(async () => { await api.close(); });

async function chainOfSix(slug: string) {
  const ws = await otherWorkspace(api, slug);
  await addPeople(api, ws.workspaceId, ['P1', 'P2', 'P3', 'P4', 'P5']);
  const entries = await allEntries(api, ws.admin);
  expect(await verify(api, ws.admin)).toEqual({ ok: true, checked: entries.length, firstBroken: null });
  return { ...ws, entries };
}

describe('verifying the audit chain', () => {
  it('finds an edited row at exactly that row (hash-mismatch)', async () => {
    const ws = await chainOfSix('edited');
    const target = ws.entries[4];
    await tamper(api, sql`update audit_log set after = jsonb_set(after, '{name}', '"Mallory"') where workspace_id = ${ws.workspaceId}::uuid and seq = ${target?.seq}`);
    const result = await verify(api, ws.admin);
    expect(result).toMatchObject({ ok: false, checked: 4, firstBroken: { seq: target?.seq, reason: 'hash-mismatch', found: target?.hash } });
    expect(result.firstBroken?.expected).not.toBe(target?.hash);
    expect(result.firstBroken?.at).toBe(target?.at);
  });

  it('finds a deleted row at the row after it (chain-broken)', async () => {
    const ws = await chainOfSix('deleted');
    const [gone, next] = [ws.entries[2], ws.entries[3]];
    await tamper(api, sql`delete from audit_log where workspace_id = ${ws.workspaceId}::uuid and seq = ${gone?.seq}`);
    expect(await verify(api, ws.admin)).toMatchObject({
      ok: false, checked: 2, firstBroken: { seq: next?.seq, reason: 'chain-broken', expected: ws.entries[1]?.hash, found: gone?.hash },
    });
  });

  it('finds a row edited with its hash recomputed at the row after it (chain-broken)', async () => {
    const ws = await chainOfSix('rehashed');
    const [edited, next] = [ws.entries[3], ws.entries[4]];
    await tamper(api, sql`update audit_log set after = jsonb_set(after, '{name}', '"Mallory"'),
      hash = audit_hash(prev_hash, seq, workspace_id, at, actor, account_id, token_id, ip, request, action, entity, entity_id, before,
        jsonb_set(after, '{name}', '"Mallory"'))
      where workspace_id = ${ws.workspaceId}::uuid and seq = ${edited?.seq}`);
    expect(await verify(api, ws.admin)).toMatchObject({ ok: false, checked: 4, firstBroken: { seq: next?.seq, reason: 'chain-broken', found: edited?.hash } });
  });

  it('finds an edited first row, and leaves every other workspace verifiable', async () => {
    const ws = await chainOfSix('first-row');
    await tamper(api, sql`update audit_log set actor = 'nobody' where workspace_id = ${ws.workspaceId}::uuid and seq = 1`);
    expect(await verify(api, ws.admin)).toMatchObject({ ok: false, checked: 0, firstBroken: { seq: 1, reason: 'hash-mismatch' } });
    expect((await verify(api)).ok).toBe(true);
  });

  it('is refused by the database: no UPDATE or DELETE of the log without disabling its trigger', async () => {
    const { db } = api.handoff.deps.database;
    const ws = api.handoff.workspace.id;
    await expect(sql`update audit_log set actor = 'nobody' where workspace_id = ${ws}::uuid`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log where workspace_id = ${ws}::uuid`.execute(db)).rejects.toThrow(/append-only/);
    expect((await verify(api)).ok).toBe(true);
  });
});
