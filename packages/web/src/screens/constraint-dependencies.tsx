import type { Constraint, ConstraintPage } from '@handoff/contract';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useApi, type Loaded } from '../api/use-api.js';
import { Status } from '../components/status.js';
import { words } from './constraint-options.js';
import { ConstraintPicker, type Picked } from './constraint-picker.js';

/** A constraint has at most 100 dependencies (the contract's MAX_DEPENDENCIES); dependents are shown 100 at a time. */
const LIMIT = 100;

/**
 * What a constraint depends on and what depends on it (GET /api/constraints?dependencyOf= / ?dependsOn=), each a
 * link selecting that constraint, with its program and status; and a form to change what it depends on.
 */
export function ConstraintDependencies({ c, onSave, error }: { c: Constraint; onSave: (dependsOn: string[]) => Promise<void>; error: string | undefined }) {
  const upstream = useApi<ConstraintPage>(`/api/constraints?dependencyOf=${c.id}&limit=${LIMIT}`);
  const downstream = useApi<ConstraintPage>(`/api/constraints?dependsOn=${c.id}&limit=${LIMIT}`);
  const [editing, setEditing] = useState(false);
  return (
    <section aria-labelledby="dependencies-heading">
      <h3 id="dependencies-heading">Dependencies</h3>
      <h4 id="depends-on-heading">Depends on</h4>
      <Related loaded={upstream} labelledBy="depends-on-heading" none="Nothing: it can be resolved on its own." more={`dependencyOf=${c.id}`} />
      {editing && upstream.state === 'ready' ? (
        <DependsOnForm c={c} initial={upstream.data.items} onSave={onSave} onCancel={() => setEditing(false)} error={error} />
      ) : (
        <button type="button" className="link" onClick={() => setEditing(true)}>Change what it depends on</button>
      )}
      <h4 id="dependents-heading">What depends on it</h4>
      <Related loaded={downstream} labelledBy="dependents-heading" none="Nothing waits for it." more={`dependsOn=${c.id}`} />
    </section>
  );
}

/** `more` is the library's filter listing all of them, linked when there are more than one page. */
function Related({ loaded, labelledBy, none, more }: { loaded: Loaded<ConstraintPage>; labelledBy: string; none: string; more: string }) {
  const [params] = useSearchParams();
  const select = (ref: string) => {
    const next = new URLSearchParams(params);
    next.set('selected', ref);
    return `?${next.toString()}`;
  };
  return (
    <Status loaded={loaded} label="the dependencies">
      {(page) => page.items.length === 0 ? <p className="muted">{none}</p> : (
        <ul className="related" aria-labelledby={labelledBy}>
          {page.items.map((d) => (
            <li key={d.id}>
              <Link to={select(d.ref)}>{d.ref}</Link> {d.title}{' '}
              <span className="muted">({d.programKey} · {words(d.status)}{d.overdue ? ` · ${d.daysOverdue} d overdue` : ''})</span>
            </li>
          ))}
          {page.nextCursor && <li><Link to={`/constraints?${more}`}>All of them in the library</Link></li>}
        </ul>
      )}
    </Status>
  );
}

function DependsOnForm({ c, initial, onSave, onCancel, error }: {
  c: Constraint; initial: readonly Constraint[]; onSave: (dependsOn: string[]) => Promise<void>; onCancel: () => void; error: string | undefined;
}) {
  const [picked, setPicked] = useState<Picked[]>(initial.map((d) => ({ id: d.id, ref: d.ref, title: d.title })));
  const same = picked.length === initial.length && picked.every((p) => initial.some((d) => d.id === p.id));
  return (
    <form className="constraint-form" onSubmit={(e) => { e.preventDefault(); void onSave(picked.map((p) => p.id)); }}>
      <ConstraintPicker id="edit-depends-on" label="Depends on" value={picked} onChange={setPicked} exclude={c.id} error={error} />
      <div className="actions">
        <button type="submit" disabled={same}>Save dependencies</button>
        <button type="button" className="link" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
