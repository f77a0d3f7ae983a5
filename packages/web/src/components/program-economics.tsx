import type { Economics } from '@handoff/contract';
import { useApi } from '../api/use-api.js';
import { EconomicsEditor } from './economics-editor.js';
import { useProgramAccess } from '../screens/program-access.js';
import { Status } from './status.js';
import { TableScroll } from './table-scroll.js';
import './program.css';

/**
 * Pilot against production economics, side by side, what the pilot leaves out and the items behind the figures;
 * for whoever leads the program, the cost model and its items to edit. Every change loads the figures again.
 */
export function EconomicsSection({ programId }: { programId: string }) {
  const loaded = useApi<Economics>(`/api/programs/${programId}/economics`);
  const { lead } = useProgramAccess(programId);
  const reload = loaded.state === 'ready' ? loaded.reload : () => {};
  return (
    <section aria-labelledby="economics-heading">
      <h2 id="economics-heading">Economics</h2>
      <Status loaded={loaded} label="the economics">
        {(e) => (
          <>
            {!e.pilot && !e.production ? <p>{e.summary}</p> : <EconomicsBody e={e} />}
            <EconomicsEditor e={e} canEdit={lead} reload={reload} />
          </>
        )}
      </Status>
    </section>
  );
}

function EconomicsBody({ e }: { e: Economics }) {
  const rows = (e.production ?? e.pilot)?.tcoByCategory.map((c) => c.category) ?? [];
  const value = (scope: typeof e.pilot, category: string) => Number(scope?.tcoByCategory.find((c) => c.category === category)?.total ?? '0');
  const max = Math.max(1, ...rows.flatMap((c) => [value(e.pilot, c), value(e.production, c)]));
  return (
    <>
      <p className={e.basis === 'production-economics' ? undefined : 'warn'}>{e.summary}</p>
      <svg className="chart" role="img" viewBox={`0 0 600 ${rows.length * 30}`}
        aria-label={rows.map((c) => `${c}: pilot ${value(e.pilot, c)}, production ${value(e.production, c)} ${e.currency ?? ''}`).join('; ')}>
        {rows.map((c, i) => (
          <g key={c} transform={`translate(0 ${i * 30})`}>
            <text x="0" y="12" fontSize="11">{c}</text>
            <rect x="210" y="2" width={(340 * value(e.pilot, c)) / max} height="10" fill="#8c959f"><title>pilot {value(e.pilot, c)}</title></rect>
            <rect x="210" y="14" width={(340 * value(e.production, c)) / max} height="10" fill="#0a5bd3"><title>production {value(e.production, c)}</title></rect>
          </g>
        ))}
      </svg>
      <p className="muted">Grey: pilot · blue: production · total cost of ownership over {e.horizonMonths} months in {e.currency}.</p>
      <TableScroll label="Economics table">
        <table className="grid">
          <caption className="visually-hidden">Pilot and production side by side</caption>
          <thead><tr><td></td><th scope="col">Pilot</th><th scope="col">Production</th></tr></thead>
          <tbody>
            <tr><th scope="row">Total cost of ownership</th><td>{e.pilot?.tco ?? '—'}</td><td>{e.production?.tco ?? '—'}</td></tr>
            <tr><th scope="row">Benefits</th><td>{e.pilot?.benefits ?? '—'}</td><td>{e.production?.benefits ?? '—'}</td></tr>
            <tr><th scope="row">NPV</th><td>{e.pilot?.npv ?? '—'}</td><td>{e.production?.npv ?? '—'}</td></tr>
            <tr><th scope="row">Payback month</th><td>{e.pilot?.paybackMonth ?? 'never'}</td><td>{e.production?.paybackMonth ?? 'never'}</td></tr>
          </tbody>
        </table>
      </TableScroll>
      {e.pilotHides.length > 0 && <p>The pilot leaves out: {e.pilotHides.map((c) => `${c.category} (${c.total})`).join(', ')}.</p>}
    </>
  );
}
