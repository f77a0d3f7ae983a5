import { z } from '@hono/zod-openapi';
import { CalendarDate, Id, Timestamp, longText, requiredText } from './common.js';
import { Constraint, ConstraintKind, Severity } from './constraints.js';
import { ProgramDiagnosis } from './diagnosis.js';
import { OwnershipMap, RoleKey } from './ownership.js';
import { AssessmentItem, MAX_ASSESSMENT_ITEMS, ProgramReadiness } from './readiness.js';

/** Most role holders and binding constraints one clarity assessment may name. */
export const MAX_CLARITY_ROLES = 50;
export const MAX_CLARITY_CONSTRAINTS = 100;

export const ClarityConstraint = z
  .strictObject({
    criterion: z.string().trim().min(1).max(64).openapi({ description: 'The criterion whose gap it closes (id or code).', example: 'GOV-02' }),
    ownerId: Id.openapi({ description: 'The named person who owns closing the gap.' }),
    deadline: CalendarDate,
    title: requiredText(300).optional().openapi({ description: 'Default: "Readiness gap: <criterion text>".' }),
    description: longText(10_000).optional(),
    kind: ConstraintKind.default('blocker'),
    severity: Severity.default('medium'),
  })
  .openapi('ClarityConstraint');

/**
 * The Decision Clarity assessment that starts a program (METHOD.md section 5), recorded in one transaction:
 * the state of each readiness criterion with evidence, the named holders of governance roles, and the binding
 * constraints with owners and deadlines. Either everything is recorded or nothing is.
 */
export const ClarityAssessmentCreate = z
  .strictObject({
    assessedBy: Id.openapi({ description: 'Who ran the assessment.' }),
    assessedAt: Timestamp.optional(),
    items: z.array(AssessmentItem).max(MAX_ASSESSMENT_ITEMS).default([]),
    roles: z.array(z.strictObject({ role: RoleKey, personId: Id })).max(MAX_CLARITY_ROLES).default([]),
    constraints: z.array(ClarityConstraint).max(MAX_CLARITY_CONSTRAINTS).default([]),
  })
  .refine((v) => v.items.length + v.roles.length + v.constraints.length > 0, { message: 'must record at least one criterion, role or constraint', path: ['items'] })
  .openapi('ClarityAssessmentCreate');
export type ClarityAssessmentCreate = z.infer<typeof ClarityAssessmentCreate>;

/** Where the program stands: the start of the guided flow and its outcome. */
export const ClarityAssessment = z
  .object({
    readiness: ProgramReadiness,
    ownership: OwnershipMap,
    diagnosis: ProgramDiagnosis,
    constraints: z.array(Constraint).openapi({ description: 'The constraints this assessment opened (empty when only reading).' }),
  })
  .openapi('ClarityAssessment');
export type ClarityAssessment = z.infer<typeof ClarityAssessment>;
