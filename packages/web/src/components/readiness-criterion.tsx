import type { Constraint, CriterionResult } from '@handoff/contract';
import { useState } from 'react';
import { Link } from 'react-router';
import { ReadinessGapForm } from './readiness-gap.js';
import { isGap, statusWords } from './readiness-words.js';

/**
 * One criterion of the gate: its latest result, evidence and who assessed it, the constraints opened to close its
 * gap (linked to the library), "reassess" when one of them was resolved since; the write controls the caller allows.
 */
export function ReadinessCriterion({ programId, result: c, canAssess, canOpenGap, onAssess, onChanged }: {
  programId: string; result: CriterionResult; canAssess: boolean; canOpenGap: boolean;
  onAssess: (criterionId: string) => void; onChanged: () => void;
}) {
  const [gapOpen, setGapOpen] = useState(false);
  const [opened, setOpened] = useState<Constraint | null>(null);
  const code = c.criterion.code;
  return (
    <li className="criterion">
      <strong>{code}</strong> {c.criterion.text} — <span className={`result ${c.status ?? 'none'}`}>{statusWords(c.status)}</span>
      {c.criterion.required ? '' : ' (optional)'}
      {c.reassessmentDue && <span className="tag">reassess</span>}
      {c.evidence && <div className="muted">Evidence: {c.evidence}</div>}
      {c.assessedBy && <div className="muted">Assessed by {c.assessedBy.name}{c.assessedAt ? ` on ${c.assessedAt.slice(0, 10)}` : ''}</div>}
      {c.constraints.length > 0 && (
        <div>
          Constraints for this gap:{' '}
          {c.constraints.map((k, i) => (
            <span key={k.id}>{i > 0 && ', '}<Link to={`/constraints?selected=${encodeURIComponent(k.ref)}`}>{k.ref}</Link> ({k.status.replace(/_/g, ' ')}, {k.owner.name}, {k.deadline})</span>
          ))}
        </div>
      )}
      {opened && (
        <p className="ok-box" role="status">
          Opened <Link to={`/constraints?selected=${encodeURIComponent(opened.ref)}`}>{opened.ref}</Link>, owned by {opened.owner.name}, due {opened.deadline}.
        </p>
      )}
      {(canAssess || (canOpenGap && isGap(c.status))) && !gapOpen && (
        <div className="criterion-actions">
          {canAssess && (
            <button type="button" className="secondary" onClick={() => onAssess(c.criterion.id)}>
              {c.reassessmentDue ? 'Reassess' : 'Assess'}<span className="visually-hidden"> {code}</span>
            </button>
          )}
          {canOpenGap && isGap(c.status) && (
            <button type="button" className="secondary" onClick={() => { setOpened(null); setGapOpen(true); }}>
              Open a constraint for this gap<span className="visually-hidden"> ({code})</span>
            </button>
          )}
        </div>
      )}
      {gapOpen && (
        <ReadinessGapForm programId={programId} result={c} onCancel={() => setGapOpen(false)}
          onOpened={(k) => { setOpened(k); setGapOpen(false); onChanged(); }} />
      )}
    </li>
  );
}
