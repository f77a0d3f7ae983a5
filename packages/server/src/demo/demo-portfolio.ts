import { ConstraintCreate, ConstraintUpdate, PersonCreate, PersonListQuery, ProgramCreate, ProgramListQuery } from '@handoff/contract';
import { addDays, isCalendarDate, isClosedStatus, isOverdue, type ConstraintStatus } from '@handoff/core';
import type { ConstraintView } from '../db/repos/constraints.repo.js';
import { HandoffError, invalidField } from '../errors.js';
import type { Handoff } from '../handoff.js';
import { loadDemoEconomics, type DemoEconomicsSummary } from './demo-economics.js';
import { loadDemoPlans, type DemoPlansSummary } from './demo-plans.js';
import { loadDemoGovernance, type DemoGovernanceSummary } from './demo-governance-loader.js';
import { DEMO_PEOPLE, boardMembers, type PersonHandle } from './demo-people.js';
import { DEMO_PROGRAMS } from './demo-programs.js';
import type { DemoConstraint, DemoProgram } from './demo-types.js';

/** What the demo loaded. */
export interface DemoSummary {
  readonly people: number;
  readonly programs: number;
  /** Every constraint after loading: the demo's own and those opened by monitor breaches. */
  readonly constraints: number;
  /** Active constraints whose deadline day ended before `today`. */
  readonly overdue: number;
  /** Dependency edges between constraints (across programs included). */
  readonly dependencies: number;
  /** Readiness results, role holders, monitors and readings loaded. */
  readonly governance: DemoGovernanceSummary;
  /** Phase plans and cost models loaded. */
  readonly plans: DemoPlansSummary;
  readonly economics: DemoEconomicsSummary;
}

/** A constraint as it stands after loading, for the summary. */
interface Loaded {
  readonly id: string;
  deadline: string;
  status: ConstraintStatus;
}

/**
 * Loads the Northwind Mutual demo portfolio into the (empty) default workspace through the services,
 * exactly as API calls would, so every row has its history. `today` is the workspace-local date
 * (YYYY-MM-DD); every date in the demo is relative to it. Refuses a workspace that already has people
 * or programs. Each write is its own transaction: a failure part-way leaves what was written so far.
 */
export async function loadDemoPortfolio(handoff: Handoff, today: string): Promise<DemoSummary> {
  if (!isCalendarDate(today)) throw invalidField('today', 'must be a real calendar date in YYYY-MM-DD form');
  await assertEmptyWorkspace(handoff);
  const day = (offset: number): string => addDays(today, offset);

  const people = await createPeople(handoff);
  const personId = (handle: PersonHandle): string => {
    const id = people.get(handle);
    if (!id) throw new Error(`demo data names unknown person ${handle}`);
    return id;
  };

  const loaded = new Map<string, Loaded>();
  const programIds = new Map<string, string>();
  let dependencies = 0;
  for (const program of DEMO_PROGRAMS) {
    programIds.set(program.key, await createProgram(handoff, program, program.sponsor ? personId(program.sponsor) : null, day));
    for (const constraint of program.constraints) {
      const dependsOn = (constraint.dependsOn ?? []).map((slug) => {
        const found = loaded.get(slug);
        if (!found) throw new Error(`demo constraint ${constraint.slug} depends on ${slug}, which is not defined before it`);
        return found.id;
      });
      if (loaded.has(constraint.slug)) throw new Error(`demo constraint slug ${constraint.slug} is used twice`);
      const row = await createConstraint(handoff, program.key, constraint, personId(constraint.owner), dependsOn, day);
      loaded.set(constraint.slug, { id: row.id, deadline: row.deadline, status: row.status });
      dependencies += dependsOn.length;
    }
  }

  // Re-plans and status changes come after every constraint exists, as they would in real life.
  for (const program of DEMO_PROGRAMS) {
    for (const constraint of program.constraints) {
      const state = loaded.get(constraint.slug);
      if (state) await replay(handoff, constraint, state, day);
    }
  }

  const governance = await loadDemoGovernance(handoff, handoff.deps.clock.now(), personId);
  const plans = await loadDemoPlans(handoff, programIds, today);
  const economics = await loadDemoEconomics(handoff, programIds);

  const states = [...loaded.values()];
  return {
    people: people.size,
    programs: DEMO_PROGRAMS.length,
    constraints: states.length + governance.breaches,
    overdue: states.filter((s) => !isClosedStatus(s.status) && isOverdue(s.deadline, today)).length,
    dependencies,
    governance,
    plans,
    economics,
  };
}

