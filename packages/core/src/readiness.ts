import { phaseIndex } from './phases.js';
import { DIMENSIONS, type AssessmentStatus, type ConstraintStatus, type Dimension, type Phase } from './vocabulary.js';

/**
 * Readiness in four dimensions (METHOD.md section 2): each dimension is judged against explicit criteria,
 * and the gate to the next phase opens only when all four are met at the same time. The rules:
 * - a criterion applies to its own gate and every later gate; a retired criterion never applies;
 * - score = round(100 × Σ(met = 1, partial = 0.5, not-met or unassessed = 0) / the number of applicable
 *   criteria not assessed `not-applicable`); with nothing left to count the score is 100;
 * - a dimension is met when every applicable *required* criterion is `met` or `not-applicable` (partial
 *   is not met); governance is also unmet while any required governance role is vacant;
 * - the gate is open when all four dimensions are met.
 * Vacant roles change `met` only, never the score: the score measures the criteria.
 */

/** A criterion as readiness needs it; `retired` is judged by the caller at the instant of interest. */
export interface ReadinessCriterion {
  readonly id: string;
  readonly code: string;
  readonly dimension: Dimension;
  readonly required: boolean;
  readonly gate: Phase;
  readonly retired: boolean;
}

/** Counts of the latest results of a dimension's applicable criteria, by status. */
export interface StatusCounts {
  readonly met: number;
  readonly partial: number;
  readonly notMet: number;
  readonly notApplicable: number;
}

/** One dimension's readiness: score 0–100, met, counts, criteria never assessed, and gaps (codes of required criteria not met). */
export interface DimensionReadiness {
  readonly dimension: Dimension;
  readonly score: number;
  readonly met: boolean;
  readonly counts: StatusCounts;
  readonly unassessed: number;
  readonly gaps: readonly string[];
  /** Required governance roles nobody holds (governance only; empty elsewhere). */
  readonly vacantRoles: readonly string[];
  /** Other conditions keeping the dimension unmet, in words (economic: pilot economics or no cost model). */
  readonly conditions: readonly string[];
}

/** A dimension keeping the gate closed: its required criteria not met, and for governance the vacant roles. */
export interface UnmetDimension {
  readonly dimension: Dimension;
  readonly criteria: readonly string[];
  readonly vacantRoles?: readonly string[];
  readonly conditions?: readonly string[];
}

/** A program's readiness for one gate. */
export interface ProgramReadiness {
  readonly gate: Phase;
  readonly dimensions: readonly DimensionReadiness[];
  readonly gateOpen: boolean;
  readonly unmet: readonly UnmetDimension[];
}

/** The latest status of each criterion, by criterion id; a criterion absent from the map was never assessed. */
export type LatestResults = ReadonlyMap<string, AssessmentStatus>;

/** The criteria that apply to `gate`: those whose gate is it or an earlier one, never retired ones. */
export function applicableCriteria<C extends Pick<ReadinessCriterion, 'gate' | 'retired'>>(criteria: readonly C[], gate: Phase): C[] {
  const at = phaseIndex(gate);
  return criteria.filter((c) => !c.retired && phaseIndex(c.gate) <= at);
}

const CREDIT: Record<AssessmentStatus, number> = { 'met': 1, 'partial': 0.5, 'not-met': 0, 'not-applicable': 0 };

/** The score 0–100 of a set of latest results (null = never assessed), by the rule in this module's header. */
export function readinessScore(statuses: readonly (AssessmentStatus | null)[]): number {
  const counted = statuses.filter((s) => s !== 'not-applicable');
  if (counted.length === 0) return 100;
  const credit = counted.reduce((sum, s) => sum + (s === null ? 0 : CREDIT[s]), 0);
  return Math.round((100 * credit) / counted.length);
}

/** True when the status satisfies a required criterion: `met`, or `not-applicable` to this program. */
export function satisfiesRequirement(status: AssessmentStatus | null): boolean {
  return status === 'met' || status === 'not-applicable';
}

/**
 * Readiness of one dimension. `criteria` are the applicable ones (other dimensions are ignored);
 * `vacantRoles` counts for governance only. Gaps are sorted by code.
 */
export function dimensionReadiness(
  dimension: Dimension,
  criteria: readonly ReadinessCriterion[],
  results: LatestResults,
  vacantRoles: readonly string[] = [],
  conditions: readonly string[] = [],
): DimensionReadiness {
  const mine = criteria.filter((c) => c.dimension === dimension);
  const statuses = mine.map((c) => results.get(c.id) ?? null);
  const count = (s: AssessmentStatus): number => statuses.filter((x) => x === s).length;
  const gaps = mine.filter((c) => c.required && !satisfiesRequirement(results.get(c.id) ?? null)).map((c) => c.code).sort();
  const vacant = dimension === 'governance' ? [...vacantRoles] : [];
  return {
    dimension,
    score: readinessScore(statuses),
    met: gaps.length === 0 && vacant.length === 0 && conditions.length === 0,
    counts: { met: count('met'), partial: count('partial'), notMet: count('not-met'), notApplicable: count('not-applicable') },
    unassessed: statuses.filter((s) => s === null).length,
    gaps,
    vacantRoles: vacant,
    conditions: [...conditions],
  };
}

