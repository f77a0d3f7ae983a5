import type { ProgramTimeline } from '@handoff/contract';
import { Fragment, useState } from 'react';
import { useApi } from '../api/use-api.js';
import { useProgramAccess } from '../screens/program-access.js';
import { Done } from '../screens/settings-fields.js';
import { ConstraintLink } from './constraint-link.js';
import { PlanForm } from './program-plan-form.js';
import { Status } from './status.js';
import { TableScroll } from './table-scroll.js';
import './program.css';

const DAY = 86_400_000;

/** Gates planned against projected, as a chart and a table, with the critical path of each gate; those who lead the program edit the plan. */
export function TimelineSection({ programId }: { programId: string }) {
  const loaded = useApi<ProgramTimeline>(`/api/programs/${programId}/timeline`);
  const { lead } = useProgramAccess(programId);
  const [editing, setEditing] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const saved = (message: string) => { setEditing(false); setDone(message); if (loaded.state === 'ready') loaded.reload(); };
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      <Done message={done} />
      {lead && !editing && <div className="actions"><button type="button" className="secondary" onClick={() => { setDone(null); setEditing(true); }}>Edit the plan</button></div>}
      {editing && <PlanForm programId={programId} onSaved={saved} onCancel={() => setEditing(false)} />}
      <Status loaded={loaded} label="the timeline">
        {(t) => (t.gates.length === 0 ? <p>In production.</p> : <TimelineBody t={t} />)}
      </Status>
    </section>
  );
}

function TimelineBody({ t }: { t: ProgramTimeline }) {
  const dates = t.gates.flatMap((g) => [g.projectedDate, ...(g.plannedDate ? [g.plannedDate] : [])]).concat(t.today);
  const min = Math.min(...dates.map((d) => Date.parse(d)));
  const max = Math.max(...dates.map((d) => Date.parse(d))) + DAY;
  const x = (d: string) => 130 + (460 * (Date.parse(d) - min)) / (max - min);
  const height = t.gates.length * 26 + 20;
  return (
    <>
      <p>{t.productionVsTargetDays === null ? 'No target production date.' : t.productionVsTargetDays > 0 ? `Production is projected ${t.productionVsTargetDays} days after the target (${t.targetProductionDate}).` : `Production is projected on or before the target (${t.targetProductionDate}).`}</p>
      <svg className="chart" role="img" viewBox={`0 0 600 ${height}`}
        aria-label={t.gates.map((g) => `${g.gate}: planned ${g.plannedDate ?? 'none'}, projected ${g.projectedDate}${g.slipDays !== null && g.slipDays > 0 ? `, ${g.slipDays} days late` : ''}`).join('; ')}>
        <line x1={x(t.today)} x2={x(t.today)} y1="0" y2={t.gates.length * 26 + 6} stroke="#57606a" strokeDasharray="3 3" />
        <text x={x(t.today) + 3} y={t.gates.length * 26 + 18} fontSize="11">today</text>
        {t.gates.map((g, i) => (
          <g key={g.gate} transform={`translate(0 ${i * 26})`}>
            <text x="0" y="15" fontSize="12">{g.gate}</text>
            {g.plannedDate && (g.slipDays ?? 0) > 0 && <line x1={x(g.plannedDate)} x2={x(g.projectedDate)} y1="11" y2="11" stroke="#cf222e" strokeWidth="3" />}
            {g.plannedDate && <rect x={x(g.plannedDate) - 4} y="4" width="8" height="14" fill="#0a5bd3"><title>planned {g.plannedDate}</title></rect>}
            <circle cx={x(g.projectedDate)} cy="11" r="6" fill={(g.slipDays ?? 0) > 0 ? '#cf222e' : '#1a7f37'}><title>projected {g.projectedDate}</title></circle>
          </g>
        ))}
      </svg>
      <p className="muted">Blue bar: planned · dot: projected (red when late; the red line is the slip) · dashed: today.</p>
      <TableScroll label="Gates table">
        <table className="grid">
          <caption className="visually-hidden">Gates</caption>
          <thead><tr><th scope="col">Gate</th><th scope="col">Planned</th><th scope="col">Projected</th><th scope="col">Slip</th><th scope="col">Critical path</th></tr></thead>
          <tbody>
            {t.gates.map((g) => (
              <tr key={g.gate}>
                <th scope="row">{g.gate}</th><td>{g.plannedDate ?? '—'}</td><td>{g.projectedDate}</td>
                <td>{g.slipDays === null ? '—' : g.slipDays > 0 ? <span className="warn">+{g.slipDays} d</span> : `${g.slipDays} d`}</td>
                <td>
                  {g.criticalPath.kind === 'constraints'
                    ? g.criticalPath.constraints.map((c, i) => <Fragment key={c.id}>{i > 0 && ' → '}<ConstraintLink constraintRef={c.ref} /></Fragment>)
                    : g.criticalPath.kind === 'plan' ? 'the plan date' : 'nothing: could open today'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
