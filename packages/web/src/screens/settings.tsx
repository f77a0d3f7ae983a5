import type { Account, AccountPage, ApiTokenPage, CreatedApiToken } from '@handoff/contract';
import { useState, type FormEvent } from 'react';
import { ApiError, api } from '../api/client.js';
import { useApi } from '../api/use-api.js';
import { Empty, Status } from '../components/status.js';
import { useSession } from '../session.js';

const ROLES = ['admin', 'executive', 'owner', 'contributor', 'viewer'] as const;
const SCOPES = ['read', 'write', 'readings'] as const;

/** Workspace settings for admins: accounts and their roles, API tokens. */
export function Settings() {
  const session = useSession();
  if (!session.canAdmin) return <><h1>Settings</h1><Empty><p>Only an admin can change the workspace's settings.</p></Empty></>;
  return (
    <>
      <h1>Settings</h1>
      <Accounts />
      <Tokens />
    </>
  );
}

function FieldError({ error, path }: { error: ApiError | null; path: string }) {
  const message = error?.fieldError(path);
  return message ? <p id={`${path}-error`} className="field-error">{message}</p> : null;
}

function Accounts() {
  const loaded = useApi<AccountPage>('/api/accounts?limit=200');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<(typeof ROLES)[number]>('viewer');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const reload = loaded.state === 'ready' ? loaded.reload : () => {};

  async function create(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await api('/api/accounts', { method: 'POST', body: { email, role, ...(password ? { password } : {}) } });
      setEmail(''); setPassword('');
      reload();
    } catch (err) {
      if (err instanceof ApiError) setError(err); else throw err;
    }
  }

  async function change(a: Account, patch: { role?: string; disabled?: boolean }) {
    setError(null);
    try {
      await api(`/api/accounts/${a.id}`, { method: 'PATCH', body: patch, headers: { 'if-match': `"${a.version}"` } });
      reload();
    } catch (err) {
      if (err instanceof ApiError) setError(err); else throw err;
    }
  }

  return (
    <section aria-labelledby="accounts-heading">
      <h2 id="accounts-heading">Accounts</h2>
      {error && !error.problem.errors?.length && <p className="error-box" role="alert">{error.status === 412 ? 'Someone changed this account first; the list has been reloaded.' : error.problem.detail}</p>}
      <Status loaded={loaded} label="accounts">
        {(page) => (
          <table className="grid">
            <caption className="visually-hidden">Accounts</caption>
            <thead><tr><th scope="col">E-mail</th><th scope="col">Person</th><th scope="col">Role</th><th scope="col">Sign-in</th><th scope="col">Status</th></tr></thead>
            <tbody>
              {page.items.map((a) => (
                <tr key={a.id}>
                  <th scope="row">{a.email}</th>
                  <td>{a.person?.name ?? <span className="muted">not linked</span>}</td>
                  <td>
                    <select aria-label={`Role of ${a.email}`} value={a.role} onChange={(e) => void change(a, { role: e.target.value })}>
                      {ROLES.map((r) => <option key={r} value={r}>{r}</option>)}
                    </select>
                  </td>
                  <td>{[a.signIn.password && 'password', a.signIn.oidc && 'single sign-on'].filter(Boolean).join(', ') || '—'}</td>
                  <td><button type="button" className="link" onClick={() => void change(a, { disabled: !a.disabled })}>{a.disabled ? 'Enable' : 'Disable'}</button>{a.disabled && <span className="tag">disabled</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Status>
      <form className="inline" onSubmit={(e) => void create(e)}>
        <div><label htmlFor="new-email">E-mail</label><br /><input id="new-email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} aria-describedby="email-error" /><FieldError error={error} path="email" /></div>
        <div><label htmlFor="new-role">Role</label><br /><select id="new-role" value={role} onChange={(e) => setRole(ROLES.find((r) => r === e.target.value) ?? 'viewer')}>{ROLES.map((r) => <option key={r}>{r}</option>)}</select></div>
        <div><label htmlFor="new-password">Initial password (blank: single sign-on only)</label><br /><input id="new-password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} aria-describedby="password-error" /><FieldError error={error} path="password" /></div>
        <button type="submit">Add account</button>
      </form>
    </section>
  );
}

function Tokens() {
  const loaded = useApi<ApiTokenPage>('/api/tokens?limit=200');
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>(['read']);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const reload = loaded.state === 'ready' ? loaded.reload : () => {};

  async function create(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      setCreated(await api<CreatedApiToken>('/api/tokens', { method: 'POST', body: { name, scopes } }));
      setName('');
      reload();
    } catch (err) {
      if (err instanceof ApiError) setError(err); else throw err;
    }
  }

  async function revoke(id: string) {
    try {
      await api(`/api/tokens/${id}/revoke`, { method: 'POST' });
      reload();
    } catch (err) {
      if (err instanceof ApiError) setError(err); else throw err;
    }
  }

  return (
    <section aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">API tokens</h2>
      {created && (
        <div className="ok-box" role="status">
          <p>Token <strong>{created.name}</strong> created. Copy it now: it will not be shown again.</p>
          <code className="secret">{created.secret}</code>
        </div>
      )}
      {error && !error.problem.errors?.length && <p className="error-box" role="alert">{error.problem.detail}</p>}
      <Status loaded={loaded} label="API tokens">
        {(page) => page.items.length === 0 ? <Empty><p>No API token yet.</p></Empty> : (
          <table className="grid">
            <caption className="visually-hidden">API tokens</caption>
            <thead><tr><th scope="col">Name</th><th scope="col">Prefix</th><th scope="col">Scopes</th><th scope="col">Created by</th><th scope="col">Last used</th><th scope="col"></th></tr></thead>
            <tbody>
              {page.items.map((t) => (
                <tr key={t.id}>
                  <th scope="row">{t.name}</th><td><code>{t.prefix}…</code></td><td>{t.scopes.join(', ')}</td><td>{t.createdBy.label}</td>
                  <td>{t.lastUsedAt ? `${t.lastUsedAt.slice(0, 16).replace('T', ' ')} from ${t.lastUsedIp ?? '?'}` : 'never'}</td>
                  <td>{t.revokedAt ? <span className="tag">revoked {t.revokedAt.slice(0, 10)}</span> : <button type="button" className="link" onClick={() => void revoke(t.id)}>Revoke</button>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Status>
      <form className="inline" onSubmit={(e) => void create(e)}>
        <div><label htmlFor="token-name">Name</label><br /><input id="token-name" value={name} onChange={(e) => setName(e.target.value)} aria-describedby="name-error" /><FieldError error={error} path="name" /></div>
        <fieldset className="scopes"><legend>Scopes</legend>
          {SCOPES.map((s) => (
            <label key={s}><input type="checkbox" checked={scopes.includes(s)} onChange={(e) => setScopes((cur) => e.target.checked ? [...cur, s] : cur.filter((x) => x !== s))} /> {s}</label>
          ))}
        </fieldset>
        <button type="submit">Create token</button>
      </form>
    </section>
  );
}