async function assertEmptyWorkspace({ services, actor }: Handoff): Promise<void> {
  const people = await services.people.list(actor, PersonListQuery.parse({ limit: 1 }));
  const programs = await services.programs.list(actor, ProgramListQuery.parse({ limit: 1 }));
  if (people.rows.length > 0 || programs.rows.length > 0) {
    throw new HandoffError('conflict', 'the demo portfolio loads only into an empty workspace; this one already has people or programs');
  }
}

async function createPeople({ services, actor }: Handoff): Promise<Map<PersonHandle, string>> {
  const ids = new Map<PersonHandle, string>();
  for (const person of DEMO_PEOPLE) {
    const row = await services.people.create(actor, PersonCreate.parse({ name: person.name, email: person.email, title: person.title, boardMember: boardMembers.includes(person.email) }));
    expectSame(`person ${person.handle} email`, row.email, person.email);
    ids.set(person.handle, row.id);
  }
  return ids;
}

/** Creates one program; returns its id. */
async function createProgram({ services, actor }: Handoff, program: DemoProgram, sponsorId: string | null, day: (offset: number) => string): Promise<string> {
  const row = await services.programs.create(actor, ProgramCreate.parse({
    key: program.key,
    name: program.name,
    description: program.description,
    businessUnit: program.businessUnit,
    phase: program.phase,
    sponsorId,
    targetProductionDate: day(program.targetProduction),
    riskClass: program.riskClass,
  }));
  expectSame(`program ${program.key} key`, row.key, program.key);
  expectSame(`program ${program.key} sponsor`, row.sponsor_id, sponsorId);
  return row.id;
}

async function createConstraint(
  { services, actor }: Handoff, programKey: string, c: DemoConstraint, ownerId: string, dependsOn: readonly string[],
  day: (offset: number) => string,
): Promise<ConstraintView> {
  const deadline = day(c.replans?.[0]?.from ?? c.due);
  const status = c.statusChange?.from ?? c.status;
  const row = await services.constraints.create(actor, programKey, ConstraintCreate.parse({
    title: c.title, description: c.description, kind: c.kind, dimension: c.dimension, ownerId,
    deadline, status, severity: c.severity, dependsOn,
  }));
  expectSame(`constraint ${c.slug} program`, row.program_key, programKey);
  expectSame(`constraint ${c.slug} owner`, row.owner_id, ownerId);
  expectSame(`constraint ${c.slug} deadline`, row.deadline, deadline);
  expectSame(`constraint ${c.slug} status`, row.status, status);
  expectSame(`constraint ${c.slug} dependencies`, row.depends_on.length, dependsOn.length);
  return row;
}

/** Applies a constraint's recorded re-plans, then its status change, each with its reason. */
async function replay({ services, actor }: Handoff, c: DemoConstraint, state: Loaded, day: (offset: number) => string): Promise<void> {
  const deadlines = [...(c.replans ?? []).map((r) => r.from), c.due].map(day);
  for (const [i, replan] of (c.replans ?? []).entries()) {
    const deadline = deadlines[i + 1] ?? day(c.due);
    const row = await services.constraints.update(actor, state.id, ConstraintUpdate.parse({ deadline, reason: replan.reason }), undefined);
    expectSame(`constraint ${c.slug} re-planned deadline`, row.deadline, deadline);
    state.deadline = row.deadline;
  }
  if (c.statusChange) {
    const row = await services.constraints.update(actor, state.id, ConstraintUpdate.parse({ status: c.status, reason: c.statusChange.reason }), undefined);
    expectSame(`constraint ${c.slug} status change`, row.status, c.status);
    state.status = row.status;
  }
}

/** A service answered something other than what the demo asked for: a bug, so fail loudly. */
function expectSame<T>(what: string, actual: T, expected: T): void {
  if (actual !== expected) throw new Error(`demo load: ${what} is ${String(actual)}, expected ${String(expected)}`);
}
