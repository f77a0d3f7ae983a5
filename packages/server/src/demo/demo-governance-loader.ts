import { AssessmentCreate, MonitorCreate, ReadingBatch, RoleAssignInput } from '@handoff/contract';
import type { Handoff } from '../handoff.js';
import { DEMO_GOVERNANCE } from './demo-governance.js';
import type { PersonHandle } from './demo-people.js';

const DAY_MS = 86_400_000;

/** What the governance part of the demo loaded. */
export interface DemoGovernanceSummary {
  readonly assessments: number;
  readonly roles: number;
  readonly monitors: number;
  readonly readings: number;
  /** Risk constraints opened by monitors breaching on their readings. */
  readonly breaches: number;
}

/**
 * Loads the demo's readiness assessments (dated in the past, oldest first, so the trend has history), role
 * holders, monitors and their readings, through the services as API calls would. `now` is the load instant;
 * readings fall at 06:00 UTC on their day, assessments at 09:00 UTC.
 */
export async function loadDemoGovernance(
  { services, actor }: Handoff, now: Date, personId: (handle: PersonHandle) => string,
): Promise<DemoGovernanceSummary> {
  const dayStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const at = (daysAgo: number, hour: number): string => new Date(dayStart - daysAgo * DAY_MS + hour * 3_600_000).toISOString();
  let assessments = 0;
  let roles = 0;
  let monitors = 0;
  let readings = 0;
  let breaches = 0;
  for (const [key, g] of Object.entries(DEMO_GOVERNANCE)) {
    for (const [role, handle] of Object.entries(g.roles)) {
      await services.ownership.assign(actor, key, role, RoleAssignInput.parse({ personId: personId(handle) }));
      roles += 1;
    }
    for (const a of g.assessments) {
      const items = Object.entries(a.results).map(([criterion, [status, evidence]]) => ({ criterion, status, evidence }));
      await services.readiness.assess(actor, key, AssessmentCreate.parse({ assessedBy: personId(a.assessor), assessedAt: at(a.daysAgo, 9), items }));
      assessments += items.length;
    }
    for (const m of g.monitors) {
      await services.monitors.create(actor, key, MonitorCreate.parse({
        key: m.key, name: m.name, metric: m.metric, unit: m.unit, direction: m.direction, warningThreshold: m.warning,
        breachThreshold: m.breach, windowMinutes: m.windowMinutes, ownerRole: m.ownerRole, deadlineDays: m.deadlineDays,
        severity: m.severity, dimension: m.dimension, alertLabels: m.alertLabels,
      }));
      monitors += 1;
      const batch = ReadingBatch.parse({ readings: m.readings.map(([daysAgo, value]) => ({ monitor: m.key, value, observedAt: at(daysAgo, 6) })) });
      const recorded = await services.monitors.record(actor, key, batch);
      readings += m.readings.length;
      breaches += recorded.monitors.filter((d) => d.view.constraint_id !== null).length;
    }
  }
  return { assessments, roles, monitors, readings, breaches };
}
