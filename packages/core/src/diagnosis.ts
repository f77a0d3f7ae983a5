import { OUTCOME_OWNER_ROLE } from './ownership.js';
import type { DimensionReadiness } from './readiness.js';
import { STALE_AFTER_DAYS } from './review.js';
import { BUILT_IN_ROLES, type Dimension, type Phase } from './vocabulary.js';

/**
 * Failure-mode diagnosis (METHOD.md section 1): which of the three ways a pilot stalls a program shows,
 * each with the evidence read from its data and what would clear it. A mode holds when its condition
 * (e.g. technical readiness high) meets at least one gap (e.g. a governance role vacant); two gaps or more
 * make it strong. Missing data is never evidence. Rules and thresholds: docs/DIAGNOSIS.md.
 */

/** The three failure modes, in the order findings are listed. */
export const FAILURE_MODES = ['architecture-without-governance', 'governance-without-adoption', 'adoption-without-ownership'] as const;
/** One failure mode. */
export type FailureMode = (typeof FAILURE_MODES)[number];

/** `strong`: the condition and STRONG_MIN_GAPS gaps or more; `emerging`: the condition and one gap. */
export type FindingStrength = 'strong' | 'emerging';

/** What an evidence item is about; docs/DIAGNOSIS.md lists which mode reads which signal. */
export const DIAGNOSIS_SIGNALS = [
  'technical-readiness', 'governance-readiness', 'workforce-readiness', 'monitor-breach', 'vacant-roles', 'unowned-breaches',
  'drift-monitoring', 'adoption-trend', 'legacy-fallback', 'executive-sponsor', 'constraint-library', 'owner-movement', 'review',
  'escalation', 'board-escalation',
] as const;
/** One diagnosis signal. */
export type DiagnosisSignal = (typeof DIAGNOSIS_SIGNALS)[number];

/** A dimension's score from 0 to 100 is high (the work there is in place) at or above this. */
export const READINESS_HIGH = 70;
/** A dimension's score is low below this: under half-way, the dimension is not in place. */
export const READINESS_LOW = 50;
/** A dimension is read only when at least this share of its applicable criteria was assessed: a score from fewer is a guess. */
export const MIN_ASSESSED_SHARE = 0.5;
/** No change by anyone for this many days counts as no owner movement (two missed weekly reviews); the server counts with it. */
export const OWNER_MOVEMENT_DAYS = 14;
/** A library is not moving when at least this share of its active constraints lack movement or review. */
export const STALLED_SHARE = 0.5;
/** Adoption readings needed before a trend counts: two points are noise. */
export const ADOPTION_MIN_READINGS = 3;
/** A rise in the AI share (percentage points, first to last reading of the window) below this is flat. */
export const ADOPTION_MIN_RISE = 5;
/** At or above this share (percent) of work through the AI system, the system counts as adopted. */
export const ADOPTED_SHARE = 50;
/** Legacy fallback (percent of work) at or above this is high: one case in five still goes the old way. */
export const LEGACY_FALLBACK_HIGH = 20;
/** Gaps needed for a strong finding: one gap may be an accident, two are a pattern. */
export const STRONG_MIN_GAPS = 2;

/**
 * One readiness dimension as the diagnosis reads it: score 0–100 and met (readiness.ts rules); `applicable`
 * counts the criteria the score counts (applicable to the gate, not assessed `not-applicable`), `assessed`
 * how many of those have a result. The share assessed tells whether the score can be read at all.
 */
export interface DiagnosisDimension {
  readonly score: number;
  readonly met: boolean;
  readonly assessed: number;
  readonly applicable: number;
}

/** A dimension's readiness (readiness.ts) as the diagnosis reads it. */
export function diagnosisDimension(readiness: DimensionReadiness): DiagnosisDimension {
  const { met, partial, notMet } = readiness.counts;
  const assessed = met + partial + notMet;
  return { score: readiness.score, met: readiness.met, assessed, applicable: assessed + readiness.unassessed };
}

/** The AI share of work over the recent window, in percent (0–100): first and last reading and how many. */
export interface AdoptionTrend {
  readonly first: number;
  readonly last: number;
  readonly count: number;
}

