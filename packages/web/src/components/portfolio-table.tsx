import type { ProgramBrief } from '@handoff/contract';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { FAILURE_MODE_WORDS } from './program-diagnosis.js';
import { PHASE_WORDS, type SortDir, type SortKey } from './portfolio-sort.js';
import { TableScroll } from './table-scroll.js';
import './portfolio.css';

const DIMENSIONS = ['technical', 'governance', 'workforce', 'economic'] as const;

/** The programs as a table whose sortable column headers are buttons (aria-sort on the sorted one). */
export function PortfolioTable({ rows, sort, onSort }: { rows: readonly ProgramBrief[]; sort: { key: SortKey; dir: SortDir }; onSort: (key: SortKey) => void }) {
  const head = (key: SortKey | null, label: ReactNode) => {
    if (key === null) return <th scope="col">{label}</th>;
    const sorted = sort.key === key;
    return (
      <th scope="col" aria-sort={sorted ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
        <button type="button" className="sort" onClick={() => onSort(key)}>
          {label}<span aria-hidden="true" className="arrow">{sorted ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ' ↕'}</span>
        </button>
      </th>
    );
  };
  return (
    <TableScroll label="Programs table">
      <table className="grid portfolio">
        <caption className="visually-hidden">Programs, {sort.key === 'risk' ? 'most risk first' : 'sorted by the column marked'}</caption>
        <thead>
          <tr>
            {head('key', 'Program')}{head('phase', 'Phase')}{head(null, 'Sponsor')}{head(null, <>Readiness <span className="dims-key" aria-hidden="true">tech · gov · work · econ</span></>)}{head(null, 'Failure mode')}
            {head('overdue', 'Overdue / active')}{head('escalated', 'Escalated')}{head('p80', 'Production P50 / P80')}{head('target', 'Target')}{head(null, 'Ownership')}
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.program.id}>
              <th scope="row"><Link to={`/programs/${p.program.key}`}>{p.program.key}</Link> <span className="muted">{p.program.name}</span></th>
              <td>{PHASE_WORDS[p.program.phase]}</td>
              <td>{p.program.sponsor?.name ?? <span className="warn">none</span>}</td>
              <td><Readiness brief={p} /></td>
              <td>{p.diagnosis.modes.length === 0 ? 'none' : p.diagnosis.modes.map((m) => `${FAILURE_MODE_WORDS[m.mode]} (${m.strength})`).join(', ')}</td>
              <td><Count n={p.constraints.overdue} to={`/constraints?program=${p.program.id}&overdue=true`} label={`overdue constraints of ${p.program.key}`} warn /> / <Count n={p.constraints.active} to={`/constraints?program=${p.program.id}&active=true`} label={`active constraints of ${p.program.key}`} /></td>
              <td><Count n={p.constraints.escalated} to={`/constraints?program=${p.program.id}&active=true&escalated=true`} label={`escalated active constraints of ${p.program.key}`} warn /></td>
              <td className="date"><Forecast brief={p} /></td>
              <td className="date">{p.program.targetProductionDate ?? '—'}</td>
              <td>{p.verdict.kind === 'executive-ownership' ? 'Executive ownership' : <span className="warn">Visibility only</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function Forecast({ brief }: { brief: ProgramBrief }) {
  const f = brief.answers.q3.detail?.forecast;
  if (!f) return <>—</>;
  return (
    <>
      {f.p50} /<br />{f.p80}
      {f.daysLateP80 !== null && f.daysLateP80 > 0 && <><br /><span className="warn">P80 {f.daysLateP80} d late</span></>}
    </>
  );
}

function Readiness({ brief }: { brief: ProgramBrief }) {
  if (!brief.readiness) return <span className="muted">not assessed</span>;
  const r = brief.readiness;
  return (
    <ul className="dims" aria-label="Readiness by dimension">
      {DIMENSIONS.map((d) => (
        <li key={d} className={r[d].met ? 'met' : 'unmet'} title={`${d}: ${r[d].score}%${r[d].met ? ', met' : ', not met'}`}>
          <span className="visually-hidden">{d} {r[d].met ? 'met' : 'not met'}, </span>{r[d].score}
        </li>
      ))}
    </ul>
  );
}

/** A count that opens the constraint library filtered to exactly the constraints it counts (none: a plain 0). */
function Count({ n, to, label, warn = false }: { n: number; to: string; label: string; warn?: boolean }) {
  if (n === 0) return <>0</>;
  return <Link to={to} className={warn ? 'warn' : undefined} aria-label={`${n} ${label}`}>{n}</Link>;
}
