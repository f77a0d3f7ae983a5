import type { Constraint, ConstraintPage } from '@handoff/contract';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useApi } from '../api/use-api.js';
import { Empty, Status } from '../components/status.js';
import { ConstraintCreateForm } from './constraint-create.js';
import { ConstraintDetail } from './constraint-detail.js';
import { ConstraintFilters, FILTERS } from './constraint-filters.js';
import { ConstraintTable } from './constraint-table.js';
import './constraints.css';

const PAGE = 100;

/**
 * Every constraint across programs: filters and search in the URL (deep links), pages of 100 from the server's
 * cursor, a side panel with the selected constraint (`selected=REF`; Escape closes it) or the form adding one (`new=1`,
 * or `new=PROGRAMKEY` to preselect a program; with `new=1` the program filter does). The server filters; nothing is recomputed here.
 */
export function Constraints() {
  const [params, setParams] = useSearchParams();
  const [cursors, setCursors] = useState<string[]>([]);
  const [added, setAdded] = useState<string | null>(null);
  const query = new URLSearchParams({ limit: String(PAGE) });
  for (const f of FILTERS) {
    const v = params.get(f);
    if (v) query.set(f, v);
  }
  const cursor = cursors.at(-1);
  if (cursor) query.set('cursor', cursor);
  const loaded = useApi<ConstraintPage>(`/api/constraints?${query.toString()}`);
  const reloadRows = loaded.state === 'ready' ? loaded.reload : undefined;
  const selected = params.get('selected');
  const creating = params.get('new') || null;

  /** Applies URL changes ('' removes a parameter); filter changes go back to the first page and replace history. */
  const set = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value === '') next.delete(name); else next.set(name, value);
    }
    const navigation = Object.keys(changes).every((k) => k === 'selected' || k === 'new');
    if (!navigation) setCursors([]);
    setParams(next, { replace: !navigation });
  };
  const withSelected = (ref: string) => {
    const next = new URLSearchParams(params);
    next.set('selected', ref);
    next.delete('new');
    return `?${next.toString()}`;
  };
  const closePanel = () => {
    const ref = selected;
    set({ selected: '', new: '' });
    if (ref) requestAnimationFrame(() => document.querySelector<HTMLElement>(`tr[data-ref="${CSS.escape(ref)}"]`)?.focus());
  };
  const created = (c: Constraint) => {
    setAdded(c.ref);
    set({ new: '', selected: c.ref });
    reloadRows?.();
  };

  useEffect(() => {
    if (!selected || creating !== null) return; // not while adding: Escape must not throw away a half-filled form
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape' && !e.defaultPrevented) closePanel(); };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  return (
    <>
      <div className="library-head">
        <h1>Constraint library</h1>
        <button type="button" onClick={() => { setAdded(null); set({ new: '1', selected: '' }); }} aria-expanded={creating !== null}>
          Add a constraint
        </button>
      </div>
      <ConstraintFilters params={params} set={set} />
      {added && <p role="status" className="ok-box">Added {added}.</p>}
      <div className={selected || creating ? 'split' : undefined}>
        <div className="library-rows">
          <Status loaded={loaded} label="constraints">
            {(page) => page.items.length === 0 ? <Empty><p>No constraint matches these filters.</p></Empty> : (
              <>
                <ConstraintTable items={page.items} selected={selected} linkTo={withSelected} onSelect={(ref) => set({ selected: ref, new: '' })} />
                <nav className="pager" aria-label="Pages">
                  <button type="button" disabled={cursors.length === 0} onClick={() => setCursors((c) => c.slice(0, -1))}>Previous</button>
                  <span>Page {cursors.length + 1}</span>
                  <button type="button" disabled={!page.nextCursor} onClick={() => page.nextCursor && setCursors((c) => [...c, page.nextCursor ?? ''])}>Next</button>
                </nav>
              </>
            )}
          </Status>
        </div>
        {creating !== null ? (
          <aside className="detail" aria-label="Add a constraint">
            <ConstraintCreateForm program={creating === '1' ? params.get('program') : creating} onCreated={created} onCancel={closePanel} />
          </aside>
        ) : selected && <ConstraintDetail idOrRef={selected} onClose={closePanel} onChanged={reloadRows} />}
      </div>
    </>
  );
}

