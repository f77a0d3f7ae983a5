import { z } from '@hono/zod-openapi';
import { CONSTRAINT_KINDS, CONSTRAINT_STATUSES, DIMENSIONS, SEVERITIES, STALE_AFTER_DAYS } from '@handoff/core';
import { CalendarDate, Id, PageQuery, PersonRef, QueryFlag, Version, longText, pageOf, requiredText } from './common.js';
import { EscalationState } from './escalations.js';
import { Phase } from './programs.js';

export const ConstraintKind = z.enum(CONSTRAINT_KINDS).openapi('ConstraintKind');
export const Dimension = z.enum(DIMENSIONS).openapi('Dimension');
export const ConstraintStatus = z.enum(CONSTRAINT_STATUSES).openapi('ConstraintStatus');
export const Severity = z.enum(SEVERITIES).openapi('Severity');

/** At most this many dependencies per constraint. */
export const MAX_DEPENDENCIES = 100;

/** Every kind of row whose changes are kept in the history. */
export const HISTORY_ENTITY_TYPES = ['constraint', 'program', 'person', 'workspace', 'criterion', 'costItem', 'monitor'] as const;

export const Constraint = z
  .object({
    id: Id,
    ref: z.string().openapi({ description: 'Human reference: program key and number.', example: 'CLAIMS-12' }),
    programId: Id,
    programKey: z.string().openapi({ example: 'CLAIMS' }),
    title: z.string().openapi({ example: 'No named owner for model output in production' }),
    description: z.string(),
    kind: ConstraintKind,
    dimension: Dimension,
    owner: PersonRef,
    deadline: CalendarDate,
    overdue: z.boolean().openapi({ description: 'Active and its deadline day has ended in the workspace time zone.' }),
    daysOverdue: z.number().int().min(0),
    status: ConstraintStatus,
    severity: Severity,
    blocksGate: Phase.openapi({ description: 'The gate this constraint blocks.' }),
    dependsOn: z.array(Id).openapi({ description: 'Constraints (any program) that must be resolved first.' }),
    escalation: EscalationState.nullable().openapi({ description: 'Where the escalation clock stands; null for closed constraints never escalated.' }),
    lastReviewedAt: z.string().nullable(),
    stale: z.boolean().openapi({ description: `Active and not reviewed for more than ${STALE_AFTER_DAYS} days (never reviewed: created more than that ago).` }),
    resolvedAt: z.string().nullable(),
    criterionId: Id.nullable().openapi({ description: 'The readiness criterion whose gap this constraint closes, when it was opened from one.' }),
    monitorId: Id.nullable().openapi({ description: 'The monitor whose breach opened this risk constraint; a later breach re-opens it.' }),
    recoveredAt: z.string().nullable().openapi({ description: 'When the monitor last came back within its thresholds (alert resolved or readings recovered).' }),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: Version,
  })
  .openapi('Constraint');
export type Constraint = z.infer<typeof Constraint>;

const DependsOn = z.array(Id).max(MAX_DEPENDENCIES);

export const ConstraintCreate = z
  .strictObject({
    title: requiredText(300),
    description: longText(10_000).optional(),
    kind: ConstraintKind,
    dimension: Dimension,
    ownerId: Id.openapi({ description: 'The named person who owns the resolution (never a team).' }),
    deadline: CalendarDate,
    status: ConstraintStatus.default('open'),
    severity: Severity.default('medium'),
    blocksGate: Phase.optional().openapi({ description: "Defaults to the program's next gate." }),
    dependsOn: DependsOn.default([]),
  })
  .openapi('ConstraintCreate');
export type ConstraintCreate = z.infer<typeof ConstraintCreate>;

export const ConstraintUpdate = z
  .strictObject({
    title: requiredText(300),
    description: longText(10_000),
    kind: ConstraintKind,
    dimension: Dimension,
    ownerId: Id,
    deadline: CalendarDate,
    status: ConstraintStatus,
    severity: Severity,
    blocksGate: Phase,
    dependsOn: DependsOn,
    reason: requiredText(2000).openapi({ description: 'Why; required when the deadline moves, kept in history.' }),
  })
  .partial()
  .refine((v) => Object.keys(v).some((k) => k !== 'reason'), { message: 'must change at least one field' })
  .openapi('ConstraintUpdate');
export type ConstraintUpdate = z.infer<typeof ConstraintUpdate>;

export const ConstraintListQuery = PageQuery.extend({
  program: Id.optional().openapi({ description: 'Program id.' }),
  status: ConstraintStatus.optional(),
  owner: Id.optional().openapi({ description: 'Owner person id.' }),
  dimension: Dimension.optional(),
  kind: ConstraintKind.optional(),
  overdue: QueryFlag.optional().openapi({ type: 'string', enum: ['true', 'false'], description: 'Only overdue (true) or not overdue (false).' }),
  active: QueryFlag.optional().openapi({ type: 'string', enum: ['true', 'false'], description: 'Only open/in-progress (true) or closed (false).' }),
  stale: QueryFlag.optional().openapi({ type: 'string', enum: ['true', 'false'], description: `Only stale (true: active, not reviewed for more than ${STALE_AFTER_DAYS} days) or not stale (false).` }),
  q: z.string().trim().max(200).optional().openapi({ description: 'Search in ref, title and description.' }),
  escalated: QueryFlag.optional().openapi({
    type: 'string', enum: ['true', 'false'],
    description: 'Only constraints whose escalation has reached a level in its current cycle (true; `escalation.level` ≥ 0, its `levelName` set) or that have not (false: never escalated, or a deadline move restarted the clock).',
  }),
  escalationLevel: z.string().trim().min(1).max(40).optional().openapi({
    description: 'Only constraints whose current escalation level (`escalation.levelName`) has this name, case-insensitive: a level of the escalation policy (GET /api/escalation-policy), e.g. `sponsor` or `board` in the default ladder.',
    example: 'board',
  }),
  dependsOn: Id.optional().openapi({ description: 'Only constraints that depend on this constraint (id): what its slip holds up.' }),
  dependencyOf: Id.optional().openapi({ description: 'Only constraints this constraint (id) depends on.' }),
});
export type ConstraintListQuery = z.infer<typeof ConstraintListQuery>;

export const ConstraintPage = pageOf(Constraint, 'ConstraintPage');
export type ConstraintPage = z.infer<typeof ConstraintPage>;

export const HistoryEntry = z
  .object({
    id: z.string(),
    changeId: Id.openapi({ description: 'Groups the fields changed by one write.' }),
    entityType: z.enum(HISTORY_ENTITY_TYPES),
    entityId: Id,
    field: z.string().openapi({ description: 'The field, or `created` for the creation entry.', example: 'deadline' }),
    before: z.unknown().openapi({ description: 'Value before (JSON).' }),
    after: z.unknown().openapi({ description: 'Value after (JSON).' }),
    reason: z.string().nullable(),
    actor: z.string().openapi({ description: 'Who made the change.' }),
    at: z.string(),
  })
  .openapi('HistoryEntry');
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const HistoryPage = pageOf(HistoryEntry, 'HistoryPage');
export type HistoryPage = z.infer<typeof HistoryPage>;
