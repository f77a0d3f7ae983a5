import { compareAlerts, matchAlert, normaliseAlert } from '@handoff/core';
import type { AlertmanagerSummary, AlertmanagerWebhook } from '@handoff/contract';
import type { Actor, Deps } from '../context.js';
import { recordAlertEvent } from '../db/repos/alert-events.repo.js';
import { listAlertTargets, lockMonitorsById } from '../db/repos/monitors.repo.js';
import { labelsOf, type MonitorsService } from './monitors.service.js';
import { inTransaction } from './transaction.js';

/**
 * The Prometheus Alertmanager receiver. Alertmanager posts a whole alert group on every notification
 * (group_interval, repeat_interval), HA pairs each post it, and it retries until answered 2xx; so the
 * receiver is idempotent: each alert is recorded once per (fingerprint, startsAt, status) in alert_events,
 * and only alerts actually inserted are acted on. One transaction per POST: a failure applies nothing and
 * Alertmanager's retry applies it all.
 */
export function createAlertmanagerService(deps: Deps, monitors: Pick<MonitorsService, 'applyAlertIn'>) {
  const { db } = deps.database;

  return {
    async receive(actor: Actor, payload: AlertmanagerWebhook): Promise<AlertmanagerSummary> {
      return inTransaction(db, async (trx) => {
        const now = deps.clock.now();
        const targets = (await listAlertTargets(trx, actor.workspaceId)).map((m) => ({ id: m.id, programKey: m.program_key, key: m.key, alertLabels: labelsOf(m.alert_labels) }));
        const alerts = payload.alerts.map(normaliseAlert).sort(compareAlerts).map((alert) => ({ alert, match: matchAlert(alert.labels, targets) }));
        // Every monitor this group touches, locked up front in id order (as readings do): no deadlock with a concurrent POST.
        await lockMonitorsById(trx, [...new Set(alerts.flatMap(({ match }) => (match.kind === 'matched' ? [match.monitor.id] : [])))].sort());
        const summary: AlertmanagerSummary = { received: alerts.length, applied: 0, duplicates: 0, unmatched: 0, unmatchedAlerts: [] };
        for (const { alert, match } of alerts) {
          const monitor = match.kind === 'matched' ? match.monitor : null;
          const inserted = await recordAlertEvent(trx, {
            workspace_id: actor.workspaceId, fingerprint: alert.fingerprint, starts_at: new Date(alert.startsAt), status: alert.status,
            monitor_id: monitor?.id ?? null, alertname: alert.alertname, labels: JSON.stringify(alert.labels), received_at: now,
          });
          if (!inserted) {
            summary.duplicates += 1;
          } else if (monitor === null) {
            summary.unmatched += 1;
            summary.unmatchedAlerts.push({
              fingerprint: alert.fingerprint, status: alert.status, alertname: alert.alertname, labels: { ...alert.labels },
              reason: match.kind === 'ambiguous' ? 'ambiguous' : 'no-monitor',
            });
          } else {
            summary.applied += 1;
            await monitors.applyAlertIn(trx, actor, monitor.id, alert, now);
          }
        }
        return summary;
      });
    },
  };
}
