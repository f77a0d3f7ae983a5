import type { AuthProviders } from '@handoff/contract';
import { useState, type FormEvent } from 'react';
import { ApiError, api } from '../api/client.js';
import { useApi } from '../api/use-api.js';

interface SignedIn { csrfToken: string }

/** What each single sign-on failure (`/sign-in?error=…`, docs/SECURITY.md) means to the person signing in. */
const SSO_ERRORS: Readonly<Record<string, string>> = {
  'oidc-state': 'The sign-in took too long or was started in another window; try again.',
  'oidc-denied': 'The identity provider did not let you in.',
  'oidc-failed': 'The identity provider\'s answer could not be checked; try again.',
  'oidc-unavailable': 'The identity provider cannot be reached right now.',
  'oidc-email-unverified': 'Your identity provider has not verified your e-mail address.',
  'oidc-account-conflict': 'This e-mail belongs to an account linked to another identity; ask an admin.',
  'oidc-account-disabled': 'Your account is disabled; ask an admin.',
};

/** Where to come back to after single sign-on: the page asked for, never the sign-in page itself. */
function returnTo(): string {
  return window.location.pathname.startsWith('/sign-in') ? '/' : `${window.location.pathname}${window.location.search}`;
}

/** Sign-in with e-mail and password (single sign-on appears when the server offers it). */
export function SignIn({ onSignedIn }: { onSignedIn: (csrfToken: string) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const providers = useApi<AuthProviders>('/api/auth/providers');
  const ssoError = new URLSearchParams(window.location.search).get('error');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await api<SignedIn>('/api/auth/sign-in', { method: 'POST', body: { email, password } });
      onSignedIn(result.csrfToken);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, { type: 'about:blank', title: 'Network error', status: 0, detail: 'the server could not be reached' }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" className="sign-in">
      <h1>Sign in to Handoff</h1>
      {ssoError && <p className="error-box" role="alert">{SSO_ERRORS[ssoError] ?? 'Single sign-on did not complete; try again.'}</p>}
      {providers.state === 'ready' && providers.data.oidc && (
        <p><a className="button" href={`${providers.data.oidc.startUrl}?returnTo=${encodeURIComponent(returnTo())}`}>Sign in with {providers.data.oidc.name}</a></p>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor="email">E-mail</label>
        <input id="email" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required
          aria-invalid={error?.fieldError('email') ? true : undefined} aria-describedby={error?.fieldError('email') ? 'email-error' : undefined} />
        {error?.fieldError('email') && <p id="email-error" className="field-error">{error.fieldError('email')}</p>}
        <label htmlFor="password">Password</label>
        <input id="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required
          aria-invalid={error?.fieldError('password') ? true : undefined} aria-describedby={error?.fieldError('password') ? 'password-error' : undefined} />
        {error?.fieldError('password') && <p id="password-error" className="field-error">{error.fieldError('password')}</p>}
        {error && !error.problem.errors?.length && <p className="error-box" role="alert">{error.problem.detail}</p>}
        <button type="submit" disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</button>
      </form>
    </main>
  );
}