/** What a program's readiness is computed from: the gate, the whole library, the latest results, vacant roles. */
export interface ReadinessInput {
  readonly gate: Phase;
  readonly criteria: readonly ReadinessCriterion[];
  readonly results: LatestResults;
  readonly vacantRoles?: readonly string[];
  /** Conditions outside the criteria that keep a dimension unmet (the economics' pilot-economics flag). */
  readonly conditions?: Readonly<Partial<Record<Dimension, readonly string[]>>>;
}

/** A program's readiness for `gate`: the four dimensions in vocabulary order, whether the gate is open, and what keeps it closed. */
export function programReadiness(input: ReadinessInput): ProgramReadiness {
  const applicable = applicableCriteria(input.criteria, input.gate);
  const dimensions = DIMENSIONS.map((d) => dimensionReadiness(d, applicable, input.results, input.vacantRoles ?? [], input.conditions?.[d] ?? []));
  const unmet = dimensions.filter((d) => !d.met).map((d): UnmetDimension => ({
    dimension: d.dimension,
    criteria: d.gaps,
    ...(d.vacantRoles.length > 0 ? { vacantRoles: d.vacantRoles } : {}),
    ...(d.conditions.length > 0 ? { conditions: d.conditions } : {}),
  }));
  return { gate: input.gate, dimensions, gateOpen: unmet.length === 0, unmet };
}

/** What keeps one dimension unmet, in words: `GOV-01, GOV-03; vacant roles: drift-monitor`. */
export function unmetReasons(u: UnmetDimension): string {
  const parts = u.criteria.length > 0 ? [u.criteria.join(', ')] : [];
  if (u.vacantRoles && u.vacantRoles.length > 0) parts.push(`vacant roles: ${u.vacantRoles.join(', ')}`);
  if (u.conditions && u.conditions.length > 0) parts.push(...u.conditions);
  return parts.join('; ');
}

/** One line per unmet dimension, for refusals and history: `governance: GOV-01, GOV-03; vacant roles: drift-monitor`. */
export function describeUnmet(unmet: readonly UnmetDimension[]): string[] {
  return unmet.map((u) => `${u.dimension}: ${unmetReasons(u)}`);
}

/** Why an assessment item is refused, or null: a `met` needs evidence, since evidence is the point of an assessment. */
export function assessmentItemProblem(item: { readonly status: AssessmentStatus; readonly evidence: string }): { readonly field: 'evidence'; readonly message: string } | null {
  if (item.status === 'met' && item.evidence.trim() === '') {
    return { field: 'evidence', message: 'is required when the status is met: say what shows the criterion is met' };
  }
  return null;
}

/**
 * True when the criterion should be assessed again: a constraint opened from it was resolved after its
 * latest assessment (or it was never assessed). Closing the gap's work does not make the criterion met;
 * only a new assessment with evidence does. Instants are ISO strings.
 */
export function reassessmentDue(
  latestAssessedAt: string | null,
  linked: readonly { readonly status: ConstraintStatus; readonly resolvedAt: string | null }[],
): boolean {
  const since = latestAssessedAt === null ? -Infinity : Date.parse(latestAssessedAt);
  return linked.some((c) => c.status === 'resolved' && c.resolvedAt !== null && Date.parse(c.resolvedAt) > since);
}

/** A criterion for replaying readiness over time: retired from `retiredAt` (ISO instant) on, if ever. */
export interface TimedCriterion extends Omit<ReadinessCriterion, 'retired'> {
  readonly retiredAt: string | null;
}

/** One stored assessment row: rows of one batch share `batchId` and `assessedAt`; `seq` orders rows stored at the same instant. */
export interface AssessmentRecord {
  readonly criterionId: string;
  readonly batchId: string;
  readonly status: AssessmentStatus;
  readonly assessedAt: string;
  readonly seq: number;
}

/** The readiness right after one assessment batch. */
export interface TrendPoint {
  readonly batchId: string;
  readonly assessedAt: string;
  readonly readiness: ProgramReadiness;
}

/** True when the criterion is retired at `instant` (ISO): retired at or before it. */
export function isRetiredAt(criterion: Pick<TimedCriterion, 'retiredAt'>, instant: string): boolean {
  return criterion.retiredAt !== null && Date.parse(criterion.retiredAt) <= Date.parse(instant);
}

/**
 * Readiness after each assessment batch, oldest first, replayed from the append-only rows: the latest
 * result of each criterion is the last by (assessedAt, seq) up to the batch; criteria retired by then do
 * not apply. Vacant roles are not replayed (the ownership map is present-tense), so a point's governance
 * reflects its criteria only.
 */
export function readinessTrend(gate: Phase, criteria: readonly TimedCriterion[], records: readonly AssessmentRecord[]): TrendPoint[] {
  const sorted = [...records].sort((a, b) => Date.parse(a.assessedAt) - Date.parse(b.assessedAt) || a.seq - b.seq);
  const lastOfBatch = new Map<string, number>();
  sorted.forEach((r, i) => lastOfBatch.set(r.batchId, i));
  const latest = new Map<string, AssessmentStatus>();
  const points: TrendPoint[] = [];
  sorted.forEach((r, i) => {
    latest.set(r.criterionId, r.status);
    if (lastOfBatch.get(r.batchId) !== i) return;
    const asOf = criteria.map((c) => ({ ...c, retired: isRetiredAt(c, r.assessedAt) }));
    points.push({ batchId: r.batchId, assessedAt: r.assessedAt, readiness: programReadiness({ gate, criteria: asOf, results: new Map(latest) }) });
  });
  return points;
}
