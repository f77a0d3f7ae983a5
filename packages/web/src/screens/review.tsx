import type { ReviewAgenda, ReviewDecision, ReviewItemInput } from '@handoff/contract';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, api } from '../api/client.js';
import { useApi } from '../api/use-api.js';
import { Empty, Status } from '../components/status.js';
import { useSession } from '../session.js';

/** The decisions of a review, with the key that takes each (shown on its button). */
const DECISIONS: readonly { decision: ReviewDecision; key: string; label: string }[] = [
  { decision: 'on-track', key: 'o', label: 'On track' },
  { decision: 'at-risk', key: 'a', label: 'At risk' },
  { decision: 're-plan', key: 'p', label: 'Re-plan' },
  { decision: 'escalate-now', key: 'e', label: 'Escalate now' },
  { decision: 'resolved', key: 'r', label: 'Resolved' },
];

/**
 * The weekly review of one program: its open constraints one at a time, what changed since each was last
 * reviewed, one decision each (keys o/a/p/e/r; j/k or arrows to move), then one submit that applies them all.
 */
export function Review() {
  const { key = '' } = useParams();
  const loaded = useApi<ReviewAgenda>(`/api/programs/${encodeURIComponent(key)}/review`);
  return (
    <Status loaded={loaded} label={`the review agenda of ${key}`}>
      {(agenda) => agenda.items.length === 0
        ? <><h1>Weekly review — {agenda.program.key}</h1><Empty><p>No open constraint to review.</p></Empty></>
        : <ReviewFlow agenda={agenda} />}
    </Status>
  );
}

type Draft = Omit<ReviewItemInput, 'constraintId'>;

function ReviewFlow({ agenda }: { agenda: ReviewAgenda }) {
  const session = useSession();
  const [at, setAt] = useState(0);
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [submitted, setSubmitted] = useState<string | null>(null);
  const item = agenda.items[at];
  const total = agenda.items.length;
  const decided = Object.keys(drafts).length;

  const choose = (decision: ReviewDecision) => {
    if (!item) return;
    setDrafts((d) => ({ ...d, [item.constraint.id]: { ...d[item.constraint.id], decision } }));
    if (decision !== 're-plan') setAt((i) => Math.min(i + 1, total - 1));
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.metaKey || e.ctrlKey || e.altKey) return;
      const d = DECISIONS.find((x) => x.key === e.key);
      if (d) { e.preventDefault(); choose(d.decision); return; }
      if (e.key === 'j' || e.key === 'ArrowDown') { e.preventDefault(); setAt((i) => Math.min(i + 1, total - 1)); }
      if (e.key === 'k' || e.key === 'ArrowUp') { e.preventDefault(); setAt((i) => Math.max(i - 1, 0)); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  async function submit() {
    setError(null);
    const items = agenda.items.flatMap((i) => {
      const d = drafts[i.constraint.id];
      return d ? [{ constraintId: i.constraint.id, ...d }] : [];
    });
    try {
      const review = await api<{ id: string }>(`/api/programs/${agenda.program.id}/reviews`, { method: 'POST', body: { reviewerId: session.personId, items } });
      setSubmitted(review.id);
    } catch (e) {
      if (e instanceof ApiError) setError(e); else throw e;
    }
  }

  if (submitted) {
    return (
      <>
        <h1>Weekly review — {agenda.program.key}</h1>
        <p className="ok-box" role="status">Review recorded: {decided} decisions applied.</p>
        <p><Link to={`/programs/${agenda.program.key}`}>Back to {agenda.program.key}</Link></p>
      </>
    );
  }
  if (!item) return null;
  const draft = drafts[item.constraint.id];
  const c = item.constraint;
  return (
    <>
      <h1>Weekly review — {agenda.program.key}</h1>
      <p className="muted">
        {agenda.lastReview ? `Last review ${agenda.lastReview.createdAt.slice(0, 10)} by ${agenda.lastReview.reviewer.name}.` : 'First review of this program.'}{' '}
        Keys: {DECISIONS.map((d) => `${d.key} ${d.label.toLowerCase()}`).join(', ')}; j/k to move.
      </p>
      <p aria-live="polite">Constraint {at + 1} of {total} · {decided} decided</p>
      <article className="card review-item" aria-labelledby="review-item-heading">
        <h2 id="review-item-heading">{c.ref} {c.title}</h2>
        <p>Owner {c.owner.name} · due {c.deadline}{c.overdue && <span className="tag bad">{c.daysOverdue} d overdue</span>}{c.stale && <span className="tag">stale</span>} · {c.status.replace('_', ' ')}</p>
        <h3>Changed since {item.changesSince ? item.changesSince.slice(0, 10) : 'it was created'}</h3>
        {item.changes.length === 0 ? <p className="muted">Nothing changed.</p> : (
          <ul className="history">
            {item.changes.map((h) => <li key={h.id}>{h.at.slice(0, 10)} {h.actor}: {h.field}{h.reason ? ` — ${h.reason}` : ''}</li>)}
            {item.moreChanges > 0 && <li className="muted">and {item.moreChanges} earlier changes</li>}
          </ul>
        )}
        <div className="actions" role="group" aria-label="Decision">
          {DECISIONS.map((d) => (
            <button key={d.decision} type="button" aria-pressed={draft?.decision === d.decision} aria-keyshortcuts={d.key} onClick={() => choose(d.decision)}>
              {d.label} <kbd>{d.key}</kbd>
            </button>
          ))}
        </div>
        {draft?.decision === 're-plan' && (
          <div className="deadline">
            <label htmlFor="replan-date">New deadline</label>
            <input id="replan-date" type="date" value={draft.newDeadline ?? ''} onChange={(e) => setDrafts((d) => ({ ...d, [c.id]: { ...draft, newDeadline: e.target.value } }))} />
            <label htmlFor="replan-reason">Reason (kept in the history)</label>
            <input id="replan-reason" value={draft.reason ?? ''} onChange={(e) => setDrafts((d) => ({ ...d, [c.id]: { ...draft, reason: e.target.value } }))} />
          </div>
        )}
      </article>
      <nav className="pager" aria-label="Constraints">
        <button type="button" onClick={() => setAt((i) => Math.max(i - 1, 0))} disabled={at === 0}>Previous</button>
        <button type="button" onClick={() => setAt((i) => Math.min(i + 1, total - 1))} disabled={at === total - 1}>Next</button>
        <button type="button" onClick={() => void submit()} disabled={decided === 0 || !session.personId}>Submit review ({decided})</button>
      </nav>
      {error && <p className="error-box" role="alert">{error.problem.detail}{error.problem.errors?.map((e) => ` ${e.path}: ${e.message}.`).join('')}</p>}
    </>
  );
}
