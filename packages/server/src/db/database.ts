import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.js';
import { PGliteDialect } from './pglite-dialect.js';
import type { DB } from './schema.js';
import { TYPE_PARSERS } from './type-parsers.js';

export type DatabaseKind = 'pglite' | 'postgres';

/** An open database: the typed query builder, which engine it is, and how to close it cleanly. */
export interface Database {
  readonly db: Kysely<DB>;
  readonly kind: DatabaseKind;
  close(): Promise<void>;
  /** PGlite only: the whole data directory as one uncompressed tarball (see `loadFrom`). */
  dump?(): Promise<Blob>;
}

export type DatabaseConfig =
  /** A PostgreSQL server; `max` is the pool size. */
  | { readonly kind: 'postgres'; readonly url: string; readonly max?: number }
  /** Embedded PGlite persisted in `dataDir` (locked while open), or in memory when `dataDir` is null. */
  | {
      readonly kind: 'pglite';
      readonly dataDir: string | null;
      /** A data-directory dump (from `dumpPglite`) to start from instead of running initdb: seconds faster. */
      readonly loadFrom?: Blob;
    };

/** Opens the configured database. Throws DataDirLockedError when the data directory is in use. */
export async function openDatabase(config: DatabaseConfig, now: () => Date = () => new Date()): Promise<Database> {
  if (config.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: config.url,
      max: config.max ?? 10,
      types: { getTypeParser: (oid: number, format?: 'text' | 'binary') => TYPE_PARSERS[oid] ?? pg.types.getTypeParser(oid, format) },
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  let release: () => void = () => {};
  let pgdata: string | undefined;
  if (config.dataDir !== null) {
    mkdirSync(config.dataDir, { recursive: true });
    release = lockDataDir(config.dataDir, now);
    pgdata = join(config.dataDir, 'pgdata');
  }
  try {
    const lite = await PGlite.create({
      parsers: TYPE_PARSERS,
      ...(pgdata ? { dataDir: pgdata } : {}),
      ...(config.loadFrom ? { loadDataDir: config.loadFrom } : {}),
    });
    const db = new Kysely<DB>({ dialect: new PGliteDialect(lite) });
    return {
      db,
      kind: 'pglite',
      dump: () => lite.dumpDataDir('none'),
      close: async () => {
        await db.destroy();
        await lite.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
