import type { ProgramBriefResponse } from '@handoff/contract';
import { Fragment, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useApi } from '../api/use-api.js';
import { BriefAnswers } from '../components/program-answers.js';
import { DiagnosisSection } from '../components/program-diagnosis.js';
import { EconomicsSection } from '../components/program-economics.js';
import { ForecastSection } from '../components/program-forecast.js';
import { MonitorsSection } from '../components/program-monitors.js';
import { OwnershipSection } from '../components/program-ownership.js';
import { ReadinessSection } from '../components/program-readiness.js';
import { TimelineSection } from '../components/program-timeline.js';
import { Status } from '../components/status.js';
import { ProgramActions } from './program-actions.js';
import { useScrollToHash } from './notification-links.js';

/** One program: the sponsor's four questions answered from live data, or what is missing to answer them, and the evidence behind them. */
export function Program() {
  const { key = '' } = useParams();
  const loaded = useApi<ProgramBriefResponse>(`/api/programs/${encodeURIComponent(key)}/brief`);
  useScrollToHash(loaded.state === 'ready');
  // Bumped after a change made in the header, so every section loads again (readiness, timeline, roles follow the phase).
  const [revision, setRevision] = useState(0);
  const changed = () => { if (loaded.state === 'ready') loaded.reload(); setRevision((r) => r + 1); };
  return (
    <Status loaded={loaded} label={`program ${key}`}>
      {(b) => (
        <div className="program">
          <h1>{b.program.key} <span className="muted">{b.program.name}</span></h1>
          <p>
            Phase <strong>{b.program.phase}</strong> · sponsor {b.program.sponsor?.name ?? <span className="warn">none</span>} · target production {b.program.targetProductionDate ?? 'not set'} ·{' '}
            {b.verdict.kind === 'executive-ownership' ? 'executive ownership' : <span className="warn">visibility only</span>}
          </p>
          <p className="toolbar">
            <Link to={`/programs/${b.program.key}/review`}>Run the weekly review</Link>
            <Link to={`/constraints?program=${b.program.id}`}>Its constraints</Link>
          </p>
          <ProgramActions programId={b.program.id} onChanged={changed} />
          <Fragment key={revision}>
          <section aria-labelledby="brief-heading">
            <h2 id="brief-heading">The brief, as of {b.asOf}</h2>
            <BriefAnswers answers={b.answers} />
          </section>
          <DiagnosisSection programId={b.program.id} />
          <ReadinessSection programId={b.program.id} />
          <TimelineSection programId={b.program.id} />
          <ForecastSection programId={b.program.id} />
          <MonitorsSection programId={b.program.id} />
          <OwnershipSection programId={b.program.id} />
          <EconomicsSection programId={b.program.id} />
          </Fragment>
        </div>
      )}
    </Status>
  );
}
