import type { PersonPage } from '@handoff/contract';
import type { ApiError } from '../api/client.js';
import { useApi } from '../api/use-api.js';
import { words } from './constraint-options.js';
import { Field } from './settings-fields.js';

/** A program as its forms hold it: strings as typed, '' for none (sent as null or left out). */
export interface ProgramDraft {
  readonly name: string;
  readonly description: string;
  readonly businessUnit: string;
  readonly sponsorId: string;
  readonly targetProductionDate: string;
  readonly riskClass: string;
}

/** The fields both forms show, so field errors on other paths are listed in the refusal. */
export const PROGRAM_PATHS = ['key', 'name', 'description', 'businessUnit', 'phase', 'sponsorId', 'targetProductionDate', 'riskClass'] as const;

/** A select of every person, for a sponsor or a role holder; `none` labels the empty choice. */
export function PersonSelect({ id, label, value, onChange, error, path, none }: {
  id: string; label: string; value: string; onChange: (id: string) => void; error: ApiError | null; path: string; none: string;
}) {
  const people = useApi<PersonPage>('/api/people?limit=200');
  return (
    <Field id={id} label={label} error={error} path={path}>
      {(p) => (
        <select {...p} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{none}</option>
          {people.state === 'ready' && people.data.items.map((person) => (
            <option key={person.id} value={person.id}>{person.name}{person.title ? ` (${person.title})` : ''}</option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Name, sponsor, target production date, business unit, risk class and description, each with the server's message. */
export function ProgramFields({ prefix, draft, error, onChange, riskClasses }: {
  prefix: string; draft: ProgramDraft; error: ApiError | null; onChange: (d: ProgramDraft) => void; riskClasses: readonly string[];
}) {
  const set = (field: keyof ProgramDraft) => (e: { target: { value: string } }) => onChange({ ...draft, [field]: e.target.value });
  return (
    <>
      <Field id={`${prefix}-name`} label="Name" error={error} path="name">
        {(p) => <input {...p} autoComplete="off" value={draft.name} onChange={set('name')} />}
      </Field>
      <div className="pair">
        <PersonSelect id={`${prefix}-sponsor`} label="Executive sponsor" value={draft.sponsorId} error={error} path="sponsorId"
          none="No sponsor yet" onChange={(sponsorId) => onChange({ ...draft, sponsorId })} />
        <Field id={`${prefix}-target`} label="Target production date" error={error} path="targetProductionDate">
          {(p) => <input {...p} type="date" value={draft.targetProductionDate} onChange={set('targetProductionDate')} />}
        </Field>
      </div>
      <div className="pair">
        <Field id={`${prefix}-unit`} label="Business unit" error={error} path="businessUnit">
          {(p) => <input {...p} autoComplete="off" value={draft.businessUnit} onChange={set('businessUnit')} />}
        </Field>
        <Field id={`${prefix}-risk`} label="Risk class" error={error} path="riskClass">
          {(p) => (
            <select {...p} value={draft.riskClass} onChange={set('riskClass')}>
              {riskClasses.map((r) => <option key={r} value={r}>{words(r)}</option>)}
            </select>
          )}
        </Field>
      </div>
      <Field id={`${prefix}-description`} label="Description" error={error} path="description">
        {(p) => <textarea {...p} rows={3} value={draft.description} onChange={set('description')} />}
      </Field>
    </>
  );
}
