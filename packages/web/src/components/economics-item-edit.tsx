import type { CostItem, CostItemRetire } from '@handoff/contract';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../api/client.js';
import { Field, Refusal, useWrite } from '../screens/settings-fields.js';
import { updateBody } from './economics-body.js';
import { EconomicsItemForm, draftOfItem } from './economics-item-form.js';
import type { Side } from './economics-words.js';

/** Edits one item (PATCH /api/cost-items/{id} with If-Match): only the changed fields are sent; a stale edit is explained. */
export function EconomicsItemEdit({ item, categories, onSaved, onCancel, onReload }: {
  item: CostItem; categories: Readonly<Record<Side, readonly string[]>>; onSaved: (label: string) => void; onCancel: () => void; onReload: () => void;
}) {
  const [draft, setDraft] = useState(() => draftOfItem(item));
  const write = useWrite();
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => form.current?.focus(), []);
  async function save() {
    const body = updateBody(item, draft);
    if (!body) { onCancel(); return; }
    const ok = await write.run('Saved', () => api<CostItem>(`/api/cost-items/${item.id}`, { method: 'PATCH', body, headers: { 'if-match': `"${item.version}"` } }));
    if (ok) onSaved(`Saved “${draft.label}”.`);
  }
  return (
    <EconomicsItemForm idPrefix={`edit-${item.id}`} title={`Edit “${item.label}”`} draft={draft} onChange={setDraft} categories={categories}
      currency={item.currency} sideFixed submitLabel="Save the item" busy={write.busy} error={write.error}
      onSubmit={() => void save()} onCancel={onCancel} onReload={onReload} formRef={form} />
  );
}

/** Retires one item with a reason kept in its history (POST /api/cost-items/{id}/retire with If-Match). */
export function EconomicsItemRetire({ item, onRetired, onCancel, onReload }: { item: CostItem; onRetired: (label: string) => void; onCancel: () => void; onReload: () => void }) {
  const [reason, setReason] = useState('');
  const write = useWrite();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const body = { reason } satisfies CostItemRetire;
    const ok = await write.run('Retired', () => api<CostItem>(`/api/cost-items/${item.id}/retire`, { method: 'POST', body, headers: { 'if-match': `"${item.version}"` } }));
    if (ok) onRetired(`Retired “${item.label}”.`);
  }
  return (
    <form className="work-form card" onSubmit={(e) => void submit(e)} aria-labelledby={`retire-${item.id}-heading`} noValidate>
      <h3 id={`retire-${item.id}-heading`}>Retire “{item.label}”</h3>
      <p className="muted">It stops counting in the figures; it and its history stay.</p>
      <Refusal error={write.error} what="this item" onReload={onReload} paths={['reason']} />
      <Field id={`retire-${item.id}-reason`} label="Reason" error={write.error} path="reason">
        {(control) => <input {...control} ref={input} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <div className="actions">
        <button type="submit" className="danger" disabled={write.busy}>Retire the item</button>
        <button type="button" className="secondary" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
