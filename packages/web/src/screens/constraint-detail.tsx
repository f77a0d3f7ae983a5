import type { Constraint, ConstraintImpact, HistoryPage } from '@handoff/contract';
import { useState, type FormEvent } from 'react';
import { ApiError, api } from '../api/client.js';
import { useApi } from '../api/use-api.js';
import { Status } from '../components/status.js';
import { useSession } from '../session.js';

/** One constraint: its facts, escalation state, slip impact and history, and the actions its owner takes. */
export function ConstraintDetail({ idOrRef, onClose }: { idOrRef: string; onClose: () => void }) {
  const loaded = useApi<Constraint>(`/api/constraints/${encodeURIComponent(idOrRef)}`);
  return (
    <aside className="detail" aria-labelledby="detail-heading">
      <button type="button" className="link close" onClick={onClose}>Close</button>
      <Status loaded={loaded} label={`constraint ${idOrRef}`}>
        {(c) => <Detail c={c} reload={loaded.state === 'ready' ? loaded.reload : () => {}} />}
      </Status>
    </aside>
  );
}

function Detail({ c, reload }: { c: Constraint; reload: () => void }) {
  const session = useSession();
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const active = c.status === 'open' || c.status === 'in_progress';

  async function act(label: string, path: string, init: { method: string; body?: unknown; headers?: Record<string, string> }) {
    setError(null);
    setDone(null);
    try {
      await api(path, init);
      setDone(label);
      reload();
    } catch (e) {
      if (e instanceof ApiError) setError(e); else throw e;
    }
  }
  const ifMatch = { 'if-match': `"${c.version}"` };

  return (
    <>
      <h2 id="detail-heading">{c.ref} <span className="muted">{c.title}</span></h2>
      <dl className="facts">
        <dt>Owner</dt><dd>{c.owner.name}</dd>
        <dt>Deadline</dt><dd>{c.deadline}{c.overdue && <span className="tag bad">{c.daysOverdue} days overdue</span>}</dd>
        <dt>Status</dt><dd>{c.status.replace('_', ' ')} · {c.kind} · {c.dimension} · {c.severity} · blocks {c.blocksGate}</dd>
        <dt>Escalation</dt>
        <dd>{c.escalation ? `${c.escalation.levelName ?? 'not yet escalated'}${c.escalation.nextLevelAt ? `, next level ${c.escalation.nextLevelAt.slice(0, 10)}` : ''}${c.escalation.pausedAt ? `, paused: ${c.escalation.pausedReason ?? ''}` : ''}${c.escalation.acknowledgedBy ? `, acknowledged by ${c.escalation.acknowledgedBy.name}` : ''}` : '—'}</dd>
        <dt>Last review</dt><dd>{c.lastReviewedAt?.slice(0, 10) ?? 'never'}{c.stale && <span className="tag">stale</span>}</dd>
      </dl>
      {c.description && <p>{c.description}</p>}
      {done && <p role="status" className="ok-box">{done}.</p>}
      {error && <Problem error={error} reload={reload} />}
      {active && (
        <div className="actions">
          <button type="button" disabled={!session.personId}
            onClick={() => void act('Acknowledged', `/api/constraints/${c.id}/acknowledge`, { method: 'POST', body: { personId: session.personId } })}>Acknowledge</button>
          {c.escalation?.pausedAt
            ? <button type="button" onClick={() => void act('Escalation resumed', `/api/constraints/${c.id}/resume`, { method: 'POST', body: {} })}>Resume escalation</button>
            : <PauseForm onPause={(reason) => act('Escalation paused', `/api/constraints/${c.id}/pause`, { method: 'POST', body: { reason } })} />}
          <button type="button" onClick={() => void act('Resolved', `/api/constraints/${c.id}`, { method: 'PATCH', body: { status: 'resolved' }, headers: ifMatch })}>Resolve</button>
        </div>
      )}
      {active && <DeadlineForm c={c} onMove={(deadline, reason) => act('Deadline moved', `/api/constraints/${c.id}`, { method: 'PATCH', body: { deadline, reason }, headers: ifMatch })} error={error} />}
      {active && <Impact id={c.id} />}
      <History key={c.version} id={c.id} />
    </>
  );
}

