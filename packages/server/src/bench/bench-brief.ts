import { localDate, nextGate } from '@handoff/core';
import type { Kysely } from 'kysely';
import type { Actor } from '../context.js';
import { listConstraintViews } from '../db/repos/constraints.repo.js';
import { listDecisionViews } from '../db/repos/decisions.repo.js';
import { activeMonitors, constraintSignals, escalationSignals } from '../db/repos/diagnosis.repo.js';
import { listActiveRoles } from '../db/repos/governance-roles.repo.js';
import { listVacantRoles } from '../db/repos/program-roles.repo.js';
import { findProgram, listProgramViews } from '../db/repos/programs.repo.js';
import { latenessHistory, listGatePlans, listTimelinePrograms, loadReachingConstraints } from '../db/repos/timeline.repo.js';
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

/** The portfolio's rows in set-wide reads: every program view, pending decision, active constraint, plan and the reach of all programs. */
export async function barePortfolioLoad(db: Kysely<DB>, actor: Actor, now: Date): Promise<unknown> {
  const ws = actor.workspaceId;
  const today = localDate(now, actor.timeZone);
  const programs = await listProgramViews(db, ws, today, { limit: MAX_ROWS });
  const ids = programs.map((p) => p.id);
  return Promise.all([
    listDecisionViews(db, ws, { status: 'pending', limit: MAX_ROWS }),
    listConstraintViews(db, ws, today, { active: true, limit: 200_000 }),
    listTimelinePrograms(db, ws, ids), loadReachingConstraints(db, ws, ids), listGatePlans(db, ws, ids), latenessHistory(db, ws, actor.timeZone),
    listActiveRoles(db, ws),
  ]);
}
