import type { ProgramBrief } from '@handoff/contract';
import { FAILURE_MODE_WORDS } from './program-diagnosis.js';
import { PHASE_WORDS } from './portfolio-sort.js';

/** The portfolio's filters, each a query parameter of the page's URL. */
export interface PortfolioFilter {
  readonly q: string;
  readonly phase: string;
  /** '' (any), 'none', or a failure mode. */
  readonly mode: string;
  /** '' (any), 'executive-ownership' or 'visibility-only'. */
  readonly ownership: string;
  readonly overdueOnly: boolean;
}

/** The filter the URL asks for. */
export function filterOf(params: URLSearchParams): PortfolioFilter {
  return {
    q: params.get('q') ?? '', phase: params.get('phase') ?? '', mode: params.get('mode') ?? '',
    ownership: params.get('ownership') ?? '', overdueOnly: params.get('overdue') === 'true',
  };
}

/** Whether a program's brief passes the filter: compares what the server computed, nothing recomputed. */
export function matches(p: ProgramBrief, f: PortfolioFilter): boolean {
  const needle = f.q.trim().toLowerCase();
  return (needle === '' || `${p.program.key} ${p.program.name}`.toLowerCase().includes(needle))
    && (f.phase === '' || p.program.phase === f.phase)
    && (f.mode === '' || (f.mode === 'none' ? p.diagnosis.modes.length === 0 : p.diagnosis.modes.some((m) => m.mode === f.mode)))
    && (f.ownership === '' || p.verdict.kind === f.ownership)
    && (!f.overdueOnly || p.constraints.overdue > 0);
}

/** The search box and filter controls; each change writes the URL through `set` (an empty value removes the parameter). */
export function PortfolioFilters({ filter, set }: { filter: PortfolioFilter; set: (name: string, value: string) => void }) {
  return (
    <>
      <label>Search <input type="search" value={filter.q} onChange={(e) => set('q', e.target.value)} placeholder="Key or name" /></label>
      <span className="portfolio-field">
        <label htmlFor="portfolio-phase">Phase</label>
        <select id="portfolio-phase" value={filter.phase} onChange={(e) => set('phase', e.target.value)}>
          <option value="">Any</option>
          {Object.entries(PHASE_WORDS).map(([value, words]) => <option key={value} value={value}>{words}</option>)}
        </select>
      </span>
      <span className="portfolio-field">
        <label htmlFor="portfolio-mode">Failure mode</label>
        <select id="portfolio-mode" value={filter.mode} onChange={(e) => set('mode', e.target.value)}>
          <option value="">Any</option>
          <option value="none">None found</option>
          {Object.entries(FAILURE_MODE_WORDS).map(([value, words]) => <option key={value} value={value}>{words}</option>)}
        </select>
      </span>
      <span className="portfolio-field">
        <label htmlFor="portfolio-ownership">Ownership</label>
        <select id="portfolio-ownership" value={filter.ownership} onChange={(e) => set('ownership', e.target.value)}>
          <option value="">Any</option>
          <option value="executive-ownership">Executive ownership</option>
          <option value="visibility-only">Visibility only</option>
        </select>
      </span>
      <label className="portfolio-check">
        <input type="checkbox" checked={filter.overdueOnly} onChange={(e) => set('overdue', e.target.checked ? 'true' : '')} /> Only with overdue constraints
      </label>
    </>
  );
}
