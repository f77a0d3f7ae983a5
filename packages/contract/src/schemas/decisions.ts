import { z } from '@hono/zod-openapi';
import { CalendarDate, Id, PageQuery, PersonRef, Version, pageOf, requiredText } from './common.js';

export const DecisionStatus = z.enum(['pending', 'decided', 'withdrawn']).openapi('DecisionStatus');

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
    options: z.array(z.string()),
    recommendation: z.string(),
    dueDate: CalendarDate,
    status: DecisionStatus,
    outcome: z.string().nullable(),
    decidedBy: PersonRef.nullable(),
    decidedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: Version,
  })
  .openapi('Decision');
export type Decision = z.infer<typeof Decision>;

export const DecisionListQuery = PageQuery.extend({
  status: DecisionStatus.optional(),
  program: Id.optional(),
});
export type DecisionListQuery = z.infer<typeof DecisionListQuery>;

export const DecisionPage = pageOf(Decision, 'DecisionPage');
export type DecisionPage = z.infer<typeof DecisionPage>;

export const DecideInput = z
  .strictObject({
    outcome: requiredText(4000).openapi({ description: 'The decision taken (one of the options, or another course).' }),
    decidedBy: Id.openapi({ description: 'The person who decided (a board member or the sponsor).' }),
  })
  .openapi('DecideInput');
export type DecideInput = z.infer<typeof DecideInput>;
