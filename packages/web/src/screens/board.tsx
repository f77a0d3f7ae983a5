import type { Decision, DecisionPage } from '@handoff/contract';
import { useState } from 'react';
import { ApiError, api } from '../api/client.js';
import { useApi } from '../api/use-api.js';
import { Empty, Status } from '../components/status.js';
import { useSession } from '../session.js';

/** The board: pending decisions with their recommended action, recording a decision, the board pack. */
export function Board() {
  const loaded = useApi<DecisionPage>('/api/decisions?status=pending&limit=200');
  const today = new Date().toISOString().slice(0, 10);
  return (
    <>
      <h1>Board</h1>
      <p className="toolbar">
        <a className="button" href={`/api/board-pack?date=${today}&format=pdf`} download>Download the board pack (PDF)</a>
        <a href={`/api/board-pack?date=${today}&format=md`} download>Markdown</a>
      </p>
      <Status loaded={loaded} label="pending decisions">
        {(page) => page.items.length === 0
          ? <Empty><p>No decision is waiting for the board.</p></Empty>
          : <ul className="decisions">{page.items.map((d) => <li key={d.id}><DecisionCard d={d} onDecided={loaded.state === 'ready' ? loaded.reload : () => {}} /></li>)}</ul>}
      </Status>
    </>
  );
}

function DecisionCard({ d, onDecided }: { d: Decision; onDecided: () => void }) {
  const session = useSession();
  const recommended = d.options.findIndex((o) => o === d.recommendation);
  const [option, setOption] = useState(recommended >= 0 ? recommended + 1 : 1);
  const [outcome, setOutcome] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const headingId = `decision-${d.id}`;

  async function decide() {
    setError(null);
    try {
      await api(`/api/decisions/${d.id}/decide`, {
        method: 'POST', headers: { 'if-match': `"${d.version}"` },
        body: { option, decidedBy: session.personId, ...(outcome.trim() ? { outcome: outcome.trim() } : {}) },
      });
      onDecided();
    } catch (e) {
      if (e instanceof ApiError) setError(e); else throw e;
    }
  }

  return (
    <article aria-labelledby={headingId} className="card">
      <h2 id={headingId}>{d.title}</h2>
      <p className="muted">{d.programKey}{d.constraintRef ? ` · ${d.constraintRef}` : ''} · due {d.dueDate} · {d.source === 'escalation' ? 'raised by escalation' : 'requested'}</p>
      <p>{d.context}</p>
      <p><strong>Recommended:</strong> {d.recommendation}</p>
      {!session.canDecide ? <p className="muted">Options: {d.options.join(' · ')}. Only an executive records the decision.</p> : <>
      <fieldset>
        <legend>Decision</legend>
        {d.options.map((label, i) => (
          <label key={label} className="option">
            <input type="radio" name={`option-${d.id}`} value={i + 1} checked={option === i + 1} onChange={() => setOption(i + 1)} /> {label}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`outcome-${d.id}`}>In words (optional)</label>
      <input id={`outcome-${d.id}`} value={outcome} onChange={(e) => setOutcome(e.target.value)} />
      {error && <p className="error-box" role="alert">{error.status === 412 ? 'Someone recorded or changed this decision first; reload to see it.' : error.problem.detail}</p>}
      <button type="button" onClick={() => void decide()} disabled={!session.personId}>Record the decision</button>
      </>}
    </article>
  );
}
