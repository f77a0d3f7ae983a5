import type { ProgramBrief } from '@handoff/contract';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ConstraintLink } from './constraint-link.js';
import './program.css';

type Answers = ProgramBrief['answers'];
type MissingItem = Answers['q1']['missing'][number];

/** What a missing item asks for, in words. */
const MISSING_WORDS: Record<MissingItem, string> = {
  'sponsor': 'an executive sponsor for the program',
  'owner': 'a named owner of the binding constraint',
  'deadline': 'a deadline on the binding constraint',
  'plan': 'a plan with gate dates',
  'target-production-date': 'a target production date',
};

/** The brief's four answers: the plain-language sentence, the data behind it linked, or visibly what is missing. */
export function BriefAnswers({ answers }: { answers: Answers }) {
  const { q1, q2, q3, q4 } = answers;
  return (
    <ol className="answers">
      <Answer a={q1}>
        {q1.detail?.constraint && (
          <dl className="facts">
            <dt>Binding constraint</dt><dd><ConstraintLink constraintRef={q1.detail.constraint.ref} /> {q1.detail.constraint.title}</dd>
            {q1.detail.gate && <><dt>Gate it blocks</dt><dd>{q1.detail.gate}</dd></>}
          </dl>
        )}
      </Answer>
      <Answer a={q2}>
        {q2.detail && (
          <dl className="facts">
            <dt>Owner</dt><dd>{q2.detail.owner}</dd>
            <dt>Deadline</dt><dd>{q2.detail.deadline ?? '—'}{q2.detail.daysOverdue > 0 && <span className="tag bad">{q2.detail.daysOverdue} days overdue</span>}</dd>
            <dt>Escalation</dt><dd>{q2.detail.escalationLevel ?? 'not escalated'}</dd>
            <dt>Last reviewed</dt><dd>{q2.detail.lastReviewedAt?.slice(0, 10) ?? 'never'}{q2.detail.stale && <span className="tag">stale</span>}</dd>
          </dl>
        )}
      </Answer>
      <Answer a={q3}>
        {q3.detail && (
          <dl className="facts">
            <dt>Per week of slip</dt><dd>next gate +{q3.detail.gateSlipPerWeek} d, production +{q3.detail.productionSlipPerWeek} d</dd>
            {q3.detail.forecast && (
              <>
                <dt>Production forecast</dt><dd>P50 {q3.detail.forecast.p50} · P80 {q3.detail.forecast.p80} · P95 {q3.detail.forecast.p95}</dd>
                <dt>Target</dt>
                <dd>
                  {q3.detail.targetProductionDate ?? 'not set'}
                  {q3.detail.forecast.daysLateP80 !== null && q3.detail.forecast.daysLateP80 > 0 && <span className="tag bad">P80 {q3.detail.forecast.daysLateP80} days late</span>}
                </dd>
              </>
            )}
          </dl>
        )}
      </Answer>
      <Answer a={q4}>
        {q4.detail && (q4.detail.pending.length > 0 || q4.detail.recommended.length > 0) && (
          <ul>
            {q4.detail.pending.map((d) => (
              <li key={d.id}>
                <Link to="/board">{d.title}</Link> — pending with the board, due {d.dueDate}
                {d.constraintRef && <> (<ConstraintLink constraintRef={d.constraintRef} />)</>}. Recommended: {d.recommendation}
              </li>
            ))}
            {q4.detail.recommended.map((d) => (
              <li key={`${d.source}-${d.constraintRef ?? d.title}`}>
                <strong>{d.title}</strong>{d.constraintRef && <> (<ConstraintLink constraintRef={d.constraintRef} />)</>} — recommended to <Link to="/board">the board</Link>: {d.action}
              </li>
            ))}
          </ul>
        )}
      </Answer>
    </ol>
  );
}

function Answer({ a, children }: { a: Answers[keyof Answers]; children: ReactNode }) {
  return (
    <li className={a.status}>
      <h3>{a.question}</h3>
      <p>{a.text}</p>
      {a.status === 'missing'
        ? <p className="warn">Missing: {a.missing.map((m) => MISSING_WORDS[m]).join('; ')}.</p>
        : children}
    </li>
  );
}
