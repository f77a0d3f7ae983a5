import type { Decision } from '@handoff/contract';
import { useState } from 'react';
import { ApiError, api } from '../api/client.js';
import { useSession } from '../session.js';
import { DecisionFacts } from './board-decision-facts.js';
import { OptionEffect, needsDate } from './board-effect.js';
import { FieldError, invalidProps } from './constraint-problem.js';

/** Why a decide was refused, in words: a stale card (412) or a decision that cannot be applied as it stands (409). */
function DecideProblem({ error, reload }: { error: ApiError; reload: () => void }) {
  if (error.status === 412 || error.status === 409) {
    return (
      <div className="error-box" role="alert">
        <p>{error.status === 412
          ? 'Someone recorded or changed this decision after you opened the board, so yours was not recorded.'
          : `The decision was not recorded: ${error.problem.detail}. Nothing was changed.`}</p>
        <button type="button" onClick={reload}>Reload the board</button>
      </div>
    );
  }
  const located = error.problem.errors?.some((e) => e.path === 'effect.to');
  return <p className="error-box" role="alert">{located ? 'Not recorded: see the message next to the new deadline.' : error.problem.detail}</p>;
}

/**
 * One pending decision: its context, options (with what each would change) and recommendation; an executive
 * records it (POST /api/decisions/{id}/decide), giving the new date when the chosen option moves a deadline.
 */
export function DecisionCard({ decision: d, onDecided, reload }: { decision: Decision; onDecided: (d: Decision) => void; reload: () => void }) {
  const session = useSession();
  const recommended = d.options.findIndex((o) => o === d.recommendation);
  const [option, setOption] = useState(recommended >= 0 ? recommended + 1 : 1);
  const [outcome, setOutcome] = useState('');
  const [date, setDate] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const headingId = `decision-${d.id}`;
  const chosenEffect = d.optionEffects[option - 1] ?? null;
  const asksDate = needsDate(chosenEffect);
  const dateError = error?.fieldError('effect.to');

  async function decide() {
    setError(null);
    setBusy(true);
    try {
      onDecided(await api<Decision>(`/api/decisions/${d.id}/decide`, {
        method: 'POST', headers: { 'if-match': `"${d.version}"` },
        body: {
          option, decidedBy: session.personId,
          ...(outcome.trim() ? { outcome: outcome.trim() } : {}),
          ...(asksDate && date ? { effect: { kind: 'move-deadline', to: date } } : {}),
        },
      }));
    } catch (e) {
      if (e instanceof ApiError) setError(e); else throw e;
    } finally {
      setBusy(false);
    }
  }

  return (
    <article aria-labelledby={headingId} className="card">
      <h2 id={headingId}>{d.title}</h2>
      <DecisionFacts decision={d} />
      <p>{d.context}</p>
      <p><strong>Recommended:</strong> {d.recommendation}</p>
      {!session.canDecide ? (
        <>
          <ol className="options">{d.options.map((label, i) => <li key={label}>{label}<OptionEffect effect={d.optionEffects[i] ?? null} decision={d} /></li>)}</ol>
          <p className="muted">Only an executive records the decision.</p>
        </>
      ) : (
        <>
          <fieldset>
            <legend>Decision</legend>
            {d.options.map((label, i) => {
              const id = `option-${d.id}-${i + 1}`;
              const effect = d.optionEffects[i] ?? null;
              return (
                <div key={label} className="option">
                  <input type="radio" id={id} name={`option-${d.id}`} value={i + 1} checked={option === i + 1}
                    onChange={() => { setOption(i + 1); setError(null); }} {...(effect ? { 'aria-describedby': `${id}-effect` } : {})} />{' '}
                  <label htmlFor={id}>{label}</label>
                  {effect && <span id={`${id}-effect`}><OptionEffect effect={effect} decision={d} /></span>}
                </div>
              );
            })}
          </fieldset>
          {asksDate && (
            <div className="field">
              <label htmlFor={`date-${d.id}`}>New deadline (this option moves it)</label>
              <input id={`date-${d.id}`} type="date" value={date} onChange={(e) => setDate(e.target.value)} {...invalidProps(dateError, `date-${d.id}-error`)} />
              <FieldError id={`date-${d.id}-error`} message={dateError} />
            </div>
          )}
          <div className="field">
            <label htmlFor={`outcome-${d.id}`}>In words (optional)</label>
            <input id={`outcome-${d.id}`} value={outcome} onChange={(e) => setOutcome(e.target.value)} />
          </div>
          {error && <DecideProblem error={error} reload={reload} />}
          <button type="button" onClick={() => void decide()} disabled={!session.personId || busy}>Record the decision</button>
          {!session.personId && <p className="muted">Your account is not linked to a person, so it cannot record a decision in a name.</p>}
        </>
      )}
    </article>
  );
}
