import type { ConstraintImpact, HistoryEntry, HistoryPage, PersonPage } from '@handoff/contract';
import { useApi } from '../api/use-api.js';
import { Status } from '../components/status.js';

/** What a week's slip of this constraint does to each program's next gate and production date (as the API computed). */
export function ConstraintImpactView({ id }: { id: string }) {
  const loaded = useApi<ConstraintImpact>(`/api/constraints/${id}/impact?days=7`);
  return (
    <section aria-labelledby="impact-heading">
      <h3 id="impact-heading">If it resolves a week late</h3>
      <Status loaded={loaded} label="the impact">
        {(impact) => impact.programs.length === 0 ? <p className="muted">It is on no gate's path: a week's slip moves nothing.</p> : (
          <ul>
            {impact.programs.map((p) => (
              <li key={p.program.id}><strong>{p.program.key}</strong>: next gate +{p.nextGateDelayDays} days, production +{p.productionDelayDays} days ({p.production.before} → {p.production.after})</li>
            ))}
          </ul>
        )}
      </Status>
    </section>
  );
}

/** Every change to the constraint, oldest first: who, when, field, before → after, reason. Owners are named, not ids. */
export function ConstraintHistory({ id }: { id: string }) {
  const loaded = useApi<HistoryPage>(`/api/constraints/${id}/history?limit=50`);
  const people = useApi<PersonPage>('/api/people?limit=200');
  const names = new Map(people.state === 'ready' ? people.data.items.map((p) => [p.id, p.name]) : []);
  return (
    <section aria-labelledby="history-heading">
      <h3 id="history-heading">History</h3>
      <Status loaded={loaded} label="the history">
        {(page) => (
          <ol className="history">
            {page.items.map((h) => (
              <li key={h.id}><span className="muted">{h.at.slice(0, 16).replace('T', ' ')} · {h.actor}</span> <Change h={h} names={names} />{h.reason && <em> — {h.reason}</em>}</li>
            ))}
          </ol>
        )}
      </Status>
    </section>
  );
}

function Change({ h, names }: { h: HistoryEntry; names: ReadonlyMap<string, string> }) {
  if (h.field === 'created') return <>created</>;
  if (h.field === 'ownerId') {
    const name = (v: unknown) => (typeof v === 'string' ? names.get(v) ?? v : JSON.stringify(v));
    return <>owner: {name(h.before)} → {name(h.after)}</>;
  }
  return <>{h.field}: {JSON.stringify(h.before)} → {JSON.stringify(h.after)}</>;
}
