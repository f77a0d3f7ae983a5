import { z } from '@hono/zod-openapi';
import { MONITOR_DIRECTIONS, MONITOR_METRICS, MONITOR_STATES } from '@handoff/core';
import { Id, PageQuery, PersonRef, QueryFlag, Timestamp, Version, pageOf, requiredText } from './common.js';
import { ConstraintStatus, Dimension, Severity } from './constraints.js';
import { RoleKey } from './ownership.js';

export const MonitorDirection = z.enum(MONITOR_DIRECTIONS).openapi('MonitorDirection', { description: '`above`: higher values are worse; `below`: lower values are worse.' });
export const MonitorState = z.enum(MONITOR_STATES).openapi('MonitorState', { description: 'From the mean of the readings in the evaluation window; `unknown` when the window holds none.' });

/** Most readings one request may carry. */
export const MAX_READINGS_PER_REQUEST = 10_000;

const MonitorKey = z
  .string()
  .max(40, { message: 'must be 2-40 lower-case letters, digits or hyphens, starting with a letter', abort: true })
  .regex(/^[a-z][a-z0-9-]{1,39}$/, 'must be 2-40 lower-case letters, digits or hyphens, starting with a letter')
  .openapi({ description: 'Unique within the program; readings and alerts may name the monitor by it.', example: 'drift-psi' });

/** A monitor in a path: its id, or `PROGRAM.key` (e.g. `CLAIMS.drift-psi`). */
export const MonitorParams = z.object({
  id: z
    .string()
    .regex(/^([0-9a-fA-F-]{36}|[A-Za-z][A-Za-z0-9]{1,11}\.[a-z][a-z0-9-]{1,39})$/, 'must be a monitor id or PROGRAM.key such as CLAIMS.drift-psi')
    .openapi({ param: { name: 'id', in: 'path' }, example: 'CLAIMS.drift-psi' }),
});

const Metric = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters')
  .openapi({ description: `One of ${MONITOR_METRICS.join(', ')}, or a free-text name of another metric.`, example: 'drift-psi' });

const Threshold = z.number().openapi({ description: 'In the metric’s unit; a value exactly at a threshold has crossed it.' });

/** Alertmanager label matchers: every one must equal the alert’s label for the alert to belong to the monitor. */
export const AlertLabels = z
  .record(z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, 'must be a Prometheus label name'), z.string().max(1000))
  .refine((v) => Object.keys(v).length <= 20, { message: 'must have at most 20 matchers' })
  .openapi('AlertLabels', { example: { alertname: 'ClaimsModelDrift', program: 'claims' } });

const monitorFields = {
  name: requiredText(200).openapi({ example: 'Claims model drift' }),
  metric: Metric,
  unit: z.string().trim().max(20, 'must be at most 20 characters').openapi({ example: 'PSI' }),
  direction: MonitorDirection,
  warningThreshold: Threshold.nullable().openapi({ description: 'On the safe side of the breach threshold; null for none.' }),
  breachThreshold: Threshold,
  windowMinutes: z.number().int().min(1).max(525_600).openapi({ description: 'Evaluation window in minutes (1 to a year).', example: 60 }),
  ownerRole: RoleKey.openapi({ description: 'The governance role whose holder owns a breach (built-in or the workspace’s).', example: 'drift-monitor' }),
  deadlineDays: z.number().int().min(0).max(365).openapi({ description: 'Days from the breach day to its risk constraint’s deadline.', example: 7 }),
  severity: Severity,
  dimension: Dimension,
  alertLabels: AlertLabels,
};

export const MonitorCreate = z
  .strictObject({
    key: MonitorKey,
    ...monitorFields,
    unit: monitorFields.unit.default(''),
    warningThreshold: monitorFields.warningThreshold.default(null),
    windowMinutes: monitorFields.windowMinutes.default(60),
    deadlineDays: monitorFields.deadlineDays.default(7),
    severity: Severity.default('high'),
    dimension: Dimension.default('governance'),
    alertLabels: AlertLabels.default({}),
  })
  .openapi('MonitorCreate');
export type MonitorCreate = z.infer<typeof MonitorCreate>;

export const MonitorUpdate = z
  .strictObject(monitorFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'must change at least one field' })
  .openapi('MonitorUpdate');
export type MonitorUpdate = z.infer<typeof MonitorUpdate>;

export const Monitor = z
  .object({
    id: Id,
    programId: Id,
    programKey: z.string().openapi({ example: 'CLAIMS' }),
    key: z.string().openapi({ example: 'drift-psi' }),
    ref: z.string().openapi({ description: 'PROGRAM.key, usable in paths instead of the id.', example: 'CLAIMS.drift-psi' }),
    name: z.string(),
    metric: z.string(),
    unit: z.string(),
    direction: MonitorDirection,
    warningThreshold: z.number().nullable(),
    breachThreshold: z.number(),
    windowMinutes: z.number().int(),
    ownerRole: z.string(),
    owner: PersonRef.nullable().openapi({ description: 'Who holds the owner role now; null when the role is vacant.' }),
    deadlineDays: z.number().int(),
    severity: Severity,
    dimension: Dimension,
    alertLabels: z.record(z.string(), z.string()),
    state: MonitorState,
    stateSince: z.string().nullable(),
    lastValue: z.number().nullable(),
    lastObservedAt: z.string().nullable(),
    breachConstraint: z
      .object({ id: Id, ref: z.string(), status: ConstraintStatus, recoveredAt: z.string().nullable() })
      .nullable()
      .openapi({ description: 'The risk constraint a breach of this monitor opened (re-opened by later breaches).' }),
    unownedBreach: z.boolean().openapi({ description: 'In breach with no risk constraint: the owner role and the sponsor were both vacant. Fill the role.' }),
    retiredAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: Version,
  })
  .openapi('Monitor');
