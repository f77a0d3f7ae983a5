import type { ProgramBriefResponse } from '@handoff/contract';
import { Link, useParams } from 'react-router';
import { useApi } from '../api/use-api.js';
import { EconomicsSection, OwnershipSection, ReadinessSection, TimelineSection } from '../components/program-sections.js';
import { Status } from '../components/status.js';

/** One program: the sponsor's four questions answered from live data, or what is missing to answer them. */
export function Program() {
  const { key = '' } = useParams();
  const loaded = useApi<ProgramBriefResponse>(`/api/programs/${encodeURIComponent(key)}/brief`);
  return (
    <Status loaded={loaded} label={`program ${key}`}>
      {(b) => (
        <>
          <h1>{b.program.key} <span className="muted">{b.program.name}</span></h1>
          <p>
            Phase <strong>{b.program.phase}</strong> · sponsor {b.program.sponsor?.name ?? <span className="warn">none</span>} · target production {b.program.targetProductionDate ?? 'not set'} ·{' '}
            {b.verdict.kind === 'executive-ownership' ? 'executive ownership' : <span className="warn">visibility only</span>}
          </p>
          <p className="toolbar">
            <Link to={`/programs/${b.program.key}/review`}>Run the weekly review</Link>
            <Link to={`/constraints?program=${b.program.id}`}>Its constraints</Link>
          </p>
          <section aria-labelledby="brief-heading">
            <h2 id="brief-heading">The brief, as of {b.asOf}</h2>
            <ol className="answers">
              {([b.answers.q1, b.answers.q2, b.answers.q3, b.answers.q4] as const).map((a) => (
                <li key={a.question} className={a.status}>
                  <h3>{a.question}</h3>
                  <p>{a.text}</p>
                </li>
              ))}
            </ol>
          </section>
          <section aria-labelledby="diagnosis-heading">
            <h2 id="diagnosis-heading">Diagnosis</h2>
            <p>{b.diagnosis.summary}</p>
          </section>
          <ReadinessSection programId={b.program.id} />
          <TimelineSection programId={b.program.id} />
          <OwnershipSection programId={b.program.id} />
          <EconomicsSection programId={b.program.id} />
        </>
      )}
    </Status>
  );
}
