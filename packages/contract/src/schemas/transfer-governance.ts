import { z } from '@hono/zod-openapi';
import { MONITOR_DIRECTIONS, MONITOR_METRICS, MONITOR_STATES } from '@handoff/core';
import { Id, Timestamp, Version } from './common.js';
import { Dimension, Severity } from './constraints.js';

/**
 * Ownership and monitoring rows of the transfer document (format version 3): the workspace's own
 * governance roles, who holds which role of which program, monitors with their current state, every
 * reading (ordered by sequence number) and the Alertmanager notifications already applied (carried so
 * a re-sent alert group changes nothing twice after a restore). Shapes follow 0008_governance.sql.
 */

const text = (max: number) => z.string().max(max, `must be at most ${max} characters`);
const nonEmpty = (max: number) => text(max).min(1, 'must not be empty');

/** The stored rule for role and monitor keys (the migration's CHECK). */
const Key = z.string().max(40, { message: 'must be 2-40 lower-case letters, digits or hyphens, starting with a letter', abort: true }).regex(/^[a-z][a-z0-9-]{1,39}$/, 'must be 2-40 lower-case letters, digits or hyphens, starting with a letter');

/** Alertmanager labels or label matchers: name → value. */
export const TransferLabels = z.record(text(1000), text(10_000));

/** A role a workspace added (built-in roles are defined in code and never carried). */
export const TransferGovernanceRole = z
  .strictObject({
    key: Key,
    name: nonEmpty(200),
    description: text(2000),
    required: z.boolean(),
    retiredAt: Timestamp.nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .openapi('TransferGovernanceRole');
export type TransferGovernanceRole = z.infer<typeof TransferGovernanceRole>;

/** One named person holding one role of one program; a vacancy is the absence of a row. */
export const TransferProgramRole = z
  .strictObject({ programId: Id, roleKey: Key, personId: Id, assignedAt: Timestamp })
  .openapi('TransferProgramRole');
export type TransferProgramRole = z.infer<typeof TransferProgramRole>;

export const TransferMonitor = z
  .strictObject({
    id: Id,
    programId: Id,
    key: Key.openapi({ description: 'Unique per program (e.g. drift-psi).' }),
    name: nonEmpty(200),
    metric: z.enum(MONITOR_METRICS),
    unit: text(100),
    direction: z.enum(MONITOR_DIRECTIONS),
    warningThreshold: z.number().nullable(),
    breachThreshold: z.number(),
    windowMinutes: z.number().int().min(1).max(525_600),
    ownerRole: Key.openapi({ description: 'The governance role whose holder owns a breach.' }),
    deadlineDays: z.number().int().min(0).max(365),
    severity: Severity,
    dimension: Dimension,
    alertLabels: TransferLabels,
    state: z.enum(MONITOR_STATES),
    stateSince: Timestamp.nullable(),
    lastValue: z.number().nullable(),
    lastObservedAt: Timestamp.nullable(),
    retiredAt: Timestamp.nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    version: Version,
  })
  .openapi('TransferMonitor');
export type TransferMonitor = z.infer<typeof TransferMonitor>;

export const TransferMonitorReading = z
  .strictObject({
    id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).openapi({ description: 'Sequence number; orders the readings.' }),
    monitorId: Id,
    observedAt: Timestamp,
    value: z.number(),
    source: z.enum(['api', 'alertmanager', 'import']),
    receivedAt: Timestamp,
  })
  .openapi('TransferMonitorReading');
export type TransferMonitorReading = z.infer<typeof TransferMonitorReading>;

/** An Alertmanager notification already applied: one fingerprint firing from `startsAt`, or its resolution. */
export const TransferAlertEvent = z
  .strictObject({
    fingerprint: nonEmpty(200),
    startsAt: Timestamp,
    status: z.enum(['firing', 'resolved']),
    monitorId: Id.nullable().openapi({ description: 'null: the alert matched no monitor.' }),
    alertname: text(500),
    labels: TransferLabels,
    receivedAt: Timestamp,
  })
  .openapi('TransferAlertEvent');
export type TransferAlertEvent = z.infer<typeof TransferAlertEvent>;
