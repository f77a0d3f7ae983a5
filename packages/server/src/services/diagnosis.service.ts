import {
  addDays, BUILT_IN_ROLES, diagnose, diagnosisDimension, localDate, nextGate, OWNER_MOVEMENT_DAYS, staleCutoff, type AdoptionTrend, type Diagnosis, type DiagnosisDimension,
  type DiagnosisInput, type Dimension, type ProgramReadiness,
} from '@handoff/core';
import type { Actor, Deps } from '../context.js';
import { notFound } from '../errors.js';
import { activeMonitorsMany, constraintSignalsMany, escalationSignalsMany, NO_CONSTRAINTS, readingValuesSinceMany } from '../db/repos/diagnosis.repo.js';
import { findProgram, type ProgramRow } from '../db/repos/programs.repo.js';
import { readinessMany } from './diagnosis-readiness.js';

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
 * Failure-mode diagnosis (METHOD.md section 1): gathers the signals of programs from live data —
 * readiness per dimension for each one's next gate, vacant governance roles, the constraint library,
 * escalations, monitors and adoption readings — and hands them to the core's pure `diagnose`. One program
 * and many go through the same set-wide reads, so the portfolio brief and a program's diagnosis agree.
 */
export function createDiagnosisService(deps: Deps) {
  const { db } = deps.database;

  /** Diagnoses of `programs` by program id, in a fixed number of queries whatever their number. */
  async function diagnoseMany(actor: Actor, programs: readonly ProgramRow[]): Promise<Map<string, DiagnosisView>> {
    const now = deps.clock.now();
    const today = localDate(now, actor.timeZone);
    const ws = actor.workspaceId;
    const ids = programs.map((p) => p.id);
    const [readiness, constraints, escalations, monitors] = await Promise.all([
      readinessMany(db, ws, programs.map((p) => ({ program: p, gate: nextGate(p.phase) ?? p.phase })), now),
      constraintSignalsMany(db, ws, ids, today, new Date(staleCutoff(now.toISOString())), new Date(now.getTime() - OWNER_MOVEMENT_DAYS * DAY_MS)),
      escalationSignalsMany(db, ws, ids),
      activeMonitorsMany(db, ws, ids),
    ]);
    const since = new Date(Date.parse(`${addDays(today, -ADOPTION_WINDOW_DAYS)}T00:00:00Z`));
    // The first active monitor of each adoption metric per program (by key), as one program's read takes it.
    const adoption = new Map<string, string>();
    for (const m of monitors) {
      if (m.metric === 'ai-share' || m.metric === 'legacy-fallback') {
        const slot = `${m.program_id}/${m.metric}`;
        if (!adoption.has(slot)) adoption.set(slot, m.id);
      }
    }
    const readings = await readingValuesSinceMany(db, [...adoption.values()], since);
    const valuesOf = (programId: string, metric: string): number[] => readings.get(adoption.get(`${programId}/${metric}`) ?? '') ?? [];
    const views = new Map<string, DiagnosisView>();
    for (const program of programs) {
      const state = readiness.get(program.id);
      if (!state) throw new Error(`readiness of ${program.key} not loaded`);
      const mine = monitors.filter((m) => m.program_id === program.id);
      const vacantSet = new Set(state.vacantRoles);
      const breaching = mine.filter((m) => m.state === 'breach');
      const input: DiagnosisInput = {
        program: { key: program.key, phase: program.phase, hasSponsor: program.sponsor_id !== null },
        readiness: readinessOf(state.assessed, state.readiness),
        roles: { required: BUILT_IN_ROLES.length + state.requiredCustomRoles, vacant: state.vacantRoles },
        constraints: constraints.get(program.id) ?? NO_CONSTRAINTS,
        escalations: escalations.get(program.id) ?? { levelsFired: 0, boardLevel: 0, acknowledged: 0 },
        monitors: {
          total: mine.length,
          governance: mine.filter((m) => GOVERNANCE_METRICS.has(m.metric)).length,
          inBreach: breaching.length,
          unownedBreaches: breaching.filter((m) => vacantSet.has(m.owner_role)).length,
          aiShare: trend(valuesOf(program.id, 'ai-share')),
          legacyFallback: valuesOf(program.id, 'legacy-fallback').at(-1) ?? null,
        },
      };
      views.set(program.id, { program, asOf: now, input, diagnosis: diagnose(input) });
    }
    return views;
  }

  return {
    async diagnose(actor: Actor, idOrKey: string): Promise<DiagnosisView> {
      const program = await findProgram(db, actor.workspaceId, idOrKey);
      if (!program) throw notFound('program', idOrKey);
      const view = (await diagnoseMany(actor, [program])).get(program.id);
      if (!view) throw notFound('program', idOrKey);
      return view;
    },
    diagnoseMany,
  };
}

/** Never assessed: no readiness-based finding at all (missing data is not evidence). */
function readinessOf(assessed: boolean, readiness: ProgramReadiness): DiagnosisInput['readiness'] {
  if (!assessed) return null;
  const dimension = (name: Dimension): DiagnosisDimension => {
    const found = readiness.dimensions.find((d) => d.dimension === name);
    return found ? diagnosisDimension(found) : { score: 0, met: false, assessed: 0, applicable: 0 };
  };
  return { technical: dimension('technical'), governance: dimension('governance'), workforce: dimension('workforce'), economic: dimension('economic') };
}

function trend(values: readonly number[]): AdoptionTrend | null {
  const first = values[0];
  const last = values.at(-1);
  return first === undefined || last === undefined ? null : { first, last, count: values.length };
}
