import type { Economics, OwnershipMap, ProgramReadiness, ProgramTimeline } from '@handoff/contract';
import { useApi } from '../api/use-api.js';
import { Status } from './status.js';

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
            <svg className="bars" role="img" aria-label={r.dimensions.map((d) => `${d.dimension} ${d.score}%${d.met ? ' met' : ' not met'}`).join(', ')} viewBox="0 0 400 110" width="400" height="110">
              {r.dimensions.map((d, i) => (
                <g key={d.dimension} transform={`translate(0 ${i * 27})`}>
                  <text x="0" y="15" fontSize="12">{d.dimension}</text>
                  <rect x="90" y="4" width="260" height="14" fill="#eaeef2" />
                  <rect x="90" y="4" width={(260 * d.score) / 100} height="14" fill={d.met ? '#1a7f37' : '#cf222e'} />
                  <text x="356" y="15" fontSize="12">{d.score}%</text>
                </g>
              ))}
            </svg>
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

/** The governance ownership map: one named person per role, vacancies called out. */
export function OwnershipSection({ programId }: { programId: string }) {
  const loaded = useApi<OwnershipMap>(`/api/programs/${programId}/roles`);
  return (
    <section aria-labelledby="ownership-heading">
      <h2 id="ownership-heading">Ownership map</h2>
      <Status loaded={loaded} label="the ownership map">
        {(m) => (
          <table className="grid">
            <caption className="visually-hidden">Governance roles and their holders</caption>
            <thead><tr><th scope="col">Role</th><th scope="col">Holder</th><th scope="col">Since</th></tr></thead>
            <tbody>
              {m.roles.map((r) => (
                <tr key={r.key}>
                  <th scope="row">{r.name}{r.required ? '' : ' (optional)'}</th>
                  <td>{r.holder?.name ?? <span className="warn">vacant{r.required ? ' — a gap' : ''}</span>}</td>
                  <td>{r.since?.slice(0, 10) ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Status>
    </section>
  );
}

const DAY = 86_400_000;

/** Gates planned against projected, as a chart and a table, with the critical path of each gate. */
export function TimelineSection({ programId }: { programId: string }) {
  const loaded = useApi<ProgramTimeline>(`/api/programs/${programId}/timeline`);
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      <Status loaded={loaded} label="the timeline">
        {(t) => {
          if (t.gates.length === 0) return <p>In production.</p>;
          const dates = t.gates.flatMap((g) => [g.projectedDate, ...(g.plannedDate ? [g.plannedDate] : [])]).concat(t.today);
          const min = Math.min(...dates.map((d) => Date.parse(d)));
          const max = Math.max(...dates.map((d) => Date.parse(d))) + DAY;
          const x = (d: string) => 130 + (460 * (Date.parse(d) - min)) / (max - min);
          return (
            <>
              <p>{t.productionVsTargetDays === null ? 'No target production date.' : t.productionVsTargetDays > 0 ? `Production is projected ${t.productionVsTargetDays} days after the target (${t.targetProductionDate}).` : `Production is projected on or before the target (${t.targetProductionDate}).`}</p>
              <svg className="bars" role="img" viewBox={`0 0 600 ${t.gates.length * 26 + 20}`} width="600" height={t.gates.length * 26 + 20}
                aria-label={t.gates.map((g) => `${g.gate}: planned ${g.plannedDate ?? 'none'}, projected ${g.projectedDate}`).join('; ')}>
                <line x1={x(t.today)} x2={x(t.today)} y1="0" y2={t.gates.length * 26 + 6} stroke="#57606a" strokeDasharray="3 3" />
                <text x={x(t.today) + 3} y={t.gates.length * 26 + 18} fontSize="11">today</text>
                {t.gates.map((g, i) => (
                  <g key={g.gate} transform={`translate(0 ${i * 26})`}>
                    <text x="0" y="15" fontSize="12">{g.gate}</text>
                    {g.plannedDate && <rect x={x(g.plannedDate) - 4} y="4" width="8" height="14" fill="#0a5bd3"><title>planned {g.plannedDate}</title></rect>}
                    <circle cx={x(g.projectedDate)} cy="11" r="6" fill={(g.slipDays ?? 0) > 0 ? '#cf222e' : '#1a7f37'}><title>projected {g.projectedDate}</title></circle>
                  </g>
                ))}
              </svg>
              <table className="grid">
                <caption className="visually-hidden">Gates</caption>
                <thead><tr><th scope="col">Gate</th><th scope="col">Planned</th><th scope="col">Projected</th><th scope="col">Slip</th><th scope="col">Critical path</th></tr></thead>
                <tbody>
                  {t.gates.map((g) => (
                    <tr key={g.gate}>
                      <th scope="row">{g.gate}</th><td>{g.plannedDate ?? '—'}</td><td>{g.projectedDate}</td>
                      <td>{g.slipDays === null ? '—' : g.slipDays > 0 ? <span className="warn">+{g.slipDays} d</span> : `${g.slipDays} d`}</td>
                      <td>{g.criticalPath.kind === 'constraints' ? g.criticalPath.constraints.map((c) => c.ref).join(' → ') : g.criticalPath.kind}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          );
        }}
      </Status>
    </section>
  );
}

/** Pilot against production economics, side by side, and what the pilot leaves out. */
export function EconomicsSection({ programId }: { programId: string }) {
  const loaded = useApi<Economics>(`/api/programs/${programId}/economics`);
  return (
    <section aria-labelledby="economics-heading">
      <h2 id="economics-heading">Economics</h2>
      <Status loaded={loaded} label="the economics">
        {(e) => {
          if (!e.pilot && !e.production) return <p>{e.summary}</p>;
          const rows = (e.production ?? e.pilot)?.tcoByCategory.map((c) => c.category) ?? [];
          const value = (scope: typeof e.pilot, category: string) => Number(scope?.tcoByCategory.find((c) => c.category === category)?.total ?? '0');
          const max = Math.max(1, ...rows.flatMap((c) => [value(e.pilot, c), value(e.production, c)]));
          return (
            <>
              <p className={e.basis === 'production-economics' ? undefined : 'warn'}>{e.summary}</p>
              <svg className="bars" role="img" viewBox={`0 0 600 ${rows.length * 30}`} width="600" height={rows.length * 30}
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
              <table className="grid">
                <caption className="visually-hidden">Pilot and production side by side</caption>
                <thead><tr><th scope="col"></th><th scope="col">Pilot</th><th scope="col">Production</th></tr></thead>
                <tbody>
                  <tr><th scope="row">Total cost of ownership</th><td>{e.pilot?.tco ?? '—'}</td><td>{e.production?.tco ?? '—'}</td></tr>
                  <tr><th scope="row">Benefits</th><td>{e.pilot?.benefits ?? '—'}</td><td>{e.production?.benefits ?? '—'}</td></tr>
                  <tr><th scope="row">NPV</th><td>{e.pilot?.npv ?? '—'}</td><td>{e.production?.npv ?? '—'}</td></tr>
                  <tr><th scope="row">Payback month</th><td>{e.pilot?.paybackMonth ?? 'never'}</td><td>{e.production?.paybackMonth ?? 'never'}</td></tr>
                </tbody>
              </table>
              {e.pilotHides.length > 0 && <p>The pilot leaves out: {e.pilotHides.map((c) => `${c.category} (${c.total})`).join(', ')}.</p>}
            </>
          );
        }}
      </Status>
    </section>
  );
}
