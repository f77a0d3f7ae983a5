import { z } from '@hono/zod-openapi';
import { CalendarDate, Id } from './common.js';
import { FailureMode } from './diagnosis.js';
import { Phase } from './programs.js';

/** What an answer can lack (docs/BRIEF.md). */
export const BriefMissingItem = z.enum(['sponsor', 'owner', 'deadline', 'plan', 'target-production-date']).openapi('BriefMissingItem');

const answer = <T extends z.ZodType>(detail: T) => z.object({
  question: z.string().openapi({ example: 'What is blocking the next phase?' }),
  status: z.enum(['answered', 'missing']),
  text: z.string().openapi({ description: 'The answer in plain language, or what is missing.' }),
  missing: z.array(BriefMissingItem).openapi({ description: 'Empty when answered.' }),
  detail: detail.nullable().openapi({ description: 'The answer as data; null when missing.' }),
});

export const BriefConstraintRef = z.object({ id: Id, ref: z.string(), title: z.string() }).openapi('BriefConstraintRef');

export const BriefPendingDecision = z.object({ id: Id, title: z.string(), recommendation: z.string(), dueDate: CalendarDate, constraintRef: z.string().nullable() })
  .openapi('BriefPendingDecision');
export const BriefRecommendedDecision = z.object({
  source: z.enum(['board-escalation', 'gate-blocked']), constraintRef: z.string().nullable(), title: z.string(),
  action: z.string().openapi({ description: 'The recommended action.' }),
}).openapi('BriefRecommendedDecision');

export const BriefForecast = z.object({
  p50: CalendarDate, p80: CalendarDate, p95: CalendarDate,
  daysLateP80: z.number().int().nullable().openapi({ description: 'P80 of production minus the target production date, in days.' }),
  onTargetProbability: z.number().nullable(),
}).openapi('BriefForecast');

export const BriefAnswers = z.object({
  q1: answer(z.object({ binding: z.enum(['constraint', 'plan', 'today', 'in-production']), gate: Phase.nullable(), constraint: BriefConstraintRef.nullable() })),
  q2: answer(z.object({
    owner: z.string(), deadline: CalendarDate.nullable(), daysOverdue: z.number().int(), escalationLevel: z.string().nullable(),
    lastReviewedAt: z.string().nullable(), stale: z.boolean(),
  })),
  q3: answer(z.object({
    gateSlipPerWeek: z.number().int().openapi({ description: 'Days the next gate moves per week of delay of the binding constraint.' }),
    productionSlipPerWeek: z.number().int(), forecast: BriefForecast.nullable(), targetProductionDate: CalendarDate.nullable(),
  })),
  q4: answer(z.object({ pending: z.array(BriefPendingDecision), recommended: z.array(BriefRecommendedDecision) })),
}).openapi('BriefAnswers');

const Dim = z.object({ score: z.number(), met: z.boolean() });

export const ProgramBrief = z.object({
  program: z.object({
    id: Id, key: z.string(), name: z.string(), phase: Phase, sponsor: z.object({ id: Id, name: z.string() }).nullable(), targetProductionDate: CalendarDate.nullable(),
  }),
  asOf: CalendarDate,
  verdict: z.object({
    kind: z.enum(['executive-ownership', 'visibility-only']),
    missing: z.array(z.object({ question: z.number().int().min(1).max(4), items: z.array(BriefMissingItem) })),
  }).openapi({ description: 'Executive ownership when all four answers are there; otherwise visibility, naming the missing answers.' }),
  answers: BriefAnswers,
  readiness: z.object({ technical: Dim, governance: Dim, workforce: Dim, economic: Dim }).nullable()
    .openapi({ description: 'Per dimension for the next gate; null when never assessed.' }),
  diagnosis: z.object({ healthy: z.boolean(), summary: z.string(), modes: z.array(z.object({ mode: FailureMode, strength: z.enum(['strong', 'emerging']) })) }),
  constraints: z.object({
    active: z.number().int(), overdue: z.number().int(), stale: z.number().int(),
    escalated: z.number().int().openapi({ description: 'Active constraints whose escalation reached a level in its current cycle (as the library’s `escalated=true`).' }),
  }),
  risk: z.object({ score: z.number(), daysLate: z.number().int() }).openapi({ description: 'Portfolio sort key (docs/BRIEF.md).' }),
}).openapi('ProgramBrief');
export type ProgramBrief = z.infer<typeof ProgramBrief>;

export const ForecastSettings = z.object({ seed: z.number().int(), trials: z.number().int() })
  .openapi('BriefForecastSettings', { description: 'The forecast runs with this fixed seed and trial count, so the brief is reproducible.' });

export const ProgramBriefResponse = ProgramBrief.extend({ forecastSettings: ForecastSettings }).openapi('ProgramBriefResponse');
export type ProgramBriefResponse = z.infer<typeof ProgramBriefResponse>;

export const SharedConstraint = z.object({
  id: Id, ref: z.string(), title: z.string(), programKey: z.string(), deadline: CalendarDate, status: z.string(),
  blocks: z.array(z.string()).openapi({ description: 'Keys of the programs whose gates it is on the dependency path of (two or more).' }),
}).openapi('SharedConstraint');

export const PortfolioBrief = z.object({
  asOf: CalendarDate,
  forecastSettings: ForecastSettings,
  programs: z.array(ProgramBrief).openapi({ description: 'Most risk to the production date first.' }),
  sharedConstraints: z.array(SharedConstraint),
}).openapi('PortfolioBrief');
export type PortfolioBrief = z.infer<typeof PortfolioBrief>;
