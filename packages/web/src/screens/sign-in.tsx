import { useState, type FormEvent } from 'react';
import { ApiError, api } from '../api/client.js';

interface SignedIn { csrfToken: string }

/** Sign-in with e-mail and password (single sign-on appears when the server offers it). */
export function SignIn({ onSignedIn }: { onSignedIn: (csrfToken: string) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

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
