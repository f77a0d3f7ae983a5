import type { ProgramReadiness } from '@handoff/contract';

/** The four dimensions' scores as bars, green when met, red when not; the scores in words in the label. */
export function ReadinessBars({ dimensions }: { dimensions: ProgramReadiness['dimensions'] }) {
  return (
    <svg className="chart chart-narrow" role="img" viewBox="0 0 400 110"
      aria-label={dimensions.map((d) => `${d.dimension} ${d.score}%${d.met ? ' met' : ' not met'}`).join(', ')}>
      {dimensions.map((d, i) => (
        <g key={d.dimension} transform={`translate(0 ${i * 27})`}>
          <text x="0" y="15" fontSize="12">{d.dimension}</text>
          <rect x="90" y="4" width="260" height="14" fill="#eaeef2" />
          <rect x="90" y="4" width={(260 * d.score) / 100} height="14" fill={d.met ? '#1a7f37' : '#cf222e'} />
          <text x="356" y="15" fontSize="12">{d.score}%</text>
        </g>
      ))}
    </svg>
  );
}