/** Everything the diagnosis reads, gathered and counted by the caller; percentages are 0–100. */
export interface DiagnosisInput {
  readonly program: { readonly key: string; readonly phase: Phase; readonly hasSponsor: boolean };
  /** Null when the program was never assessed. */
  readonly readiness: Readonly<Record<Dimension, DiagnosisDimension>> | null;
  /** `required` counts every required role, outcome-owner included; `vacant` are required roles with no holder. */
  readonly roles: { readonly required: number; readonly vacant: readonly string[] };
  /** `total` counts every constraint ever recorded; the rest count active ones (stale per review.ts). */
  readonly constraints: {
    readonly total: number;
    readonly active: number;
    /** Active with no change by anyone for OWNER_MOVEMENT_DAYS days or more. */
    readonly withoutOwnerMovement: number;
    readonly overdue: number;
    readonly stale: number;
    readonly everReviewed: number;
  };
  /** Escalation levels ever fired for the program's constraints, those at board level, and acknowledgements. */
  readonly escalations: { readonly levelsFired: number; readonly boardLevel: number; readonly acknowledged: number };
  readonly monitors: {
    readonly total: number;
    /** Drift and accuracy monitors. */
    readonly governance: number;
    readonly inBreach: number;
    /** Breaches whose monitor's role has no holder. */
    readonly unownedBreaches: number;
    /** Null without an ai-share monitor. */
    readonly aiShare: AdoptionTrend | null;
    /** Latest legacy-fallback reading; null without such a monitor or reading. */
    readonly legacyFallback: number | null;
  };
}

/** One fact behind a finding: the signal, what the data shows, and the threshold it is read against. */
export interface Evidence {
  readonly signal: DiagnosisSignal;
  readonly observed: string;
  readonly expected: string;
}

/** A failure mode the program shows, why, and the concrete steps that would clear it. */
export interface Finding {
  readonly mode: FailureMode;
  readonly strength: FindingStrength;
  readonly evidence: readonly Evidence[];
  readonly clears: readonly string[];
}

/** The diagnosis of one program: findings in FAILURE_MODES order; healthy when there are none. */
export interface Diagnosis {
  readonly modes: readonly Finding[];
  readonly healthy: boolean;
  readonly summary: string;
}

interface Gap {
  readonly evidence: Evidence;
  readonly clears: readonly string[];
}

/** Diagnoses a program from its counted data. Deterministic; never throws. */
export function diagnose(input: DiagnosisInput): Diagnosis {
  const candidates: [FailureMode, Evidence[], Gap[]][] = [
    ['architecture-without-governance', ...architectureWithoutGovernance(input)],
    ['governance-without-adoption', ...governanceWithoutAdoption(input)],
    ['adoption-without-ownership', ...adoptionWithoutOwnership(input)],
  ];
  const modes = candidates
    .filter(([, conditions, gaps]) => conditions.length > 0 && gaps.length > 0)
    .map(([mode, conditions, gaps]): Finding => ({
      mode,
      strength: gaps.length >= STRONG_MIN_GAPS ? 'strong' : 'emerging',
      evidence: [...conditions, ...gaps.map((g) => g.evidence)],
      clears: [...new Set(gaps.flatMap((g) => g.clears))],
    }));
  return { modes, healthy: modes.length === 0, summary: summarise(input, modes) };
}

function architectureWithoutGovernance(input: DiagnosisInput): [Evidence[], Gap[]] {
  const { monitors, roles } = input;
  const conditions: Evidence[] = [];
  const technical = readDimension(input, 'technical');
  if (technical !== null && technical.score >= READINESS_HIGH) conditions.push(highReadiness('technical', technical, 'the architecture in place'));
  if (monitors.inBreach > 0) {
    conditions.push(ev('monitor-breach', `${count(monitors.inBreach, 'monitor')} in breach`, 'a breach reads as the system live and measured'));
  }
  const gaps: Gap[] = [];
  const governance = readDimension(input, 'governance');
  if (governance !== null && governance.score < READINESS_LOW) gaps.push(lowReadiness('governance', governance, 'meet the open governance criteria'));
  const vacant = roles.vacant.filter((key) => key !== OUTCOME_OWNER_ROLE);
  if (vacant.length > 0) {
    gaps.push({
      evidence: ev('vacant-roles', `${vacant.length} of ${Math.max(roles.required - 1, vacant.length)} required roles besides the sponsor vacant: ${vacant.join(', ')}`, 'every required role held by a named person'),
      clears: vacant.map(assignRole),
    });
  }
  if (monitors.unownedBreaches > 0) {
    gaps.push({
      evidence: ev('unowned-breaches', `${count(monitors.unownedBreaches, 'breach', 'breaches')} with nobody holding the monitor's role`, 'every breach owned by a named person'),
      clears: ["give each breached monitor's owning role a holder, so its risk constraint has a named owner"],
    });
  }
  if (monitors.governance === 0) {
    gaps.push({
      evidence: ev('drift-monitoring', `no drift or accuracy monitor (${count(monitors.total, 'monitor')} in all)`, 'at least one drift or accuracy monitor with thresholds'),
      clears: ['set up a drift or accuracy monitor with warning and breach thresholds, owned by the drift monitor'],
    });
  }
  return [conditions, gaps];
}

