import { localDate, nextGate } from '@handoff/core';
import type { Kysely } from 'kysely';
import type { Actor } from '../context.js';
import { listConstraintViews } from '../db/repos/constraints.repo.js';
import { listDecisionViews } from '../db/repos/decisions.repo.js';
import { allCriteria } from '../db/repos/criteria.repo.js';
import { latestStatusesMany, programsWithCostModel, roleHoldingsMany } from '../db/repos/diagnosis-readiness.repo.js';
import {
  activeMonitors, activeMonitorsMany, constraintSignals, constraintSignalsMany, escalationSignals, escalationSignalsMany,
} from '../db/repos/diagnosis.repo.js';
import { listPolicies } from '../db/repos/escalation-policies.repo.js';
import { listActiveRoles } from '../db/repos/governance-roles.repo.js';
import { listVacantRoles } from '../db/repos/program-roles.repo.js';
import { findProgram, listProgramViews } from '../db/repos/programs.repo.js';
import {
  latenessHistory, listAllTimelinePrograms, listGatePlans, listTimelinePrograms, loadReachingConstraints, loadWorkspaceConstraints,
} from '../db/repos/timeline.repo.js';
import type { DB } from '../db/schema.js';
import { effectivePolicy } from '../services/escalation-policy.js';
import { loadReadiness } from '../services/readiness-state.js';

/**
 * The bare loads the brief measurements compare with: the same reads the brief service makes (its own,
 * the timeline's and the diagnosis's), issued directly, with no computing between them. The portfolio's
 * bare aggregate reads every program's rows in set-wide queries, which is what a brief built from one
 * load of the portfolio would cost.
 */

const MAX_ROWS = 10_000;
const DAY_MS = 86_400_000;

/** Every read one program's brief makes, straight from the repositories. */
export async function bareProgramBriefLoad(db: Kysely<DB>, actor: Actor, now: Date, key: string): Promise<unknown> {
  const ws = actor.workspaceId;
  const today = localDate(now, actor.timeZone);
  const program = await findProgram(db, ws, key);
  if (!program) throw new Error(`program ${key} not found`);
  const ids = [program.id];
  const gate = nextGate(program.phase) ?? program.phase;
  return Promise.all([
    listProgramViews(db, ws, today, { ids, limit: 1 }),
    listDecisionViews(db, ws, { status: 'pending', program: program.id, limit: MAX_ROWS }),
    listConstraintViews(db, ws, today, { program: program.id, active: true, limit: MAX_ROWS }),
    effectivePolicy(db, ws, program.id),
    listTimelinePrograms(db, ws, ids), loadReachingConstraints(db, ws, ids), listGatePlans(db, ws, ids), latenessHistory(db, ws, actor.timeZone),
    loadReadiness(db, ws, program, gate, now, true), listVacantRoles(db, ws, program.id), listActiveRoles(db, ws),
    constraintSignals(db, ws, program.id, today, new Date(now.getTime() - 14 * DAY_MS), new Date(now.getTime() - 28 * DAY_MS)),
    escalationSignals(db, ws, program.id), activeMonitors(db, ws, program.id),
  ]);
}

/**
 * The portfolio's rows in set-wide reads, the ones the portfolio brief issues: every program view, pending
 * decision, active constraint view and escalation policy, the workspace's timeline graph (programs, active
 * constraints and what they depend on, gate plans, lateness history) and the diagnosis's set-wide reads.
 */
export async function barePortfolioLoad(db: Kysely<DB>, actor: Actor, now: Date): Promise<unknown> {
  const ws = actor.workspaceId;
  const today = localDate(now, actor.timeZone);
  const programs = await listProgramViews(db, ws, today, { limit: MAX_ROWS });
  const ids = programs.map((p) => p.id);
  const timelinePrograms = await listAllTimelinePrograms(db, ws);
  return Promise.all([
    listDecisionViews(db, ws, { status: 'pending', limit: MAX_ROWS }),
    listConstraintViews(db, ws, today, { active: true, limit: 1_000_000 }),
    listPolicies(db, ws),
    loadWorkspaceConstraints(db, ws), listGatePlans(db, ws, timelinePrograms.map((p) => p.id)), latenessHistory(db, ws, actor.timeZone),
    allCriteria(db, ws), latestStatusesMany(db, ws, ids, now), listActiveRoles(db, ws), roleHoldingsMany(db, ws, ids), programsWithCostModel(db, ws, ids),
    constraintSignalsMany(db, ws, ids, today, new Date(now.getTime() - 14 * DAY_MS), new Date(now.getTime() - 28 * DAY_MS)),
    escalationSignalsMany(db, ws, ids), activeMonitorsMany(db, ws, ids),
  ]);
}
