import type { CostModel, CostModelPut } from '@handoff/contract';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client.js';
import { Done, Field, Refusal, useWrite } from '../screens/settings-fields.js';

const PATHS = ['currency', 'horizonMonths', 'discountRate'];

/** A whole number as typed becomes a number; anything else goes as typed, so the server names what is wrong with it. */
export function wholeOrText(value: string): number | string {
  return /^\d+$/.test(value.trim()) ? Number(value.trim()) : value;
}

/**
 * The cost model's settings (PUT /api/programs/{id}/cost-model): currency, horizon in months and the annual discount
 * rate as a decimal string ("0.08"), sent exactly as typed. Creates the model when there is none; a change carries
 * If-Match, so a stale one is explained, not overwritten.
 */
export function EconomicsModelForm({ programId, model, onSaved }: { programId: string; model: CostModel | null; onSaved: () => void }) {
  const [currency, setCurrency] = useState(model?.currency ?? '');
  const [horizon, setHorizon] = useState(model ? String(model.horizonMonths) : '');
  const [rate, setRate] = useState(model?.discountRate ?? '');
  const write = useWrite();

  async function submit(e: FormEvent) {
    e.preventDefault();
    // Blank horizon and rate are left out: the server keeps the model's (or applies its defaults to a new one).
    const body: Record<keyof CostModelPut, unknown> = { currency, horizonMonths: horizon.trim() === '' ? undefined : wholeOrText(horizon), discountRate: rate.trim() === '' ? undefined : rate };
    const headers: Record<string, string> = model ? { 'if-match': `"${model.version}"` } : {};
    const ok = await write.run(model ? 'Cost model saved.' : 'Cost model created.', () => api<CostModel>(`/api/programs/${programId}/cost-model`, { method: 'PUT', body, headers }));
    if (ok) onSaved();
  }

  return (
    <form className="work-form card" onSubmit={(e) => void submit(e)} aria-labelledby="cost-model-heading" noValidate>
      <h3 id="cost-model-heading">{model ? 'Cost model' : 'Start a cost model'}</h3>
      <Refusal error={write.error} what="the cost model" onReload={onSaved} paths={PATHS} />
      <Done message={write.done} />
      <div className="work-fields">
        <Field id="model-currency" label="Currency" error={write.error} path="currency" hint="Three capital letters, e.g. GBP">
          {(control) => <input {...control} value={currency} onChange={(e) => setCurrency(e.target.value)} autoComplete="off" />}
        </Field>
        <Field id="model-horizon" label="Horizon (months)" error={write.error} path="horizonMonths">
          {(control) => <input {...control} inputMode="numeric" value={horizon} onChange={(e) => setHorizon(e.target.value)} />}
        </Field>
        <Field id="model-rate" label="Annual discount rate" error={write.error} path="discountRate" hint='A decimal fraction: "0.08" is 8 %'>
          {(control) => <input {...control} inputMode="decimal" value={rate} onChange={(e) => setRate(e.target.value)} />}
        </Field>
      </div>
      <button type="submit" disabled={write.busy}>{model ? 'Save the cost model' : 'Create the cost model'}</button>
    </form>
  );
}
