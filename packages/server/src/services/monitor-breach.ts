import { addDays, breachTitle, localDate, transition, withUnit, type FieldChange, type MonitorState } from '@handoff/core';
import type { Kysely } from 'kysely';
import type { Actor, Deps } from '../context.js';
import { updateConstraint, type ConstraintRow } from '../db/repos/constraints.repo.js';
import { appendHistory } from '../db/repos/history.repo.js';
import { findMonitorConstraint, setMonitorState, type MonitorRow } from '../db/repos/monitors.repo.js';
import { findRoleHolder } from '../db/repos/program-roles.repo.js';
import { findProgram } from '../db/repos/programs.repo.js';
import type { DB } from '../db/schema.js';
import type { createConstraintsService } from './constraints.service.js';

/** What moved a monitor: the mean of its window of readings, or an Alertmanager alert. */
export type BreachCause =
  | { readonly kind: 'readings'; readonly mean: number | null; readonly count: number }
  | { readonly kind: 'alert'; readonly alertname: string; readonly value: number | null; readonly since: Date };

/** The constraint operations a breach needs: open one, or change one, inside the caller's transaction. */
export type BreachConstraints = Pick<ReturnType<typeof createConstraintsService>, 'createIn' | 'updateIn'>;

/**
 * A monitor's state changes and what they do to its one risk constraint (core `transition`): a breach opens
 * it (owned by the holder of the monitor's owner role; the sponsor when that role is vacant; nobody, and
 * the monitor then shows `unownedBreach`, when both are), re-opens it when closed, or notes the breach in
 * its history while active. A recovery stamps `recovered_at` and leaves the constraint open: the metric
 * coming back is not proof the cause is fixed, so closing it stays the owner's call.
 */
