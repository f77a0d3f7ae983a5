import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { CalendarFeedsTable, DB } from '../schema.js';

export type CalendarFeedRow = Selectable<CalendarFeedsTable>;

/** The subject of a feed: which column holds its id. */
export type FeedSubject = { readonly scope: 'person'; readonly personId: string } | { readonly scope: 'program'; readonly programId: string };

/** The subject of a stored feed (the table's CHECK guarantees exactly one of the two columns is set). */
export function storedSubject(row: CalendarFeedRow): FeedSubject {
  if (row.person_id !== null) return { scope: 'person', personId: row.person_id };
  if (row.program_id !== null) return { scope: 'program', programId: row.program_id };
  throw new Error(`calendar feed ${row.id} has neither a person nor a program`);
}

export function insertCalendarFeed(db: Kysely<DB>, row: Insertable<CalendarFeedsTable>): Promise<CalendarFeedRow> {
  return db.insertInto('calendar_feeds').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Feeds of one subject, oldest first (keyset on created_at, id), revoked ones included. */
export function listCalendarFeeds(
  db: Kysely<DB>,
  workspaceId: string,
  subject: FeedSubject,
  page: { after?: readonly [string, string]; limit: number },
): Promise<CalendarFeedRow[]> {
  let q = db.selectFrom('calendar_feeds').selectAll().where('workspace_id', '=', workspaceId);
  q = subject.scope === 'person' ? q.where('person_id', '=', subject.personId) : q.where('program_id', '=', subject.programId);
  if (page.after) {
    const [createdAt, id] = page.after;
    q = q.where((eb) => eb(eb.refTuple('created_at', 'id'), '>', eb.tuple(new Date(createdAt), id)));
  }
  return q.orderBy('created_at').orderBy('id').limit(page.limit).execute();
}

/**
 * Revokes a feed of the workspace in one statement; revoking again keeps the first revocation time.
 * Undefined when the workspace has no such feed.
 */
export function revokeCalendarFeed(db: Kysely<DB>, workspaceId: string, id: string, at: Date): Promise<CalendarFeedRow | undefined> {
  return db
    .updateTable('calendar_feeds')
    .set((eb) => ({ revoked_at: eb.fn.coalesce('revoked_at', eb.val(at)) }))
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/** A live feed found by its token hash, with what its calendar header needs. */
export interface FeedInUse extends CalendarFeedRow {
  time_zone: string;
  person_name: string | null;
  program_key: string | null;
  program_name: string | null;
}

/**
 * Finds the live (unrevoked) feed with this token hash and records the fetch, in one statement.
 * Undefined for an unknown or revoked token.
 */
export function useCalendarFeed(db: Kysely<DB>, tokenHash: string, at: Date): Promise<FeedInUse | undefined> {
  return db
    .updateTable('calendar_feeds as f')
    .from('workspaces as w')
    .set({ last_used_at: at })
    .whereRef('w.id', '=', 'f.workspace_id')
    .where('f.token_hash', '=', tokenHash)
    .where('f.revoked_at', 'is', null)
    .returningAll('f')
    .returning((eb) => [
      'w.time_zone',
      eb.selectFrom('people as s').select('s.name').whereRef('s.id', '=', 'f.person_id').as('person_name'),
      eb.selectFrom('programs as s').select('s.key').whereRef('s.id', '=', 'f.program_id').as('program_key'),
      eb.selectFrom('programs as s').select('s.name').whereRef('s.id', '=', 'f.program_id').as('program_name'),
    ])
    .executeTakeFirst();
}

/**
 * One dated item of a feed: an active constraint's deadline or a pending decision's due date. Columns
 * that do not apply to the kind are null (or empty).
 */
export interface FeedEventRow {
  kind: 'constraint' | 'decision';
  id: string;
  /** Constraint ref (`CLAIMS-12`), or for a decision the ref of the constraint it is about (else null). */
  ref: string | null;
  program_key: string;
  program_name: string;
  title: string;
  /** Deadline or due date, YYYY-MM-DD. */
  due: string;
  status: string;
  severity: string | null;
  owner_name: string | null;
  owner_email: string | null;
  sponsor_name: string | null;
  blocks_gate: string | null;
  /** Refs of the active constraints that depend on this one, sorted. */
  blocks: string[];
  recommendation: string | null;
  /**
   * iCalendar SEQUENCE: for a constraint, how often its deadline moved (history rows of field
   * `deadline` with a before value); for a decision, its version minus one.
   */
  sequence: number;
}

/**
 * Every dated item of a feed's subject in one query (a UNION ALL; sequences and dependents are
 * correlated subqueries on indexed columns, not a query per item), by due date then kind and id.
 */
export function listFeedEvents(db: Kysely<DB>, workspaceId: string, subject: FeedSubject): Promise<FeedEventRow[]> {
  let constraints = db
    .selectFrom('constraints as c')
    .innerJoin('programs as p', 'p.id', 'c.program_id')
    .innerJoin('people as o', 'o.id', 'c.owner_id')
    .select([
      sql<FeedEventRow['kind']>`'constraint'`.as('kind'),
      'c.id',
      sql<string | null>`p.key || '-' || c.number`.as('ref'),
      'p.key as program_key',
      'p.name as program_name',
      'c.title',
      sql<string>`c.deadline`.as('due'),
      sql<string>`c.status`.as('status'),
      sql<string | null>`c.severity`.as('severity'),
      sql<string | null>`o.name`.as('owner_name'),
      sql<string | null>`o.email`.as('owner_email'),
      sql<string | null>`null`.as('sponsor_name'),
      sql<string | null>`c.blocks_gate`.as('blocks_gate'),
      sql<string[]>`coalesce((select array_agg(dp.key || '-' || dc.number order by dp.key, dc.number)
        from constraint_dependencies d
        join constraints dc on dc.id = d.constraint_id
        join programs dp on dp.id = dc.program_id
        where d.depends_on_id = c.id and dc.status in ('open', 'in_progress')), '{}'::text[])`.as('blocks'),
      sql<string | null>`null`.as('recommendation'),
      sql<number>`(select count(*)::int from history h
        where h.workspace_id = c.workspace_id and h.entity_type = 'constraint' and h.entity_id = c.id
          and h.field = 'deadline' and h.before is not null and h.before <> 'null'::jsonb)`.as('sequence'),
    ])
    .where('c.workspace_id', '=', workspaceId)
    .where('c.status', 'in', ['open', 'in_progress']);
  let decisions = db
    .selectFrom('decisions as d')
    .innerJoin('programs as p', 'p.id', 'd.program_id')
    .leftJoin('people as s', 's.id', 'p.sponsor_id')
    .leftJoin('constraints as dc', 'dc.id', 'd.constraint_id')
    .select([
      sql<FeedEventRow['kind']>`'decision'`.as('kind'),
      'd.id',
      sql<string | null>`case when dc.id is null then null else p.key || '-' || dc.number end`.as('ref'),
      'p.key as program_key',
      'p.name as program_name',
      'd.title',
      sql<string>`d.due_date`.as('due'),
      sql<string>`d.status`.as('status'),
      sql<string | null>`null`.as('severity'),
      sql<string | null>`null`.as('owner_name'),
      sql<string | null>`null`.as('owner_email'),
      sql<string | null>`s.name`.as('sponsor_name'),
      sql<string | null>`null`.as('blocks_gate'),
      sql<string[]>`'{}'::text[]`.as('blocks'),
      sql<string | null>`d.recommendation`.as('recommendation'),
      sql<number>`greatest(d.version - 1, 0)`.as('sequence'),
    ])
    .where('d.workspace_id', '=', workspaceId)
    .where('d.status', '=', 'pending');
  if (subject.scope === 'program') {
    constraints = constraints.where('c.program_id', '=', subject.programId);
    decisions = decisions.where('d.program_id', '=', subject.programId);
  } else {
    const { personId } = subject;
    constraints = constraints.where('c.owner_id', '=', personId);
    // A person's decisions: those of the programs they sponsor, or every one when they sit on the board.
    decisions = decisions.where((eb) => eb.or([
      eb('p.sponsor_id', '=', personId),
      eb.exists(eb.selectFrom('people as b').select('b.id')
        .where('b.workspace_id', '=', workspaceId).where('b.id', '=', personId).where('b.board_member', '=', true)),
    ]));
  }
  return db
    .selectFrom(constraints.unionAll(decisions).as('e'))
    .selectAll('e')
    .orderBy('e.due')
    .orderBy('e.kind')
    .orderBy('e.id')
    .execute();
}
