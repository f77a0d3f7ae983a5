import type { ReactNode } from 'react';
import { ApiError } from '../api/client.js';
import type { Loaded } from '../api/use-api.js';

/** Renders a load's three states: a polite loading line, the server's error with a retry, or the content. */
export function Status<T>({ loaded, label, children }: { loaded: Loaded<T>; label: string; children: (data: T) => ReactNode }) {
  if (loaded.state === 'loading') return <p className="muted" role="status" aria-live="polite">Loading {label}…</p>;
  if (loaded.state === 'error') {
    const detail = loaded.error instanceof ApiError ? loaded.error.problem.detail : loaded.error.message;
    return (
      <div className="error-box" role="alert">
        <p><strong>Could not load {label}.</strong> {detail}</p>
        <button type="button" onClick={loaded.retry}>Try again</button>
      </div>
    );
  }
  return <>{children(loaded.data)}</>;
}

/** An explicit empty state: what is missing and what to do about it. */
export function Empty({ children }: { children: ReactNode }) {
  return <div className="empty">{children}</div>;
}
