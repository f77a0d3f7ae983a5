import { z } from '@hono/zod-openapi';
import { CalendarDate, Id, TimeZone, Timestamp, Version } from './common.js';
import { ConstraintKind, ConstraintStatus, Dimension, HistoryEntry, Severity } from './constraints.js';
import { Phase, RiskClass } from './programs.js';
import { TransferDigest, TransferInboxItem, TransferNotificationChannel, TransferReview, TransferReviewItem } from './transfer-activity.js';
import { TransferCostItem, TransferCostModel, TransferGatePlan } from './transfer-economics.js';
import { TransferDecision, TransferEscalation, TransferEscalationEvent, TransferEscalationPolicy } from './transfer-escalation.js';
import { TransferAlertEvent, TransferGovernanceRole, TransferMonitor, TransferMonitorReading, TransferProgramRole } from './transfer-governance.js';
import { TransferAssessment, TransferCriterion, TransferGateOverride } from './transfer-readiness.js';
import { transferReferenceIssues } from './transfer-references.js';

export * from './transfer-activity.js';
export * from './transfer-economics.js';
export * from './transfer-escalation.js';
export * from './transfer-governance.js';
export * from './transfer-readiness.js';
export { TRANSFER_SECTIONS, TRANSFER_V2_SECTIONS, TRANSFER_V3_SECTIONS, type TransferSection } from './transfer-sections.js';

/**
 * The whole-workspace transfer document (`handoff export` / `handoff import`). It carries every stored
 * row with its original id, timestamps and version, so export → import into an empty workspace →
 * export gives the same bytes. Fields are validated but never transformed (no trimming or
 * lower-casing), for the same reason. Lists are ordered by id (history and escalation events by their
 * sequence number; rows keyed by another row by that key).
 *
 * Version 3 added readiness (criteria, assessments, gate overrides), ownership (the workspace's own
 * governance roles, program role holders), monitoring (monitors, readings, alert events applied),
 * phase plans (a planned date per program and gate), economics (cost models and cost items, money as
 * exact decimal strings), and the constraint fields criterionId, monitorId and recoveredAt.
 *
 * Not carried, on purpose: the outbox (delivery state: messages queued in the source are not sent
 * again from a restore) and calendar feeds (secret URLs: create new ones after a restore).
 */

export const TRANSFER_FORMAT = 'handoff-workspace';
/** The version an export writes. */
export const TRANSFER_FORMAT_VERSION = 3;
/**
 * History entries about the workspace itself name it by this id (the nil UUID) in the document: an
 * import restores onto whatever workspace it targets, so the source workspace's id never leaves it.
 */
export const TRANSFER_WORKSPACE_ENTITY_ID = '00000000-0000-0000-0000-000000000000';

const text = (max: number) => z.string().max(max, `must be at most ${max} characters`);
const nonEmpty = (max: number) => text(max).min(1, 'must not be empty');

export const TransferWorkspace = z
  .strictObject({ name: nonEmpty(200), timeZone: TimeZone })
  .openapi('TransferWorkspace');

export const TransferPerson = z
  .strictObject({
    id: Id,
    name: nonEmpty(200),
    email: z.email({ message: 'must be an e-mail address' }).max(254),
    title: text(200).nullable(),
    boardMember: z.boolean().default(false),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    version: Version,
  })
  .openapi('TransferPerson');
export type TransferPerson = z.infer<typeof TransferPerson>;

