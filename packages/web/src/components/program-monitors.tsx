import type { Monitor, MonitorPage } from '@handoff/contract';
import { useApi } from '../api/use-api.js';
import { useRecentReadings } from '../api/use-recent-readings.js';
import { ConstraintLink } from './constraint-link.js';
import { MonitorSparkline, formatValue } from './monitor-sparkline.js';
import { Status } from './status.js';
import './program.css';

/** The API's largest page: a program has a handful of monitors. */
const MONITORS_PAGE = 200;

const STATE_WORDS: Record<Monitor['state'], string> = { ok: 'ok', warning: 'warning', breach: 'in breach', unknown: 'no reading in the window' };

/** A program's monitors: metric, thresholds, state since when, the role that holds it, recent readings, the risk constraint a breach opened. */
export function MonitorsSection({ programId }: { programId: string }) {
  const loaded = useApi<MonitorPage>(`/api/programs/${programId}/monitors?limit=${MONITORS_PAGE}`);
  return (
    <section aria-labelledby="monitors-heading">
      <h2 id="monitors-heading">Monitors</h2>
      <Status loaded={loaded} label="the monitors">
        {(page) => page.items.length === 0
          ? <p className="muted">No monitors yet: add one with <code>POST /api/programs/{'{id}'}/monitors</code> so breaches open risk constraints.</p>
          : (
            <>
              <p>{summary(page.items)}</p>
              <ul className="monitor-list">{page.items.map((m) => <MonitorCard key={m.id} monitor={m} />)}</ul>
            </>
          )}
      </Status>
    </section>
  );
}

function summary(monitors: readonly Monitor[]): string {
  const breached = monitors.filter((m) => m.state === 'breach').length;
  return `${monitors.length} monitor${monitors.length === 1 ? '' : 's'}, ${breached === 0 ? 'none' : breached} in breach.`;
}

function MonitorCard({ monitor: m }: { monitor: Monitor }) {
  const recent = useRecentReadings(m.id, m.lastObservedAt);
  const f = (v: number) => formatValue(v, m.unit);
  const at = m.direction === 'above' ? '≥' : '≤';
  return (
    <li className={`card monitor ${m.state}`}>
      <h3>{m.name}</h3>
      <p>
        <span className={m.state === 'breach' ? 'tag bad' : 'tag'}>{STATE_WORDS[m.state]}</span>
        {m.stateSince && <> since {m.stateSince.slice(0, 10)}</>}
        {m.lastValue !== null && <> · latest {f(m.lastValue)}</>}
      </p>
      <dl className="facts">
        <dt>Metric</dt><dd>{m.metric}</dd>
        <dt>Threshold</dt>
        <dd>breach at {at} {f(m.breachThreshold)}{m.warningThreshold !== null && `, warning at ${at} ${f(m.warningThreshold)}`} ({m.direction === 'above' ? 'higher' : 'lower'} is worse)</dd>
        <dt>Held by</dt><dd>{m.ownerRole}: {m.owner?.name ?? <span className="warn">vacant</span>}</dd>
        {m.breachConstraint && (
          <>
            <dt>Risk constraint</dt>
            <dd>
              <ConstraintLink constraintRef={m.breachConstraint.ref} /> ({m.breachConstraint.status.replace('_', ' ')}
              {m.breachConstraint.recoveredAt && `, recovered ${m.breachConstraint.recoveredAt.slice(0, 10)}`})
            </dd>
          </>
        )}
      </dl>
      {m.unownedBreach && <p className="warn">In breach with no risk constraint: the owner role and the sponsor are both vacant. Fill the role.</p>}
      <Status loaded={recent} label={`the readings of ${m.name}`}>
        {(r) => <MonitorSparkline monitor={m} readings={r.readings} spanHours={r.spanHours} />}
      </Status>
    </li>
  );
}
