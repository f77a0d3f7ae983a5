import type { Constraint, CriterionConstraintCreate, CriterionResult, PersonPage } from '@handoff/contract';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client.js';
import { useApi } from '../api/use-api.js';
import { Field, Refusal, useWrite } from '../screens/settings-fields.js';
import { SEVERITIES, words } from '../screens/constraint-options.js';

const PATHS = ['ownerId', 'deadline', 'severity'];

/**
 * Opens a constraint that closes one criterion's gap in one step (POST /api/programs/{id}/readiness/{criterion}/constraint):
 * a named owner and a deadline (both required by the contract), a severity; the title and dimension are the server's.
 */
export function ReadinessGapForm({ programId, result, onOpened, onCancel }: {
  programId: string; result: CriterionResult; onOpened: (c: Constraint) => void; onCancel: () => void;
}) {
  const people = useApi<PersonPage>('/api/people?limit=200');
  const [ownerId, setOwnerId] = useState('');
  const [deadline, setDeadline] = useState('');
  const [severity, setSeverity] = useState<CriterionConstraintCreate['severity']>('medium');
  const write = useWrite();
  const code = result.criterion.code;
  const id = `gap-${result.criterion.id}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const body = { ownerId, deadline, severity } satisfies Partial<CriterionConstraintCreate>;
    await write.run('Opened', async () => {
      onOpened(await api<Constraint>(`/api/programs/${programId}/readiness/${encodeURIComponent(result.criterion.id)}/constraint`, { method: 'POST', body }));
    });
  }

  return (
    <form className="work-form gap-form" onSubmit={(e) => void submit(e)} aria-label={`Open a constraint for the gap on ${code}`} noValidate>
      <Refusal error={write.error} what={code} paths={PATHS} />
      <div className="work-fields">
        <Field id={`${id}-owner`} label="Owner" error={write.error} path="ownerId">
          {(control) => (
            <select {...control} value={ownerId} onChange={(e) => setOwnerId(e.target.value)}>
              <option value="">Choose a person</option>
              {people.state === 'ready' && people.data.items.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            </select>
          )}
        </Field>
        <Field id={`${id}-deadline`} label="Deadline" error={write.error} path="deadline">
          {(control) => <input {...control} type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} />}
        </Field>
        <Field id={`${id}-severity`} label="Severity" error={write.error} path="severity">
          {(control) => (
            <select {...control} value={severity} onChange={(e) => setSeverity(SEVERITIES.find((s) => s === e.target.value) ?? 'medium')}>
              {SEVERITIES.map((s) => <option key={s} value={s}>{words(s)}</option>)}
            </select>
          )}
        </Field>
      </div>
      <div className="actions">
        <button type="submit" disabled={write.busy}>Open the constraint</button>
        <button type="button" className="secondary" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
