import { PlanInput } from '@handoff/contract';
import { addDays, isCalendarDate } from '@handoff/core';
import { invalidField } from '../errors.js';
import type { Handoff } from '../handoff.js';

/**
 * Phase plans of the six demo programs as plain data: planned gate dates in days relative to the day the
 * demo is loaded (negative: in the past). A gate left out has no plan date; a production gate left out
 * takes the program's target production date. With the demo's constraints the plans tell these stories:
 * - CLAIMS: limited rollout planned three weeks out slips behind the overdue governance chain (no output
 *   owner → no drift monitoring), while production still holds on the target with a few weeks of slack.
 *   Its shared serving-HA blocker (CLAIMS-1) is days from critical for CLAIMS and for DESK's production:
 *   `handoff impact CLAIMS-1 --days 14` moves gates of five programs.
 * - KYC: every gate was planned in the past and missed: nobody accountable, no budget.
 * - DESK: production was planned for Christmas week and slips behind the agents left out of the design,
 *   inside the target date.
 * - FORECAST: in production; its plan is the record of how it got there.
 * - CONTRACTS: early, on plan.
 * - FRAUD: production readiness slips behind the unowned alert threshold; production far enough out.
 */
export const DEMO_PLANS: Readonly<Record<string, Readonly<Partial<Record<keyof PlanInput['gates'], number>>>>> = {
  CLAIMS: { 'pilot': -150, 'production-readiness': -60, 'limited-rollout': 21 },
  KYC: { 'pilot': -120, 'production-readiness': -50, 'limited-rollout': -35 },
  DESK: { 'pilot': -200, 'production-readiness': -120, 'limited-rollout': -40, 'production': 30 },
  FORECAST: { 'pilot': -400, 'production-readiness': -300, 'limited-rollout': -220, 'production': -150 },
  CONTRACTS: { 'pilot': 45, 'production-readiness': 120, 'limited-rollout': 180, 'production': 240 },
  FRAUD: { 'pilot': -30, 'production-readiness': 30, 'limited-rollout': 90, 'production': 150 },
};

/** What the plans part of the demo loaded. */
export interface DemoPlansSummary {
  readonly programs: number;
  readonly gates: number;
}

/**
 * Sets the demo plans through the timeline service (so each gate is in the program history) for the
 * programs named in `programIdsByKey` (key → id). `today` is the workspace-local date the offsets count from.
 */
export async function loadDemoPlans(handoff: Handoff, programIdsByKey: ReadonlyMap<string, string>, today: string): Promise<DemoPlansSummary> {
  if (!isCalendarDate(today)) throw invalidField('today', 'must be a real calendar date in YYYY-MM-DD form');
  let gates = 0;
  for (const [key, offsets] of Object.entries(DEMO_PLANS)) {
    const programId = programIdsByKey.get(key);
    if (!programId) throw new Error(`demo plans: no program id for ${key}`);
    const dates = Object.fromEntries(Object.entries(offsets).map(([gate, offset]) => [gate, addDays(today, offset)]));
    await handoff.services.timeline.setPlan(handoff.actor, programId, PlanInput.parse({ gates: dates, reason: 'Plan agreed at program kick-off' }));
    gates += Object.keys(dates).length;
  }
  return { programs: Object.keys(DEMO_PLANS).length, gates };
}
