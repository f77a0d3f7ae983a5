import { z } from '@hono/zod-openapi';
import { ASSESSMENT_STATUSES, FRAMEWORKS } from '@handoff/core';
import { Id, Timestamp, Version } from './common.js';
import { Dimension } from './constraints.js';
import { Phase } from './programs.js';

/**
 * Readiness rows of the transfer document (format version 3): the criteria library, every assessment
 * ever recorded (append-only, ordered by sequence number) and the gate overrides. JSON columns are
 * checked against the shapes the migration documents (0007_readiness.sql).
 */

const text = (max: number) => z.string().max(max, `must be at most ${max} characters`);
const nonEmpty = (max: number) => text(max).min(1, 'must not be empty');
const sequenceId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER).openapi({ description: 'Sequence number; orders the log.' });

/** A framework a criterion cites, e.g. `{ framework: 'nist-ai-rmf', id: 'GOVERN 2.1' }`. */
export const TransferCriterionRef = z
  .strictObject({ framework: z.enum(FRAMEWORKS), id: nonEmpty(100) })
  .openapi('TransferCriterionRef');
export type TransferCriterionRef = z.infer<typeof TransferCriterionRef>;

export const TransferCriterionRefs = z.array(TransferCriterionRef).max(50);

export const TransferCriterion = z
  .strictObject({
    id: Id,
    code: nonEmpty(100).openapi({ description: 'Human key, unique per workspace (e.g. GOV-02).' }),
    dimension: Dimension,
    text: nonEmpty(2000),
    guidance: text(10_000),
    required: z.boolean(),
    gate: Phase.openapi({ description: 'The first gate the criterion applies to; it applies to every later gate too.' }),
    refs: TransferCriterionRefs,
    retiredAt: Timestamp.nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    version: Version,
  })
  .openapi('TransferCriterion');
export type TransferCriterion = z.infer<typeof TransferCriterion>;

export const TransferAssessmentLinks = z.array(text(2000)).max(100);

/** One criterion assessed for one program; rows assessed together share `batchId`. */
export const TransferAssessment = z
  .strictObject({
    id: sequenceId,
    programId: Id,
    criterionId: Id,
    batchId: Id,
    status: z.enum(ASSESSMENT_STATUSES),
    evidence: text(20_000),
    links: TransferAssessmentLinks,
    assessedBy: Id,
    assessedAt: Timestamp,
  })
  .openapi('TransferAssessment');
export type TransferAssessment = z.infer<typeof TransferAssessment>;

/** The readiness gaps an override let through: criteria codes by dimension. */
export const TransferUnmet = z
  .array(z.strictObject({
    dimension: Dimension,
    criteria: z.array(nonEmpty(100)).max(1000),
    vacantRoles: z.array(nonEmpty(100)).max(1000).optional(),
    conditions: z.array(nonEmpty(1000)).max(100).optional(),
  }))
  .max(4);

/** A phase change let through with a dimension unmet. */
export const TransferGateOverride = z
  .strictObject({
    id: Id,
    programId: Id,
    fromPhase: Phase,
    toPhase: Phase,
    decidedBy: Id,
    reason: nonEmpty(4000),
    unmet: TransferUnmet,
    createdAt: Timestamp,
  })
  .openapi('TransferGateOverride');
export type TransferGateOverride = z.infer<typeof TransferGateOverride>;
