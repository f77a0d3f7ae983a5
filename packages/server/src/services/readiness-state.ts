import { addDays, applicableCriteria, isCalendarDate, phaseIndex, programReadiness, startOfLocalDay, type Phase, type ProgramReadiness } from '@handoff/core';
import { economicGaps } from './economics.service.js';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { latestResults, linkedConstraints, type LatestResultRow, type LinkedConstraintRow } from '../db/repos/assessments.repo.js';
import { allCriteria, type CriterionRow } from '../db/repos/criteria.repo.js';
import { listVacantRoles } from '../db/repos/program-roles.repo.js';
import type { ProgramRow } from '../db/repos/programs.repo.js';

/** Everything the readiness view shows, loaded at one instant: the scored readiness and the rows behind it. */
export interface ReadinessState {
  readonly program: ProgramRow;
  readonly asOf: Date;
  readonly readiness: ProgramReadiness;
  /** The criteria that apply to the gate, by dimension then code. */
  readonly criteria: readonly CriterionRow[];
  readonly results: ReadonlyMap<string, LatestResultRow>;
  readonly constraints: readonly LinkedConstraintRow[];
}

/**
 * The instant a readiness query is as of: an ISO instant as given, a date as the end of that day in the
 * workspace time zone; never later than `now` (nothing can be known about the future).
 */
export function readinessAsOf(at: string | undefined, timeZone: string, now: Date): Date {
  if (at === undefined) return now;
  const instant = isCalendarDate(at) ? startOfLocalDay(addDays(at, 1), timeZone) - 1 : Date.parse(at);
  return new Date(Math.min(instant, now.getTime()));
}

/** The first gate at which the cost model's pilot-economics flag (or its absence) keeps economic readiness unmet. */
export const ECONOMICS_FROM_GATE: Phase = 'production-readiness';

/**
 * Loads and scores a program's readiness for `gate` as of `asOf`: the latest result of each criterion at
 * that instant, criteria retired by then left out. Vacant governance roles and the economics' pilot-economics
 * flag are read only when `asOf` is now (`current`): neither keeps dated state, so a past view judges the
 * criteria alone.
 */
export async function loadReadiness(
  db: Kysely<DB>,
  workspaceId: string,
  program: ProgramRow,
  gate: Phase,
  asOf: Date,
  current: boolean,
): Promise<ReadinessState> {
  // The business case must rest on production economics from the production-readiness gate on (METHOD.md section 2).
  const judgesEconomics = current && phaseIndex(gate) >= phaseIndex(ECONOMICS_FROM_GATE);
  const [criteria, latest, constraints, vacantRoles, economic] = await Promise.all([
    allCriteria(db, workspaceId),
    latestResults(db, workspaceId, program.id, asOf),
    linkedConstraints(db, workspaceId, program.id),
    current ? listVacantRoles(db, workspaceId, program.id) : Promise.resolve([]),
    judgesEconomics ? economicGaps(db, workspaceId, program.id) : Promise.resolve([]),
  ]);
  const results = new Map(latest.map((r) => [r.criterion_id, r]));
  const scored = criteria.map((c) => ({
    id: c.id, code: c.code, dimension: c.dimension, required: c.required, gate: c.gate,
    retired: c.retired_at !== null && c.retired_at.getTime() <= asOf.getTime(),
  }));
  const readiness = programReadiness({
    gate, criteria: scored, results: new Map(latest.map((r) => [r.criterion_id, r.status])), vacantRoles, conditions: { economic },
  });
  const applicable = new Set(applicableCriteria(scored, gate).map((c) => c.id));
  return { program, asOf, readiness, criteria: criteria.filter((c) => applicable.has(c.id)), results, constraints };
}
