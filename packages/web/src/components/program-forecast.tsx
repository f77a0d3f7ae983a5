import type { ProgramForecast } from '@handoff/contract';
import { useApi } from '../api/use-api.js';
import { ConstraintLink } from './constraint-link.js';
import { Status } from './status.js';
import { TableScroll } from './table-scroll.js';
import './program.css';

type ForecastGate = ProgramForecast['gates'][number];

const DAY = 86_400_000;
/** Constraints shown by criticality: the few that matter most. */
const TOP_CRITICAL = 5;
const percent = (share: number) => `${Math.round(share * 100)}%`;

/** The Monte Carlo forecast: P50–P95 of each remaining gate against its plan and the target, and the most critical constraints. */
export function ForecastSection({ programId }: { programId: string }) {
  const loaded = useApi<ProgramForecast>(`/api/programs/${programId}/forecast`);
  return (
    <section aria-labelledby="forecast-heading">
      <h2 id="forecast-heading">Forecast</h2>
      <Status loaded={loaded} label="the forecast">
        {(f) => {
          const gates = f.production && !f.gates.some((g) => g.gate === f.production?.gate) ? [...f.gates, f.production] : f.gates;
          if (gates.length === 0) return <p>In production: nothing left to forecast.</p>;
          return (
            <>
              <p>
                {f.production ? `Production: P50 ${f.production.p50}, P80 ${f.production.p80}, P95 ${f.production.p95}` : 'No production forecast'}
                {f.targetProductionDate ? ` against the target ${f.targetProductionDate}` : ' (no target production date)'}
                {f.onTargetProbability !== null ? ` — ${percent(f.onTargetProbability)} chance of production on or before the target.` : '.'}
              </p>
              <ForecastChart gates={gates} today={f.today} target={f.targetProductionDate} />
              <p className="muted">Bar: P50 to P95 · tick: P80 · blue diamond: planned · dashed red: target · dashed grey: today. {f.trials} trials, seed {f.seed}.</p>
              <ul className="plain">
                {gates.map((g) => (
                  <li key={g.gate}><strong>{g.gate}</strong>: P50 {g.p50}, P80 {g.p80}, P95 {g.p95}; planned {g.plannedDate ?? 'none'}</li>
                ))}
              </ul>
              {f.criticality.length > 0 && <Criticality f={f} />}
            </>
          );
        }}
      </Status>
    </section>
  );
}

function ForecastChart({ gates, today, target }: { gates: readonly ForecastGate[]; today: string; target: string | null }) {
  const dates = gates.flatMap((g) => [g.p50, g.p95, ...(g.plannedDate ? [g.plannedDate] : [])]).concat(today, target ? [target] : []);
  const min = Math.min(...dates.map((d) => Date.parse(d)));
  const max = Math.max(...dates.map((d) => Date.parse(d))) + DAY;
  const x = (d: string) => 150 + (430 * (Date.parse(d) - min)) / (max - min);
  const rows = gates.length * 28;
  const label = gates.map((g) => `${g.gate}: P50 ${g.p50}, P80 ${g.p80}, P95 ${g.p95}, planned ${g.plannedDate ?? 'none'}`).join('; ')
    + (target ? `; target production ${target}` : '');
  return (
    <svg className="chart" role="img" viewBox={`0 0 600 ${rows + 22}`} aria-label={`Forecast — ${label}`}>
      <line x1={x(today)} x2={x(today)} y1="0" y2={rows + 4} stroke="#57606a" strokeDasharray="3 3" />
      <text x={x(today)} y={rows + 16} fontSize="11" textAnchor="middle">today</text>
      {target && (
        <>
          <line x1={x(target)} x2={x(target)} y1="0" y2={rows + 4} stroke="#cf222e" strokeDasharray="5 3" />
          <text x={x(target)} y={rows + 16} fontSize="11" textAnchor="middle" fill="#a40e26">target</text>
        </>
      )}
      {gates.map((g, i) => (
        <g key={g.gate} transform={`translate(0 ${i * 28})`}>
          <text x="0" y="16" fontSize="12">{g.gate}</text>
          <rect x={x(g.p50)} y="5" width={Math.max(2, x(g.p95) - x(g.p50))} height="14" fill="#b6d3fb"><title>P50 {g.p50} to P95 {g.p95}</title></rect>
          <line x1={x(g.p80)} x2={x(g.p80)} y1="2" y2="22" stroke="#0b3d91" strokeWidth="3"><title>P80 {g.p80}</title></line>
          {g.plannedDate && (
            <path d={`M ${x(g.plannedDate)} 5 l 6 7 l -6 7 l -6 -7 z`} fill="#0a5bd3"><title>planned {g.plannedDate}</title></path>
          )}
        </g>
      ))}
    </svg>
  );
}

function Criticality({ f }: { f: ProgramForecast }) {
  const top = f.criticality.slice(0, TOP_CRITICAL);
  return (
    <>
      <h3>Most critical constraints</h3>
      <p className="muted">Share of trials in which the constraint lay on the critical path.</p>
      <TableScroll label="Criticality table">
        <table className="grid">
          <caption className="visually-hidden">Criticality of the top constraints</caption>
          <thead><tr><th scope="col">Constraint</th><th scope="col">Owner</th><th scope="col">Next gate</th><th scope="col">Production</th></tr></thead>
          <tbody>
            {top.map((c) => (
              <tr key={c.constraint.id}>
                <th scope="row"><ConstraintLink constraintRef={c.constraint.ref} /> {c.constraint.title}</th>
                <td>{c.constraint.owner.name}</td>
                <td>{percent(c.nextGate)}</td>
                <td>{percent(c.production)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