function governanceWithoutAdoption(input: DiagnosisInput): [Evidence[], Gap[]] {
  const { aiShare, legacyFallback } = input.monitors;
  const conditions: Evidence[] = [];
  const governance = readDimension(input, 'governance');
  if (governance !== null && governance.score >= READINESS_HIGH) conditions.push(highReadiness('governance', governance, 'governance in place'));
  const gaps: Gap[] = [];
  const workforce = readDimension(input, 'workforce');
  if (workforce !== null && workforce.score < READINESS_LOW) {
    gaps.push(lowReadiness('workforce', workforce, 'meet the open workforce criteria (changed roles understood, transition support delivered)'));
  }
  if (aiShare !== null && aiShare.count >= ADOPTION_MIN_READINGS && aiShare.last - aiShare.first < ADOPTION_MIN_RISE && aiShare.last < ADOPTED_SHARE) {
    gaps.push({
      evidence: ev(
        'adoption-trend',
        `AI share of work ${pct(aiShare.first)} to ${pct(aiShare.last)} over ${aiShare.count} readings (${change(aiShare.last - aiShare.first)})`,
        `a rise of ${ADOPTION_MIN_RISE} points or more, or ${pct(ADOPTED_SHARE)} reached`,
      ),
      clears: [`bring frontline teams and business-unit heads into the rollout until the AI share rises ${ADOPTION_MIN_RISE} points or reaches ${pct(ADOPTED_SHARE)}`],
    });
  }
  if (legacyFallback !== null && legacyFallback >= LEGACY_FALLBACK_HIGH) {
    gaps.push({
      evidence: ev('legacy-fallback', `legacy fallback at ${pct(legacyFallback)}, at or above ${pct(LEGACY_FALLBACK_HIGH)}`, `below ${pct(LEGACY_FALLBACK_HIGH)}`),
      clears: [`find out why work falls back to the legacy process and bring fallback below ${pct(LEGACY_FALLBACK_HIGH)}`],
    });
  }
  return [conditions, gaps];
}

function adoptionWithoutOwnership(input: DiagnosisInput): [Evidence[], Gap[]] {
  const { program, constraints: c, escalations, monitors } = input;
  const conditions: Evidence[] = [];
  const workforce = readDimension(input, 'workforce');
  if (workforce !== null && workforce.score >= READINESS_HIGH) conditions.push(highReadiness('workforce', workforce, 'people trained and on board'));
  if (monitors.aiShare !== null && monitors.aiShare.count > 0 && monitors.aiShare.last >= ADOPTED_SHARE) {
    conditions.push(ev('adoption-trend', `AI share of work at ${pct(monitors.aiShare.last)}`, `${pct(ADOPTED_SHARE)} or more reads as the system adopted`));
  }
  const gaps: Gap[] = [];
  if (!program.hasSponsor) {
    gaps.push({
      evidence: ev('executive-sponsor', 'no executive sponsor named', 'one named executive owning the production outcome'),
      clears: [assignRole(OUTCOME_OWNER_ROLE)],
    });
  }
  if (c.total === 0) {
    gaps.push({
      evidence: ev('constraint-library', 'no constraint ever recorded', 'a constraint library: every blocker, dependency and risk with an owner and a deadline'),
      clears: ["record the program's blockers, dependencies and risks, each with a named owner and a deadline"],
    });
  }
  if (c.active > 0 && c.withoutOwnerMovement >= STALLED_SHARE * c.active) {
    gaps.push({
      evidence: ev('owner-movement', `${c.withoutOwnerMovement} of ${c.active} active constraints unchanged for ${OWNER_MOVEMENT_DAYS} days or more`, `under ${pct(STALLED_SHARE * 100)} of them`),
      clears: ['have each owner move their constraint: record progress, re-plan with a reason, or resolve it'],
    });
  }
  if (c.active > 0 && c.stale >= STALLED_SHARE * c.active) {
    gaps.push({
      evidence: ev('review', `${c.stale} of ${c.active} active constraints not reviewed in ${STALE_AFTER_DAYS} days (${c.everReviewed} ever reviewed)`, `under ${pct(STALLED_SHARE * 100)} of them`),
      clears: ['hold the weekly review of the constraint library'],
    });
  }
  if (c.overdue > 0 && escalations.levelsFired === 0) {
    gaps.push({
      evidence: ev('escalation', `${count(c.overdue, 'overdue constraint')} and no escalation ever fired`, 'overdue constraints escalate to a decision-maker'),
      clears: ['check the escalation policy and pauses so that overdue constraints reach a decision-maker'],
    });
  }
  if (escalations.boardLevel > 0 && escalations.acknowledged === 0) {
    gaps.push({
      evidence: ev('board-escalation', `${count(escalations.boardLevel, 'board-level escalation')} fired, none acknowledged`, 'escalations acknowledged by their owner'),
      clears: ['have the sponsor acknowledge the board-level escalations and record the decision taken'],
    });
  }
  return [conditions, gaps];
}

