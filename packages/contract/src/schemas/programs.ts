import { z } from '@hono/zod-openapi';
import { PHASES, RISK_CLASSES } from '@handoff/core';
import { CalendarDate, Id, PageQuery, PersonRef, Version, longText, pageOf, requiredText } from './common.js';

export const Phase = z.enum(PHASES).openapi('Phase', { description: 'Phase on the ladder discovery → pilot → production-readiness → limited-rollout → production.' });
export const RiskClass = z.enum(RISK_CLASSES).openapi('RiskClass', { description: 'Risk tier of the AI system (after the EU AI Act).' });

export const ProgramKey = z
  .string()
  .trim()
  .max(12, { message: 'must be 2 to 12 capital letters or digits, starting with a letter', abort: true })
  .regex(/^[A-Z][A-Z0-9]{1,11}$/, 'must be 2 to 12 capital letters or digits, starting with a letter')
  .openapi({ example: 'CLAIMS' });

export const Program = z
  .object({
    id: Id,
    key: z.string().openapi({ example: 'CLAIMS' }),
    name: z.string().openapi({ example: 'Claims triage' }),
    description: z.string(),
    businessUnit: z.string().nullable().openapi({ example: 'Insurance operations' }),
    phase: Phase,
    nextGate: Phase.nullable().openapi({ description: 'The gate after the current phase; null once in production.' }),
    sponsor: PersonRef.nullable().openapi({ description: 'The named executive who owns the production outcome.' }),
    targetProductionDate: CalendarDate.nullable(),
    riskClass: RiskClass,
    activeConstraints: z.number().int().openapi({ description: 'Constraints still open or in progress.' }),
    overdueConstraints: z.number().int().openapi({ description: 'Active constraints past their deadline.' }),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: Version,
  })
  .openapi('Program');
export type Program = z.infer<typeof Program>;

export const ProgramCreate = z
  .strictObject({
    key: ProgramKey.optional().openapi({ description: 'Short code used in constraint refs; derived from the name when omitted.' }),
    name: requiredText(200).openapi({ example: 'Claims triage' }),
    description: longText(5000).optional(),
    businessUnit: longText(200).nullable().optional(),
    phase: Phase.default('discovery'),
    sponsorId: Id.nullable().optional().openapi({ description: 'Person who sponsors the program.' }),
    targetProductionDate: CalendarDate.nullable().optional(),
    riskClass: RiskClass.default('limited'),
  })
  .openapi('ProgramCreate');
export type ProgramCreate = z.infer<typeof ProgramCreate>;

export const ProgramUpdate = z
  .strictObject({
    name: requiredText(200),
    description: longText(5000),
    businessUnit: longText(200).nullable(),
    phase: Phase,
    sponsorId: Id.nullable(),
    targetProductionDate: CalendarDate.nullable(),
    riskClass: RiskClass,
    reason: longText(2000).openapi({ description: 'Why the program changes (e.g. why it moves back a phase); kept in its history. A gate override carries its own reason.' }),
    override: z.strictObject({
      decidedBy: Id.openapi({ description: "An executive: the program's sponsor or a board member." }),
      reason: requiredText(2000).openapi({ description: 'Why the phase moves with the gate closed; kept in history.' }),
    }).openapi('GateOverrideRequest', { description: 'Lets a forward phase change through while readiness is unmet; recorded with what was unmet.' }),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'must change at least one field' })
  .openapi('ProgramUpdate');
export type ProgramUpdate = z.infer<typeof ProgramUpdate>;

export const ProgramListQuery = PageQuery.extend({
  phase: Phase.optional(),
  sponsor: Id.optional().openapi({ description: 'Sponsor person id.' }),
  q: z.string().trim().max(200).optional().openapi({ description: 'Search in key, name, description and business unit.' }),
});
export type ProgramListQuery = z.infer<typeof ProgramListQuery>;

export const ProgramPage = pageOf(Program, 'ProgramPage');
export type ProgramPage = z.infer<typeof ProgramPage>;

/**
 * What the caller may do on one program, decided by the server's own rules (core `authorize` over the caller's role
 * and whether they lead or belong to the program; the gate override rule of readiness-gate), so a client offers
 * exactly the actions the API would accept and copies no rule.
 */
export const ProgramAccess = z
  .object({
    programId: Id,
    update: z.boolean().openapi({ description: 'Edit the program and move its phase (PATCH /api/programs/{id}).' }),
    lead: z.boolean().openapi({ description: 'Lead it: governance roles, the phase plan, readiness assessments, the cost model and its items, monitors, its escalation ladder.' }),
    member: z.boolean().openapi({ description: 'Work in it: add and import constraints, open a constraint from a readiness gap, add monitor readings.' }),
    requestDecision: z.boolean().openapi({ description: 'Ask the board for a decision about it (POST /api/decisions).' }),
    overrideGate: z.boolean().openapi({ description: 'Override a closed gate with a reason: the program\'s sponsor or a board member, signed in as themself.' }),
  })
  .openapi('ProgramAccess');
export type ProgramAccess = z.infer<typeof ProgramAccess>;
