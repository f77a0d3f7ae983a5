import type { Monitor, Reading } from '@handoff/contract';
import type { ReadingRow } from '../../db/repos/readings.repo.js';
import { labelsOf, type MonitorDetail } from '../../services/monitors.service.js';

/** Maps a stored monitor, its breach constraint and its owner role's holder to the API shape. */
export function presentMonitor({ view, owner }: MonitorDetail): Monitor {
  return {
    id: view.id,
    programId: view.program_id,
    programKey: view.program_key,
    key: view.key,
    ref: `${view.program_key}.${view.key}`,
    name: view.name,
    metric: view.metric,
    unit: view.unit,
    direction: view.direction,
    warningThreshold: view.warning_threshold,
    breachThreshold: view.breach_threshold,
    windowMinutes: view.window_minutes,
    ownerRole: view.owner_role,
    owner: owner ? { id: owner.id, name: owner.name, email: owner.email } : null,
    deadlineDays: view.deadline_days,
    severity: view.severity,
    dimension: view.dimension,
    alertLabels: labelsOf(view.alert_labels),
    state: view.state,
    stateSince: view.state_since ? view.state_since.toISOString() : null,
    lastValue: view.last_value,
    lastObservedAt: view.last_observed_at ? view.last_observed_at.toISOString() : null,
    breachConstraint: view.constraint_id !== null && view.constraint_number !== null && view.constraint_status !== null
      ? {
        id: view.constraint_id, ref: `${view.program_key}-${view.constraint_number}`, status: view.constraint_status,
        recoveredAt: view.constraint_recovered_at ? view.constraint_recovered_at.toISOString() : null,
      }
      : null,
    unownedBreach: view.state === 'breach' && view.constraint_id === null,
    retiredAt: view.retired_at ? view.retired_at.toISOString() : null,
    createdAt: view.created_at.toISOString(),
    updatedAt: view.updated_at.toISOString(),
    version: view.version,
  };
}

/** Maps a stored reading to the API shape. */
export function presentReading(row: ReadingRow): Reading {
  return { observedAt: row.observed_at.toISOString(), value: row.value, source: row.source, receivedAt: row.received_at.toISOString() };
}
