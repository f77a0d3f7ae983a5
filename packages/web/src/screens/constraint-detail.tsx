import type { Constraint, ConstraintUpdate } from '@handoff/contract';
import { useState, type FormEvent } from 'react';
import { ApiError, api } from '../api/client.js';
import { useApi } from '../api/use-api.js';
import { Status } from '../components/status.js';
import { useSession } from '../session.js';
import { ConstraintDependencies } from './constraint-dependencies.js';
import { ConstraintEditForm } from './constraint-edit.js';
import { ConstraintHistory, ConstraintImpactView } from './constraint-history.js';
import { words } from './constraint-options.js';
import { Problem, fieldMessage } from './constraint-problem.js';

/** Which form a write came from, so its field errors show beside that form's fields only. */
type Source = 'actions' | 'deadline' | 'edit' | 'dependencies';

/**
 * One constraint: its facts, escalation state, edits (owner, status, severity, text, dependencies; the deadline with
 * a reason), what it depends on and what depends on it, slip impact and history, and the owner's actions.
 * `onChanged` runs after every saved change (the library reloads its rows).
 */
export function ConstraintDetail({ idOrRef, onClose, onChanged }: { idOrRef: string; onClose: () => void; onChanged?: () => void }) {
  const loaded = useApi<Constraint>(`/api/constraints/${encodeURIComponent(idOrRef)}`);
  const reload = loaded.state === 'ready' ? loaded.reload : () => {};
  return (
    <aside className="detail" aria-labelledby="detail-heading">
      <button type="button" className="link close" onClick={onClose} aria-keyshortcuts="Escape">Close</button>
      <Status loaded={loaded} label={`constraint ${idOrRef}`}>
        {(c) => <Detail key={c.id} c={c} reload={() => { reload(); onChanged?.(); }} />}
      </Status>
    </aside>
  );
}

function Detail({ c, reload }: { c: Constraint; reload: () => void }) {
  const session = useSession();
  const [failure, setFailure] = useState<{ source: Source; error: ApiError } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const active = c.status === 'open' || c.status === 'in_progress';

  async function act(label: string, source: Source, path: string, init: { method: string; body?: unknown; headers?: Record<string, string> }) {
    setFailure(null);
    setDone(null);
    try {
      await api(path, init);
      setDone(label);
      reload();
    } catch (e) {
      if (e instanceof ApiError) setFailure({ source, error: e }); else throw e;
    }
  }
  const ifMatch = { 'if-match': `"${c.version}"` };
  const patch = (label: string, source: Source, body: ConstraintUpdate) => act(label, source, `/api/constraints/${c.id}`, { method: 'PATCH', body, headers: ifMatch });
  const errorOf = (source: Source) => (failure?.source === source ? failure.error : null);

  return (
    <>
      <h2 id="detail-heading">{c.ref} <span className="muted">{c.title}</span></h2>
      <dl className="facts">
        <dt>Program</dt><dd>{c.programKey}</dd>
        <dt>Owner</dt><dd>{c.owner.name}</dd>
        <dt>Deadline</dt><dd>{c.deadline}{c.overdue && <span className="tag bad">{c.daysOverdue} days overdue</span>}</dd>
        <dt>Status</dt><dd>{words(c.status)} · {c.kind} · {c.dimension} · {c.severity} · blocks {c.blocksGate}</dd>
        <dt>Escalation</dt>
        <dd>{c.escalation ? `${c.escalation.levelName ?? 'not yet escalated'}${c.escalation.nextLevelAt ? `, next level ${c.escalation.nextLevelAt.slice(0, 10)}` : ''}${c.escalation.pausedAt ? `, paused: ${c.escalation.pausedReason ?? ''}` : ''}${c.escalation.acknowledgedBy ? `, acknowledged by ${c.escalation.acknowledgedBy.name}` : ''}` : '—'}</dd>
        <dt>Last review</dt><dd>{c.lastReviewedAt?.slice(0, 10) ?? 'never'}{c.stale && <span className="tag">stale</span>}</dd>
      </dl>
      {c.description && <p>{c.description}</p>}
      {done && <p role="status" className="ok-box">{done}.</p>}
      {failure && <Problem error={failure.error} reload={reload} />}
      {active && (
        <div className="actions">
          <button type="button" disabled={!session.personId}
            onClick={() => void act('Acknowledged', 'actions', `/api/constraints/${c.id}/acknowledge`, { method: 'POST', body: { personId: session.personId } })}>Acknowledge</button>
          {c.escalation?.pausedAt
            ? <button type="button" onClick={() => void act('Escalation resumed', 'actions', `/api/constraints/${c.id}/resume`, { method: 'POST', body: {} })}>Resume escalation</button>
            : <PauseForm onPause={(reason) => act('Escalation paused', 'actions', `/api/constraints/${c.id}/pause`, { method: 'POST', body: { reason } })} />}
          <button type="button" onClick={() => void patch('Resolved', 'actions', { status: 'resolved' })}>Resolve</button>
        </div>
      )}
      {active && <DeadlineForm key={`deadline-${c.version}`} c={c} onMove={(deadline, reason) => patch('Deadline moved', 'deadline', { deadline, reason })} error={errorOf('deadline')} />}
      <ConstraintEditForm key={c.version} c={c} onSave={(body) => patch('Changes saved', 'edit', body)} error={errorOf('edit')} />
      <ConstraintDependencies key={`deps-${c.version}`} c={c} onSave={(dependsOn) => patch('Dependencies saved', 'dependencies', { dependsOn })} error={fieldMessage(errorOf('dependencies'), 'dependsOn')} />
      {active && <ConstraintImpactView key={`impact-${c.version}`} id={c.id} />}
      <ConstraintHistory key={`history-${c.version}`} id={c.id} />
    </>
  );
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
