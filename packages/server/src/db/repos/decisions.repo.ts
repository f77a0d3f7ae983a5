import type { Insertable, Kysely, Selectable } from 'kysely';
import type { DB, DecisionsTable } from '../schema.js';

export type DecisionRow = Selectable<DecisionsTable>;

/** A decision with its program key, constraint ref and decider, for presenting. */
export interface DecisionView extends DecisionRow {
  program_key: string;
  constraint_number: number | null;
  decider_name: string | null;
  decider_email: string | null;
}

/**
 * Creates a decision request raised by escalation, at most one per constraint and cycle; returns
 * false when that cycle already raised one.
 */
export async function insertEscalationDecision(db: Kysely<DB>, row: Insertable<DecisionsTable> & { escalation_cycle: number }): Promise<boolean> {
  const inserted = await db
    .insertInto('decisions')
    .values(row)
    .onConflict((oc) => oc.columns(['constraint_id', 'escalation_cycle']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Creates a decision request made by hand. */
export async function insertDecision(db: Kysely<DB>, row: Insertable<DecisionsTable>): Promise<void> {
  await db.insertInto('decisions').values(row).execute();
}

export interface DecisionFilter {
  ids?: readonly string[];
  status?: DecisionRow['status'];
  program?: string;
  /** Only pending decisions waiting for this person: all of them for a board member, else those of programs they sponsor. */
  waitingFor?: string;
  after?: readonly [string, string];
  limit: number;
}

/** Decisions by due date then id. */
export function listDecisionViews(db: Kysely<DB>, workspaceId: string, f: DecisionFilter): Promise<DecisionView[]> {
  let q = db
    .selectFrom('decisions as d')
    .innerJoin('programs as p', 'p.id', 'd.program_id')
    .leftJoin('constraints as c', 'c.id', 'd.constraint_id')
    .leftJoin('people as x', 'x.id', 'd.decided_by')
    .selectAll('d')
    .select(['p.key as program_key', 'c.number as constraint_number', 'x.name as decider_name', 'x.email as decider_email'])
    .where('d.workspace_id', '=', workspaceId);
  if (f.ids) q = q.where('d.id', 'in', f.ids.length > 0 ? [...f.ids] : ['00000000-0000-0000-0000-000000000000']);
  if (f.status) q = q.where('d.status', '=', f.status);
  if (f.program) q = q.where('d.program_id', '=', f.program);
  if (f.waitingFor !== undefined) {
    const person = f.waitingFor;
    q = q.where('d.status', '=', 'pending').where((eb) => eb.or([
      eb('p.sponsor_id', '=', person),
      eb.exists(eb.selectFrom('people as b').select('b.id').where('b.id', '=', person).where('b.workspace_id', '=', workspaceId).where('b.board_member', '=', true)),
    ]));
  }
  if (f.after) {
    const [due, id] = f.after;
    q = q.where((eb) => eb(eb.refTuple('d.due_date', 'd.id'), '>', eb.tuple(due, id)));
  }
  return q.orderBy('d.due_date').orderBy('d.id').limit(f.limit).execute();
}

export function findDecision(db: Kysely<DB>, workspaceId: string, id: string, forUpdate = false): Promise<DecisionRow | undefined> {
  let q = db.selectFrom('decisions').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** Marks a decision taken, with what it changed (`effect`: JSON text, or null when it changed nothing). */
export async function recordDecision(db: Kysely<DB>, id: string, outcome: string, decidedBy: string, effect: string | null, now: Date): Promise<void> {
  await db
    .updateTable('decisions')
    .set((eb) => ({ status: 'decided', outcome, decided_by: decidedBy, decided_at: now, effect, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}
