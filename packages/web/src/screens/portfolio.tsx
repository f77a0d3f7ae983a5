import type { PortfolioBrief, ProgramBrief } from '@handoff/contract';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useApi } from '../api/use-api.js';
import { Empty, Status } from '../components/status.js';

const DIMENSIONS = ['technical', 'governance', 'workforce', 'economic'] as const;
type SortKey = 'risk' | 'key' | 'phase' | 'overdue' | 'p80';

const SORTS: Record<SortKey, (a: ProgramBrief, b: ProgramBrief) => number> = {
  // The server's order is most risk first; keep it.
  risk: () => 0,
  key: (a, b) => a.program.key.localeCompare(b.program.key),
  phase: (a, b) => a.program.phase.localeCompare(b.program.phase),
  overdue: (a, b) => b.constraints.overdue - a.constraints.overdue,
  p80: (a, b) => (a.answers.q3.detail?.forecast?.p80 ?? '9999').localeCompare(b.answers.q3.detail?.forecast?.p80 ?? '9999'),
};

function isSortKey(value: string): value is SortKey {
  return Object.hasOwn(SORTS, value);
}

/** Every program at a glance, most risk to its production date first; filters and sort live in the URL. */
export function Portfolio() {
  const loaded = useApi<PortfolioBrief>('/api/brief');
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const asked = params.get('sort') ?? 'risk';
  const sort: SortKey = isSortKey(asked) ? asked : 'risk';
  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value === '') next.delete(name); else next.set(name, value);
    setParams(next, { replace: true });
  };
  return (
    <>
      <h1>Portfolio</h1>
      <div className="toolbar">
        <label>Search <input type="search" value={q} onChange={(e) => set('q', e.target.value)} placeholder="Key or name" /></label>
        <label>Sort by{' '}
          <select value={sort} onChange={(e) => set('sort', e.target.value === 'risk' ? '' : e.target.value)}>
            <option value="risk">Risk to production date</option>
            <option value="key">Key</option>
            <option value="phase">Phase</option>
            <option value="overdue">Overdue constraints</option>
            <option value="p80">Forecast production (P80)</option>
          </select>
        </label>
      </div>
      <Status loaded={loaded} label="the portfolio">
        {(data) => <PortfolioTable data={data} q={q} sort={sort} />}
      </Status>
    </>
  );
}

function PortfolioTable({ data, q, sort }: { data: PortfolioBrief; q: string; sort: SortKey }) {
  const rows = useMemo(() => {
    const needle = q.trim().toLowerCase();
    const shown = data.programs.filter((p) => needle === '' || `${p.program.key} ${p.program.name}`.toLowerCase().includes(needle));
    return [...shown].sort(SORTS[sort]);
  }, [data, q, sort]);
  if (data.programs.length === 0) return <Empty><p>No programs yet. Create one with <code>handoff programs add</code> or load the demo.</p></Empty>;
  return (
    <>
      {data.sharedConstraints.length > 0 && (
        <section aria-labelledby="shared-heading" className="callout">
          <h2 id="shared-heading">Shared constraints</h2>
          <ul>
            {data.sharedConstraints.map((c) => (
              <li key={c.id}><strong>{c.ref}</strong> {c.title} — blocks {c.blocks.join(', ')} (due {c.deadline})</li>
            ))}
          </ul>
        </section>
      )}
      <table className="grid">
        <caption className="visually-hidden">Programs, most risk first</caption>
        <thead>
          <tr>
            <th scope="col">Program</th><th scope="col">Phase</th><th scope="col">Sponsor</th><th scope="col">Readiness</th>
            <th scope="col">Failure mode</th><th scope="col">Overdue / active</th><th scope="col">Production P50 / P80</th><th scope="col">Target</th><th scope="col">Ownership</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.program.id}>
              <th scope="row"><Link to={`/programs/${p.program.key}`}>{p.program.key}</Link> <span className="muted">{p.program.name}</span></th>
              <td>{p.program.phase}</td>
              <td>{p.program.sponsor?.name ?? <span className="warn">none</span>}</td>
              <td><Readiness brief={p} /></td>
              <td>{p.diagnosis.healthy ? 'none' : p.diagnosis.modes.map((m) => `${m.mode} (${m.strength})`).join(', ')}</td>
              <td>{p.constraints.overdue} / {p.constraints.active}</td>
              <td>{p.answers.q3.detail?.forecast ? `${p.answers.q3.detail.forecast.p50} / ${p.answers.q3.detail.forecast.p80}` : '—'}</td>
              <td>{p.program.targetProductionDate ?? '—'}</td>
              <td>{p.verdict.kind === 'executive-ownership' ? 'Executive ownership' : <span className="warn">Visibility only</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function Readiness({ brief }: { brief: ProgramBrief }) {
  if (!brief.readiness) return <span className="muted">not assessed</span>;
  const r = brief.readiness;
  return (
    <ul className="dims" aria-label="Readiness by dimension">
      {DIMENSIONS.map((d) => (
        <li key={d} className={r[d].met ? 'met' : 'unmet'} title={`${d}: ${r[d].score}%${r[d].met ? ', met' : ', not met'}`}>
          <span className="visually-hidden">{d} {r[d].met ? 'met' : 'not met'}, </span>{r[d].score}
        </li>
      ))}
    </ul>
  );
}
