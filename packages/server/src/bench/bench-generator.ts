import {
  CONSTRAINT_KINDS, DIMENSIONS, PHASES, RISK_CLASSES, SEVERITIES, addDays, mulberry32,
  type ConstraintStatus, type Phase, type RandomSource,
} from '@handoff/core';
import type { Selectable } from 'kysely';
import type { NewConstraint } from '../db/repos/import.repo.js';
import type { ConstraintDependenciesTable, GatePlansTable, PeopleTable, ProgramsTable } from '../db/schema.js';

/**
 * A synthetic portfolio for `npm run bench`, the same for the same seed and sizes on every machine.
 * Every 20th program is a shared platform; other programs' constraints may depend on a platform's, and
 * every constraint may depend on earlier ones of its own program. Platforms depend only on themselves, so
 * the graph is acyclic by construction, and one program's reach stays a few programs, as in a real portfolio.
 */

export interface BenchSize {
  readonly seed: number;
  readonly programs: number;
  readonly constraints: number;
}

export type BenchPerson = Omit<Selectable<PeopleTable>, 'board_member' | 'version'>;
export type BenchProgram = Omit<Selectable<ProgramsTable>, 'version'>;
export type BenchPlan = Selectable<GatePlansTable>;
export type BenchDependency = Selectable<ConstraintDependenciesTable>;

export interface BenchPortfolio {
  readonly today: string;
  readonly people: readonly BenchPerson[];
  readonly programs: readonly BenchProgram[];
  readonly plans: readonly BenchPlan[];
  readonly constraints: readonly NewConstraint[];
  readonly dependencies: readonly BenchDependency[];
}

/** The bench's "today": fixed so that overdue counts and lateness are the same on every run. */
export const BENCH_TODAY = '2026-06-01';
const PLATFORM_EVERY = 20;
const PEOPLE_PER_PROGRAM = 4;
/** Share of a non-platform constraint's dependencies that point at a platform (cross-program). */
const CROSS_PROGRAM_SHARE = 0.3;

/** Generates the portfolio; ids are UUIDs drawn from the seed, so two runs with one seed insert the same rows. */
export function generatePortfolio(size: BenchSize, workspaceId: string): BenchPortfolio {
  const random = mulberry32(size.seed);
  const at = new Date(`${BENCH_TODAY}T09:00:00.000Z`);
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(random() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  };
  const int = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));

  const people: BenchPerson[] = Array.from({ length: Math.max(4, size.programs * PEOPLE_PER_PROGRAM) }, (_, i) => ({
    id: uuid(random), workspace_id: workspaceId, name: `Bench Person ${i + 1}`, email: `person${i + 1}@bench.example`,
    title: null, created_at: at, updated_at: at,
  }));
  const programs: BenchProgram[] = [];
  const plans: BenchPlan[] = [];
  const constraints: NewConstraint[] = [];
  const dependencies: BenchDependency[] = [];
  /** Constraint ids of each program, in number order (platform reach looks them up). */
  const idsOf: string[][] = [];

  for (let p = 0; p < size.programs; p++) {
    const platform = p % PLATFORM_EVERY === 0;
    const phase: Phase = random() < 0.05 ? 'production' : pick(PHASES.slice(0, 4));
    const gates = PHASES.slice(PHASES.indexOf(phase) + 1);
    let date = BENCH_TODAY;
    const planned = gates.map((gate) => ({ gate, date: (date = addDays(date, int(20, 120))) }));
    const id = uuid(random);
    const count = Math.floor(size.constraints / size.programs) + (p < size.constraints % size.programs ? 1 : 0);
    programs.push({
      id, workspace_id: workspaceId, key: `B${String(p + 1).padStart(4, '0')}`, name: `Bench program ${p + 1}${platform ? ' (platform)' : ''}`,
      description: '', business_unit: null, phase, sponsor_id: pick(people).id, risk_class: pick(RISK_CLASSES),
      target_production_date: planned[planned.length - 1]?.date ?? null, next_constraint_number: count + 1, created_at: at, updated_at: at,
    });
    for (const { gate, date: plannedDate } of planned) plans.push({ workspace_id: workspaceId, program_id: id, gate, planned_date: plannedDate, updated_at: at });

    const ids: string[] = [];
    for (let k = 0; k < count; k++) {
      const cid = uuid(random);
      const status = statusOf(random());
      const deadline = addDays(BENCH_TODAY, int(-90, 180));
      // Lateness history: resolved ones finish between 15 days early and about 60 days late, skewed late.
      const resolvedAt = status === 'resolved' ? new Date(`${addDays(deadline, Math.round(-15 + 75 * random() ** 2))}T12:00:00.000Z`) : null;
      constraints.push({
        id: cid, workspace_id: workspaceId, program_id: id, number: k + 1, title: `Bench constraint ${k + 1} of program ${p + 1}`,
        description: '', kind: pick(CONSTRAINT_KINDS), dimension: pick(DIMENSIONS), owner_id: pick(people).id, deadline, status,
        severity: pick(SEVERITIES), blocks_gate: gates.length > 0 ? pick(gates) : 'production', resolved_at: resolvedAt, created_at: at, updated_at: at,
      });
      const deps = new Set<string>();
      for (let d = Math.floor(random() * 3); d > 0; d--) {
        const platformIds = platform ? undefined : idsOf[PLATFORM_EVERY * Math.floor(random() * Math.ceil(p / PLATFORM_EVERY))];
        const target = platformIds && platformIds.length > 0 && random() < CROSS_PROGRAM_SHARE ? pick(platformIds) : k > 0 ? ids[int(0, k - 1)] : undefined;
        if (target) deps.add(target);
      }
      for (const dep of deps) dependencies.push({ workspace_id: workspaceId, constraint_id: cid, depends_on_id: dep });
      ids.push(cid);
    }
    idsOf.push(ids);
  }
  return { today: BENCH_TODAY, people, programs, plans, constraints, dependencies };
}

/** 45% open, 25% in progress, 25% resolved, 5% accepted. */
function statusOf(r: number): ConstraintStatus {
  return r < 0.45 ? 'open' : r < 0.7 ? 'in_progress' : r < 0.95 ? 'resolved' : 'accepted';
}

/** A version-4-shaped UUID from 128 seeded bits. */
function uuid(random: RandomSource): string {
  const hex = Array.from({ length: 4 }, () => Math.floor(random() * 0x1_0000_0000).toString(16).padStart(8, '0')).join('');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
