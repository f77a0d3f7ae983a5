import type { ConstraintPage, PersonPage, ProgramPage } from '@handoff/contract';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useApi } from '../api/use-api.js';
import { Empty, Status } from '../components/status.js';
import { ConstraintDetail } from './constraint-detail.js';

/** The filters the library offers; each is a query parameter of GET /api/constraints and of this page's URL. */
const FILTERS = ['program', 'owner', 'dimension', 'kind', 'status', 'overdue', 'stale', 'q'] as const;
const PAGE = 100;

/**
 * Every constraint across programs: filters and search in the URL (deep links), pages of 100 from the
 * server's cursor, a detail panel for the selected one. The server filters; nothing is recomputed here.
 */
export function Constraints() {
  const [params, setParams] = useSearchParams();
  const [cursors, setCursors] = useState<string[]>([]);
  const query = new URLSearchParams({ limit: String(PAGE) });
  for (const f of FILTERS) {
    const v = params.get(f);
    if (v) query.set(f, v);
  }
  const cursor = cursors.at(-1);
  if (cursor) query.set('cursor', cursor);
  const loaded = useApi<ConstraintPage>(`/api/constraints?${query.toString()}`);
  const programs = useApi<ProgramPage>('/api/programs?limit=200');
  const people = useApi<PersonPage>('/api/people?limit=200');
  const selected = params.get('selected');

  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value === '') next.delete(name); else next.set(name, value);
    if (name !== 'selected') setCursors([]);
    setParams(next, { replace: name !== 'selected' });
  };

  return (
    <>
      <h1>Constraint library</h1>
      <form className="toolbar filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label>Search <input type="search" defaultValue={params.get('q') ?? ''} onChange={(e) => set('q', e.target.value)} placeholder="Ref, title, description" /></label>
        <label>Program{' '}
          <select value={params.get('program') ?? ''} onChange={(e) => set('program', e.target.value)}>
            <option value="">All</option>
            {programs.state === 'ready' && programs.data.items.map((p) => <option key={p.id} value={p.id}>{p.key}</option>)}
          </select>
        </label>
        <label>Owner{' '}
          <select value={params.get('owner') ?? ''} onChange={(e) => set('owner', e.target.value)}>
            <option value="">Anyone</option>
            {people.state === 'ready' && people.data.items.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </label>
        <Choice label="Dimension" name="dimension" value={params.get('dimension')} options={['technical', 'governance', 'workforce', 'economic']} onChange={set} />
        <Choice label="Kind" name="kind" value={params.get('kind')} options={['blocker', 'dependency', 'risk']} onChange={set} />
        <Choice label="Status" name="status" value={params.get('status')} options={['open', 'in_progress', 'resolved', 'accepted']} onChange={set} />
        <Choice label="Overdue" name="overdue" value={params.get('overdue')} options={['true', 'false']} onChange={set} />
        <Choice label="Stale" name="stale" value={params.get('stale')} options={['true', 'false']} onChange={set} />
      </form>
      <div className={selected ? 'split' : undefined}>
        <div>
          <Status loaded={loaded} label="constraints">
            {(page) => page.items.length === 0 ? <Empty><p>No constraint matches these filters.</p></Empty> : (
              <>
                <table className="grid">
                  <caption className="visually-hidden">Constraints</caption>
                  <thead><tr><th scope="col">Ref</th><th scope="col">Title</th><th scope="col">Owner</th><th scope="col">Deadline</th><th scope="col">Status</th><th scope="col">Escalation</th></tr></thead>
                  <tbody>
                    {page.items.map((c) => (
                      <tr key={c.id} aria-selected={c.id === selected || c.ref === selected}>
                        <th scope="row"><Link to={`?${withSelected(params, c.ref)}`}>{c.ref}</Link></th>
                        <td>{c.title}{c.stale && <span className="tag">stale</span>}</td>
                        <td>{c.owner.name}</td>
                        <td>{c.deadline}{c.overdue && <span className="tag bad">{c.daysOverdue} d overdue</span>}</td>
                        <td>{c.status.replace('_', ' ')}</td>
                        <td>{c.escalation?.levelName ?? '—'}{c.escalation?.pausedAt ? ' (paused)' : ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <nav className="pager" aria-label="Pages">
                  <button type="button" disabled={cursors.length === 0} onClick={() => setCursors((c) => c.slice(0, -1))}>Previous</button>
                  <span>Page {cursors.length + 1}</span>
                  <button type="button" disabled={!page.nextCursor} onClick={() => page.nextCursor && setCursors((c) => [...c, page.nextCursor ?? ''])}>Next</button>
                </nav>
              </>
            )}
          </Status>
        </div>
        {selected && <ConstraintDetail idOrRef={selected} onClose={() => set('selected', '')} />}
      </div>
    </>
  );
}

function withSelected(params: URLSearchParams, ref: string): string {
  const next = new URLSearchParams(params);
  next.set('selected', ref);
  return next.toString();
}

function Choice({ label, name, value, options, onChange }: { label: string; name: string; value: string | null; options: string[]; onChange: (name: string, value: string) => void }) {
  return (
    <label>{label}{' '}
      <select value={value ?? ''} onChange={(e) => onChange(name, e.target.value)}>
        <option value="">Any</option>
        {options.map((o) => <option key={o} value={o}>{o.replace('_', ' ')}</option>)}
      </select>
    </label>
  );
}
