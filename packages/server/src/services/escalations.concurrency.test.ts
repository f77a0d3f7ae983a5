import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { SweepResult } from '@handoff/contract';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../testing/harness.js';
import { openHandoff, type Handoff } from '../handoff.js';

/**
 * Two sweepers over the same due escalations must fire every level exactly once. With DATABASE_URL the
 * sweepers are two separate OS processes on one PostgreSQL database (real concurrency: SKIP LOCKED and
 * the unique level key are what keep them apart). On embedded PGlite, which is a single session, the
 * two sweeps run concurrently in one process and are serialised by the driver.
 */
const CONSTRAINTS = process.env.DATABASE_URL ? 2000 : 300;
const AT = '2027-03-01T00:00:00.000Z';

let handoff: Handoff;
let drop: () => Promise<void>;
let url: string | null = null;

beforeAll(async () => {
  const fresh = await freshDatabase();
  drop = fresh.drop;
  url = fresh.config.kind === 'postgres' ? fresh.config.url : null;
  handoff = await openHandoff({ database: fresh.config, clock: { now: () => new Date('2026-11-25T09:00:00Z') } });
  const db = handoff.deps.database.db;
  const ws = handoff.workspace.id;
  const now = new Date('2026-11-25T09:00:00Z');
  const [owner, sponsor, board] = [randomUUID(), randomUUID(), randomUUID()];
  await db.insertInto('people').values([
    { id: owner, workspace_id: ws, name: 'Owner', email: 'owner@example.com', title: null, created_at: now, updated_at: now },
    { id: sponsor, workspace_id: ws, name: 'Sponsor', email: 'sponsor@example.com', title: null, created_at: now, updated_at: now },
    { id: board, workspace_id: ws, name: 'Board', email: 'board@example.com', title: null, board_member: true, created_at: now, updated_at: now },
  ]).execute();
  const program = randomUUID();
  await db.insertInto('programs').values({ id: program, workspace_id: ws, key: 'LOAD', name: 'Load', description: '', business_unit: null, target_production_date: null, phase: 'pilot', risk_class: 'limited', sponsor_id: sponsor, created_at: now, updated_at: now }).execute();
  // Bulk rows straight into the tables: the sweep's backfill gives them their escalation clocks.
  await sql`insert into constraints (id, workspace_id, program_id, number, title, kind, dimension, owner_id, deadline, status, severity, blocks_gate, created_at, updated_at)
    select gen_random_uuid(), ${ws}::uuid, ${program}::uuid, n, 'Load constraint ' || n, 'blocker', 'technical', ${owner}::uuid,
      date '2026-12-01' + (n % 20), 'open', 'high', 'production-readiness', ${now}, ${now}
    from generate_series(1, ${CONSTRAINTS}) as n`.execute(db);
}, 300_000);

afterAll(async () => {
  await handoff.close();
  await drop();
});

/** Starts a sweeper process and kills it (SIGKILL) once it has committed part of its work. */
async function killSweeperMidway(databaseUrl: string, db: Handoff['deps']['database']['db']): Promise<{ events: number; decisions: number }> {
  const code = `
    import { openHandoff } from '@handoff/server';
    const h = await openHandoff({ database: { kind: 'postgres', url: process.env.SWEEP_URL, max: 2 } });
    await h.services.escalations.sweep(new Date(process.env.SWEEP_AT));`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], { env: { ...process.env, SWEEP_URL: databaseUrl, SWEEP_AT: AT }, stdio: 'ignore' });
  const count = async (): Promise<number> => Number((await db.selectFrom('escalation_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  for (let i = 0; i < 600 && (await count()) === 0; i++) await new Promise((r) => setTimeout(r, 50));
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));
  const decisions = Number((await db.selectFrom('decisions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { events: await count(), decisions };
}

function sweepInChild(databaseUrl: string): Promise<SweepResult> {
  const code = `
    import { openHandoff } from '@handoff/server';
    const h = await openHandoff({ database: { kind: 'postgres', url: process.env.SWEEP_URL, max: 4 } });
    const result = await h.services.escalations.sweep(new Date(process.env.SWEEP_AT));
    await h.close();
    process.stdout.write(JSON.stringify(result));`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', code], { env: { ...process.env, SWEEP_URL: databaseUrl, SWEEP_AT: AT }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(SweepResult.parse(JSON.parse(out))) : reject(new Error(`sweeper exited ${code}: ${err}`))));
  });
}

describe('two sweepers at once', () => {
  it('fire every due level exactly once between them, even after a sweeper was killed midway: no duplicate, no miss', { timeout: 300_000 }, async () => {
    // On PostgreSQL, first a sweeper killed mid-run: what it committed stays, what it had not is redone.
    const killed = url ? await killSweeperMidway(url, handoff.deps.database.db) : { events: 0, decisions: 0 };
    if (url) {
      expect(killed.events).toBeGreaterThan(0);
      expect(killed.events).toBeLessThan(4 * CONSTRAINTS);
    }
    const sweeps = url
      ? [sweepInChild(url), sweepInChild(url)]
      : [handoff.services.escalations.sweep(new Date(AT)), handoff.services.escalations.sweep(new Date(AT))];
    const results = await Promise.all(sweeps);
    const levels = 4 * CONSTRAINTS; // every constraint is 70+ days late at AT: the whole default ladder
    expect(results.reduce((n, r) => n + r.notified, 0)).toBe(levels - killed.events);
    expect(results.reduce((n, r) => n + r.decisions, 0)).toBe(CONSTRAINTS - killed.decisions);
    const db = handoff.deps.database.db;
    const events = await db.selectFrom('escalation_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(events.n)).toBe(levels);
    const decisions = await db.selectFrom('decisions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(decisions.n)).toBe(CONSTRAINTS);
    const again = await handoff.services.escalations.sweep(new Date(AT));
    expect(again).toMatchObject({ notified: 0, decisions: 0, notifications: 0 });
  });
});
