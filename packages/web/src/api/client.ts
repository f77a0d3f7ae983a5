import type { Problem } from '@handoff/contract';

/** A refused or failed API call: the problem+json the server answered, with its field errors. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly problem: Problem) {
    super(problem.detail || problem.title);
  }

  /** The message for one field (`path` as the server names it), if the server named it. */
  fieldError(path: string): string | undefined {
    return this.problem.errors?.find((e) => e.path === path)?.message;
  }
}

let csrfToken: string | null = null;

/** Remembers the session's CSRF token (from sign-in or /api/me); cookie-authenticated writes must send it. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the server says the session is gone (401), so the app can show the sign-in page. */
let onSignedOut: () => void = () => {};
export function whenSignedOut(handler: () => void): void {
  onSignedOut = handler;
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'status' in value && 'title' in value;
}

/**
 * Calls the API with the session cookie. Writes carry the CSRF token and JSON; errors become ApiError
 * with the server's problem (never a guess of ours). The response type is the contract's.
 */
export async function api<T>(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<T> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json', ...init.headers };
  if (method !== 'GET' && method !== 'HEAD') {
    if (csrfToken) headers['x-csrf-token'] = csrfToken;
    if (init.body !== undefined) headers['content-type'] = 'application/json';
  }
  const res = await fetch(path, {
    method, headers, credentials: 'same-origin',
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await res.text();
  const body: unknown = text === '' ? null : JSON.parse(text);
  if (!res.ok) {
    const problem: Problem = isProblem(body) ? body : { type: 'about:blank', title: res.statusText, status: res.status, detail: `the server answered ${res.status}` };
    if (res.status === 401 && !path.startsWith('/api/auth/')) onSignedOut();
    throw new ApiError(res.status, problem);
  }
  return body as T;
}
