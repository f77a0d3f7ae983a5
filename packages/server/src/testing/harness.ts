import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { DatabaseConfig } from '../db/database.js';
import { openDatabase } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { openHandoff, type Handoff } from '../handoff.js';

/**
 * Test harness: a freshly migrated database per call. With DATABASE_URL set, a new database on that
 * PostgreSQL server (dropped on close); otherwise in-memory PGlite started from a migrated dump made
 * once per test worker (initdb takes seconds; loading a dump, about one).
 */

/** A clock tests move by hand. */
export interface ManualClock {
  now(): Date;
  set(iso: string): void;
  advanceDays(days: number): void;
}

export function manualClock(startIso: string): ManualClock {
  let current = new Date(startIso);
  return {
    now: () => new Date(current),
    set: (iso) => { current = new Date(iso); },
    advanceDays: (days) => { current = new Date(current.getTime() + days * 86_400_000); },
  };
}

export interface TestResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON (or the raw text when not JSON). Parse it through a contract schema before use. */
  body: unknown;
}

export interface TestApi {
  readonly handoff: Handoff;
  readonly clock: ManualClock;
  /**
   * Calls the API in-process through the real HTTP stack (routing, validation, errors, authentication). By
   * default as the in-process operator; pass `authorization` or `cookie` to act as someone else, '' for nobody.
   */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<TestResponse>;
  close(): Promise<void>;
}

let template: Promise<Blob> | undefined;

function migratedPgliteDump(): Promise<Blob> {
  template ??= (async () => {
    const database = await openDatabase({ kind: 'pglite', dataDir: null });
    await migrate(database.db);
    const dump = database.dump ? await database.dump() : undefined;
    await database.close();
    if (!dump) throw new Error('PGlite did not dump its data directory');
    return dump;
  })();
  return template;
}

/** Creates a fresh, empty database and returns its config and a function that drops it. */
export async function freshDatabase(): Promise<{ config: DatabaseConfig; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    return { config: { kind: 'pglite', dataDir: null, loadFrom: await migratedPgliteDump() }, drop: async () => {} };
  }
  const name = `handoff_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    config: { kind: 'postgres', url: target.toString(), max: 5 },
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** Starts Handoff on a fresh database with a manual clock (default 2026-11-25 09:00 UTC). */
export async function startTestApi(options: { now?: string; timeZone?: string } = {}): Promise<TestApi> {
  const clock = manualClock(options.now ?? '2026-11-25T09:00:00.000Z');
  const { config, drop } = await freshDatabase();
  const handoff = await openHandoff({
    database: config, clock, timeZone: options.timeZone ?? 'UTC', actorLabel: 'test',
    // A 500 in a test is a bug: show its cause (the client only sees a generic problem).
    onUnexpectedError: (error) => console.error('unexpected error in the API:', error),
  });
  return {
    handoff,
    clock,
    async call(method, path, body, headers = {}) {
      // As the in-process operator unless the test brings its own credential (a token, a session cookie, or '' for none).
      const own = Object.keys(headers).some((h) => ['authorization', 'cookie'].includes(h.toLowerCase()));
      const sent: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
      if (!own) sent.authorization = handoff.localAuthorization;
      for (const [name, value] of Object.entries(headers)) if (value !== '') sent[name] = value;
      const init: RequestInit = { method, headers: sent };
      if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
      const res = await handoff.app.request(path, init);
      const text = await res.text();
      let parsed: unknown = text;
      try { parsed = JSON.parse(text); } catch { /* not JSON */ }
      return { status: res.status, headers: res.headers, body: parsed };
    },
    async close() {
      await handoff.close();
      await drop();
    },
  };
}
