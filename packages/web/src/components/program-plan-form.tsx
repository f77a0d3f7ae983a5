import type { PhasePlan, PlanInput } from '@handoff/contract';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../api/client.js';
import { useApi } from '../api/use-api.js';
import { Field, Refusal, useWrite } from '../screens/settings-fields.js';
import { Status } from './status.js';
import '../screens/program-actions.css';

type Gate = keyof PlanInput['gates'];
const isGate = (g: string): g is Gate => g === 'pilot' || g === 'production-readiness' || g === 'limited-rollout' || g === 'production';

/** The dates set on the plan itself (not the target production date standing in), by gate. */
function planDates(plan: PhasePlan): Record<string, string> {
  return Object.fromEntries(plan.gates.flatMap((g) => (g.source === 'plan' && g.plannedDate ? [[g.gate, g.plannedDate]] : [])));
}

/**
 * Edits the planned date of each gate still ahead (PUT /plan takes the whole plan, so passed gates keep their
 * dates); the server refuses dates going backwards, naming the gate. `onSaved` reloads the timeline.
 */
export function PlanForm({ programId, onSaved, onCancel }: { programId: string; onSaved: (done: string) => void; onCancel: () => void }) {
  const loaded = useApi<PhasePlan>(`/api/programs/${programId}/plan`);
  return (
    <Status loaded={loaded} label="the phase plan">
      {(plan) => <Form plan={plan} programId={programId} onSaved={onSaved} onCancel={onCancel} />}
    </Status>
  );
}

function Form({ plan, programId, onSaved, onCancel }: { plan: PhasePlan; programId: string; onSaved: (done: string) => void; onCancel: () => void }) {
  const write = useWrite();
  const [dates, setDates] = useState<Record<string, string>>(() => planDates(plan));
  const [reason, setReason] = useState('');
  const ahead = plan.gates.filter((g) => !g.passed);
  // The "Edit the plan" button gives way to this form: focus follows, so keyboard users are not lost.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const gates: PlanInput['gates'] = {};
    for (const [gate, date] of Object.entries(dates)) if (isGate(gate) && date !== '') gates[gate] = date;
    const body: PlanInput = reason.trim() === '' ? { gates } : { gates, reason };
    if (await write.run('', () => api<PhasePlan>(`/api/programs/${programId}/plan`, { method: 'PUT', body }))) onSaved('Plan saved; the timeline shows the new projection.');
  }
  return (
    <form className="program-form plan-form card" onSubmit={(e) => void submit(e)} aria-labelledby="plan-heading" noValidate>
      <h3 id="plan-heading" tabIndex={-1} ref={heading}>Edit the phase plan</h3>
      <Refusal error={write.error} what="the plan" paths={[...ahead.map((g) => `gates.${g.gate}`), 'reason']} />
      <div className="pair">
        {ahead.map((g) => (
          <Field key={g.gate} id={`plan-${g.gate}`} label={`${g.gate} gate`} error={write.error} path={`gates.${g.gate}`}
            hint={g.source === 'target-production-date' && !dates[g.gate] ? `Empty: the target production date (${g.plannedDate ?? ''}) stands in.` : undefined}>
            {(p) => <input {...p} type="date" value={dates[g.gate] ?? ''} onChange={(e) => setDates((d) => ({ ...d, [g.gate]: e.target.value }))} />}
          </Field>
        ))}
      </div>
      <Field id="plan-reason" label="Reason (optional, kept in the history)" error={write.error} path="reason">
        {(p) => <input {...p} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <div className="actions">
        <button type="submit" disabled={write.busy}>Save the plan</button>
        <button type="button" className="link" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
