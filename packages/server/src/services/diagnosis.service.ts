import {
  addDays, BUILT_IN_ROLES, diagnose, diagnosisDimension, localDate, nextGate, OWNER_MOVEMENT_DAYS, staleCutoff, type AdoptionTrend, type Diagnosis, type DiagnosisDimension,
  type DiagnosisInput, type Dimension,
} from '@handoff/core';
import type { Actor, Deps } from '../context.js';
import { notFound } from '../errors.js';
import { activeMonitors, constraintSignals, escalationSignals, readingValuesSince } from '../db/repos/diagnosis.repo.js';
import { listActiveRoles } from '../db/repos/governance-roles.repo.js';
import { listVacantRoles } from '../db/repos/program-roles.repo.js';
import { findProgram, type ProgramRow } from '../db/repos/programs.repo.js';
import { loadReadiness } from './readiness-state.js';

/** How far back adoption readings are read for the trend: four weeks. */
export const ADOPTION_WINDOW_DAYS = 28;
const DAY_MS = 86_400_000;
/** Metrics that watch the model's behaviour: the diagnosis counts them as governance monitoring. */
const GOVERNANCE_METRICS = new Set(['drift-psi', 'accuracy']);

/** A program's diagnosis with the data it was made from. */
export interface DiagnosisView {
  readonly program: ProgramRow;
  readonly asOf: Date;
  readonly input: DiagnosisInput;
  readonly diagnosis: Diagnosis;
}

/**
 * Failure-mode diagnosis (METHOD.md section 1): gathers the signals of one program from live data —
 * readiness per dimension for its next gate, vacant governance roles, the constraint library, escalations,
 * monitors and adoption readings — and hands them to the core's pure `diagnose`.
 */
export function createDiagnosisService(deps: Deps) {
  const { db } = deps.database;

  return {
    async diagnose(actor: Actor, idOrKey: string): Promise<DiagnosisView> {
      const program = await findProgram(db, actor.workspaceId, idOrKey);
      if (!program) throw notFound('program', idOrKey);
      const input = await gather(actor, program);
      return { program, asOf: deps.clock.now(), input, diagnosis: diagnose(input) };
    },
  };

  async function gather(actor: Actor, program: ProgramRow): Promise<DiagnosisInput> {
    const now = deps.clock.now();
    const today = localDate(now, actor.timeZone);
    const gate = nextGate(program.phase) ?? program.phase;
    const [state, vacant, custom, constraints, escalations, monitors] = await Promise.all([
      loadReadiness(db, actor.workspaceId, program, gate, now, true),
      listVacantRoles(db, actor.workspaceId, program.id),
      listActiveRoles(db, actor.workspaceId),
      constraintSignals(db, actor.workspaceId, program.id, today, new Date(staleCutoff(now.toISOString())), new Date(now.getTime() - OWNER_MOVEMENT_DAYS * DAY_MS)),
      escalationSignals(db, actor.workspaceId, program.id),
      activeMonitors(db, actor.workspaceId, program.id),
    ]);
    const assessed = state.results.size > 0;
    const dimension = (name: Dimension): DiagnosisDimension => {
      const found = state.readiness.dimensions.find((d) => d.dimension === name);
      return found ? diagnosisDimension(found) : { score: 0, met: false, assessed: 0, applicable: 0 };
    };
    // Never assessed: no readiness-based finding at all (missing data is not evidence).
    const readiness = assessed
      ? { technical: dimension('technical'), governance: dimension('governance'), workforce: dimension('workforce'), economic: dimension('economic') }
      : null;
    const since = new Date(Date.parse(`${addDays(today, -ADOPTION_WINDOW_DAYS)}T00:00:00Z`));
    const aiShare = monitors.find((m) => m.metric === 'ai-share');
    const legacy = monitors.find((m) => m.metric === 'legacy-fallback');
    const shareValues = aiShare ? await readingValuesSince(db, aiShare.id, since) : [];
    const legacyValues = legacy ? await readingValuesSince(db, legacy.id, since) : [];
    const vacantSet = new Set(vacant);
    const breaching = monitors.filter((m) => m.state === 'breach');
    return {
      program: { key: program.key, phase: program.phase, hasSponsor: program.sponsor_id !== null },
      readiness,
      roles: { required: BUILT_IN_ROLES.length + custom.filter((r) => r.required).length, vacant },
      constraints,
      escalations,
      monitors: {
        total: monitors.length,
        governance: monitors.filter((m) => GOVERNANCE_METRICS.has(m.metric)).length,
        inBreach: breaching.length,
        unownedBreaches: breaching.filter((m) => vacantSet.has(m.owner_role)).length,
        aiShare: trend(shareValues),
        legacyFallback: legacyValues.at(-1) ?? null,
      },
    };
  }
}

function trend(values: readonly number[]): AdoptionTrend | null {
  const first = values[0];
  const last = values.at(-1);
  return first === undefined || last === undefined ? null : { first, last, count: values.length };
}
