import type { ConstraintPage, Decision, ProgramPage } from '@handoff/contract';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, api } from '../api/client.js';
import { useApi } from '../api/use-api.js';
import { today } from './board-pack.js';
import { EMPTY_OPTION, OptionRow, optionInput, type OptionDraft } from './board-request-option.js';
import { FieldError, fieldMessage, invalidProps } from './constraint-problem.js';
import { Refusal } from './settings-fields.js';
import './constraint-form.css';

const PROGRAM_MISSING = 'Choose the program the decision is about.';

/** The form's top-level fields as typed ('' = not chosen). */
interface Draft { programId: string; constraintId: string; title: string; context: string; dueDate: string }

/**
 * Asks the board for a decision by hand (POST /api/decisions): program, optional constraint, title, context,
 * two or more options each with an optional effect, the recommended one and the due date; the server's message
 * beside each field it refuses.
 */
export function RequestDecisionForm({ onRequested, onCancel }: { onRequested: (d: Decision) => void; onCancel: () => void }) {
  const programs = useApi<ProgramPage>('/api/programs?limit=200');
  const [draft, setDraft] = useState<Draft>({ programId: '', constraintId: '', title: '', context: '', dueDate: today() });
  const [options, setOptions] = useState<OptionDraft[]>([EMPTY_OPTION, EMPTY_OPTION]);
  const [recommended, setRecommended] = useState(1);
  const [error, setError] = useState<ApiError | null>(null);
  const [programMissing, setProgramMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const constraints = useApi<ConstraintPage>(draft.programId ? `/api/constraints?program=${draft.programId}&active=true&limit=200` : null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const set = (field: keyof Draft) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [field]: e.target.value }));
  const field = (path: string) => fieldMessage(error, path);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setProgramMissing(draft.programId === '');
    if (draft.programId === '') return;
    setBusy(true);
    try {
      onRequested(await api<Decision>('/api/decisions', {
        method: 'POST',
        body: {
          programId: draft.programId, ...(draft.constraintId ? { constraintId: draft.constraintId } : {}),
          title: draft.title, context: draft.context, options: options.map(optionInput), recommendedOption: recommended, dueDate: draft.dueDate,
        },
      }));
    } catch (caught) {
      if (caught instanceof ApiError) setError(caught); else throw caught;
    } finally {
      setBusy(false);
    }
  }

  function remove(index: number) {
    setOptions((os) => os.filter((_, i) => i !== index));
    setRecommended((r) => (r === index + 1 ? 1 : r > index + 1 ? r - 1 : r));
  }

  const shownPaths = ['programId', 'constraintId', 'title', 'context', 'dueDate', 'recommendedOption', 'options',
    ...options.flatMap((_, i) => [`options.${i}.label`, `options.${i}.effect`, `options.${i}.effect.to`, `options.${i}.effect.kind`])];
  return (
    <form className="constraint-form request-form card" onSubmit={(e) => void submit(e)} aria-labelledby="request-heading" noValidate>
      <h2 id="request-heading" tabIndex={-1} ref={heading}>Request a board decision</h2>
      <Refusal error={error} what="the decision" paths={shownPaths} />
      <div className="pair">
        <div className="field">
          <label htmlFor="request-program">Program</label>
          <select id="request-program" value={draft.programId} onChange={(e) => setDraft((d) => ({ ...d, programId: e.target.value, constraintId: '' }))}
            {...invalidProps(programMissing ? PROGRAM_MISSING : field('programId'), 'request-program-error')}>
            <option value="">Choose a program</option>
            {programs.state === 'ready' && programs.data.items.map((p) => <option key={p.id} value={p.id}>{p.key} — {p.name}</option>)}
          </select>
          <FieldError id="request-program-error" message={programMissing ? PROGRAM_MISSING : field('programId')} />
        </div>
        <div className="field">
          <label htmlFor="request-constraint">Constraint (optional)</label>
          <select id="request-constraint" value={draft.constraintId} onChange={set('constraintId')} disabled={!draft.programId}
            {...invalidProps(field('constraintId'), 'request-constraint-error')}>
            <option value="">{draft.programId ? 'None: the program as a whole' : 'Choose a program first'}</option>
            {constraints.state === 'ready' && constraints.data.items.map((c) => <option key={c.id} value={c.id}>{c.ref} — {c.title}</option>)}
          </select>
          <FieldError id="request-constraint-error" message={field('constraintId')} />
        </div>
      </div>
      <div className="field">
        <label htmlFor="request-title">Title</label>
        <input id="request-title" value={draft.title} onChange={set('title')} {...invalidProps(field('title'), 'request-title-error')} />
        <FieldError id="request-title-error" message={field('title')} />
      </div>
      <div className="field">
        <label htmlFor="request-context">Context: what is blocked, since when, what has been tried</label>
        <textarea id="request-context" rows={3} value={draft.context} onChange={set('context')} {...invalidProps(field('context'), 'request-context-error')} />
        <FieldError id="request-context-error" message={field('context')} />
      </div>
      {options.map((o, i) => (
        <OptionRow key={i} index={i} value={o} recommended={recommended === i + 1} canRemove={options.length > 2} error={error}
          onChange={(next) => setOptions((os) => os.map((x, j) => (j === i ? next : x)))} onRecommend={() => setRecommended(i + 1)} onRemove={() => remove(i)} />
      ))}
      <FieldError id="request-options-error" message={error?.fieldError('options') ?? error?.fieldError('recommendedOption')} />
      <p><button type="button" className="link" onClick={() => setOptions((os) => [...os, EMPTY_OPTION])}>Add an option</button></p>
      <div className="field due">
        <label htmlFor="request-due">Due date (when the board must decide)</label>
        <input id="request-due" type="date" value={draft.dueDate} onChange={set('dueDate')} {...invalidProps(field('dueDate'), 'request-due-error')} />
        <FieldError id="request-due-error" message={field('dueDate')} />
      </div>
      <div className="actions">
        <button type="submit" disabled={busy}>Ask the board</button>
        <button type="button" className="link" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
