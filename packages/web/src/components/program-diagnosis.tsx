import type { FailureMode, ProgramDiagnosis } from '@handoff/contract';
import { useApi } from '../api/use-api.js';
import { Status } from './status.js';
import './program.css';

/** How a failure mode reads in a sentence (the three of METHOD.md section 1). */
export const FAILURE_MODE_WORDS: Record<FailureMode, string> = {
  'architecture-without-governance': 'Architecture without governance',
  'governance-without-adoption': 'Governance without adoption',
  'adoption-without-ownership': 'Adoption without ownership',
};

/** The failure-mode diagnosis: each mode found with its strength, the evidence (observed against expected) and what would clear it. */
export function DiagnosisSection({ programId }: { programId: string }) {
  const loaded = useApi<ProgramDiagnosis>(`/api/programs/${programId}/diagnosis`);
  return (
    <section aria-labelledby="diagnosis-heading">
      <h2 id="diagnosis-heading">Diagnosis</h2>
      <Status loaded={loaded} label="the diagnosis">
        {(d) => (
          <>
            <p>{d.summary}</p>
            {d.modes.map((m) => (
              <article key={m.mode} className="card finding" aria-labelledby={`finding-${m.mode}`}>
                <h3 id={`finding-${m.mode}`}>
                  {FAILURE_MODE_WORDS[m.mode]} <span className={m.strength === 'strong' ? 'tag bad' : 'tag'}>{m.strength}</span>
                </h3>
                <h4>Evidence</h4>
                <ul className="evidence">
                  {m.evidence.map((e) => (
                    <li key={e.signal}>
                      <span className="muted">{e.signal.replaceAll('-', ' ')}:</span> observed <strong>{e.observed}</strong>; expected {e.expected}
                    </li>
                  ))}
                </ul>
                <h4>What would clear it</h4>
                <ul>{m.clears.map((c) => <li key={c}>{c}</li>)}</ul>
              </article>
            ))}
          </>
        )}
      </Status>
    </section>
  );
}
