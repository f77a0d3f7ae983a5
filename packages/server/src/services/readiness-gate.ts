import { actingAsSelf } from './acting-as-self.js';
import { describeUnmet, phaseIndex, unmetReasons, type FieldChange, type Phase } from '@handoff/core';
import type { Kysely } from 'kysely';
import type { Actor, Deps } from '../context.js';
import { HandoffError, invalidField } from '../errors.js';
import type { DB } from '../db/schema.js';
import { insertGateOverride } from '../db/repos/gate-overrides.repo.js';
import { findPerson } from '../db/repos/people.repo.js';
import type { ProgramRow } from '../db/repos/programs.repo.js';
import { loadReadiness } from './readiness-state.js';

/** An executive's decision to let a phase change through with the gate closed. */
export interface GateOverrideInput {
  readonly decidedBy: string;
  readonly reason: string;
}

export { actingAsSelf } from './acting-as-self.js';

/** Who may override a program's closed gate: its sponsor or a board member (the executives who own the outcome). */
export function mayOverrideGate(program: { readonly sponsor_id: string | null }, person: { readonly id: string; readonly board_member: boolean }): boolean {
  return person.id === program.sponsor_id || person.board_member;
}

/** What an override adds to the phase change's history entry: a field naming what was unmet, and the reason. */
export interface GateOverrideRecord {
  readonly change: FieldChange;
  readonly reason: string;
}

/**
 * The gate on a phase change (METHOD.md section 2), inside the caller's transaction. Moving back, or not
 * at all, needs nothing. Moving forward needs the program's readiness for the new phase met in all four
 * dimensions as of now; otherwise it is refused (409 gate-closed naming each unmet dimension, its criteria
 * and vacant roles) unless `override` names an executive of the program (its sponsor or a board member;
 * anyone else: 403) and a reason. An override is stored with what was unmet, and returned for the
 * program's history. A signed-in person can only name themself as the overrider (see `actingAsSelf`).
 */
export async function enforceGate(
  deps: Deps,
  trx: Kysely<DB>,
  actor: Actor,
  program: ProgramRow,
  toPhase: Phase,
  override: GateOverrideInput | undefined,
): Promise<GateOverrideRecord | null> {
  if (phaseIndex(toPhase) <= phaseIndex(program.phase)) return null;
  const now = deps.clock.now();
  const { readiness } = await loadReadiness(trx, actor.workspaceId, program, toPhase, now, true);
  if (readiness.gateOpen) return null;
  const lines = describeUnmet(readiness.unmet);
  if (!override) {
    throw new HandoffError(
      'gate-closed',
      `${program.key} cannot move to ${toPhase}: the gate opens when all four dimensions are met, and ${lines.join('; and ')}. ` +
        'Assess the criteria with evidence, or send an executive override with a reason.',
      readiness.unmet.map((u) => ({ path: `readiness.${u.dimension}`, message: `is not met: ${unmetReasons(u)}` })),
    );
  }
  actingAsSelf(actor, override.decidedBy, 'override.decidedBy');
  const decider = await findPerson(trx, actor.workspaceId, override.decidedBy);
  if (!decider) throw invalidField('override.decidedBy', `person ${override.decidedBy} does not exist in this workspace`);
  if (!mayOverrideGate(program, decider)) {
    throw new HandoffError('forbidden', `${decider.name} cannot override the ${toPhase} gate: only the program's sponsor or a board member can`,
      [{ path: 'override.decidedBy', message: "is neither the program's sponsor nor a board member" }]);
  }
  await insertGateOverride(trx, {
    id: deps.newId(), workspace_id: actor.workspaceId, program_id: program.id, from_phase: program.phase, to_phase: toPhase,
    decided_by: decider.id, reason: override.reason, unmet: JSON.stringify(readiness.unmet), created_at: now,
  });
  return { change: { field: 'gateOverride', before: null, after: [`decided by ${decider.name} <${decider.email}>`, ...lines] }, reason: override.reason };
}
