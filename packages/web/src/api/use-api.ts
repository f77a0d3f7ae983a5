import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, api } from './client.js';

/** A GET's state: loading, its data, or the error to show (with a retry). */
export type Loaded<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'error'; readonly error: ApiError | Error; readonly retry: () => void }
  | { readonly state: 'ready'; readonly data: T; readonly reload: () => void };

/**
 * Loads `path` (the contract's response type `T`); a new path loads again, a stale answer is dropped. A
 * reload of the same path keeps showing what was there until the new answer arrives (no flash of loading).
 */
export function useApi<T>(path: string | null): Loaded<T> {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const shown = useRef<string | null>(null);
  const again = useCallback(() => setAttempt((n) => n + 1), []);
  useEffect(() => {
    if (path === null) return;
    let current = true;
    if (shown.current !== path) setResult({ state: 'loading' });
    shown.current = path;
    api<T>(path).then(
      (data) => { if (current) setResult({ state: 'ready', data, reload: again }); },
      (error: unknown) => { if (current) setResult({ state: 'error', error: error instanceof Error ? error : new Error(String(error)), retry: again }); },
    );
    return () => { current = false; };
  }, [path, attempt, again]);
  return result;
}
