import { z } from '@hono/zod-openapi';
import { CalendarDate, Id, IdOrKey, PageQuery, PersonRef, Version, longText, pageOf, requiredText } from './common.js';
import { ConstraintStatus } from './constraints.js';
import { Phase } from './programs.js';

export const DecisionStatus = z.enum(['pending', 'decided', 'withdrawn']).openapi('DecisionStatus');

/**
 * An effect a decision can apply when it is taken, as asked for (in an option of a request, or by the
 * decider). A constraint named by id or ref must belong to the decision's program; left out, it is the
 * decision's own constraint. `to` of a deadline move may be left for the decider to supply. `none` takes
 * an option without applying the effect it carries.
 */
export const DecisionEffectInput = z
  .discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('move-deadline'),
      constraintId: IdOrKey.optional(),
      to: CalendarDate.optional().openapi({ description: 'The new deadline; the decider supplies it when the option leaves it out.' }),
    }),
    z.strictObject({ kind: z.literal('accept-constraint'), constraintId: IdOrKey.optional() }),
    z.strictObject({ kind: z.literal('phase-override'), to: Phase }),
    z.strictObject({ kind: z.literal('none') }),
  ])
  .openapi('DecisionEffectInput');
export type DecisionEffectInput = z.infer<typeof DecisionEffectInput>;

/** What taking a decision changed, with the values before and after (stored with the decision). */
export const DecisionEffect = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('move-deadline'), constraintId: Id, from: CalendarDate, to: CalendarDate }),
    z.strictObject({ kind: z.literal('accept-constraint'), constraintId: Id, from: ConstraintStatus }),
    z.strictObject({
      kind: z.literal('phase-override'),
      programId: Id,
      from: Phase,
      to: Phase,
      gateOverridden: z.boolean().openapi({ description: 'True when the gate was closed and the decider overrode it (a gate override is recorded).' }),
    }),
  ])
  .openapi('DecisionEffect');
export type DecisionEffect = z.infer<typeof DecisionEffect>;

/** One option of a request: its label and, optionally, the effect taking it applies. */
export const DecisionOptionInput = z
  .strictObject({ label: requiredText(4000), effect: DecisionEffectInput.optional() })
  .openapi('DecisionOptionInput');
export type DecisionOptionInput = z.infer<typeof DecisionOptionInput>;

/** An option stored with its effect (requests made by hand). */
export const LabelledDecisionOption = z.strictObject({ label: z.string().max(4000), effect: DecisionEffectInput.optional() });

/** A stored option: a plain label (requests raised by escalation) or a label with its effect. */
export const StoredDecisionOption = z.union([z.string(), LabelledDecisionOption]);
export type StoredDecisionOption = z.infer<typeof StoredDecisionOption>;

export const Decision = z
  .object({
    id: Id,
    programId: Id,
    programKey: z.string(),
    constraintId: Id.nullable(),
    constraintRef: z.string().nullable(),
    source: z.enum(['escalation', 'manual']),
    title: z.string(),
    context: z.string().openapi({ description: 'What is blocked, since when, and what has been tried.' }),
    options: z.array(z.string()).openapi({ description: 'The labels of the options, numbered from 1 by `option` when deciding.' }),
    optionEffects: z.array(DecisionEffectInput.nullable()).openapi({ description: 'Beside each option, the effect taking it applies (null: none).' }),
    recommendation: z.string(),
    dueDate: CalendarDate,
    overdue: z.boolean().openapi({ description: 'Pending and its due date has passed in the workspace\'s time zone.' }),
    daysOverdue: z.number().int().openapi({ description: 'Days past the due date while pending; 0 otherwise.' }),
    status: DecisionStatus,
    outcome: z.string().nullable(),
    decidedBy: PersonRef.nullable(),
    decidedAt: z.string().nullable(),
    effect: DecisionEffect.nullable().openapi({ description: 'What taking the decision changed; null while pending or when it changed nothing.' }),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: Version,
  })
  .openapi('Decision');
export type Decision = z.infer<typeof Decision>;

export const DecisionListQuery = PageQuery.extend({
  status: DecisionStatus.optional(),
  program: Id.optional(),
  waitingFor: Id.optional().openapi({
    description: 'Only pending decisions waiting for this person: every one when they sit on the board, otherwise those of the programs they sponsor (whom a request notifies, and what their weekly digest lists).',
  }),
});
export type DecisionListQuery = z.infer<typeof DecisionListQuery>;

export const DecisionPage = pageOf(Decision, 'DecisionPage');
export type DecisionPage = z.infer<typeof DecisionPage>;

/** Most options a request may offer. */
export const MAX_DECISION_OPTIONS = 10;

export const DecisionRequestInput = z
  .strictObject({
    programId: IdOrKey.openapi({ description: 'The program (id or key).' }),
    constraintId: IdOrKey.optional().openapi({ description: 'The constraint the decision is about (id or ref); it must belong to the program.' }),
    title: requiredText(300),
    context: longText(10_000).openapi({ description: 'What is blocked, since when, and what has been tried.' }),
    options: z.array(DecisionOptionInput).min(2, 'must offer at least 2 options').max(MAX_DECISION_OPTIONS, `must offer at most ${MAX_DECISION_OPTIONS} options`),
    recommendedOption: z.number().int().min(1).openapi({ description: 'The recommended option, numbered from 1.' }),
    dueDate: CalendarDate.openapi({ description: 'When the board must decide (today or later).' }),
  })
  .refine((v) => v.recommendedOption <= v.options.length, { path: ['recommendedOption'], message: 'must number one of the options' })
  .openapi('DecisionRequestInput');
export type DecisionRequestInput = z.infer<typeof DecisionRequestInput>;

export const DecideInput = z
  .strictObject({
    option: z.number().int().min(1).optional().openapi({ description: 'The option taken, numbered from 1; its effect applies unless `effect` says otherwise.' }),
    outcome: requiredText(4000).optional().openapi({ description: 'The decision taken in words (default: the label of the option).' }),
    decidedBy: Id.openapi({ description: 'The person who decided (a board member or the sponsor).' }),
    effect: DecisionEffectInput.optional().openapi({ description: "The effect to apply, completing or replacing the option's (e.g. the new deadline)." }),
  })
  .refine((v) => v.option !== undefined || v.outcome !== undefined, { path: ['outcome'], message: 'is required when no option is taken' })
  .openapi('DecideInput');
export type DecideInput = z.infer<typeof DecideInput>;
