import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/**
 * A digest of every stored row, per table, for tests that prove a refused request changed nothing. Tables
 * whose rows record the request itself (sessions and tokens touched on use, sign-in attempts, the audit log
 * of sign-in events) are left out; `workspaceId` limits it to one workspace's rows where a table has the column.
 */
const BOOKKEEPING = new Set(['sessions', 'api_tokens', 'sign_in_attempts', 'audit_log', 'schema_migrations', 'kysely_migration', 'kysely_migration_lock']);

export async function tableNames(db: Kysely<DB>): Promise<{ name: string; scoped: boolean }[]> {
  const rows = await sql<{ name: string; scoped: boolean }>`
    select t.table_name as name,
           exists (select 1 from information_schema.columns c
                   where c.table_schema = t.table_schema and c.table_name = t.table_name and c.column_name = 'workspace_id') as scoped
    from information_schema.tables t
    where t.table_schema = 'public' and t.table_type = 'BASE TABLE'
    order by t.table_name`.execute(db);
  return rows.rows.filter((r) => !BOOKKEEPING.has(r.name));
}

/** `table → md5 of its rows` in one round trip (rows as text, ordered). */
export async function tableDigest(db: Kysely<DB>, tables: readonly { name: string; scoped: boolean }[], workspaceId?: string): Promise<Record<string, string>> {
  const parts = tables.map((t) => {
    const where = workspaceId !== undefined && t.scoped ? sql` where x.workspace_id = ${workspaceId}::uuid` : sql``;
    return sql`select ${t.name}::text as name, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as digest from ${sql.table(t.name)} x${where}`;
  });
  const rows = await sql<{ name: string; digest: string }>`${sql.join(parts, sql` union all `)}`.execute(db);
  return Object.fromEntries(rows.rows.map((r) => [r.name, r.digest]));
}
