import { z } from '@hono/zod-openapi';
import { CalendarDate, Id, PageQuery, PersonRef, Version, longText, pageOf, requiredText } from './common.js';
import { RoleKey } from './ownership.js';

/** Roles a level can target, resolved per program at the time the level fires. */
export const ESCALATION_ROLES = ['owner', 'sponsor', 'board'] as const;

export const EscalationTarget = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('role'), role: z.enum(ESCALATION_ROLES) }),
    z.strictObject({ kind: z.literal('program-role'), role: RoleKey.openapi({ description: 'A governance role of the program (built-in or the workspace’s); a vacant one is skipped and the skip recorded.' }) }),
    z.strictObject({ kind: z.literal('person'), personId: Id }),
  ])
  .openapi('EscalationTarget', { description: 'A role resolved per program (owner, sponsor, board), a governance role of the program (drift-monitor, …) or a named person.' });
export type EscalationTarget = z.infer<typeof EscalationTarget>;

export const EscalationLevel = z
  .strictObject({
    name: requiredText(40).openapi({ example: 'sponsor' }),
    offsetDays: z.number().int().min(-90).max(365).openapi({ description: 'Days from the deadline day: -3 = three days before, 0 = on the day, 7 = seven days overdue.', example: 7 }),
    condition: z.enum(['not-acknowledged', 'not-resolved']).openapi({ description: '`not-acknowledged` levels stop once someone acknowledges; `not-resolved` levels fire while the constraint is open (after any acknowledgement hold).' }),
    targets: z.array(EscalationTarget).min(1).max(10),
    createsDecision: z.boolean().default(false).openapi({ description: 'Reaching this level creates a board decision request.' }),
  })
  .openapi('EscalationLevel');
export type EscalationLevel = z.infer<typeof EscalationLevel>;

export const EscalationPolicyInput = z
  .strictObject({
    levels: z
      .array(EscalationLevel)
      .min(1)
      .max(10)
      .refine((ls) => ls.every((l, i) => i === 0 || (ls[i - 1]?.offsetDays ?? l.offsetDays) < l.offsetDays), {
        message: 'levels must be ordered by offsetDays, strictly increasing',
      }),
    acknowledgementHoldDays: z.number().int().min(0).max(90).default(3),
  })
  .openapi('EscalationPolicyInput');
export type EscalationPolicyInput = z.infer<typeof EscalationPolicyInput>;

export const EscalationPolicy = z
  .object({
    scope: z.enum(['default', 'workspace', 'program']).openapi({ description: '`default` = the built-in ladder (nothing configured); `workspace` = the workspace default; `program` = an override.' }),
    programId: Id.nullable(),
    levels: z.array(EscalationLevel),
    acknowledgementHoldDays: z.number().int(),
    version: Version.nullable(),
    updatedAt: z.string().nullable(),
  })
  .openapi('EscalationPolicy');
export type EscalationPolicy = z.infer<typeof EscalationPolicy>;

/** Escalation state of one constraint in its current clock cycle. */
export const EscalationState = z
  .object({
    cycle: z.number().int().openapi({ description: 'Clock cycle; a deadline move starts a new one.' }),
    level: z.number().int().openapi({ description: 'Highest level reached this cycle (0-based), -1 before the first.' }),
    levelName: z.string().nullable(),
    nextLevelAt: z.string().nullable().openapi({ description: 'When the next level falls due; null when closed, paused or at the top.' }),
    acknowledgedBy: PersonRef.nullable(),
    acknowledgedAt: z.string().nullable(),
    pausedAt: z.string().nullable(),
    pausedReason: z.string().nullable(),
  })
  .openapi('EscalationState');
export type EscalationState = z.infer<typeof EscalationState>;

export const AcknowledgeInput = z
  .strictObject({
    personId: Id.openapi({ description: 'Who acknowledges: the owner or someone the escalation reached.' }),
    note: longText(2000).optional(),
  })
  .openapi('AcknowledgeInput');
export type AcknowledgeInput = z.infer<typeof AcknowledgeInput>;

export const PauseInput = z
  .strictObject({ reason: requiredText(2000).openapi({ example: 'Waiting for the regulator to answer' }) })
  .openapi('PauseInput');
export type PauseInput = z.infer<typeof PauseInput>;

export const ResumeInput = z.strictObject({ note: longText(2000).optional() }).openapi('ResumeInput');
export type ResumeInput = z.infer<typeof ResumeInput>;

export const ActiveEscalation = z
  .object({
    constraintId: Id,
    ref: z.string(),
    title: z.string(),
    programId: Id,
    programKey: z.string(),
    owner: PersonRef,
    deadline: CalendarDate,
    daysOverdue: z.number().int(),
    state: EscalationState,
    lastFiredAt: z.string(),
    recipients: z.array(Id).openapi({ description: 'Everyone the escalation has reached this cycle.' }),
  })
  .openapi('ActiveEscalation');
export type ActiveEscalation = z.infer<typeof ActiveEscalation>;

export const EscalationListQuery = PageQuery.extend({
  person: Id.optional().openapi({ description: 'Only escalations that reached this person (or that they own).' }),
  program: Id.optional(),
  level: z.coerce.number().int().min(0).max(9).optional().openapi({ description: 'Only escalations at this level or above.' }),
});
export type EscalationListQuery = z.infer<typeof EscalationListQuery>;

export const ActiveEscalationPage = pageOf(ActiveEscalation, 'ActiveEscalationPage');
export type ActiveEscalationPage = z.infer<typeof ActiveEscalationPage>;

export const SweepInput = z
  .strictObject({ at: z.iso.datetime({ offset: true }).optional().openapi({ description: 'Sweep as of this instant (simulate time); default the database clock.' }) })
  .openapi('SweepInput');
export type SweepInput = z.infer<typeof SweepInput>;

export const SweepResult = z
  .object({
    at: z.string(),
    constraints: z.number().int().openapi({ description: 'Constraints examined.' }),
    notified: z.number().int().openapi({ description: 'Levels fired with recipients.' }),
    skipped: z.number().int().openapi({ description: 'Levels skipped for lack of anyone to notify.' }),
    decisions: z.number().int().openapi({ description: 'Board decision requests created.' }),
    notifications: z.number().int().openapi({ description: 'Notifications enqueued.' }),
  })
  .openapi('SweepResult');
export type SweepResult = z.infer<typeof SweepResult>;
