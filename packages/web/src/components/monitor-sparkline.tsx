import type { Monitor, Reading } from '@handoff/contract';
import './program.css';

const W = 200;
const H = 48;
const PAD = 4;
const number = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

/** A reading's value with the monitor's unit, as people read it ("44.3%", "0.19", "310 ms"). */
export function formatValue(value: number, unit: string): string {
  if (unit === '') return number.format(value);
  return unit === '%' ? `${number.format(value)}%` : `${number.format(value)} ${unit}`;
}

/** How long a span of hours is, in words. */
export function spanInWords(hours: number): string {
  if (hours % 24 === 0) return hours === 24 ? 'day' : `${hours / 24} days`;
  return hours === 1 ? 'hour' : `${hours} hours`;
}

/**
 * A small line of recent readings with the breach (and warning) threshold; its label says the values in words.
 * Readings come oldest first.
 */
export function MonitorSparkline({ monitor, readings, spanHours }: { monitor: Monitor; readings: readonly Reading[]; spanHours: number }) {
  const first = readings[0];
  const latest = readings[readings.length - 1];
  if (!first || !latest) return <p className="muted">No readings yet.</p>;
  const values = readings.map((r) => r.value);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const bounds = [...values, monitor.breachThreshold, ...(monitor.warningThreshold === null ? [] : [monitor.warningThreshold])];
  const min = Math.min(...bounds);
  const max = Math.max(...bounds);
  const t0 = Date.parse(first.observedAt);
  const t1 = Date.parse(latest.observedAt);
  const x = (r: Reading) => (t1 === t0 ? W / 2 : PAD + ((W - 2 * PAD) * (Date.parse(r.observedAt) - t0)) / (t1 - t0));
  const y = (v: number) => (max === min ? H / 2 : H - PAD - ((H - 2 * PAD) * (v - min)) / (max - min));
  const f = (v: number) => formatValue(v, monitor.unit);
  const worse = monitor.direction === 'above' ? 'higher' : 'lower';
  const label = `${monitor.name}: ${readings.length} reading${readings.length === 1 ? '' : 's'} over the last ${spanInWords(spanHours)}, `
    + `first ${f(first.value)}, lowest ${f(low)}, highest ${f(high)}, latest ${f(latest.value)}; `
    + `breach threshold ${f(monitor.breachThreshold)}, ${worse} is worse`;
  return (
    <svg className="spark" role="img" aria-label={label} viewBox={`0 0 ${W} ${H}`}>
      <line x1="0" x2={W} y1={y(monitor.breachThreshold)} y2={y(monitor.breachThreshold)} stroke="#cf222e" strokeDasharray="4 3" />
      {monitor.warningThreshold !== null && (
        <line x1="0" x2={W} y1={y(monitor.warningThreshold)} y2={y(monitor.warningThreshold)} stroke="#9a6700" strokeDasharray="1 3" />
      )}
      <polyline points={readings.map((r) => `${x(r)},${y(r.value)}`).join(' ')} fill="none" stroke="#0a5bd3" strokeWidth="1.5" />
      <circle cx={x(latest)} cy={y(latest.value)} r="3" fill={monitor.state === 'breach' ? '#cf222e' : '#0a5bd3'} />
    </svg>
  );
}