export function createBreachHandler(deps: Deps, constraints: BreachConstraints) {
  async function ownerOf(trx: Kysely<DB>, actor: Actor, monitor: MonitorRow): Promise<{ id: string; viaSponsor: boolean } | null> {
    const holder = await findRoleHolder(trx, actor.workspaceId, monitor.program_id, monitor.owner_role);
    if (holder) return { id: holder.id, viaSponsor: false };
    const program = await findProgram(trx, actor.workspaceId, monitor.program_id);
    return program?.sponsor_id ? { id: program.sponsor_id, viaSponsor: true } : null;
  }

  async function record(trx: Kysely<DB>, actor: Actor, constraintId: string, changes: FieldChange[], reason: string, at: Date): Promise<void> {
    await appendHistory(trx, { workspaceId: actor.workspaceId, entityType: 'constraint', entityId: constraintId, changeId: deps.newId(), changes, reason, actor: actor.label, at });
  }

  function valueOf(cause: BreachCause): number | null {
    return cause.kind === 'readings' ? cause.mean : cause.value;
  }

  function causeText(monitor: MonitorRow, cause: BreachCause, at: Date): string {
    const threshold = withUnit(monitor.breach_threshold, monitor.unit);
    const side = monitor.direction === 'above' ? 'at or above' : 'at or below';
    if (cause.kind === 'readings') {
      const mean = cause.mean === null ? 'unknown' : withUnit(cause.mean, monitor.unit);
      return `the mean of ${cause.count} reading(s) in the ${monitor.window_minutes} minutes to ${at.toISOString()} was ${mean}, ${side} the breach threshold ${threshold}`;
    }
    const value = cause.value === null ? '' : ` with value ${withUnit(cause.value, monitor.unit)}`;
    return `Alertmanager alert ${cause.alertname || '(unnamed)'} firing since ${cause.since.toISOString()}${value} (breach threshold ${threshold})`;
  }

  async function open(trx: Kysely<DB>, actor: Actor, monitor: MonitorRow, cause: BreachCause, at: Date, now: Date): Promise<void> {
    const owner = await ownerOf(trx, actor, monitor);
    if (!owner) return; // Recorded on the monitor (state breach, no constraint): presented as unownedBreach.
    const vacancy = owner.viaSponsor
      ? `\n\nThe ${monitor.owner_role} role of this program is vacant, so the program's sponsor owns this until someone holds it.`
      : '';
    await constraints.createIn(trx, actor, monitor.program_id, {
      title: breachTitle(monitor.name, monitor.unit, monitor.breach_threshold, valueOf(cause)),
      description: `Monitor ${monitor.key} (${monitor.metric}) breached: ${causeText(monitor, cause, at)}.${vacancy}\n\n` +
        'Recovery is recorded here when the monitor comes back within its threshold; the constraint stays open until its owner resolves the cause.',
      kind: 'risk', dimension: monitor.dimension, ownerId: owner.id, deadline: deadlineOf(actor, monitor, now),
      status: 'open', severity: monitor.severity, dependsOn: [],
    }, { monitorId: monitor.id });
  }

  /** The breach day (workspace-local, the day Handoff learns of it) plus the monitor's deadline days. */
  function deadlineOf(actor: Actor, monitor: MonitorRow, now: Date): string {
    return addDays(localDate(now, actor.timeZone), monitor.deadline_days);
  }

  async function clearRecovery(trx: Kysely<DB>, actor: Actor, c: ConstraintRow, reason: string, now: Date): Promise<ConstraintRow> {
    if (c.recovered_at === null) return c;
    const updated = await updateConstraint(trx, actor.workspaceId, c.id, { recovered_at: null, updated_at: now });
    await record(trx, actor, c.id, [{ field: 'recoveredAt', before: c.recovered_at.toISOString(), after: null }], reason, now);
    return updated;
  }

  async function reopen(trx: Kysely<DB>, actor: Actor, monitor: MonitorRow, c: ConstraintRow, cause: BreachCause, now: Date): Promise<void> {
    const current = await clearRecovery(trx, actor, c, 'breached again', now);
    const owner = await ownerOf(trx, actor, monitor);
    await constraints.updateIn(trx, actor, current, {
      status: 'open', deadline: deadlineOf(actor, monitor, now),
      title: breachTitle(monitor.name, monitor.unit, monitor.breach_threshold, valueOf(cause)),
      ...(owner && owner.id !== current.owner_id ? { ownerId: owner.id } : {}),
      reason: 'breached again',
    }, now);
  }

  async function note(trx: Kysely<DB>, actor: Actor, monitor: MonitorRow, c: ConstraintRow, cause: BreachCause, at: Date, now: Date): Promise<void> {
    const reason = `breached again while open: ${causeText(monitor, cause, at)}`;
    await record(trx, actor, c.id, [{ field: 'breach', before: null, after: valueOf(cause) }], reason, now);
    await clearRecovery(trx, actor, c, 'breached again', now);
  }

  async function recover(trx: Kysely<DB>, actor: Actor, monitor: MonitorRow, c: ConstraintRow, cause: BreachCause, at: Date, now: Date): Promise<void> {
    await updateConstraint(trx, actor.workspaceId, c.id, { recovered_at: at, updated_at: now });
    const why = cause.kind === 'alert'
      ? `Alertmanager alert ${cause.alertname || '(unnamed)'} resolved`
      : `${monitor.key} back within its breach threshold (mean ${cause.mean === null ? 'unknown' : withUnit(cause.mean, monitor.unit)})`;
    await record(trx, actor, c.id, [{ field: 'recoveredAt', before: c.recovered_at ? c.recovered_at.toISOString() : null, after: at.toISOString() }],
      `${why}; the constraint stays open until its owner resolves the cause`, now);
  }

  return {
    /**
     * Moves `monitor` (locked by the caller) to `next` as of instant `at`, and applies the transition to its
     * risk constraint. `now` dates the writes.
     */
    async applyState(trx: Kysely<DB>, actor: Actor, monitor: MonitorRow, next: MonitorState, at: Date, cause: BreachCause, now: Date): Promise<void> {
      if (monitor.state !== next) await setMonitorState(trx, monitor.id, { state: next, state_since: at });
      const constraint = await findMonitorConstraint(trx, monitor.id, true);
      const step = transition(monitor.state, next, constraint?.status ?? null);
      if (step.kind === 'open') await open(trx, actor, monitor, cause, at, now);
      else if (constraint && step.kind === 'reopen') await reopen(trx, actor, monitor, constraint, cause, now);
      else if (constraint && step.kind === 'note-breach') await note(trx, actor, monitor, constraint, cause, at, now);
      else if (constraint && step.kind === 'recover') await recover(trx, actor, monitor, constraint, cause, at, now);
    },
  };
}
