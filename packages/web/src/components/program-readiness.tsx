import type { ProgramReadiness } from '@handoff/contract';
import { useState } from 'react';
import { useApi } from '../api/use-api.js';
import { useSession } from '../session.js';
import { ReadinessTrendChart } from './program-readiness-trend.js';
import { useProgramAccess } from '../screens/program-access.js';
import { ReadinessAssess } from './readiness-assess.js';
import { ReadinessBars } from './readiness-bars.js';
import { ReadinessCriterion } from './readiness-criterion.js';
import { Status } from './status.js';
import './program.css';
import './readiness.css';

/**
 * Readiness per dimension for the next gate, each criterion with its latest result and evidence; for whoever may,
 * an assess mode (one assessment of any number of criteria) and a constraint opened from a gap. After each change
 * the scores and the trend load again.
 */
export function ReadinessSection({ programId }: { programId: string }) {
  const loaded = useApi<ProgramReadiness>(`/api/programs/${programId}/readiness`);
  const { personId } = useSession();
  const access = useProgramAccess(programId);
  const [assessing, setAssessing] = useState<{ focus: string | null } | null>(null);
  const [round, setRound] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const canAssess = access.lead && personId !== null;
  const reload = () => {
    if (loaded.state === 'ready') loaded.reload();
    setRound((n) => n + 1);
  };
  const assess = (focus: string | null) => { setDone(null); setAssessing({ focus }); };
  return (
    <section aria-labelledby="readiness-heading">
      <h2 id="readiness-heading">Readiness</h2>
      <Status loaded={loaded} label="readiness">
        {(r) => (
          <>
            <p>For the <strong>{r.gate}</strong> gate: {r.gateOpen ? 'all four dimensions are met — the gate is open.' : `not met in ${r.unmet.map((u) => u.dimension).join(', ')}.`}</p>
            <ReadinessBars dimensions={r.dimensions} />
            <ReadinessTrendChart key={round} programId={programId} />
            {done && <p className="ok-box" role="status">{done}</p>}
            {canAssess && !assessing && <p><button type="button" onClick={() => assess(null)}>Assess</button></p>}
            {assessing && personId ? (
              <ReadinessAssess readiness={r} assessedBy={personId} focus={assessing.focus} onCancel={() => setAssessing(null)}
                onAssessed={(n) => { setAssessing(null); setDone(`Assessment of ${n} ${n === 1 ? 'criterion' : 'criteria'} recorded.`); reload(); }} />
            ) : r.dimensions.map((d) => (
              <details key={d.dimension}>
                <summary>{d.dimension}: {d.met ? 'met' : 'not met'} ({d.counts.met} met, {d.counts.partial} partial, {d.counts.notMet} not met, {d.unassessed} not assessed){d.vacantRoles.length > 0 ? ` · vacant: ${d.vacantRoles.join(', ')}` : ''}{d.conditions.length > 0 ? ` · ${d.conditions.join(', ')}` : ''}{d.criteria.some((c) => c.reassessmentDue) ? ' · reassess' : ''}</summary>
                <ul className="plain">
                  {d.criteria.map((c) => (
                    <ReadinessCriterion key={c.criterion.id} programId={programId} result={c} canAssess={canAssess} canOpenGap={access.member}
                      onAssess={assess} onChanged={reload} />
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
