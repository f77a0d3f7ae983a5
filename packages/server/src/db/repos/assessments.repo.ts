import type { Insertable, Kysely } from 'kysely';
import type { AssessmentStatus, ConstraintStatus } from '@handoff/core';
import type { DB, ReadinessAssessmentsTable } from '../schema.js';

/** Appends assessment rows (one batch); rows are never updated or deleted. */
export async function insertAssessments(db: Kysely<DB>, rows: readonly Insertable<ReadinessAssessmentsTable>[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('readiness_assessments').values([...rows]).execute();
}

/** The latest result of one criterion for a program, with its assessor. */
export interface LatestResultRow {
  criterion_id: string;
  status: AssessmentStatus;
  evidence: string;
  /** jsonb string[]; parse before use. */
  links: unknown;
  assessed_at: Date;
  assessor_id: string;
  assessor_name: string;
  assessor_email: string;
}

/**
 * The latest assessment of each criterion of a program at or before `asOf`: the last by
 * (assessed_at, id), the order the append-only table keeps.
 */
export function latestResults(db: Kysely<DB>, workspaceId: string, programId: string, asOf: Date): Promise<LatestResultRow[]> {
  return db
    .selectFrom('readiness_assessments as a')
    .innerJoin('people as p', 'p.id', 'a.assessed_by')
    .distinctOn('a.criterion_id')
    .select([
      'a.criterion_id', 'a.status', 'a.evidence', 'a.links', 'a.assessed_at',
      'p.id as assessor_id', 'p.name as assessor_name', 'p.email as assessor_email',
    ])
    .where('a.workspace_id', '=', workspaceId)
    .where('a.program_id', '=', programId)
    .where('a.assessed_at', '<=', asOf)
    .orderBy('a.criterion_id')
    .orderBy('a.assessed_at', 'desc')
    .orderBy('a.id', 'desc')
    .execute();
}

/** Every assessment row of a program, as the trend replays them: in (assessed_at, id) order. */
export function assessmentRecords(db: Kysely<DB>, workspaceId: string, programId: string) {
  return db
    .selectFrom('readiness_assessments')
    .select(['id', 'criterion_id', 'batch_id', 'status', 'assessed_at'])
    .where('workspace_id', '=', workspaceId)
    .where('program_id', '=', programId)
    .orderBy('assessed_at')
    .orderBy('id')
    .execute();
}

/** A constraint opened from a criterion, as the readiness view lists it. */
export interface LinkedConstraintRow {
  id: string;
  criterion_id: string;
  program_key: string;
  number: number;
  status: ConstraintStatus;
  deadline: string;
  resolved_at: Date | null;
  owner_id: string;
  owner_name: string;
  owner_email: string;
}

/** The constraints of a program opened from a criterion, by ref number. */
export async function linkedConstraints(db: Kysely<DB>, workspaceId: string, programId: string): Promise<LinkedConstraintRow[]> {
  const rows = await db
    .selectFrom('constraints as c')
    .innerJoin('programs as g', 'g.id', 'c.program_id')
    .innerJoin('people as o', 'o.id', 'c.owner_id')
    .select([
      'c.id', 'c.criterion_id', 'g.key as program_key', 'c.number', 'c.status', 'c.deadline', 'c.resolved_at',
      'o.id as owner_id', 'o.name as owner_name', 'o.email as owner_email',
    ])
    .where('c.workspace_id', '=', workspaceId)
    .where('c.program_id', '=', programId)
    .where('c.criterion_id', 'is not', null)
    .orderBy('c.number')
    .execute();
  return rows.flatMap((r) => (r.criterion_id === null ? [] : [{ ...r, criterion_id: r.criterion_id }]));
}

/** Who last assessed a criterion for a program, with the criterion's code; undefined when never assessed. */
export function lastAssessment(db: Kysely<DB>, programId: string, criterionId: string): Promise<{ assessed_by: string; code: string; text: string } | undefined> {
  return db.selectFrom('readiness_assessments as a')
    .innerJoin('readiness_criteria as c', 'c.id', 'a.criterion_id')
    .select(['a.assessed_by', 'c.code', 'c.text'])
    .where('a.program_id', '=', programId).where('a.criterion_id', '=', criterionId)
    .orderBy('a.assessed_at', 'desc').orderBy('a.id', 'desc')
    .limit(1)
    .executeTakeFirst();
}