export type Monitor = z.infer<typeof Monitor>;

export const MonitorListQuery = PageQuery.extend({
  retired: QueryFlag.optional().openapi({ type: 'string', enum: ['true', 'false'], description: 'Only retired (true) or only active (false, the default).' }),
});
export type MonitorListQuery = z.infer<typeof MonitorListQuery>;

export const MonitorPage = pageOf(Monitor, 'MonitorPage');
export type MonitorPage = z.infer<typeof MonitorPage>;

export const ReadingInput = z
  .strictObject({
    monitor: z.string().min(1).max(64).openapi({ description: 'The monitor’s id or key within the program.', example: 'drift-psi' }),
    value: z.number().openapi({ description: 'A finite number in the monitor’s unit.', example: 0.31 }),
    observedAt: Timestamp.optional().openapi({ description: 'When it was measured; defaults to when it is received.' }),
  })
  .openapi('ReadingInput');
export type ReadingInput = z.infer<typeof ReadingInput>;

export const ReadingBatch = z
  .strictObject({ readings: z.array(ReadingInput).min(1).max(MAX_READINGS_PER_REQUEST, `must hold at most ${MAX_READINGS_PER_REQUEST} readings`) })
  .openapi('ReadingBatch');
export type ReadingBatch = z.infer<typeof ReadingBatch>;

/** One reading, or a batch of them (all stored, or none). */
export const ReadingsBody = z.union([ReadingBatch, ReadingInput]).openapi('ReadingsBody');
export type ReadingsBody = z.infer<typeof ReadingsBody>;

export const ReadingsResult = z
  .object({
    received: z.number().int().openapi({ description: 'Readings stored.' }),
    monitors: z.array(Monitor).openapi({ description: 'Each monitor the readings touched, re-evaluated at its latest reading.' }),
  })
  .openapi('ReadingsResult');
export type ReadingsResult = z.infer<typeof ReadingsResult>;

export const Reading = z
  .object({
    observedAt: z.string(),
    value: z.number(),
    source: z.enum(['api', 'alertmanager', 'import']),
    receivedAt: z.string(),
  })
  .openapi('Reading');
export type Reading = z.infer<typeof Reading>;

export const ReadingListQuery = PageQuery.extend({
  from: Timestamp.optional().openapi({ description: 'Only readings observed at or after this instant.' }),
  to: Timestamp.optional().openapi({ description: 'Only readings observed before this instant.' }),
});
export type ReadingListQuery = z.infer<typeof ReadingListQuery>;

export const ReadingPage = pageOf(Reading, 'ReadingPage');
export type ReadingPage = z.infer<typeof ReadingPage>;

// Prometheus Alertmanager webhook, payload version 4 (https://prometheus.io/docs/alerting/latest/configuration/#webhook_config).
// Unknown fields are ignored (not refused): Alertmanager may add some, and refusing a notification only makes it retry.

const LabelSet = z.record(z.string().max(1000), z.string().max(10_000));

export const AlertmanagerAlert = z
  .object({
    status: z.enum(['firing', 'resolved']),
    labels: LabelSet,
    annotations: LabelSet.default({}),
    startsAt: Timestamp.openapi({ description: 'RFC 3339, nanoseconds allowed.' }),
    endsAt: Timestamp.openapi({ description: '`0001-01-01T00:00:00Z` (Go zero time) when unknown.' }),
    generatorURL: z.string().max(2000).default(''),
    fingerprint: z.string().max(200).optional().openapi({ description: 'Identifies the alert (a hash of its labels).' }),
  })
  .openapi('AlertmanagerAlert');
export type AlertmanagerAlert = z.infer<typeof AlertmanagerAlert>;

export const AlertmanagerWebhook = z
  .object({
    version: z.literal('4', { error: 'must be "4" (the Alertmanager webhook payload version this receiver reads)' }),
    groupKey: z.string().max(10_000).default(''),
    truncatedAlerts: z.number().int().min(0).default(0),
    status: z.enum(['firing', 'resolved']),
    receiver: z.string().max(1000),
    groupLabels: LabelSet.default({}),
    commonLabels: LabelSet.default({}),
    commonAnnotations: LabelSet.default({}),
    externalURL: z.string().max(2000).default(''),
    alerts: z.array(AlertmanagerAlert).max(MAX_READINGS_PER_REQUEST),
  })
  .openapi('AlertmanagerWebhook');
export type AlertmanagerWebhook = z.infer<typeof AlertmanagerWebhook>;

export const UnmatchedAlert = z
  .object({ fingerprint: z.string(), status: z.enum(['firing', 'resolved']), alertname: z.string(), labels: LabelSet, reason: z.enum(['no-monitor', 'ambiguous']) })
  .openapi('UnmatchedAlert');

export const AlertmanagerSummary = z
  .object({
    received: z.number().int().openapi({ description: 'Alerts in the payload: applied + duplicates + unmatched.' }),
    applied: z.number().int().openapi({ description: 'New firing or resolved alerts applied to a monitor.' }),
    duplicates: z.number().int().openapi({ description: 'Alerts already received (resent group, HA pair): nothing changed.' }),
    unmatched: z.number().int().openapi({ description: 'New alerts that belong to no monitor: recorded, nothing else.' }),
    unmatchedAlerts: z.array(UnmatchedAlert),
  })
  .openapi('AlertmanagerSummary');
export type AlertmanagerSummary = z.infer<typeof AlertmanagerSummary>;
