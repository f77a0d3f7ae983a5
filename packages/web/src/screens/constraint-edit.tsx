import type { Constraint, ConstraintUpdate, PersonPage } from '@handoff/contract';
import { useState, type FormEvent } from 'react';
import type { ApiError } from '../api/client.js';
import { useApi } from '../api/use-api.js';
import { SelectField, TextField } from './constraint-fields.js';
import { SEVERITIES, STATUSES } from './constraint-options.js';
import { FieldError, fieldMessage, invalidProps } from './constraint-problem.js';
import './constraint-form.css';

/** The statuses this form sets; resolving has its own button, and a resolved constraint can be reopened from here. */
const SETTABLE = ['open', 'in_progress', 'accepted'] as const satisfies readonly Constraint['status'][];

type Editable = Pick<ConstraintUpdate, 'title' | 'description' | 'ownerId' | 'status' | 'severity'>;

/** Only the fields that differ from the constraint: the history then records exactly what this edit changed. */
function changes(c: Constraint, draft: Required<Editable>): Editable {
  const current: Required<Editable> = { title: c.title, description: c.description, ownerId: c.owner.id, status: c.status, severity: c.severity };
  const patch: Editable = {};
  if (draft.title !== current.title) patch.title = draft.title;
  if (draft.description !== current.description) patch.description = draft.description;
  if (draft.ownerId !== current.ownerId) patch.ownerId = draft.ownerId;
  if (draft.status !== current.status) patch.status = draft.status;
  if (draft.severity !== current.severity) patch.severity = draft.severity;
  return patch;
}

/**
 * Edits a constraint's owner, status, severity, title and description in one PATCH (the caller sends it with
 * If-Match); an optional reason goes into the history with the change. The deadline has its own form.
 */
export function ConstraintEditForm({ c, onSave, error }: { c: Constraint; onSave: (patch: ConstraintUpdate) => Promise<void>; error: ApiError | null }) {
  const people = useApi<PersonPage>('/api/people?limit=200');
  const [draft, setDraft] = useState<Required<Editable>>({ title: c.title, description: c.description, ownerId: c.owner.id, status: c.status, severity: c.severity });
  const [reason, setReason] = useState('');
  const patch = changes(c, draft);
  const changed = Object.keys(patch).length > 0;
  const field = (path: string) => fieldMessage(error, path);
  const statuses: readonly string[] = SETTABLE.some((s) => s === c.status) ? SETTABLE : [c.status, ...SETTABLE];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void onSave(reason.trim() === '' ? patch : { ...patch, reason });
  };
  const text = (key: 'title' | 'description') => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value }));

  return (
    <form className="constraint-form edit" onSubmit={submit} aria-labelledby="edit-heading" noValidate>
      <h3 id="edit-heading">Edit</h3>
      <div className="pair">
        <div className="field">
          <label htmlFor="edit-owner">Owner</label>
          <select id="edit-owner" value={draft.ownerId} onChange={(e) => setDraft((d) => ({ ...d, ownerId: e.target.value }))} {...invalidProps(field('ownerId'), 'edit-owner-error')}>
            {people.state !== 'ready' && <option value={c.owner.id}>{c.owner.name}</option>}
            {people.state === 'ready' && people.data.items.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
          <FieldError id="edit-owner-error" message={field('ownerId')} />
        </div>
        <SelectField id="edit-status" label="Status" value={draft.status} options={statuses} error={field('status')}
          onChange={(e) => { const s = STATUSES.find((v) => v === e.target.value); if (s) setDraft((d) => ({ ...d, status: s })); }} />
      </div>
      <SelectField id="edit-severity" label="Severity" value={draft.severity} options={SEVERITIES} error={field('severity')}
        onChange={(e) => { const s = SEVERITIES.find((v) => v === e.target.value); if (s) setDraft((d) => ({ ...d, severity: s })); }} />
      <TextField id="edit-title" label="Title" value={draft.title} onChange={text('title')} error={field('title')} />
      <label htmlFor="edit-description">Description</label>
      <textarea id="edit-description" rows={3} value={draft.description} onChange={text('description')} {...invalidProps(field('description'), 'edit-description-error')} />
      <FieldError id="edit-description-error" message={field('description')} />
      <TextField id="edit-reason" label="Reason (optional, kept in the history)" value={reason} onChange={(e) => setReason(e.target.value)} error={field('reason')} />
      <div className="actions">
        <button type="submit" disabled={!changed}>Save changes</button>
      </div>
    </form>
  );
}
