import type { ProgramReadiness } from '@handoff/contract';
import { useApi } from '../api/use-api.js';
import { ReadinessTrendChart } from './program-readiness-trend.js';
import { Status } from './status.js';
import './program.css';

/** Readiness per dimension for the next gate, each criterion with its latest result and evidence. */
export function ReadinessSection({ programId }: { programId: string }) {
  const loaded = useApi<ProgramReadiness>(`/api/programs/${programId}/readiness`);
  return (
    <section aria-labelledby="readiness-heading">
      <h2 id="readiness-heading">Readiness</h2>
      <Status loaded={loaded} label="readiness">
        {(r) => (
          <>
            <p>For the <strong>{r.gate}</strong> gate: {r.gateOpen ? 'all four dimensions are met — the gate is open.' : `not met in ${r.unmet.map((u) => u.dimension).join(', ')}.`}</p>
            <svg className="chart chart-narrow" role="img" viewBox="0 0 400 110"
              aria-label={r.dimensions.map((d) => `${d.dimension} ${d.score}%${d.met ? ' met' : ' not met'}`).join(', ')}>
              {r.dimensions.map((d, i) => (
                <g key={d.dimension} transform={`translate(0 ${i * 27})`}>
                  <text x="0" y="15" fontSize="12">{d.dimension}</text>
                  <rect x="90" y="4" width="260" height="14" fill="#eaeef2" />
                  <rect x="90" y="4" width={(260 * d.score) / 100} height="14" fill={d.met ? '#1a7f37' : '#cf222e'} />
                  <text x="356" y="15" fontSize="12">{d.score}%</text>
                </g>
              ))}
            </svg>
            <ReadinessTrendChart programId={programId} />
            {r.dimensions.map((d) => (
              <details key={d.dimension}>
                <summary>{d.dimension}: {d.met ? 'met' : 'not met'} ({d.counts.met} met, {d.counts.partial} partial, {d.counts.notMet} not met, {d.unassessed} not assessed){d.vacantRoles.length > 0 ? ` · vacant: ${d.vacantRoles.join(', ')}` : ''}{d.conditions.length > 0 ? ` · ${d.conditions.join(', ')}` : ''}</summary>
                <ul className="plain">
                  {d.criteria.map((c) => (
                    <li key={c.criterion.id}>
                      <strong>{c.criterion.code}</strong> {c.criterion.text} — {c.status ?? 'not assessed'}{c.criterion.required ? '' : ' (optional)'}
                      {c.evidence && <div className="muted">Evidence: {c.evidence}</div>}
                      {c.reassessmentDue && <span className="tag">reassess</span>}
                    </li>
                  ))}
                </ul>
              </details>
            ))}
          </>
        )}
      </Status>
    </section>
  );
}
