import { useCallback, useState, type ReactNode } from 'react';
import { ApiError } from '../api/client.js';

/** The attributes a form control gets from its Field: its id, and its error and hint when there are any. */
export interface ControlProps {
  readonly id: string;
  readonly 'aria-invalid'?: true;
  readonly 'aria-describedby'?: string;
}

/**
 * A labelled form control with the server's message for `path` next to it (aria-invalid + aria-describedby);
 * `check` puts the label after the control, as for a checkbox.
 */
export function Field({ id, label, error, path, hint, check, children }: {
  id: string; label: ReactNode; error: ApiError | null; path: string; hint?: ReactNode; check?: boolean; children: (control: ControlProps) => ReactNode;
}) {
  const message = error?.fieldError(path);
  const described = [hint ? `${id}-hint` : null, message ? `${id}-error` : null].filter(Boolean).join(' ');
  const control: ControlProps = { id, ...(message ? { 'aria-invalid': true } : {}), ...(described ? { 'aria-describedby': described } : {}) };
  const labelled = <label htmlFor={id}>{label}</label>;
  return (
    <div className={check ? 'field check' : 'field'}>
      {check ? <>{children(control)} {labelled}</> : <>{labelled}{children(control)}</>}
      {hint && <p id={`${id}-hint`} className="hint muted">{hint}</p>}
      {message && <p id={`${id}-error`} className="field-error">{message}</p>}
    </div>
  );
}

/**
 * Why the server refused a change, in words: a stale edit (412) with a reload, never overwritten silently;
 * field errors are shown at their fields (`paths` lists the ones this form shows), any others listed here.
 */
export function Refusal({ error, what, onReload, paths = [] }: { error: ApiError | null; what: string; onReload?: () => void; paths?: readonly string[] }) {
  if (!error) return null;
  if (error.status === 412) {
    return (
      <div className="error-box" role="alert">
        <p>Someone else changed {what} after you opened it, so your change was not saved.</p>
        {onReload && <button type="button" onClick={onReload}>Reload to see their change</button>}
      </div>
    );
  }
  const fieldErrors = error.problem.errors ?? [];
  if (fieldErrors.length === 0) return <p className="error-box" role="alert">{error.problem.detail || error.problem.title}</p>;
  const elsewhere = fieldErrors.filter((e) => !paths.includes(e.path));
  return (
    <div className="error-box" role="alert">
      <p>Not saved: {elsewhere.length < fieldErrors.length ? 'see the messages next to the fields below.' : 'the server refused it.'}</p>
      {elsewhere.length > 0 && <ul>{elsewhere.map((e) => <li key={`${e.path}:${e.message}`}>{e.path === '(body)' ? '' : `${e.path}: `}{e.message}</li>)}</ul>}
    </div>
  );
}

/** Confirms a change in a polite live region. */
export function Done({ message }: { message: string | null }) {
  return message ? <p className="ok-box" role="status">{message}</p> : null;
}

/** The state useWrite returns, for forms that keep it above a component keyed by version. */
export type Write = ReturnType<typeof useWrite>;

/** A write to the API and what came of it: the refusal (an ApiError) or the confirmation to show. */
export function useWrite() {
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = useCallback(async (confirmation: string, call: () => Promise<unknown>): Promise<boolean> => {
    setError(null);
    setDone(null);
    setBusy(true);
    try {
      await call();
      setDone(confirmation);
      return true;
    } catch (err) {
      if (err instanceof ApiError) { setError(err); return false; }
      throw err;
    } finally {
      setBusy(false);
    }
  }, []);
  const clear = useCallback(() => { setError(null); setDone(null); }, []);
  return { error, done, busy, run, clear };
}
