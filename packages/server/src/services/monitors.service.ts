import { diffFields, evaluateMonitor, isBuiltInRole, resolvedAt, thresholdProblem, type NormalisedAlert } from '@handoff/core';
import { AlertLabels, type MonitorCreate, type PageQuery, type MonitorListQuery, type MonitorUpdate, type ReadingListQuery, type ReadingsBody } from '@handoff/contract';
import type { Kysely } from 'kysely';
import type { Actor, Deps } from '../context.js';
import { HandoffError, invalidField, notFound } from '../errors.js';
import { decodeCursor, pageFrom } from '../db/paging.js';
import type { DB } from '../db/schema.js';
import { appendHistory, type HistoryRow } from '../db/repos/history.repo.js';
import { createHistoryService } from './history.service.js';
import type { z } from 'zod';
import { otherAlertFiring } from '../db/repos/alert-events.repo.js';
import { findGovernanceRole } from '../db/repos/governance-roles.repo.js';
import {
  findMonitor, insertMonitor, listMonitorViews, lockProgramMonitors, monitorKeyExists, setMonitorState, updateMonitor,
  type MonitorRow, type MonitorView,
} from '../db/repos/monitors.repo.js';
import { findRoleHolder, type RoleHolder } from '../db/repos/program-roles.repo.js';
import { findProgram } from '../db/repos/programs.repo.js';
import { insertReadings, latestReading, listReadings, windowReadings, type ReadingRow } from '../db/repos/readings.repo.js';
import { createBreachHandler, type BreachCause, type BreachConstraints } from './monitor-breach.js';
import { stale } from './people.service.js';
import { inTransaction, versionMatches } from './transaction.js';

/** Monitor settings kept in history, by their API names. */
const MONITOR_SETTINGS = [
  'name', 'metric', 'unit', 'direction', 'warningThreshold', 'breachThreshold', 'windowMinutes', 'ownerRole', 'deadlineDays',
  'severity', 'dimension', 'alertLabels',
] as const;

function monitorSettings(row: MonitorRow) {
  return {
    name: row.name, metric: row.metric, unit: row.unit, direction: row.direction, warningThreshold: row.warning_threshold,
    breachThreshold: row.breach_threshold, windowMinutes: row.window_minutes, ownerRole: row.owner_role, deadlineDays: row.deadline_days,
    severity: row.severity, dimension: row.dimension, alertLabels: Object.entries(AlertLabels.parse(row.alert_labels)).map(([k, v]) => `${k}=${v}`).sort(),
  };
}

/** A monitor as presented: the stored view and who holds its owner role now (null: vacant). */
export interface MonitorDetail {
  readonly view: MonitorView;
  readonly owner: RoleHolder | null;
}

/** How far ahead of the server clock a reading may be dated (clock skew between hosts), in ms. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/** Alert label matchers as stored (jsonb), checked on the way out; anything else reads as no matchers. */
export function labelsOf(stored: unknown): Record<string, string> {
  const parsed = AlertLabels.safeParse(stored);
  return parsed.success ? parsed.data : {};
}

