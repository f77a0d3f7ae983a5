import type { Constraint, ConstraintPage } from '@handoff/contract';
import { useEffect, useState, type KeyboardEvent } from 'react';
import { useApi } from '../api/use-api.js';
import { Status } from '../components/status.js';
import { words } from './constraint-options.js';
import { FieldError, invalidProps } from './constraint-problem.js';
import './constraint-picker.css';

/** A chosen constraint: enough to name it without another request. */
export type Picked = Pick<Constraint, 'id' | 'ref' | 'title'>;

const RESULTS = 8;
const DEBOUNCE_MS = 200;

/**
 * Chooses constraints (of any program) by searching as you type (GET /api/constraints?q=): each result is a
 * button that adds it, each chosen one a button that removes it. `exclude` hides the constraint being edited.
 */
export function ConstraintPicker({ id, label, value, onChange, exclude, error }: {
  id: string; label: string; value: readonly Picked[]; onChange: (next: Picked[]) => void; exclude?: string; error?: string | undefined;
}) {
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const found = useApi<ConstraintPage>(query === '' ? null : `/api/constraints?${new URLSearchParams({ q: query, limit: String(RESULTS) }).toString()}`);
  const chosen = new Set(value.map((v) => v.id));
  const errorId = `${id}-error`;

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Escape' && text !== '') { e.preventDefault(); e.stopPropagation(); setText(''); }
    if (e.key === 'Enter') e.preventDefault();
  };

  return (
    <fieldset className="picker">
      <legend>{label}</legend>
      {value.length > 0 && (
        <ul className="picked" aria-label={`${label}: chosen`}>
          {value.map((p) => (
            <li key={p.id}>
              <span>{p.ref} <span className="muted">{p.title}</span></span>
              <button type="button" className="link" onClick={() => onChange(value.filter((v) => v.id !== p.id))} aria-label={`Remove ${p.ref}`}>Remove</button>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={id}>Find a constraint</label>
      <input id={id} type="search" value={text} onChange={(e) => setText(e.target.value)} onKeyDown={onKeyDown}
        placeholder="Ref or words of its title" autoComplete="off" {...invalidProps(error, errorId)} />
      <FieldError id={errorId} message={error} />
      {query !== '' && (
        <Status loaded={found} label="matching constraints">
          {(page) => {
            const offered = page.items.filter((c) => c.id !== exclude && !chosen.has(c.id));
            return (
              <>
                <p className="muted" role="status">{offered.length === 0 ? 'No other constraint matches.' : `${offered.length} found.`}</p>
                <ul className="results">
                  {offered.map((c) => (
                    <li key={c.id}>
                      <button type="button" className="link" onClick={() => { onChange([...value, { id: c.id, ref: c.ref, title: c.title }]); setText(''); }}>
                        Add {c.ref}
                      </button>{' '}
                      {c.title} <span className="muted">({c.programKey}, {words(c.status)})</span>
                    </li>
                  ))}
                </ul>
              </>
            );
          }}
        </Status>
      )}
    </fieldset>
  );
}
