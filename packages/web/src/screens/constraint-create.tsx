import type { Constraint, ConstraintCreate, PersonPage, ProgramPage } from '@handoff/contract';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, api } from '../api/client.js';
import { useApi } from '../api/use-api.js';
import { DIMENSIONS, GATES, KINDS, SEVERITIES } from './constraint-options.js';
import { ConstraintPicker, type Picked } from './constraint-picker.js';
import { SelectField, TextField } from './constraint-fields.js';
import { FieldError, Problem, fieldMessage, invalidProps } from './constraint-problem.js';
import './constraint-form.css';

const PROGRAM_MISSING = 'Choose the program it belongs to.';

/** What the form holds: strings as typed, '' for "not chosen" (the server names what is missing). */
interface Draft {
  programId: string; title: string; description: string; kind: string; dimension: string; severity: string;
  ownerId: string; deadline: string; blocksGate: string;
}

/** The request body: only what was filled in, so the contract's defaults (status open, severity medium, next gate) apply. */
function bodyOf(d: Draft, dependsOn: readonly Picked[]): Record<string, unknown> {
  const body: Record<string, unknown> = { title: d.title, dependsOn: dependsOn.map((p) => p.id) };
  const optional = { description: d.description, kind: d.kind, dimension: d.dimension, severity: d.severity, ownerId: d.ownerId, deadline: d.deadline, blocksGate: d.blocksGate } satisfies Partial<Record<keyof ConstraintCreate, string>>;
  for (const [k, v] of Object.entries(optional)) if (v.trim() !== '') body[k] = v;
  return body;
}

/**
 * Adds a constraint to a program (POST /api/programs/{id}/constraints): every field the contract takes, the
 * server's message beside each field it refuses. `program` (an id or key) preselects one (deep link `?new=CLAIMS`).
 */
export function ConstraintCreateForm({ program: preset, onCreated, onCancel }: { program: string | null; onCreated: (c: Constraint) => void; onCancel: () => void }) {
  const programs = useApi<ProgramPage>('/api/programs?limit=200');
  const people = useApi<PersonPage>('/api/people?limit=200');
  const preselected = programs.state === 'ready' && preset
    ? programs.data.items.find((p) => p.id === preset || p.key.toLowerCase() === preset.toLowerCase())?.id ?? '' : '';
  const [draft, setDraft] = useState<Draft>({ programId: '', title: '', description: '', kind: '', dimension: '', severity: 'medium', ownerId: '', deadline: '', blocksGate: '' });
  const [dependsOn, setDependsOn] = useState<Picked[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [programMissing, setProgramMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const programId = draft.programId || preselected;
  const set = (field: keyof Draft) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [field]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setProgramMissing(programId === '');
    if (programId === '') return;
    setBusy(true);
    try {
      onCreated(await api<Constraint>(`/api/programs/${encodeURIComponent(programId)}/constraints`, { method: 'POST', body: bodyOf(draft, dependsOn) }));
    } catch (caught) {
      if (caught instanceof ApiError) setError(caught); else throw caught;
    } finally {
      setBusy(false);
    }
  }

  const field = (path: string) => fieldMessage(error, path);
  const program = programs.state === 'ready' ? programs.data.items.find((p) => p.id === programId) : undefined;
  return (
    <form className="constraint-form" onSubmit={(e) => void submit(e)} aria-labelledby="create-heading" noValidate>
      <h2 id="create-heading" tabIndex={-1} ref={heading}>Add a constraint</h2>
      <p className="muted">Every constraint has a named owner and a deadline.</p>
      {error && (error.problem.errors?.length
        ? <p className="error-box" role="alert">The constraint was not added: see the fields marked below.</p>
        : <Problem error={error} reload={() => setError(null)} />)}
      <label htmlFor="new-program">Program</label>
      <select id="new-program" value={programId} onChange={set('programId')} {...invalidProps(programMissing ? PROGRAM_MISSING : undefined, 'new-program-error')}>
        <option value="">Choose a program</option>
        {programs.state === 'ready' && programs.data.items.map((p) => <option key={p.id} value={p.id}>{p.key} — {p.name}</option>)}
      </select>
      <FieldError id="new-program-error" message={programMissing ? PROGRAM_MISSING : undefined} />
      <TextField id="new-title" label="Title" value={draft.title} onChange={set('title')} error={field('title')} />
      <label htmlFor="new-description">Description</label>
      <textarea id="new-description" rows={3} value={draft.description} onChange={set('description')} {...invalidProps(field('description'), 'new-description-error')} />
      <FieldError id="new-description-error" message={field('description')} />
      <div className="pair">
        <SelectField id="new-kind" label="Kind" value={draft.kind} onChange={set('kind')} options={KINDS} placeholder="Choose a kind" error={field('kind')} />
        <SelectField id="new-dimension" label="Dimension" value={draft.dimension} onChange={set('dimension')} options={DIMENSIONS} placeholder="Choose a dimension" error={field('dimension')} />
      </div>
      <div className="pair">
        <SelectField id="new-severity" label="Severity" value={draft.severity} onChange={set('severity')} options={SEVERITIES} error={field('severity')} />
        <SelectField id="new-gate" label="Blocks the gate" value={draft.blocksGate} onChange={set('blocksGate')} options={GATES}
          placeholder={program?.nextGate ? `The next gate (${program.nextGate})` : "The program's next gate"} error={field('blocksGate')} />
      </div>
      <div className="pair">
        <div className="field">
          <label htmlFor="new-owner">Owner</label>
          <select id="new-owner" value={draft.ownerId} onChange={set('ownerId')} {...invalidProps(field('ownerId'), 'new-owner-error')}>
            <option value="">Choose a named person</option>
            {people.state === 'ready' && people.data.items.map((p) => <option key={p.id} value={p.id}>{p.name}{p.title ? ` (${p.title})` : ''}</option>)}
          </select>
          <FieldError id="new-owner-error" message={field('ownerId')} />
        </div>
        <div className="field">
          <label htmlFor="new-deadline-date">Deadline</label>
          <input id="new-deadline-date" type="date" value={draft.deadline} onChange={set('deadline')} {...invalidProps(field('deadline'), 'new-deadline-error')} />
          <FieldError id="new-deadline-error" message={field('deadline')} />
        </div>
      </div>
      <ConstraintPicker id="new-depends-on" label="Depends on" value={dependsOn} onChange={setDependsOn} error={field('dependsOn')} />
      <div className="actions">
        <button type="submit" disabled={busy}>Add constraint</button>
        <button type="button" className="link" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
