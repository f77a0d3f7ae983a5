import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Person, PersonPage } from '@handoff/contract';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirLockedError } from './db/data-dir-lock.js';
import { readMigrations } from './db/migrate.js';
import { openHandoff } from './handoff.js';

const dir = mkdtempSync(join(tmpdir(), 'handoff-persist-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a Handoff on a data directory', () => {
  it('keeps what was written across a close and a reopen, and migrates only once', async () => {
    const first = await openHandoff({ database: { kind: 'pglite', dataDir: dir } });
    const created = await first.request('/api/people', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Wanjiru Kamau', email: 'wanjiru@example.com' }),
    });
    const person = Person.parse(await created.json());
    const workspaceId = first.workspace.id;

    await expect(openHandoff({ database: { kind: 'pglite', dataDir: dir } })).rejects.toBeInstanceOf(DataDirLockedError);
    await first.close();

    const second = await openHandoff({ database: { kind: 'pglite', dataDir: dir } });
    try {
      expect(second.workspace.id).toBe(workspaceId);
      const page = PersonPage.parse(await (await second.request('/api/people')).json());
      expect(page.items).toEqual([person]);
      const applied = await second.deps.database.db.selectFrom('schema_migrations').select('version').execute();
      expect(applied.map((m) => m.version)).toEqual(readMigrations().map((m) => m.version));
    } finally {
      await second.close();
    }
  });
});
