import { AuditPage, Person } from '@handoff/contract';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveHandoff, type RunningServer } from '../../serve.js';
import { openHandoff, type Handoff } from '../../handoff.js';
import { freshDatabase, startTestApi, type TestApi } from '../../testing/harness.js';
import { signedIn } from './audit-fixture.js';

/**
 * Tables with a workspace_id that the audit triggers leave out on purpose (migration 0010): the log itself,
 * history (derived from the same writes, already append-only), sessions (their sign-in and sign-out events are
 * appended explicitly). Any other table holding workspace data must be audited.
 */
const NOT_AUDITED = ['audit_log', 'history', 'sessions'];

let api: TestApi;
beforeAll(async () => { api = await startTestApi(); });
afterAll(async () => { await api.close(); });

describe('audit coverage', () => {
  it('has the insert/delete and update audit triggers on every table with a workspace_id, except the ones left out on purpose', async () => {
    const { rows } = await sql<{ table: string; triggers: string[] }>`
      select c.relname as table,
        coalesce(array_agg(t.tgname::text order by t.tgname) filter (where p.proname = 'audit_row'), '{}') as triggers
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      left join pg_trigger t on t.tgrelid = c.oid and not t.tgisinternal
      left join pg_proc p on p.oid = t.tgfoid
      where n.nspname = current_schema() and c.relkind in ('r', 'p')
        and (c.relname = 'workspaces' or exists (
          select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'workspace_id' and not a.attisdropped))
      group by c.relname
      order by c.relname`.execute(api.handoff.deps.database.db);
    expect(rows.length).toBeGreaterThan(20);
    const missing = rows.filter((r) => !NOT_AUDITED.includes(r.table) && r.triggers.join(',') !== 'audit_insert,audit_update').map((r) => r.table);
    expect(missing, 'tables without both audit triggers').toEqual([]);
    // Readings: inserts audited per batch (a statement trigger), deletes and updates per row.
    const { rows: batch } = await sql<{ n: number }>`select count(*)::int as n from pg_trigger t join pg_proc p on p.oid = t.tgfoid
      where t.tgrelid = 'monitor_readings'::regclass and t.tgname = 'audit_insert_batch' and p.proname = 'audit_insert_batch'`.execute(api.handoff.deps.database.db);
    expect(batch[0]?.n).toBe(1);
    for (const table of NOT_AUDITED) expect(rows.map((r) => r.table)).toContain(table);
  });
});

describe('audit over real HTTP', () => {
  let server: RunningServer;
  let served: { handoff: Handoff; drop: () => Promise<void> };
  beforeAll(async () => {
    const { config, drop } = await freshDatabase();
    served = { handoff: await openHandoff({ database: config, actorLabel: 'test' }), drop };
    server = await serveHandoff(served.handoff, { port: 0, host: '127.0.0.1' });
  });
  // Closing the server closes its Handoff; then the test database goes.
  afterAll(async () => { await server.close(); await served.drop(); });

  it('records the address the request came from', async () => {
    const admin = await signedIn(served, served.handoff.workspace.id, 'admin', 'net.admin@example.com');
    const res = await fetch(`${server.url}/api/people`, {
      method: 'POST', headers: { ...admin.headers, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Ina Net', email: 'ina@example.com' }),
    });
    expect(res.status).toBe(201);
    const person = Person.parse(await res.json());
    const page = AuditPage.parse(await (await fetch(`${server.url}/api/audit?entityId=${person.id}`, { headers: admin.headers })).json());
    expect(page.items[0]).toMatchObject({ ip: '127.0.0.1', actor: 'net.admin@example.com', request: 'POST /api/people' });
  });
});
