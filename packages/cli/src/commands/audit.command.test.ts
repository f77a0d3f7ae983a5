import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AuditEntry } from '@handoff/contract';
import { openDatabase } from '@handoff/server';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDataDirs, runCli, tempDataDir } from '../testing/run-cli.js';

/** The audit trail from the terminal, through the built binary on one data directory. */
const SLOW = 180_000;
const dir = tempDataDir('audit');
const cli = (...args: string[]) => runCli([...args, '--data-dir', dir]);

beforeAll(async () => {
  for (const name of ['Ann']) {
    const r = await cli('people', 'add', '--name', name, '--email', `${name.toLowerCase()}@example.com`);
    expect(r.stderr, r.stderr).toBe('');
  }
}, SLOW);
afterAll(removeTempDataDirs);

describe('handoff audit', { timeout: SLOW }, () => {
  let rows: AuditEntry[];

  it('exports every row as JSON lines to a file, each row chained to the one before', async () => {
    const file = join(dir, 'audit.ndjson');
    const r = await cli('audit', 'export', '--output', file);
    expect(r.stderr, r.stderr).toBe('');
    expect(r.code).toBe(0);
    rows = readFileSync(file, 'utf8').trimEnd().split('\n').map((line) => AuditEntry.parse(JSON.parse(line)));
    expect(rows.filter((e) => e.entity === 'people' && e.action === 'insert')).toHaveLength(1);
    expect(rows[0]?.prevHash).toBe('0'.repeat(64));
    for (const [i, row] of rows.entries()) if (i > 0) expect(row.prevHash).toBe(rows[i - 1]?.hash);
    const stdout = await cli('audit', 'export');
    expect(stdout.stdout.trimEnd().split('\n')).toHaveLength(rows.length);
  });

  it('says the chain is intact and exits 0', async () => {
    const r = await cli('audit', 'verify');
    expect(r.stderr, r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`audit chain intact: ${rows.length} rows checked\n`);
  });

  it('exits 1 with one line naming the edited row once the log has been tampered with', async () => {
    const target = rows.find((e) => e.entity === 'people' && e.action === 'insert');
    const database = await openDatabase({ kind: 'pglite', dataDir: dir });
    try {
      await database.db.transaction().execute(async (trx) => {
        await sql`alter table audit_log disable trigger audit_log_append_only`.execute(trx);
        await sql`update audit_log set actor = 'someone else' where seq = ${target?.seq}`.execute(trx);
        await sql`alter table audit_log enable trigger audit_log_append_only`.execute(trx);
      });
    } finally {
      await database.close();
    }
    const r = await cli('audit', 'verify');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^handoff: audit chain broken at seq ${target?.seq} \\(.+\\): hash-mismatch, [^\\n]+\\n$`));
  });
});