/** The dimension's readiness when enough of it was assessed to read (MIN_ASSESSED_SHARE), else null. */
function readDimension(input: DiagnosisInput, dimension: ReadDimension): DiagnosisDimension | null {
  const readiness = input.readiness?.[dimension];
  if (readiness === undefined || readiness.applicable <= 0) return null;
  return readiness.assessed >= MIN_ASSESSED_SHARE * readiness.applicable ? readiness : null;
}

/** The dimensions the rules read (economic readiness signals none of the three modes). */
type ReadDimension = 'technical' | 'governance' | 'workforce';
const READ_DIMENSIONS: readonly ReadDimension[] = ['technical', 'governance', 'workforce'];

function summarise(input: DiagnosisInput, modes: readonly Finding[]): string {
  const head = `${input.program.key} (${input.program.phase}): `;
  const found = modes.length === 0
    ? 'no failure mode found.'
    : `${modes.map((f) => `${f.mode.replaceAll('-', ' ')} (${f.strength})`).join('; ')}.`;
  if (input.readiness === null) {
    return `${head}${found} The diagnosis is limited: readiness was never assessed, so no readiness-based signal was read.`;
  }
  const unread = READ_DIMENSIONS.filter((d) => readDimension(input, d) === null);
  if (unread.length === 0) return head + found;
  return `${head}${found} The diagnosis is limited: too few criteria assessed to read ${listed(unread)} readiness (under ${pct(MIN_ASSESSED_SHARE * 100)} of the applicable ones).`;
}

function highReadiness(dimension: ReadDimension, r: DiagnosisDimension, meaning: string): Evidence {
  return ev(`${dimension}-readiness`, `${dimension} readiness ${num(r.score)}/100`, `${READINESS_HIGH}/100 or more reads as ${meaning}`);
}

function lowReadiness(dimension: ReadDimension, r: DiagnosisDimension, clear: string): Gap {
  return {
    evidence: ev(`${dimension}-readiness`, `${dimension} readiness ${num(r.score)}/100, below ${READINESS_LOW}`, `${READINESS_LOW}/100 or more`),
    clears: [`${clear} until ${dimension} readiness reaches ${READINESS_LOW}/100`],
  };
}

function assignRole(key: string): string {
  if (key === OUTCOME_OWNER_ROLE) return 'name the executive sponsor who owns the production outcome';
  const role = BUILT_IN_ROLES.find((r) => r.key === key);
  return role === undefined ? `assign a named holder to the ${key} role` : `assign a named ${role.name.toLowerCase()}`;
}

/** "a", "a and b", "a, b and c". */
function listed(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

function ev(signal: DiagnosisSignal, observed: string, expected: string): Evidence {
  return { signal, observed, expected };
}

/** One decimal at most, rounded down so that a shown value never contradicts the threshold it was compared with. */
function num(n: number): string {
  return String(Math.floor(n * 10) / 10);
}

function pct(n: number): string {
  return `${num(n)}%`;
}

function change(points: number): string {
  if (points === 0) return 'no change';
  const size = num(Math.abs(points));
  return `${points > 0 ? 'up' : 'down'} ${size} point${size === '1' ? '' : 's'}`;
}

function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
