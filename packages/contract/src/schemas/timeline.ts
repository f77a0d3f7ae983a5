import { z } from '@hono/zod-openapi';
import { CalendarDate, Id, PersonRef, longText } from './common.js';
import { ConstraintKind, ConstraintStatus, Dimension, Severity } from './constraints.js';
import { Phase } from './programs.js';

/**
 * Phase plans, the plan-based timeline (projected gates, critical path, slack, binding constraint), the
 * impact of a slip and the Monte Carlo forecast (docs/TIMELINE.md). Days are whole calendar days; dates
 * are workspace-local YYYY-MM-DD.
 */

/** The gates a plan can date: every phase but discovery, which no gate opens. */
export const PLANNABLE_GATES = ['pilot', 'production-readiness', 'limited-rollout', 'production'] as const;

/** Forecast defaults and bounds: a fixed seed so the same data gives the same body; trials bounded to keep a request cheap. */
export const FORECAST_DEFAULT_SEED = 1;
export const FORECAST_DEFAULT_TRIALS = 2000;
export const FORECAST_MAX_TRIALS = 10_000;
/** Largest slip the impact endpoint answers, in days (ten years). */
export const IMPACT_MAX_DAYS = 3650;

export const PlanInput = z
  .strictObject({
    gates: z.strictObject({
      'pilot': CalendarDate.optional(),
      'production-readiness': CalendarDate.optional(),
      'limited-rollout': CalendarDate.optional(),
      'production': CalendarDate.optional(),
    }).openapi({ description: 'Planned date per gate. The whole plan: a gate left out has no plan date afterwards.' }),
    reason: longText(2000).optional().openapi({ description: 'Why the plan changes; kept in history.' }),
  })
  .openapi('PlanInput');
export type PlanInput = z.infer<typeof PlanInput>;

export const TimelineProgramRef = z
  .object({ id: Id, key: z.string(), name: z.string(), phase: Phase })
  .openapi('TimelineProgramRef');
export type TimelineProgramRef = z.infer<typeof TimelineProgramRef>;

export const PlanSource = z.enum(['plan', 'target-production-date']).openapi('PlanSource', {
  description: '`plan`: set on the plan; `target-production-date`: the production gate without a plan date takes the program’s target.',
});

export const PlannedGate = z
  .object({
    gate: Phase,
    plannedDate: CalendarDate.nullable(),
    source: PlanSource.nullable(),
    passed: z.boolean().openapi({ description: 'The program is already at or beyond this phase.' }),
  })
  .openapi('PlannedGate');

export const PhasePlan = z
  .object({
    program: TimelineProgramRef,
    targetProductionDate: CalendarDate.nullable(),
    gates: z.array(PlannedGate).openapi({ description: 'Every plannable gate, in phase order.' }),
  })
  .openapi('PhasePlan');
export type PhasePlan = z.infer<typeof PhasePlan>;

/** A constraint named on the timeline (it may belong to another program). */
export const TimelineConstraintRef = z
  .object({
    id: Id,
    ref: z.string().openapi({ example: 'CLAIMS-12' }),
    title: z.string(),
    programKey: z.string(),
    owner: PersonRef,
    deadline: CalendarDate,
    status: ConstraintStatus,
    severity: Severity,
  })
  .openapi('TimelineConstraintRef');
export type TimelineConstraintRef = z.infer<typeof TimelineConstraintRef>;

export const TimelineCriticalPath = z
  .object({
    kind: z.enum(['constraints', 'plan', 'today']).openapi({ description: 'What sets the gate date: a chain of constraints, the plan date, or today.' }),
    gates: z.array(Phase).openapi({ description: 'From the gate where the path enters the program to this gate.' }),
    constraints: z.array(TimelineConstraintRef).openapi({ description: 'Origin first (its own date is the gate date), each depended on by the next; empty for plan/today.' }),
  })
  .openapi('TimelineCriticalPath');

export const GateTimeline = z
  .object({
    gate: Phase,
    plannedDate: CalendarDate.nullable(),
    planSource: PlanSource.nullable(),
    projectedDate: CalendarDate,
    slipDays: z.number().int().nullable().openapi({ description: 'Projected minus planned (negative: ahead); null without a plan date.' }),
    criticalPath: TimelineCriticalPath,
  })
  .openapi('GateTimeline');

const SlipRate = z.object({ nextGate: z.number().int(), production: z.number().int() });

export const TimelineBinding = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('constraint'),
      gate: Phase,
      constraint: TimelineConstraintRef,
      delayOverPlanDays: z.number().int().nullable().openapi({ description: 'Days the next gate is projected beyond its plan date.' }),
      slackDays: z.literal(0).openapi({ description: 'Its slack to the next gate: any slip moves the gate.' }),
      productionSlackDays: z.number().int().openapi({ description: 'Days it can slip before production moves.' }),
      delayPerDayOfSlip: SlipRate.openapi({ description: 'Days the next gate / production move per day of slip, from now: production moves once the slip exceeds productionSlackDays.' }),
      delayPerWeekOfSlip: SlipRate.openapi({ description: 'Days the next gate / production move if it resolves 7 days later.' }),
    }),
    z.object({ kind: z.literal('plan'), gate: Phase }).openapi({ description: 'Nothing blocks the next gate beyond its plan date.' }),
    z.object({ kind: z.literal('today'), gate: Phase }).openapi({ description: 'No plan date ahead and nothing blocking: the next gate could open today.' }),
    z.object({ kind: z.literal('in-production') }),
  ])
  .openapi('TimelineBinding');
