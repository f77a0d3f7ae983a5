import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertWorkspaceIfMissing } from '../../db/repos/workspaces.repo.js';
import { startTestApi, type TestApi } from '../../testing/harness.js';
import { contractRoutes, exampleFor, fillPath } from '../../testing/route-examples.js';
import { buildPortfolio, signedIn, type Call, type Credential, type Portfolio } from '../../testing/security-fixture.js';
import { tableDigest, tableNames } from '../../testing/table-digest.js';

/**
 * Workspace isolation (docs/SECURITY.md): workspace B's admin (its executive for a decision), calling every route that takes an id with
 * workspace A's ids, keys and refs, gets 404 and never A's data, and nothing of A's changes. Workspace A's
 * names all carry the marker ` QZ` (keys and refs such as QZA-1 do not), so a leak shows in any body.
 */

const LEAK = /\sQZ\b/;
/**
 * "No such thing here", without saying whether it exists elsewhere: 404, or a 400 naming a body field whose
 * id "does not exist in this workspace" (a reference in a body), or a 400 for a generic body that failed
 * validation before anything was looked up.
 */
function notHere(status: number, text: string, generic: boolean): boolean {
  return status === 404 || (status === 400 && (generic || /does not exist in this workspace/.test(text)));
}

let api: TestApi;
let a: Portfolio;
let adminB: Credential;
/** Only an executive may decide (an admin is refused before any lookup): decisions are tried as B's executive. */
let executiveB: Credential;
let workspaceA = '';

beforeAll(async () => {
  api = await startTestApi();
  const { db } = api.handoff.deps.database;
  workspaceA = api.handoff.workspace.id;
  a = await buildPortfolio(api.handoff, workspaceA, (m, p, b) => api.call(m, p, b), 'QZ');
  const b = await insertWorkspaceIfMissing(db, { id: api.handoff.deps.newId(), slug: 'other', name: 'Other company', time_zone: 'UTC', created_at: api.handoff.deps.clock.now() });
  adminB = (await signedIn(api.handoff, b.id, 'admin', null, 'admin@other.example.com')).headers;
  executiveB = (await signedIn(api.handoff, b.id, 'executive', null, 'exec@other.example.com')).headers;
  const asAdminB: Call = (m, p, body) => api.call(m, p, body, adminB);
  await buildPortfolio(api.handoff, b.id, asAdminB, 'KX');
}, 240_000);
afterAll(async () => { await api.close(); });

describe('workspace isolation', () => {
  it('every route that takes an id answers 404 to another workspace\'s admin, shows none of its data and changes none of it', { timeout: 240_000 }, async () => {
    const { db } = api.handoff.deps.database;
    const tables = await tableNames(db);
    const before = await tableDigest(db, tables, workspaceA);
    const routes = contractRoutes().filter((r) => r.path.includes('{') || r.access?.resource === 'body-program');
    expect(routes.length).toBeGreaterThan(60);
    const wrong: string[] = [];
    let n = 0;
    for (const route of routes) {
      if (!route.path.startsWith('/api/')) continue; // the calendar feed URL is a capability, not an id (see calendars tests)
      for (const sideName of ['A', 'B'] as const) {
        const ctx = { portfolio: a, sideName, side: a.sides[sideName], caller: null, n: ++n };
        const example = exampleFor(route, ctx);
        const path = fillPath(route.path, ctx, example.params, example.query);
        const res = await api.call(route.method, path, example.body, route.access?.rule === 'decide' ? executiveB : adminB);
        const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
        if (!notHere(res.status, text, example.generic) || LEAK.test(text)) wrong.push(`${route.method} ${path} → ${res.status} ${text.slice(0, 200)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(await tableDigest(db, tables, workspaceA)).toEqual(before);
  });

  it('lists and portfolio views show another workspace\'s admin none of this workspace\'s data', async () => {
    const reads = contractRoutes().filter((r) => r.method === 'GET' && !r.path.includes('{') && r.path.startsWith('/api/'));
    const leaks: string[] = [];
    for (const route of reads) {
      const res = await api.call('GET', route.path, undefined, adminB);
      const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
      if (LEAK.test(text)) leaks.push(`${route.path} → ${res.status} ${text.slice(0, 200)}`);
    }
    expect(leaks).toEqual([]);
  });

  it('the marker does show when a workspace reads its own data (the leak check can fail)', async () => {
    const res = await api.call('GET', `/api/programs/${a.sides.A.programKey}`);
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).toMatch(LEAK);
  });
});
