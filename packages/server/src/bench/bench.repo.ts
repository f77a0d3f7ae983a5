import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { insertConstraintRows } from '../db/repos/import.repo.js';
import type { BenchPortfolio } from './bench-generator.js';

/**
 * The bench's only SQL: loading a generated portfolio in bulk. Rows go in as one array per column through
 * `INSERT … SELECT FROM unnest(…)` (the import repo's technique; constraints use its insert), so 100,000
 * constraints take a few dozen statements. The caller passes a transaction.
 */

type Param = string | number | null;
type Column<T> = readonly [keyof T & string, string];
const ROWS_PER_STATEMENT = 10_000;

/** Inserts people, programs, gate plans, constraints and dependencies, in foreign-key order. */
export async function insertPortfolio(db: Kysely<DB>, portfolio: BenchPortfolio): Promise<void> {
  await insertColumns(db, 'people', [
    ['id', 'uuid'], ['workspace_id', 'uuid'], ['name', 'text'], ['email', 'text'], ['title', 'text'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
  ], portfolio.people);
  await insertColumns(db, 'programs', [
    ['id', 'uuid'], ['workspace_id', 'uuid'], ['key', 'text'], ['name', 'text'], ['description', 'text'], ['business_unit', 'text'],
    ['phase', 'text'], ['sponsor_id', 'uuid'], ['target_production_date', 'date'], ['risk_class', 'text'], ['next_constraint_number', 'int4'],
    ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
  ], portfolio.programs);
  await insertColumns(db, 'gate_plans', [
    ['workspace_id', 'uuid'], ['program_id', 'uuid'], ['gate', 'text'], ['planned_date', 'date'], ['updated_at', 'timestamptz'],
  ], portfolio.plans);
  await insertConstraintRows(db, portfolio.constraints);
  await insertColumns(db, 'constraint_dependencies', [
    ['workspace_id', 'uuid'], ['constraint_id', 'uuid'], ['depends_on_id', 'uuid'],
  ], portfolio.dependencies);
  // Fresh statistics, so that both engines plan the measured queries for the data as loaded.
  await sql`analyze`.execute(db);
}

async function insertColumns<T extends object>(
  db: Kysely<DB>, table: 'people' | 'programs' | 'gate_plans' | 'constraint_dependencies', columns: readonly Column<T>[], rows: readonly T[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
    // Column types are the constants above, never input: safe to splice in raw.
    const arrays = columns.map(([name, type]) => sql`${chunk.map((r) => asParam(r[name]))}::${sql.raw(type)}[]`);
    await sql`insert into ${sql.table(table)} (${sql.join(columns.map(([name]) => sql.ref(name)))})
      select * from unnest(${sql.join(arrays)})`.execute(db);
  }
}

function asParam(value: unknown): Param {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string' || typeof value === 'number') return value;
  return null;
}
