import type { GateOverridePage } from '@handoff/contract';
import { useApi } from '../api/use-api.js';
import { Status } from '../components/status.js';

/** Every phase change let through with its gate closed: who decided, why, and what was unmet then (shown to every reader). */
export function GateOverrides({ programId }: { programId: string }) {
  const loaded = useApi<GateOverridePage>(`/api/programs/${programId}/gate-overrides?limit=50`);
  return (
    <Status loaded={loaded} label="the gate overrides">
      {(page) => page.items.length === 0 ? null : (
        <div className="callout gate-overrides">
          <h2 id="gate-overrides-heading">Gate overrides</h2>
          <ul aria-labelledby="gate-overrides-heading">
            {page.items.map((o) => (
              <li key={o.id}>
                {o.createdAt.slice(0, 10)}: {o.fromPhase} → {o.toPhase}, overridden by {o.decidedBy.name}. Reason: “{o.reason}”.
                {o.unmet.length > 0 && <> Unmet then: {o.unmet.map((u) => `${u.dimension}${u.criteria.length > 0 ? ` (${u.criteria.join(', ')})` : ''}`).join('; ')}.</>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </Status>
  );
}
