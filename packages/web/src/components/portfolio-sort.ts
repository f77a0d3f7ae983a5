import type { ProgramBrief } from '@handoff/contract';

/** The portfolio's sort keys; `risk` is the server's order (most risk to the production date first). */
export const SORT_KEYS = ['risk', 'key', 'phase', 'overdue', 'escalated', 'p80', 'target'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = 'asc' | 'desc';

/** What each sort is called in the sort select. */
export const SORT_LABELS: Record<SortKey, string> = {
  risk: 'Risk to production date', key: 'Key', phase: 'Phase', overdue: 'Overdue constraints', escalated: 'Escalated constraints',
  p80: 'Forecast production (P80)', target: 'Target production date',
};

/** Direction a sort starts in: counts most first, dates and names earliest first. */
export const DEFAULT_DIR: Record<SortKey, SortDir> = { risk: 'asc', key: 'asc', phase: 'asc', overdue: 'desc', escalated: 'desc', p80: 'asc', target: 'asc' };

type Phase = ProgramBrief['program']['phase'];
/** The phase ladder, in order, as the words a phase shows as. */
export const PHASE_WORDS: Record<Phase, string> = {
  'discovery': 'Discovery', 'pilot': 'Pilot', 'production-readiness': 'Production readiness', 'limited-rollout': 'Limited rollout', 'production': 'Production',
};
const PHASE_RANK = new Map(Object.keys(PHASE_WORDS).map((p, i) => [p, i]));

/** Dates compare as strings (YYYY-MM-DD); a program without one sorts after every date. */
const byDate = (a: string | null | undefined, b: string | null | undefined) => (a ?? '9999-12-31').localeCompare(b ?? '9999-12-31');

const ASCENDING: Record<SortKey, (a: ProgramBrief, b: ProgramBrief) => number> = {
  risk: () => 0,
  key: (a, b) => a.program.key.localeCompare(b.program.key),
  phase: (a, b) => (PHASE_RANK.get(a.program.phase) ?? 0) - (PHASE_RANK.get(b.program.phase) ?? 0),
  overdue: (a, b) => a.constraints.overdue - b.constraints.overdue,
  escalated: (a, b) => a.constraints.escalated - b.constraints.escalated,
  p80: (a, b) => byDate(a.answers.q3.detail?.forecast?.p80, b.answers.q3.detail?.forecast?.p80),
  target: (a, b) => byDate(a.program.targetProductionDate, b.program.targetProductionDate),
};

/** Whether a URL value names a sort key. */
export function isSortKey(value: string): value is SortKey {
  return (SORT_KEYS as readonly string[]).includes(value);
}

/** The sort the URL asks for, falling back to the server's risk order. */
export function sortOf(params: URLSearchParams): { key: SortKey; dir: SortDir } {
  const asked = params.get('sort') ?? 'risk';
  const key = isSortKey(asked) ? asked : 'risk';
  const dir = params.get('dir');
  return { key, dir: dir === 'asc' || dir === 'desc' ? dir : DEFAULT_DIR[key] };
}

/** The programs in the asked order; ties keep the server's (risk) order, since Array.prototype.sort is stable. */
export function sortPrograms(programs: readonly ProgramBrief[], key: SortKey, dir: SortDir): ProgramBrief[] {
  const compare = ASCENDING[key];
  return [...programs].sort((a, b) => (dir === 'asc' ? compare(a, b) : compare(b, a)));
}
