import type { NotificationChannel, NotificationChannelPage, ProgramPage } from '@handoff/contract';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client.js';
import { useApi } from '../api/use-api.js';
import { Empty, Status } from '../components/status.js';
import { Done, Field, Refusal, useWrite } from './settings-fields.js';
import { WEBHOOK_KINDS, oneOf } from './settings-vocabulary.js';

const KIND_LABELS: Record<NotificationChannel['kind'], string> = { slack: 'Slack', teams: 'Microsoft Teams' };

/**
 * Slack and Teams webhooks (admins only): every notification event of the workspace, or of one program, is
 * posted there. The API shows a URL only masked and offers no delete: a channel is disabled instead.
 */
export function Channels() {
  const loaded = useApi<NotificationChannelPage>('/api/notification-channels?limit=200');
  const write = useWrite();
  const reload = loaded.state === 'ready' ? loaded.reload : () => {};

  async function toggle(c: NotificationChannel) {
    await write.run(`${c.name} ${c.enabled ? 'disabled' : 'enabled'}.`, () =>
      api(`/api/notification-channels/${c.id}`, { method: 'PATCH', body: { enabled: !c.enabled }, headers: { 'if-match': `"${c.version}"` } }));
    reload();
  }

  return (
    <section aria-labelledby="channels-heading">
      <h2 id="channels-heading">Notification channels</h2>
      <p className="muted">Webhooks are secrets: they are shown only masked. A channel cannot be deleted; disable it to stop posting there.</p>
      <Refusal error={write.error} what="this channel" onReload={() => { write.clear(); reload(); }} />
      <Done message={write.done} />
      <Status loaded={loaded} label="the channels">
        {(page) => page.items.length === 0 ? <Empty><p>No channel yet: notifications go by e-mail and to the in-app inbox only.</p></Empty> : (
          <table className="grid">
            <caption className="visually-hidden">Notification channels</caption>
            <thead><tr><th scope="col">Name</th><th scope="col">Kind</th><th scope="col">Events of</th><th scope="col">Webhook</th><th scope="col">Status</th></tr></thead>
            <tbody>
              {page.items.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.name}</th>
                  <td>{KIND_LABELS[c.kind]}</td>
                  <td>{c.program ? c.program.key : 'the whole workspace'}</td>
                  <td className="wrap"><code>{c.webhookUrlMasked}</code></td>
                  <td>
                    {c.enabled ? 'enabled' : <span className="tag">disabled</span>}{' '}
                    <button type="button" className="link" onClick={() => void toggle(c)}>{c.enabled ? 'Disable' : 'Enable'}<span className="visually-hidden"> {c.name}</span></button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Status>
      <AddChannel onAdded={reload} />
    </section>
  );
}

function AddChannel({ onAdded }: { onAdded: () => void }) {
  const programs = useApi<ProgramPage>('/api/programs?limit=200');
  const [kind, setKind] = useState<NotificationChannel['kind']>('slack');
  const [name, setName] = useState('');
  const [webhookUrl, setWebhookUrl] = useState('');
  const [programId, setProgramId] = useState('');
  const write = useWrite();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const ok = await write.run(`Channel ${name.trim()} added.`, () =>
      api<NotificationChannel>('/api/notification-channels', { method: 'POST', body: { kind, name, webhookUrl, programId: programId || null } }));
    // The URL is a secret: once stored it is not kept in the page.
    if (ok) { setName(''); setWebhookUrl(''); onAdded(); }
  }

  return (
    <form className="card stacked" aria-labelledby="add-channel-heading" onSubmit={(e) => void submit(e)} noValidate>
      <h3 id="add-channel-heading">Add a channel</h3>
      <Refusal error={write.error} what="the channels" paths={['kind', 'name', 'webhookUrl', 'programId']} />
      <Done message={write.done} />
      <Field id="channel-kind" label="Kind" error={write.error} path="kind">
        {(p) => <select {...p} value={kind} onChange={(e) => setKind(oneOf(WEBHOOK_KINDS, e.target.value, 'slack'))}>{WEBHOOK_KINDS.map((k) => <option key={k} value={k}>{KIND_LABELS[k]}</option>)}</select>}
      </Field>
      <Field id="channel-name" label="Channel name" error={write.error} path="name" hint="e.g. #ai-programs">
        {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field id="channel-url" label="Webhook URL" error={write.error} path="webhookUrl" hint="Slack: an incoming webhook; Teams: a Workflows webhook.">
        {(p) => <input {...p} type="url" autoComplete="off" spellCheck={false} value={webhookUrl} onChange={(e) => setWebhookUrl(e.target.value)} />}
      </Field>
      <Field id="channel-program" label="Events of" error={write.error} path="programId">
        {(p) => (
          <select {...p} value={programId} onChange={(e) => setProgramId(e.target.value)}>
            <option value="">The whole workspace</option>
            {programs.state === 'ready' && programs.data.items.map((pr) => <option key={pr.id} value={pr.id}>{pr.key} — {pr.name}</option>)}
          </select>
        )}
      </Field>
      <button type="submit" disabled={write.busy}>Add channel</button>
    </form>
  );
}
