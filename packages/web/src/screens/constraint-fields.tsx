import type { ChangeEvent } from 'react';
import { words } from './constraint-options.js';
import { FieldError, invalidProps } from './constraint-problem.js';

type OnChange = (e: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => void;

/** A labelled text input with the server's message for it beside it. */
export function TextField({ id, label, value, onChange, error }: { id: string; label: string; value: string; onChange: OnChange; error: string | undefined }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} value={value} onChange={onChange} {...invalidProps(error, `${id}-error`)} />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/** A labelled select of enum values; `placeholder` offers "not chosen" ('': the server's default, or its message). */
export function SelectField({ id, label, value, onChange, options, placeholder, error }: {
  id: string; label: string; value: string; onChange: OnChange; options: readonly string[]; placeholder?: string; error: string | undefined;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={onChange} {...invalidProps(error, `${id}-error`)}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => <option key={o} value={o}>{words(o)}</option>)}
      </select>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