/** Monitored thresholds: configuration, readings, and the state that opens and recovers risk constraints. */
export function createMonitorsService(deps: Deps, constraints: BreachConstraints) {
  const { db } = deps.database;
  const history = createHistoryService(deps);
  const breach = createBreachHandler(deps, constraints);

  async function detailsOf(trx: Kysely<DB>, actor: Actor, views: readonly MonitorView[]): Promise<MonitorDetail[]> {
    return Promise.all(views.map(async (view) => ({ view, owner: (await findRoleHolder(trx, actor.workspaceId, view.program_id, view.owner_role)) ?? null })));
  }

  async function detail(trx: Kysely<DB>, actor: Actor, id: string): Promise<MonitorDetail> {
    const [view] = await listMonitorViews(trx, actor.workspaceId, { ids: [id], limit: 1 });
    if (!view) throw notFound('monitor', id);
    const [one] = await detailsOf(trx, actor, [view]);
    if (!one) throw notFound('monitor', id);
    return one;
  }

  async function assertRole(trx: Kysely<DB>, actor: Actor, key: string): Promise<void> {
    if (isBuiltInRole(key)) return;
    const role = await findGovernanceRole(trx, actor.workspaceId, key);
    if (!role || role.retired_at !== null) throw invalidField('ownerRole', `${key} is not a governance role of this workspace (built-in or added)`);
  }

  function assertThresholds(direction: MonitorRow['direction'], warning: number | null, breachAt: number): void {
    const problem = thresholdProblem(direction, warning, breachAt);
    if (problem) throw invalidField('warningThreshold', problem);
  }

  /** Re-evaluates a monitor at its latest reading and acts on the change of state (nothing without readings). */
  async function evaluateIn(trx: Kysely<DB>, actor: Actor, monitor: MonitorRow, now: Date): Promise<void> {
    const latest = await latestReading(trx, monitor.id);
    if (!latest) return;
    const at = latest.observed_at;
    const window = await windowReadings(trx, monitor.id, new Date(at.getTime() - monitor.window_minutes * 60_000), at);
    const evaluation = evaluateMonitor(
      { direction: monitor.direction, warningThreshold: monitor.warning_threshold, breachThreshold: monitor.breach_threshold, windowMinutes: monitor.window_minutes },
      window.map((r) => ({ observedAt: r.observed_at.getTime(), value: r.value })),
      at.getTime(),
    );
    await setMonitorState(trx, monitor.id, { last_value: latest.value, last_observed_at: at });
    const cause: BreachCause = { kind: 'readings', mean: evaluation.mean, count: evaluation.count };
    await breach.applyState(trx, actor, monitor, evaluation.state, at, cause, now);
  }

  return {
    async create(actor: Actor, programIdOrKey: string, input: MonitorCreate): Promise<MonitorDetail> {
      return inTransaction(db, async (trx) => {
        const program = await findProgram(trx, actor.workspaceId, programIdOrKey, true);
        if (!program) throw notFound('program', programIdOrKey);
        if (await monitorKeyExists(trx, program.id, input.key)) {
          throw new HandoffError('conflict', `program ${program.key} already has a monitor ${input.key}`, [{ path: 'key', message: 'is already used in this program' }]);
        }
        assertThresholds(input.direction, input.warningThreshold, input.breachThreshold);
        await assertRole(trx, actor, input.ownerRole);
        const now = deps.clock.now();
        const row = await insertMonitor(trx, {
          id: deps.newId(), workspace_id: actor.workspaceId, program_id: program.id, key: input.key, name: input.name,
          metric: input.metric, unit: input.unit, direction: input.direction, warning_threshold: input.warningThreshold,
          breach_threshold: input.breachThreshold, window_minutes: input.windowMinutes, owner_role: input.ownerRole,
          deadline_days: input.deadlineDays, severity: input.severity, dimension: input.dimension,
          alert_labels: JSON.stringify(input.alertLabels), state: 'unknown', created_at: now, updated_at: now,
        });
        return detail(trx, actor, row.id);
      });
    },

    async get(actor: Actor, idOrRef: string): Promise<MonitorDetail> {
      const row = await findMonitor(db, actor.workspaceId, idOrRef);
      if (!row) throw notFound('monitor', idOrRef);
      return detail(db, actor, row.id);
    },

    async list(actor: Actor, programIdOrKey: string, query: MonitorListQuery): Promise<{ rows: MonitorDetail[]; nextCursor: string | null }> {
      const program = await findProgram(db, actor.workspaceId, programIdOrKey);
      if (!program) throw notFound('program', programIdOrKey);
      const after = query.cursor ? decodeCursor(query.cursor, 1) : undefined;
      const views = await listMonitorViews(db, actor.workspaceId, {
        program: program.id, retired: query.retired ?? false, ...(after ? { afterKey: String(after[0]) } : {}), limit: query.limit + 1,
      });
      const page = pageFrom(views, query.limit, (v) => [v.key]);
      return { rows: await detailsOf(db, actor, page.rows), nextCursor: page.nextCursor };
    },

    async update(actor: Actor, idOrRef: string, patch: MonitorUpdate, ifMatch: string | undefined): Promise<MonitorDetail> {
      return inTransaction(db, async (trx) => {
        const current = await findMonitor(trx, actor.workspaceId, idOrRef, true);
        if (!current) throw notFound('monitor', idOrRef);
        if (!versionMatches(ifMatch, current.version)) throw stale('monitor', idOrRef, current.version);
        const direction = patch.direction ?? current.direction;
        const warning = patch.warningThreshold !== undefined ? patch.warningThreshold : current.warning_threshold;
        const breachAt = patch.breachThreshold ?? current.breach_threshold;
        assertThresholds(direction, warning, breachAt);
        if (patch.ownerRole !== undefined) await assertRole(trx, actor, patch.ownerRole);
        const now = deps.clock.now();
        const updated = await updateMonitor(trx, actor.workspaceId, current.id, {
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          ...(patch.metric !== undefined ? { metric: patch.metric } : {}),
          ...(patch.unit !== undefined ? { unit: patch.unit } : {}),
          direction, warning_threshold: warning, breach_threshold: breachAt,
          ...(patch.windowMinutes !== undefined ? { window_minutes: patch.windowMinutes } : {}),
          ...(patch.ownerRole !== undefined ? { owner_role: patch.ownerRole } : {}),
          ...(patch.deadlineDays !== undefined ? { deadline_days: patch.deadlineDays } : {}),
          ...(patch.severity !== undefined ? { severity: patch.severity } : {}),
          ...(patch.dimension !== undefined ? { dimension: patch.dimension } : {}),
          ...(patch.alertLabels !== undefined ? { alert_labels: JSON.stringify(patch.alertLabels) } : {}),
          updated_at: now,
        });
        const changes = diffFields(monitorSettings(current), monitorSettings(updated), MONITOR_SETTINGS);
        if (changes.length > 0) {
          await appendHistory(trx, {
            workspaceId: actor.workspaceId, entityType: 'monitor', entityId: current.id, changeId: deps.newId(),
            changes, reason: null, actor: actor.label, at: now,
          });
        }
        // New thresholds or window judge the readings already stored: the state follows at once.
        const rule = ['direction', 'warningThreshold', 'breachThreshold', 'windowMinutes'].some((k) => k in patch);
        if (rule && updated.retired_at === null) await evaluateIn(trx, actor, updated, now);
        return detail(trx, actor, current.id);
      });
    },

    async history(actor: Actor, idOrRef: string, page: z.infer<typeof PageQuery>): Promise<{ rows: HistoryRow[]; nextCursor: string | null }> {
      const row = await findMonitor(db, actor.workspaceId, idOrRef);
      if (!row) throw notFound('monitor', idOrRef);
      return history.page(actor, 'monitor', row.id, page);
    },

    async retire(actor: Actor, idOrRef: string): Promise<MonitorDetail> {
      return inTransaction(db, async (trx) => {
        const current = await findMonitor(trx, actor.workspaceId, idOrRef, true);
        if (!current) throw notFound('monitor', idOrRef);
        if (current.retired_at === null) {
          const now = deps.clock.now();
          await updateMonitor(trx, actor.workspaceId, current.id, { retired_at: now, updated_at: now });
          await appendHistory(trx, {
            workspaceId: actor.workspaceId, entityType: 'monitor', entityId: current.id, changeId: deps.newId(),
            changes: [{ field: 'retiredAt', before: null, after: now.toISOString() }], reason: null, actor: actor.label, at: now,
          });
        }
        return detail(trx, actor, current.id);
      });
    },

    /**
     * Stores one reading or a batch, all or nothing: every reading naming an unknown or retired monitor, or
     * dated in the future, is named by its index. Then each monitor touched is re-evaluated at its latest reading.
     */
    async record(actor: Actor, programIdOrKey: string, body: ReadingsBody): Promise<{ received: number; monitors: MonitorDetail[] }> {
      const batch = 'readings' in body ? body.readings : [body];
      const at = (i: number, field: string): string => ('readings' in body ? `readings.${i}.${field}` : field);
      return inTransaction(db, async (trx) => {
        const program = await findProgram(trx, actor.workspaceId, programIdOrKey);
        if (!program) throw notFound('program', programIdOrKey);
        const monitors = await lockProgramMonitors(trx, program.id, [...new Set(batch.map((r) => r.monitor))]);
        const byRef = new Map(monitors.flatMap((m) => [[m.id, m], [m.key, m]] as const));
        const now = deps.clock.now();
        const errors = batch.flatMap((r, i) => {
          const m = byRef.get(r.monitor);
          if (!m) return [{ path: at(i, 'monitor'), message: `no monitor ${r.monitor} in program ${program.key}` }];
          if (m.retired_at !== null) return [{ path: at(i, 'monitor'), message: `monitor ${m.key} is retired` }];
          if (r.observedAt && Date.parse(r.observedAt) > now.getTime() + FUTURE_TOLERANCE_MS) return [{ path: at(i, 'observedAt'), message: 'is in the future' }];
          return [];
        });
        if (errors.length > 0) {
          const shown = errors.slice(0, 5).map((e) => `${e.path}: ${e.message}`).join('; ');
          throw new HandoffError('validation-failed', `${errors.length} of ${batch.length} readings refused, nothing stored: ${shown}${errors.length > 5 ? '; …' : ''}`, errors);
        }
        const rows = batch.map((r) => ({
          workspace_id: actor.workspaceId, monitor_id: byRef.get(r.monitor)?.id ?? '', value: r.value,
          observed_at: r.observedAt ? new Date(r.observedAt) : now, source: 'api' as const, received_at: now,
        }));
        await insertReadings(trx, rows);
        const touched = monitors.filter((m) => rows.some((r) => r.monitor_id === m.id));
        for (const m of touched) await evaluateIn(trx, actor, m, now);
        return { received: rows.length, monitors: await Promise.all(touched.map((m) => detail(trx, actor, m.id))) };
      });
    },

    async readings(actor: Actor, idOrRef: string, query: ReadingListQuery): Promise<{ rows: ReadingRow[]; nextCursor: string | null }> {
      const monitor = await findMonitor(db, actor.workspaceId, idOrRef);
      if (!monitor) throw notFound('monitor', idOrRef);
      const after = query.cursor ? decodeCursor(query.cursor, 2) : undefined;
      const rows = await listReadings(db, actor.workspaceId, monitor.id, {
        ...(query.from ? { from: new Date(query.from) } : {}),
        ...(query.to ? { to: new Date(query.to) } : {}),
        ...(after ? { after: [String(after[0]), String(after[1])] as const } : {}),
        limit: query.limit + 1,
      });
      return pageFrom(rows, query.limit, (r) => [r.observed_at.toISOString(), String(r.id)]);
    },

    /**
     * Applies one new Alertmanager alert to its monitor inside the receiver's transaction. Firing: a breach
     * (its numeric value, if any, stored as a reading). Resolved: a recovery, unless another alert of the
     * monitor still fires, or the monitor's state changed after the alert ended (a late resolution).
     */
    async applyAlertIn(trx: Kysely<DB>, actor: Actor, monitorId: string, alert: NormalisedAlert, now: Date): Promise<void> {
      const monitor = await findMonitor(trx, actor.workspaceId, monitorId, true);
      if (!monitor) throw notFound('monitor', monitorId);
      const cause: BreachCause = { kind: 'alert', alertname: alert.alertname, value: alert.value, since: new Date(alert.startsAt) };
      if (alert.status === 'firing') {
        const observedAt = new Date(alert.startsAt);
        if (alert.value !== null) {
          await insertReadings(trx, [{ workspace_id: actor.workspaceId, monitor_id: monitor.id, observed_at: observedAt, value: alert.value, source: 'alertmanager', received_at: now }]);
          if (monitor.last_observed_at === null || monitor.last_observed_at <= observedAt) {
            await setMonitorState(trx, monitor.id, { last_value: alert.value, last_observed_at: observedAt });
          }
        }
        await breach.applyState(trx, actor, monitor, 'breach', observedAt, cause, now);
        return;
      }
      const ended = new Date(resolvedAt(alert, now.getTime()));
      if (await otherAlertFiring(trx, actor.workspaceId, monitor.id, alert.fingerprint)) return;
      if (monitor.state_since !== null && ended < monitor.state_since) return;
      await breach.applyState(trx, actor, monitor, 'ok', ended, cause, now);
    },

  };
}

export type MonitorsService = ReturnType<typeof createMonitorsService>;
