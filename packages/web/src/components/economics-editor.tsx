import type { CostItem, CostItemList, Economics } from '@handoff/contract';
import { useRef, useState } from 'react';
import { api } from '../api/client.js';
import { Done, useWrite } from '../screens/settings-fields.js';
import { createBody } from './economics-body.js';
import { EconomicsItemEdit, EconomicsItemRetire } from './economics-item-edit.js';
import { EconomicsItemForm, draftOf, type ItemDraft } from './economics-item-form.js';
import { EconomicsItems } from './economics-items.js';
import { EconomicsMissing } from './economics-missing.js';
import { EconomicsModelForm } from './economics-model.js';
import { categoriesOf } from './economics-words.js';
import './economics.css';

/**
 * The cost model and its items: for readers the items by scope and category and what production lacks; for whoever
 * may edit (`canEdit`), the model's settings, add (pre-filled from a missing category), edit and retire. `reload`
 * runs after every change, so the comparison and the pilot-economics flag are the server's again.
 */
export function EconomicsEditor({ e, canEdit, reload }: { e: Economics; canEdit: boolean; reload: () => void }) {
  const categories = categoriesOf(e);
  const [draft, setDraft] = useState<ItemDraft>(() => draftOf());
  const [editing, setEditing] = useState<CostItem | null>(null);
  const [retiring, setRetiring] = useState<CostItem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const add = useWrite();
  const addForm = useRef<HTMLFormElement>(null);

  const changed = (message: string) => { setEditing(null); setRetiring(null); setDone(message); reload(); };
  async function create() {
    setDone(null);
    const ok = await add.run('Added', () => api<CostItemList>(`/api/programs/${e.programId}/cost-items`, { method: 'POST', body: createBody(draft) }));
    if (ok) { changed(`Added “${draft.label}”.`); setDraft(draftOf()); }
  }
  function prefill(category: string) {
    setDone(null);
    add.clear();
    setDraft(draftOf({ side: 'cost', scope: 'production', category, recurrence: 'monthly', label: `${category[0]?.toUpperCase() ?? ''}${category.slice(1)} (production)` }));
    addForm.current?.scrollIntoView({ block: 'nearest' });
    addForm.current?.focus();
  }

  return (
    <div className="economics-editor">
      <EconomicsMissing e={e} onAdd={canEdit && e.model ? prefill : null} />
      <Done message={done} />
      {(e.items.length > 0 || e.model) && (
        <EconomicsItems items={e.items} categories={categories} canEdit={canEdit}
          onEdit={(i) => { setDone(null); setRetiring(null); setEditing(i); }} onRetire={(i) => { setDone(null); setEditing(null); setRetiring(i); }} />
      )}
      {canEdit && editing && (
        <EconomicsItemEdit key={editing.id} item={editing} categories={categories} onSaved={changed} onCancel={() => setEditing(null)} onReload={() => { setEditing(null); reload(); }} />
      )}
      {canEdit && retiring && (
        <EconomicsItemRetire key={retiring.id} item={retiring} onRetired={changed} onCancel={() => setRetiring(null)} onReload={() => { setRetiring(null); reload(); }} />
      )}
      {canEdit && e.model && (
        <EconomicsItemForm idPrefix="add-item" title="Add an item" draft={draft} onChange={setDraft} categories={categories} currency={e.model.currency}
          sideFixed={false} submitLabel="Add the item" busy={add.busy} error={add.error} onSubmit={() => void create()} formRef={addForm} />
      )}
      {canEdit && <EconomicsModelForm programId={e.programId} model={e.model} onSaved={reload} />}
    </div>
  );
}
