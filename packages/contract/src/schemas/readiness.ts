import { z } from '@hono/zod-openapi';
import { ASSESSMENT_STATUSES } from '@handoff/core';
import { CalendarDate, Id, PersonRef, Timestamp, longText, pageOf, requiredText } from './common.js';
import { ConstraintKind, ConstraintStatus, Dimension, Severity } from './constraints.js';
import { Phase } from './programs.js';

export const AssessmentStatus = z.enum(ASSESSMENT_STATUSES).openapi('AssessmentStatus');

/** Most criteria one assessment may cover, and most links per result. */
export const MAX_ASSESSMENT_ITEMS = 500;
export const MAX_EVIDENCE_LINKS = 20;

export const AssessmentItem = z
  .strictObject({
    criterion: z.string().trim().min(1).max(64).openapi({ description: 'Criterion id or code.', example: 'GOV-02' }),
    status: AssessmentStatus,
    evidence: longText(10_000).default('').openapi({ description: 'What shows the result; required for met.' }),
    links: z.array(z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(2000)).max(MAX_EVIDENCE_LINKS).default([]),
  })
  .openapi('AssessmentItem');

export const AssessmentCreate = z
  .strictObject({
    assessedBy: Id.openapi({ description: 'The person who assessed.' }),
    assessedAt: Timestamp.optional().openapi({ description: 'When; defaults to now and cannot be in the future.' }),
    items: z.array(AssessmentItem).min(1, 'must assess at least one criterion').max(MAX_ASSESSMENT_ITEMS),
  })
  .openapi('AssessmentCreate');
export type AssessmentCreate = z.infer<typeof AssessmentCreate>;

export const LinkedConstraint = z
  .object({ id: Id, ref: z.string(), status: ConstraintStatus, owner: PersonRef, deadline: CalendarDate, resolvedAt: z.string().nullable() })
  .openapi('LinkedConstraint');

export const CriterionResult = z
  .object({
    criterion: z.object({ id: Id, code: z.string(), text: z.string(), required: z.boolean(), gate: Phase }),
    status: AssessmentStatus.nullable().openapi({ description: 'The latest result; null when never assessed.' }),
    evidence: z.string().nullable(),
    links: z.array(z.string()),
    assessedBy: PersonRef.nullable(),
    assessedAt: z.string().nullable(),
    constraints: z.array(LinkedConstraint).openapi({ description: 'Constraints opened to close this gap.' }),
    reassessmentDue: z.boolean().openapi({ description: 'A linked constraint was resolved after the latest assessment: assess again.' }),
  })
  .openapi('CriterionResult');
export type CriterionResult = z.infer<typeof CriterionResult>;

export const StatusCounts = z.object({ met: z.number().int(), partial: z.number().int(), notMet: z.number().int(), notApplicable: z.number().int() });

export const DimensionReadiness = z
  .object({
    dimension: Dimension,
    score: z.number().int().min(0).max(100).openapi({ description: 'round(100 × (met + ½ partial) / applicable criteria not marked not-applicable); 100 with none.' }),
    met: z.boolean().openapi({ description: 'Every applicable required criterion met or not applicable (and, for governance, no required role vacant).' }),
    counts: StatusCounts,
    unassessed: z.number().int(),
    gaps: z.array(z.string()).openapi({ description: 'Codes of required criteria not met.' }),
    vacantRoles: z.array(z.string()).openapi({ description: 'Governance only: required roles nobody holds.' }),
    conditions: z.array(z.string()).openapi({ description: 'Other conditions keeping it unmet; economic, from the production-readiness gate on: pilot economics or no cost model.' }),
    criteria: z.array(CriterionResult),
  })
  .openapi('DimensionReadiness');

export const UnmetDimension = z
  .object({ dimension: Dimension, criteria: z.array(z.string()), vacantRoles: z.array(z.string()).optional(), conditions: z.array(z.string()).optional() })
  .openapi('UnmetDimension');
export type UnmetDimension = z.infer<typeof UnmetDimension>;

const ProgramSummary = z.object({ id: Id, key: z.string(), name: z.string(), phase: Phase });

export const ProgramReadiness = z
  .object({
    program: ProgramSummary,
    gate: Phase.openapi({ description: 'The gate judged: the next one, or `production` for a program in production.' }),
    asOf: z.string().openapi({ description: 'The instant the readiness is as of.' }),
    gateOpen: z.boolean(),
    unmet: z.array(UnmetDimension),
    dimensions: z.array(DimensionReadiness),
  })
  .openapi('ProgramReadiness');
export type ProgramReadiness = z.infer<typeof ProgramReadiness>;

export const ReadinessQuery = z.object({
  at: z.union([CalendarDate, Timestamp], { error: 'must be a date (YYYY-MM-DD) or an ISO date-time with offset' }).optional().openapi({
    description: 'As of this instant, or the end of this day (YYYY-MM-DD) in the workspace time zone. Default now.',
  }),
  gate: Phase.optional().openapi({ description: 'Judge this gate instead of the next one.' }),
});
export type ReadinessQuery = z.infer<typeof ReadinessQuery>;

export const TrendQuery = z.object({
  from: CalendarDate.optional().openapi({ description: 'First day (workspace time zone), inclusive.' }),
  to: CalendarDate.optional().openapi({ description: 'Last day, inclusive.' }),
  gate: Phase.optional(),
});
export type TrendQuery = z.infer<typeof TrendQuery>;

export const TrendPoint = z
  .object({
    batchId: Id,
    assessedAt: z.string(),
    date: CalendarDate.openapi({ description: 'The day of the assessment in the workspace time zone.' }),
    gateOpen: z.boolean(),
    dimensions: z.array(z.object({ dimension: Dimension, score: z.number().int(), met: z.boolean() })),
  })
  .openapi('ReadinessTrendPoint');

export const ReadinessTrend = z
  .object({ program: ProgramSummary, gate: Phase, points: z.array(TrendPoint) })
  .openapi('ReadinessTrend', { description: 'One point per assessment batch, oldest first. Points judge the criteria only: vacant roles are not replayed.' });
export type ReadinessTrend = z.infer<typeof ReadinessTrend>;

export const CriterionConstraintCreate = z
  .strictObject({
    ownerId: Id.openapi({ description: 'The named person who owns closing the gap.' }),
    deadline: CalendarDate,
    title: requiredText(300).optional().openapi({ description: 'Default: "Readiness gap: <criterion text>".' }),
    description: longText(10_000).optional(),
    kind: ConstraintKind.default('blocker'),
    severity: Severity.default('medium'),
    blocksGate: Phase.optional().openapi({ description: "Default: the program's next gate." }),
  })
  .openapi('CriterionConstraintCreate');
export type CriterionConstraintCreate = z.infer<typeof CriterionConstraintCreate>;

export const GateOverride = z
  .object({
    id: Id,
    programId: Id,
    fromPhase: Phase,
    toPhase: Phase,
    decidedBy: PersonRef,
    reason: z.string(),
    unmet: z.array(UnmetDimension).openapi({ description: 'What was unmet when the gate was overridden.' }),
    createdAt: z.string(),
  })
  .openapi('GateOverride');
export type GateOverride = z.infer<typeof GateOverride>;

export const GateOverridePage = pageOf(GateOverride, 'GateOverridePage');
export type GateOverridePage = z.infer<typeof GateOverridePage>;
