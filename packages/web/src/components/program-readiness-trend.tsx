import type { ReadinessTrend } from '@handoff/contract';
import { useApi } from '../api/use-api.js';
import { Status } from './status.js';
import './program.css';

/** One colour per dimension, the same in the line and the legend (AA contrast on white). */
const COLOURS: Record<ReadinessTrend['points'][number]['dimensions'][number]['dimension'], string> = {
  technical: '#0a5bd3', governance: '#8250df', workforce: '#bc4c00', economic: '#116329',
};
const W = 400;
const H = 120;
const LEFT = 30;

/** Readiness per dimension after each assessment batch, oldest first: a line per dimension, the scores in the label. */
export function ReadinessTrendChart({ programId }: { programId: string }) {
  const loaded = useApi<ReadinessTrend>(`/api/programs/${programId}/readiness/trend`);
  return (
    <Status loaded={loaded} label="the readiness trend">
      {(t) => {
        if (t.points.length < 2) return null;
        const x = (i: number) => LEFT + ((W - LEFT - 10) * i) / (t.points.length - 1);
        const y = (score: number) => H - 20 - ((H - 30) * score) / 100;
        const dims = t.points[0]?.dimensions.map((d) => d.dimension) ?? [];
        const label = `Readiness trend for the ${t.gate} gate — ` + t.points
          .map((p) => `${p.date}: ${p.dimensions.map((d) => `${d.dimension} ${d.score}/100`).join(', ')}`).join('; ');
        return (
          <figure className="trend">
            <svg className="chart chart-narrow" role="img" aria-label={label} viewBox={`0 0 ${W} ${H}`}>
              {[0, 50, 100].map((s) => (
                <g key={s}>
                  <line x1={LEFT} x2={W - 10} y1={y(s)} y2={y(s)} stroke="#d0d7de" />
                  <text x="0" y={y(s) + 4} fontSize="10">{s}</text>
                </g>
              ))}
              {dims.map((dim) => (
                <polyline key={dim} fill="none" stroke={COLOURS[dim]} strokeWidth="2"
                  points={t.points.map((p, i) => `${x(i)},${y(p.dimensions.find((d) => d.dimension === dim)?.score ?? 0)}`).join(' ')} />
              ))}
              {t.points.map((p, i) => <text key={p.batchId} x={x(i)} y={H - 4} fontSize="10" textAnchor={i === 0 ? 'start' : i === t.points.length - 1 ? 'end' : 'middle'}>{p.date}</text>)}
            </svg>
            <figcaption className="legend">
              Trend over {t.points.length} assessments:{' '}
              {dims.map((dim) => <span key={dim}><span className="swatch" style={{ background: COLOURS[dim] }} aria-hidden="true" /> {dim}</span>)}
            </figcaption>
          </figure>
        );
      }}
    </Status>
  );
}
