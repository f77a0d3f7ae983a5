import type { Economics } from '@handoff/contract';

/**
 * What keeps the production model "pilot economics": the production cost categories the API says are missing,
 * for every reader; for whoever may edit, one click per category pre-fills the add form with it.
 */
export function EconomicsMissing({ e, onAdd }: { e: Economics; onAdd: ((category: string) => void) | null }) {
  if (e.basis !== 'pilot-economics' || e.missing.length === 0) return null;
  return (
    <div className="callout missing" role="group" aria-labelledby="missing-heading">
      <p id="missing-heading"><strong>Pilot economics:</strong> the production model has no {e.missing.join(', ')} costs.</p>
      {onAdd && (
        <p className="actions">
          {e.missing.map((c) => <button key={c} type="button" className="secondary" onClick={() => onAdd(c)}>Add {/^[aeiou]/.test(c) ? 'an' : 'a'} {c} cost</button>)}
        </p>
      )}
    </div>
  );
}
