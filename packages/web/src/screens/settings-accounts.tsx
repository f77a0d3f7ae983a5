import type { Account, AccountPage } from '@handoff/contract';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client.js';
import { useApi } from '../api/use-api.js';
import { Status } from '../components/status.js';
import { Done, Field, Refusal, useWrite } from './settings-fields.js';
import { oneOf } from './settings-vocabulary.js';

const ROLES = ['admin', 'executive', 'owner', 'contributor', 'viewer'] as const satisfies readonly Account['role'][];

/** Accounts and their roles (admins only): change a role, disable or enable an account, add one. */
export function Accounts() {
  const loaded = useApi<AccountPage>('/api/accounts?limit=200');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Account['role']>('viewer');
  const [password, setPassword] = useState('');
  const write = useWrite();
  const reload = loaded.state === 'ready' ? loaded.reload : () => {};

  async function create(e: FormEvent) {
    e.preventDefault();
    const ok = await write.run(`Account ${email} added.`, () => api('/api/accounts', { method: 'POST', body: { email, role, ...(password ? { password } : {}) } }));
    if (ok) { setEmail(''); setPassword(''); }
    reload();
  }

  async function change(a: Account, patch: { role?: Account['role']; disabled?: boolean }, confirmation: string) {
    await write.run(confirmation, () => api(`/api/accounts/${a.id}`, { method: 'PATCH', body: patch, headers: { 'if-match': `"${a.version}"` } }));
    reload();
  }

  return (
    <section aria-labelledby="accounts-heading">
      <h2 id="accounts-heading">Accounts</h2>
      <Refusal error={write.error} what="this account" onReload={() => { write.clear(); reload(); }} paths={['email', 'role', 'password']} />
      <Done message={write.done} />
      <Status loaded={loaded} label="accounts">
        {(page) => (
          <table className="grid">
            <caption className="visually-hidden">Accounts</caption>
            <thead><tr><th scope="col">E-mail</th><th scope="col">Person</th><th scope="col">Role</th><th scope="col">Sign-in</th><th scope="col">Status</th></tr></thead>
            <tbody>
              {page.items.map((a) => (
                <tr key={a.id}>
                  <th scope="row" className="wrap">{a.email}</th>
                  <td>{a.person?.name ?? <span className="muted">not linked</span>}</td>
                  <td>
                    <select aria-label={`Role of ${a.email}`} value={a.role} onChange={(e) => void change(a, { role: oneOf(ROLES, e.target.value, a.role) }, `${a.email} is now ${e.target.value}.`)}>
                      {ROLES.map((r) => <option key={r} value={r}>{r}</option>)}
                    </select>
                  </td>
                  <td>{[a.signIn.password && 'password', a.signIn.oidc && 'single sign-on'].filter(Boolean).join(', ') || '—'}</td>
                  <td>
                    <button type="button" className="link" onClick={() => void change(a, { disabled: !a.disabled }, `${a.email} ${a.disabled ? 'enabled' : 'disabled'}.`)}>{a.disabled ? 'Enable' : 'Disable'}</button>
                    {a.disabled && <span className="tag">disabled</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Status>
      <form className="inline" onSubmit={(e) => void create(e)}>
        <Field id="new-email" label="E-mail" error={write.error} path="email">
          {(p) => <input {...p} type="email" value={email} onChange={(e) => setEmail(e.target.value)} />}
        </Field>
        <Field id="new-role" label="Role" error={write.error} path="role">
          {(p) => <select {...p} value={role} onChange={(e) => setRole(oneOf(ROLES, e.target.value, 'viewer'))}>{ROLES.map((r) => <option key={r}>{r}</option>)}</select>}
        </Field>
        <Field id="new-password" label="Initial password (blank: single sign-on only)" error={write.error} path="password">
          {(p) => <input {...p} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
        </Field>
        <button type="submit" disabled={write.busy}>Add account</button>
      </form>
    </section>
  );
}
