import type { ApiTokenPage, CreatedApiToken } from '@handoff/contract';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client.js';
import { useApi } from '../api/use-api.js';
import { Empty, Status } from '../components/status.js';
import { Field, Refusal, useWrite } from './settings-fields.js';

const SCOPES = ['read', 'write', 'readings'] as const satisfies readonly CreatedApiToken['scopes'][number][];

/** API tokens (admins only): create one (its secret shown once), see when each was last used, revoke. */
export function Tokens() {
  const loaded = useApi<ApiTokenPage>('/api/tokens?limit=200');
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>(['read']);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const write = useWrite();
  const reload = loaded.state === 'ready' ? loaded.reload : () => {};

  async function create(e: FormEvent) {
    e.preventDefault();
    setCreated(null);
    const ok = await write.run('', async () => setCreated(await api<CreatedApiToken>('/api/tokens', { method: 'POST', body: { name, scopes } })));
    if (ok) setName('');
    reload();
  }

  async function revoke(id: string) {
    await write.run('', () => api(`/api/tokens/${id}/revoke`, { method: 'POST' }));
    reload();
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
      <Refusal error={write.error} what="this token" paths={['name', 'scopes']} />
      <Status loaded={loaded} label="API tokens">
        {(page) => page.items.length === 0 ? <Empty><p>No API token yet.</p></Empty> : (
          <table className="grid">
            <caption className="visually-hidden">API tokens</caption>
            <thead><tr><th scope="col">Name</th><th scope="col">Prefix</th><th scope="col">Scopes</th><th scope="col">Created by</th><th scope="col">Last used</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr></thead>
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
        <Field id="token-name" label="Name" error={write.error} path="name">
          {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <fieldset className="scopes"><legend>Scopes</legend>
          {SCOPES.map((s) => (
            <label key={s}><input type="checkbox" checked={scopes.includes(s)} onChange={(e) => setScopes((cur) => e.target.checked ? [...cur, s] : cur.filter((x) => x !== s))} /> {s}</label>
          ))}
        </fieldset>
        <button type="submit" disabled={write.busy}>Create token</button>
      </form>
    </section>
  );
}