export type TimelineBinding = z.infer<typeof TimelineBinding>;

export const ConstraintOnTimeline = TimelineConstraintRef.extend({
  kind: ConstraintKind,
  dimension: Dimension,
  blocksGate: Phase,
  projectedFinish: CalendarDate,
  slackDays: z.number().int().nullable().openapi({ description: 'Days it can slip before a gate of this program moves; null when it reaches none.' }),
  overdueDays: z.number().int().openapi({ description: 'Days past its deadline today (0 when not overdue).' }),
  forecastLatenessDays: z.number().int().nullable().openapi({ description: 'For an overdue constraint: forecast days beyond today before it resolves (reference class median).' }),
}).openapi('ConstraintOnTimeline');

export const ProgramTimeline = z
  .object({
    program: TimelineProgramRef,
    today: CalendarDate,
    targetProductionDate: CalendarDate.nullable(),
    productionVsTargetDays: z.number().int().nullable().openapi({ description: 'Projected production minus target (positive: late).' }),
    gates: z.array(GateTimeline).openapi({ description: 'The remaining gates in order; empty once in production.' }),
    binding: TimelineBinding,
    constraints: z.array(ConstraintOnTimeline).openapi({ description: 'Every active constraint of the program, least slack first.' }),
  })
  .openapi('ProgramTimeline');
export type ProgramTimeline = z.infer<typeof ProgramTimeline>;

export const ImpactQuery = z.object({
  days: z.coerce.number().int().min(0).max(IMPACT_MAX_DAYS).openapi({ description: `Days of slip beyond the projected finish, 0 to ${IMPACT_MAX_DAYS}.`, example: 14 }),
});

export const GateSlip = z
  .object({
    gate: Phase,
    projectedDate: CalendarDate,
    marginDays: z.number().int().openapi({ description: 'Gate date minus the constraint’s projected finish.' }),
    delayDays: z.number().int().openapi({ description: 'max(0, days − margin).' }),
    newDate: CalendarDate,
  })
  .openapi('GateSlip');

export const ProgramImpact = z
  .object({
    program: TimelineProgramRef,
    gates: z.array(GateSlip).openapi({ description: 'From the first gate the constraint reaches to production.' }),
    nextGateDelayDays: z.number().int(),
    productionDelayDays: z.number().int(),
    production: z.object({ before: CalendarDate, after: CalendarDate }),
  })
  .openapi('ProgramImpact');

export const ConstraintImpact = z
  .object({
    constraint: TimelineConstraintRef,
    days: z.number().int(),
    today: CalendarDate,
    projectedFinish: CalendarDate,
    slackDays: z.number().int().nullable().openapi({ description: 'Smallest margin to any gate it reaches; null when it reaches none.' }),
    programs: z.array(ProgramImpact).openapi({ description: 'Every program with a gate it reaches, by key.' }),
  })
  .openapi('ConstraintImpact');
export type ConstraintImpact = z.infer<typeof ConstraintImpact>;

export const ForecastQuery = z.object({
  trials: z.coerce.number().int().min(1).max(FORECAST_MAX_TRIALS).default(FORECAST_DEFAULT_TRIALS)
    .openapi({ description: `Monte Carlo trials, 1 to ${FORECAST_MAX_TRIALS}.`, example: FORECAST_DEFAULT_TRIALS }),
  seed: z.coerce.number().int().min(0).max(2 ** 32 - 1).default(FORECAST_DEFAULT_SEED)
    .openapi({ description: `Seed of the random draws (default ${FORECAST_DEFAULT_SEED}); the same data and seed give the same forecast.`, example: 1 }),
});

export const ForecastGate = z
  .object({ gate: Phase, plannedDate: CalendarDate.nullable(), p50: CalendarDate, p80: CalendarDate, p95: CalendarDate })
  .openapi('ForecastGate');

export const ProgramForecast = z
  .object({
    program: TimelineProgramRef,
    today: CalendarDate,
    seed: z.number().int(),
    trials: z.number().int(),
    targetProductionDate: CalendarDate.nullable(),
    gates: z.array(ForecastGate),
    production: ForecastGate.nullable(),
    onTargetProbability: z.number().min(0).max(1).nullable().openapi({ description: 'Share of trials in which production opens on or before the target.' }),
    criticality: z.array(z.object({
      constraint: TimelineConstraintRef,
      nextGate: z.number().min(0).max(1),
      production: z.number().min(0).max(1),
    })).openapi({ description: 'Share of trials each constraint lay on the critical path of the next gate / production; most critical first.' }),
    referenceClasses: z.array(z.object({
      kind: ConstraintKind,
      dimension: Dimension,
      classSamples: z.number().int(),
      workspaceSamples: z.number().int(),
      weights: z.object({ class: z.number(), workspace: z.number(), prior: z.number() }),
    })).openapi({ description: 'Where each class’s lateness came from: its own history, the workspace’s, the prior.' }),
  })
  .openapi('ProgramForecast');
export type ProgramForecast = z.infer<typeof ProgramForecast>;
