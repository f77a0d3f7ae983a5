import type { PortfolioBrief } from '@handoff/contract';
import { useSearchParams } from 'react-router';
import { useApi } from '../api/use-api.js';
import { PortfolioFilters, filterOf, matches, type PortfolioFilter } from '../components/portfolio-filters.js';
import { SharedConstraints } from '../components/portfolio-shared.js';
import { DEFAULT_DIR, SORT_KEYS, SORT_LABELS, isSortKey, sortOf, sortPrograms, type SortDir, type SortKey } from '../components/portfolio-sort.js';
import { PortfolioTable } from '../components/portfolio-table.js';
import { Empty, Status } from '../components/status.js';
import { NewProgramLink } from './program-create.js';
import '../components/portfolio.css';

/** Every program at a glance, most risk to its production date first; filters and sort live in the URL. */
export function Portfolio() {
  const loaded = useApi<PortfolioBrief>('/api/brief');
  const [params, setParams] = useSearchParams();
  const filter = filterOf(params);
  const sort = sortOf(params);
  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value === '') next.delete(name); else next.set(name, value);
    }
    setParams(next, { replace: true });
  };
  const set = (name: string, value: string) => update({ [name]: value });
  const sortBy = (key: SortKey, dir: SortDir = DEFAULT_DIR[key]) => update({ sort: key === 'risk' ? '' : key, dir: dir === DEFAULT_DIR[key] ? '' : dir });
  const clickHeader = (key: SortKey) => sortBy(key, sort.key === key ? (sort.dir === 'asc' ? 'desc' : 'asc') : DEFAULT_DIR[key]);
  return (
    <>
      <h1>Portfolio</h1>
      <div className="toolbar">
        <NewProgramLink />
        <PortfolioFilters filter={filter} set={set} />
        <span className="portfolio-field">
          <label htmlFor="portfolio-sort">Sort by</label>
          <select id="portfolio-sort" value={sort.key} onChange={(e) => { if (isSortKey(e.target.value)) sortBy(e.target.value); }}>
            {SORT_KEYS.map((k) => <option key={k} value={k}>{SORT_LABELS[k]}</option>)}
          </select>
        </span>
      </div>
      <Status loaded={loaded} label="the portfolio">
        {(data) => <PortfolioBody data={data} filter={filter} sort={sort} onSort={clickHeader}
          onClear={() => update({ q: '', phase: '', mode: '', ownership: '', overdue: '' })} />}
      </Status>
    </>
  );
}

function PortfolioBody({ data, filter, sort, onSort, onClear }: {
  data: PortfolioBrief; filter: PortfolioFilter; sort: { key: SortKey; dir: SortDir }; onSort: (key: SortKey) => void; onClear: () => void;
}) {
  const rows = sortPrograms(data.programs.filter((p) => matches(p, filter)), sort.key, sort.dir);
  if (data.programs.length === 0) return <Empty><p>No programs yet. Create one with <code>handoff programs add</code> or load the demo.</p></Empty>;
  return (
    <>
      <SharedConstraints constraints={data.sharedConstraints} />
      <p className="portfolio-count" role="status">Showing {rows.length} of {data.programs.length} programs.</p>
      {rows.length === 0
        ? <Empty><p>No program matches these filters.</p><button type="button" onClick={onClear}>Clear the filters</button></Empty>
        : <PortfolioTable rows={rows} sort={sort} onSort={onSort} />}
    </>
  );
}
