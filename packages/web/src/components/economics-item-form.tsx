import type { CostItem } from '@handoff/contract';
import type { FormEvent, Ref } from 'react';
import type { ApiError } from '../api/client.js';
import { Field, Refusal } from '../screens/settings-fields.js';
import { RECURRENCES, SCOPES, SIDES, oneOf, type Recurrence, type Scope, type Side } from './economics-words.js';

/** An item as the form holds it: money, months and the rest as typed (strings), never floats. */
export interface ItemDraft {
  readonly side: Side; readonly label: string; readonly category: string; readonly scope: Scope; readonly recurrence: Recurrence;
  readonly amount: string; readonly startMonth: string; readonly endMonth: string;
}

/** A blank draft, or one pre-filled (e.g. "add a governance cost": production, cost, governance). */
export function draftOf(preset: Partial<ItemDraft> = {}): ItemDraft {
  return { side: 'cost', label: '', category: '', scope: 'production', recurrence: 'monthly', amount: '', startMonth: '0', endMonth: '', ...preset };
}

/** An existing item as a draft to edit. */
export function draftOfItem(item: CostItem): ItemDraft {
  return {
    side: item.side, label: item.label, category: item.category, scope: item.scope, recurrence: item.recurrence, amount: item.amount,
    startMonth: String(item.startMonth), endMonth: item.endMonth === null ? '' : String(item.endMonth),
  };
}

const PATHS = ['side', 'label', 'category', 'scope', 'recurrence', 'amount', 'currency', 'startMonth', 'endMonth'];

/**
 * The fields of a cost or benefit item with the server's message beside each; the amount is a decimal string sent
 * exactly as typed. `idPrefix` keeps ids unique when an add and an edit form are open at once.
 */
export function EconomicsItemForm({ idPrefix: p, title, draft: d, onChange, categories, currency, sideFixed, submitLabel, busy, error, onSubmit, onCancel, onReload, formRef }: {
  idPrefix: string; title: string; draft: ItemDraft; onChange: (d: ItemDraft) => void; categories: Readonly<Record<Side, readonly string[]>>;
  currency: string | null; sideFixed: boolean; submitLabel: string; busy: boolean; error: ApiError | null;
  onSubmit: () => void; onCancel?: () => void; onReload?: () => void; formRef?: Ref<HTMLFormElement>;
}) {
  const titleId = `${p}-heading`;
  const set = (change: Partial<ItemDraft>) => onChange({ ...d, ...change });
  const submit = (e: FormEvent) => { e.preventDefault(); onSubmit(); };
  const options = categories[d.side];
  return (
    <form ref={formRef} className="work-form card item-form" onSubmit={submit} aria-labelledby={titleId} noValidate tabIndex={-1}>
      <h3 id={titleId}>{title}</h3>
      <Refusal error={error} what="this item" onReload={onReload} paths={PATHS} />
      <div className="work-fields">
        <Field id={`${p}-label`} label="Label" error={error} path="label">
          {(control) => <input {...control} value={d.label} onChange={(e) => set({ label: e.target.value })} />}
        </Field>
        <Field id={`${p}-side`} label="Cost or benefit" error={error} path="side">
          {(control) => (
            <select {...control} value={d.side} disabled={sideFixed} onChange={(e) => { if (oneOf(SIDES, e.target.value)) set({ side: e.target.value, category: '' }); }}>
              {Object.entries(SIDES).map(([v, w]) => <option key={v} value={v}>{w}</option>)}
            </select>
          )}
        </Field>
        <Field id={`${p}-category`} label="Category" error={error} path="category">
          {(control) => (
            <select {...control} value={d.category} onChange={(e) => set({ category: e.target.value })}>
              <option value="">Choose a category</option>
              {options.map((c) => <option key={c} value={c}>{c}</option>)}
            </select>
          )}
        </Field>
        <Field id={`${p}-scope`} label="Scope" error={error} path="scope">
          {(control) => (
            <select {...control} value={d.scope} onChange={(e) => { if (oneOf(SCOPES, e.target.value)) set({ scope: e.target.value }); }}>
              {Object.entries(SCOPES).map(([v, w]) => <option key={v} value={v}>{w}</option>)}
            </select>
          )}
        </Field>
        <Field id={`${p}-recurrence`} label="Recurrence" error={error} path="recurrence">
          {(control) => (
            <select {...control} value={d.recurrence} onChange={(e) => { if (oneOf(RECURRENCES, e.target.value)) set({ recurrence: e.target.value }); }}>
              {Object.entries(RECURRENCES).map(([v, w]) => <option key={v} value={v}>{w}</option>)}
            </select>
          )}
        </Field>
        <Field id={`${p}-amount`} label={`Amount${currency ? ` (${currency})` : ''}`} error={error} path="amount" hint="Each time it falls due, e.g. 12500.00">
          {(control) => <input {...control} inputMode="decimal" value={d.amount} onChange={(e) => set({ amount: e.target.value })} autoComplete="off" />}
        </Field>
        <Field id={`${p}-start`} label="Start month" error={error} path="startMonth" hint="0 is go-live">
          {(control) => <input {...control} inputMode="numeric" value={d.startMonth} onChange={(e) => set({ startMonth: e.target.value })} />}
        </Field>
        <Field id={`${p}-end`} label="End month" error={error} path="endMonth" hint="Blank: to the horizon">
          {(control) => <input {...control} inputMode="numeric" value={d.endMonth} onChange={(e) => set({ endMonth: e.target.value })} />}
        </Field>
      </div>
      <div className="actions">
        <button type="submit" disabled={busy}>{submitLabel}</button>
        {onCancel && <button type="button" className="secondary" onClick={onCancel}>Cancel</button>}
      </div>
    </form>
  );
}