/** A refusal in words; a stale edit (412) is explained with a reload, never overwritten silently. */
function Problem({ error, reload }: { error: ApiError; reload: () => void }) {
  if (error.status === 412) {
    return (
      <div className="error-box" role="alert">
        <p>Someone else changed this constraint after you opened it, so your change was not saved.</p>
        <button type="button" onClick={reload}>Reload to see their change</button>
      </div>
    );
  }
  return <p className="error-box" role="alert">{error.problem.detail}</p>;
}

function PauseForm({ onPause }: { onPause: (reason: string) => Promise<void> }) {
  const [reason, setReason] = useState('');
  return (
    <form className="inline" onSubmit={(e) => { e.preventDefault(); void onPause(reason); }}>
      <label>Pause because <input value={reason} onChange={(e) => setReason(e.target.value)} required /></label>
      <button type="submit" disabled={reason.trim() === ''}>Pause escalation</button>
    </form>
  );
}

function DeadlineForm({ c, onMove, error }: { c: Constraint; onMove: (deadline: string, reason: string) => Promise<void>; error: ApiError | null }) {
  const [deadline, setDeadline] = useState(c.deadline);
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent) => { e.preventDefault(); void onMove(deadline, reason); };
  const reasonError = error?.fieldError('reason');
  const deadlineError = error?.fieldError('deadline');
  return (
    <form className="deadline" onSubmit={submit}>
      <h3>Move the deadline</h3>
      <label htmlFor="new-deadline">New deadline</label>
      <input id="new-deadline" type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} aria-invalid={deadlineError ? true : undefined} aria-describedby={deadlineError ? 'deadline-error' : undefined} />
      {deadlineError && <p id="deadline-error" className="field-error">{deadlineError}</p>}
      <label htmlFor="deadline-reason">Reason (kept in the history)</label>
      <input id="deadline-reason" value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={reasonError ? true : undefined} aria-describedby={reasonError ? 'reason-error' : undefined} />
      {reasonError && <p id="reason-error" className="field-error">{reasonError}</p>}
      <button type="submit" disabled={deadline === c.deadline}>Move deadline</button>
    </form>
  );
}

function Impact({ id }: { id: string }) {
  const loaded = useApi<ConstraintImpact>(`/api/constraints/${id}/impact?days=7`);
  return (
    <section aria-labelledby="impact-heading">
      <h3 id="impact-heading">If it resolves a week late</h3>
      <Status loaded={loaded} label="the impact">
        {(impact) => impact.programs.length === 0 ? <p className="muted">It is on no gate's path: a week's slip moves nothing.</p> : (
          <ul>
            {impact.programs.map((p) => (
              <li key={p.program.id}><strong>{p.program.key}</strong>: next gate +{p.nextGateDelayDays} days, production +{p.productionDelayDays} days ({p.production.before} → {p.production.after})</li>
            ))}
          </ul>
        )}
      </Status>
    </section>
  );
}

function History({ id }: { id: string }) {
  const loaded = useApi<HistoryPage>(`/api/constraints/${id}/history?limit=50`);
  return (
    <section aria-labelledby="history-heading">
      <h3 id="history-heading">History</h3>
      <Status loaded={loaded} label="the history">
        {(page) => (
          <ol className="history">
            {page.items.map((h) => (
              <li key={h.id}><span className="muted">{h.at.slice(0, 16).replace('T', ' ')} · {h.actor}</span> {h.field}{h.field !== 'created' && <>: {JSON.stringify(h.before)} → {JSON.stringify(h.after)}</>}{h.reason && <em> — {h.reason}</em>}</li>
            ))}
          </ol>
        )}
      </Status>
    </section>
  );
}
