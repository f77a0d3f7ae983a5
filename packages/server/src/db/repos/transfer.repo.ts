import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type {
  ConstraintDependenciesTable, ConstraintsTable, DB, HistoryTable, PeopleTable, ProgramsTable,
} from '../schema.js';
import type { ConstraintRow } from './constraints.repo.js';
import type { HistoryRow } from './history.repo.js';
import type { PersonRow } from './people.repo.js';
import type { ProgramRow } from './programs.repo.js';
import type { WorkspaceRow } from './workspaces.repo.js';

/** Every stored row of one workspace, each list in a deterministic order (ids; history by sequence). */
export interface WorkspaceRows {
  workspace: WorkspaceRow;
  people: PersonRow[];
  programs: ProgramRow[];
  constraints: ConstraintRow[];
  dependencies: Selectable<ConstraintDependenciesTable>[];
  history: HistoryRow[];
}

/** Reads a whole workspace. Run it in a transaction so the lists are one consistent snapshot. */
export async function readWorkspaceRows(db: Kysely<DB>, workspaceId: string): Promise<WorkspaceRows | undefined> {
  const workspace = await db.selectFrom('workspaces').selectAll().where('id', '=', workspaceId).executeTakeFirst();
  if (!workspace) return undefined;
  const people = await db.selectFrom('people').selectAll().where('workspace_id', '=', workspaceId).orderBy('id').execute();
  const programs = await db.selectFrom('programs').selectAll().where('workspace_id', '=', workspaceId).orderBy('id').execute();
  const constraints = await db.selectFrom('constraints').selectAll().where('workspace_id', '=', workspaceId).orderBy('id').execute();
  const dependencies = await db
    .selectFrom('constraint_dependencies')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('constraint_id')
    .orderBy('depends_on_id')
    .execute();
  const history = await db.selectFrom('history').selectAll().where('workspace_id', '=', workspaceId).orderBy('id').execute();
  return { workspace, people, programs, constraints, dependencies, history };
}

/** How many rows of each kind the workspace holds (an import needs all of them at zero). */
export async function countWorkspaceRows(db: Kysely<DB>, workspaceId: string): Promise<Record<'people' | 'programs' | 'constraints' | 'history', number>> {
  const count = async (table: 'people' | 'programs' | 'constraints' | 'history'): Promise<number> => {
    const row = await db
      .selectFrom(table)
      .select(sql<number>`count(*)::int`.as('n'))
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  return { people: await count('people'), programs: await count('programs'), constraints: await count('constraints'), history: await count('history') };
}

/** Locks the workspace row until the transaction ends, so two imports cannot interleave. */
export async function lockWorkspace(db: Kysely<DB>, workspaceId: string): Promise<void> {
  await db.selectFrom('workspaces').select('id').where('id', '=', workspaceId).forUpdate().execute();
}

export async function setWorkspaceSettings(db: Kysely<DB>, workspaceId: string, name: string, timeZone: string, at: Date): Promise<void> {
  await db
    .updateTable('workspaces')
    .set((eb) => ({ name, time_zone: timeZone, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', workspaceId)
    .execute();
}

/** History sequence numbers among `ids` already used (by any workspace: the sequence is global). */
export async function takenHistoryIds(db: Kysely<DB>, ids: readonly number[]): Promise<number[]> {
  const taken: number[] = [];
  for (const chunk of chunks(ids, 1000)) {
    const rows = await db.selectFrom('history').select('id').where('id', 'in', chunk).execute();
    taken.push(...rows.map((r) => Number(r.id)));
  }
  return taken;
}

/** The rows of a workspace to insert, parents before children. */
export interface WorkspaceInserts {
  people: Insertable<PeopleTable>[];
  programs: Insertable<ProgramsTable>[];
  constraints: Insertable<ConstraintsTable>[];
  dependencies: Insertable<ConstraintDependenciesTable>[];
  history: Insertable<HistoryTable>[];
}

/**
 * Inserts restored rows with their own ids, then moves the history sequence past the largest id so
 * later writes do not collide with restored entries.
 */
export async function insertWorkspaceRows(db: Kysely<DB>, rows: WorkspaceInserts): Promise<void> {
  // 200 rows × at most 18 columns stays far below PostgreSQL's 65 535 bind parameters per statement.
  for (const chunk of chunks(rows.people, 200)) await db.insertInto('people').values(chunk).execute();
  for (const chunk of chunks(rows.programs, 200)) await db.insertInto('programs').values(chunk).execute();
  for (const chunk of chunks(rows.constraints, 200)) await db.insertInto('constraints').values(chunk).execute();
  for (const chunk of chunks(rows.dependencies, 200)) await db.insertInto('constraint_dependencies').values(chunk).execute();
  for (const chunk of chunks(rows.history, 200)) await db.insertInto('history').values(chunk).execute();
  if (rows.history.length > 0) {
    await sql`select setval(pg_get_serial_sequence('history', 'id'), (select max(id) from history))`.execute(db);
  }
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