export const TransferProgram = z
  .strictObject({
    id: Id,
    key: z.string().max(12, { message: 'must be 2 to 12 capital letters or digits, starting with a letter', abort: true }).regex(/^[A-Z][A-Z0-9]{1,11}$/, 'must be 2 to 12 capital letters or digits, starting with a letter'),
    name: nonEmpty(200),
    description: text(5000),
    businessUnit: text(200).nullable(),
    phase: Phase,
    sponsorId: Id.nullable(),
    targetProductionDate: CalendarDate.nullable(),
    riskClass: RiskClass,
    nextConstraintNumber: z.number().int().positive().openapi({ description: 'The number the next constraint of this program gets.' }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    version: Version,
  })
  .openapi('TransferProgram');
export type TransferProgram = z.infer<typeof TransferProgram>;

export const TransferConstraint = z
  .strictObject({
    id: Id,
    programId: Id,
    number: z.number().int().positive(),
    title: nonEmpty(300),
    description: text(10_000),
    kind: ConstraintKind,
    dimension: Dimension,
    ownerId: Id,
    deadline: CalendarDate,
    status: ConstraintStatus,
    severity: Severity,
    blocksGate: Phase,
    lastReviewedAt: Timestamp.nullable(),
    resolvedAt: Timestamp.nullable(),
    // Added by version 3; absent from older documents, where they read as null.
    criterionId: Id.nullable().default(null).openapi({ description: 'The readiness criterion whose gap this constraint closes.' }),
    monitorId: Id.nullable().default(null).openapi({ description: 'The monitor whose breach opened this risk constraint (one constraint per monitor).' }),
    recoveredAt: Timestamp.nullable().default(null).openapi({ description: 'When the monitor last came back within its thresholds.' }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    version: Version,
  })
  .openapi('TransferConstraint');
export type TransferConstraint = z.infer<typeof TransferConstraint>;

/** `constraintId` depends on `dependsOnId`. */
export const TransferDependency = z
  .strictObject({ constraintId: Id, dependsOnId: Id })
  .openapi('TransferDependency');
export type TransferDependency = z.infer<typeof TransferDependency>;

export const TransferHistoryEntry = z
  .strictObject({
    id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).openapi({ description: 'Sequence number; orders the log.' }),
    // The same kinds as the history API: a new kind of history entry travels without a change here.
    entityType: HistoryEntry.shape.entityType,
    entityId: Id.openapi({ description: `For entityType \`workspace\`: always ${TRANSFER_WORKSPACE_ENTITY_ID} (this workspace).` }),
    changeId: Id,
    field: nonEmpty(100),
    before: z.unknown(),
    after: z.unknown(),
    reason: text(2000).nullable(),
    actor: nonEmpty(320),
    at: Timestamp,
  })
  .openapi('TransferHistoryEntry');
export type TransferHistoryEntry = z.infer<typeof TransferHistoryEntry>;

/**
 * Format versions an import accepts. Version 1 had no escalation, notification or review sections;
 * version 2 no readiness, ownership, monitoring, plan or economics sections.
 */
export const TRANSFER_FORMAT_VERSIONS = [1, 2, TRANSFER_FORMAT_VERSION] as const;

const TransferShape = z.strictObject({
  format: z.literal(TRANSFER_FORMAT),
  formatVersion: z.literal(TRANSFER_FORMAT_VERSIONS).openapi({
    type: 'integer', enum: [...TRANSFER_FORMAT_VERSIONS], description: `An export writes ${TRANSFER_FORMAT_VERSION}; an import also takes 1 and 2.`,
  }),
  workspace: TransferWorkspace,
  people: z.array(TransferPerson),
  programs: z.array(TransferProgram),
  constraints: z.array(TransferConstraint),
  dependencies: z.array(TransferDependency),
  history: z.array(TransferHistoryEntry),
  escalationPolicies: z.array(TransferEscalationPolicy).default([]),
  escalations: z.array(TransferEscalation).default([]),
  escalationEvents: z.array(TransferEscalationEvent).default([]),
  decisions: z.array(TransferDecision).default([]),
  notificationChannels: z.array(TransferNotificationChannel).default([]),
  inboxItems: z.array(TransferInboxItem).default([]),
  digests: z.array(TransferDigest).default([]),
  reviews: z.array(TransferReview).default([]),
  reviewItems: z.array(TransferReviewItem).default([]),
  criteria: z.array(TransferCriterion).default([]),
  assessments: z.array(TransferAssessment).default([]),
  gateOverrides: z.array(TransferGateOverride).default([]),
  governanceRoles: z.array(TransferGovernanceRole).default([]),
  programRoles: z.array(TransferProgramRole).default([]),
  monitors: z.array(TransferMonitor).default([]),
  monitorReadings: z.array(TransferMonitorReading).default([]),
  alertEvents: z.array(TransferAlertEvent).default([]),
  gatePlans: z.array(TransferGatePlan).default([]),
  costModels: z.array(TransferCostModel).default([]),
  costItems: z.array(TransferCostItem).default([]),
});
/** The document before its cross-references are checked. */
export type TransferFields = z.infer<typeof TransferShape>;

/**
 * A whole workspace: what `GET /api/workspace/export` returns and `POST /api/workspace/import` takes.
 * Version 1 documents (no escalation, notification or review sections) still import: their
 * constraints get no escalation clock from the import, so the next sweep starts one for each active
 * constraint as of the sweep's instant and fires whatever levels are due then. Version 1 and 2
 * documents carry no readiness, ownership, monitoring, plans or economics: those sections read as
 * empty, and the constraints' criterionId, monitorId and recoveredAt as null.
 *
 * The target must be empty, with one exception: readiness criteria that no assessment, constraint or
 * history entry refers to (the default library a new workspace is seeded with) are not data. A
 * version-3 document replaces them with its own `criteria`, so the round trip stays exact; an older
 * document, which has no criteria of its own, keeps them.
 */
export const TransferDocument = TransferShape.superRefine((doc, ctx) => {
  for (const issue of transferReferenceIssues(doc)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
}).openapi('WorkspaceExport', {
  description:
    'Every row of the workspace with its original ids, timestamps and versions: people, programs, constraints, dependencies, history, ' +
    'escalation policies, escalation clocks and the fired-level log, decisions, notification channels (webhook URLs in full), inbox items, ' +
    'digests sent, weekly reviews; since version 3 the readiness criteria, assessments and gate overrides, governance roles and ' +
    'program role holders, monitors with their readings, the Alertmanager notifications already applied, phase plans, ' +
    'cost models and cost items (money and rates as exact decimal strings, as stored). ' +
    'An import needs an empty workspace, except for readiness criteria nothing refers to (the seeded default library): a version-3 ' +
    'document replaces them with its own criteria, a version-1 or 2 document keeps them. Not carried: the outbox (messages queued in the source are not sent again from a restore) and ' +
    'calendar feeds (secret URLs; create new ones after a restore).',
});
export type TransferDocument = z.infer<typeof TransferDocument>;

/** What an import stored, by kind. */
export const TransferSummary = z
  .object({
    people: z.number().int(),
    programs: z.number().int(),
    constraints: z.number().int(),
    dependencies: z.number().int(),
    history: z.number().int(),
    escalationPolicies: z.number().int(),
    escalations: z.number().int(),
    escalationEvents: z.number().int(),
    decisions: z.number().int(),
    notificationChannels: z.number().int(),
    inboxItems: z.number().int(),
    digests: z.number().int(),
    reviews: z.number().int(),
    reviewItems: z.number().int(),
    criteria: z.number().int(),
    assessments: z.number().int(),
    gateOverrides: z.number().int(),
    governanceRoles: z.number().int(),
    programRoles: z.number().int(),
    monitors: z.number().int(),
    monitorReadings: z.number().int(),
    alertEvents: z.number().int(),
    gatePlans: z.number().int(),
    costModels: z.number().int(),
    costItems: z.number().int(),
  })
  .openapi('WorkspaceImportSummary');
export type TransferSummary = z.infer<typeof TransferSummary>;
