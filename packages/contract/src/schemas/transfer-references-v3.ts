import type { TransferFields } from './transfer.js';
import type { TransferCheck } from './transfer-check.js';
import { TRANSFER_CATEGORIES_BY_SIDE } from './transfer-economics.js';

/** Ids of the version-1 sections the readiness, ownership and monitoring rows refer to. */
export interface KnownIds {
  people: ReadonlySet<string>;
  programs: ReadonlySet<string>;
}

/**
 * The cross-references of the version-3 sections: unique keys as the tables declare them, and every
 * foreign key resolved within the document (assessment → criterion, program, person; override →
 * program, person; role holder → program, person; monitor → program; reading and alert event →
 * monitor; constraint → criterion, monitor, at most one constraint per monitor).
 */
export function readinessReferenceIssues(doc: TransferFields, check: TransferCheck, known: KnownIds): void {
  const { unique, refer } = check;
  const { people, programs } = known;

  const criteria = unique('criteria', doc.criteria, 'id', (c) => c.id);
  unique('criteria', doc.criteria, 'code', (c) => c.code);
  const monitors = unique('monitors', doc.monitors, 'id', (m) => m.id);
  unique('monitors', doc.monitors, 'key', (m) => `${m.programId} ${m.key}`);
  doc.monitors.forEach((m, i) => refer(programs, 'program', ['monitors', i, 'programId'], m.programId));

  unique('constraints', doc.constraints, 'monitorId', (c) => c.monitorId);
  doc.constraints.forEach((c, i) => {
    refer(criteria, 'criterion', ['constraints', i, 'criterionId'], c.criterionId);
    refer(monitors, 'monitor', ['constraints', i, 'monitorId'], c.monitorId);
  });

  unique('assessments', doc.assessments, 'id', (a) => String(a.id));
  doc.assessments.forEach((a, i) => {
    refer(programs, 'program', ['assessments', i, 'programId'], a.programId);
    refer(criteria, 'criterion', ['assessments', i, 'criterionId'], a.criterionId);
    refer(people, 'person', ['assessments', i, 'assessedBy'], a.assessedBy);
  });

  unique('gateOverrides', doc.gateOverrides, 'id', (o) => o.id);
  doc.gateOverrides.forEach((o, i) => {
    refer(programs, 'program', ['gateOverrides', i, 'programId'], o.programId);
    refer(people, 'person', ['gateOverrides', i, 'decidedBy'], o.decidedBy);
  });

  unique('governanceRoles', doc.governanceRoles, 'key', (r) => r.key);
  unique('programRoles', doc.programRoles, 'roleKey', (r) => `${r.programId} ${r.roleKey}`);
  doc.programRoles.forEach((r, i) => {
    refer(programs, 'program', ['programRoles', i, 'programId'], r.programId);
    refer(people, 'person', ['programRoles', i, 'personId'], r.personId);
  });

  unique('monitorReadings', doc.monitorReadings, 'id', (r) => String(r.id));
  doc.monitorReadings.forEach((r, i) => refer(monitors, 'monitor', ['monitorReadings', i, 'monitorId'], r.monitorId));

  unique('alertEvents', doc.alertEvents, 'status', (e) => `${e.fingerprint} ${instant(e.startsAt)} ${e.status}`);
  doc.alertEvents.forEach((e, i) => refer(monitors, 'monitor', ['alertEvents', i, 'monitorId'], e.monitorId));
}

/**
 * The cross-references of the plan and economics sections: one plan date per program and gate, one
 * cost model per program, every plan and model of a program of the document, every item of a program
 * whose cost model the document carries (the table's foreign key), in a category of its side, ending no
 * earlier than it starts.
 */
export function economicsReferenceIssues(doc: TransferFields, check: TransferCheck, known: KnownIds): void {
  const { add, unique, refer } = check;
  const { programs } = known;

  unique('gatePlans', doc.gatePlans, 'gate', (p) => `${p.programId} ${p.gate}`);
  doc.gatePlans.forEach((p, i) => refer(programs, 'program', ['gatePlans', i, 'programId'], p.programId));

  const models = unique('costModels', doc.costModels, 'programId', (m) => m.programId);
  doc.costModels.forEach((m, i) => refer(programs, 'program', ['costModels', i, 'programId'], m.programId));

  unique('costItems', doc.costItems, 'id', (c) => c.id);
  doc.costItems.forEach((c, i) => {
    if (!models.has(c.programId)) add(['costItems', i, 'programId'], `no cost model of program ${c.programId} in the document`);
    const categories = TRANSFER_CATEGORIES_BY_SIDE[c.side];
    if (!categories.includes(c.category)) add(['costItems', i, 'category'], `a ${c.side} item's category must be one of ${categories.join(', ')}`);
    if (c.endMonth !== null && c.endMonth < c.startMonth) add(['costItems', i, 'endMonth'], `must not be before startMonth (${c.startMonth})`);
  });
}

/** One spelling per instant (the table's key compares instants); an invalid value is already reported by its shape. */
function instant(timestamp: string): string {
  const ms = Date.parse(timestamp);
  return Number.isNaN(ms) ? timestamp : new Date(ms).toISOString();
}
