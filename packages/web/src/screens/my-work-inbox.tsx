import type { InboxItem, InboxPage, InboxReadAll } from '@handoff/contract';
import { Link } from 'react-router';
import { api } from '../api/client.js';
import { useApi } from '../api/use-api.js';
import { Empty, Status } from '../components/status.js';
import { Done, Refusal, useWrite } from './settings-fields.js';

/** The person's in-app notifications, newest first, each marked read on its own or all at once. */
export function Inbox({ personId }: { personId: string }) {
  const inbox = useApi<InboxPage>(`/api/people/${personId}/inbox?limit=50`);
  const write = useWrite();
  const reload = inbox.state === 'ready' ? inbox.reload : () => {};

  async function markRead(item: InboxItem) {
    if (await write.run(`Marked “${item.subject}” read.`, () => api<InboxItem>(`/api/people/${personId}/inbox/${item.id}/read`, { method: 'POST', body: {} }))) reload();
  }

  async function markAll() {
    if (await write.run('Every item of your inbox is marked read.', () => api<InboxReadAll>(`/api/people/${personId}/inbox/read-all`, { method: 'POST', body: {} }))) reload();
  }

  return (
    <section aria-labelledby="inbox-heading">
      <h2 id="inbox-heading">Inbox</h2>
      <Done message={write.done} />
      <Refusal error={write.error} what="your inbox" onReload={reload} />
      <Status loaded={inbox} label="your inbox">
        {(page) => page.items.length === 0 ? <Empty><p>Your inbox is empty.</p></Empty> : (
          <>
            <div className="toolbar inbox-bar">
              <p className="muted">{page.unreadCount} unread</p>
              {page.unreadCount > 0 && <button type="button" onClick={() => void markAll()} disabled={write.busy}>Mark all read</button>}
            </div>
            <ul className="plain inbox">
              {page.items.map((i) => (
                <li key={i.id} className={i.readAt ? undefined : 'unread'}>
                  <span className="inbox-subject">
                    {i.readAt ? null : <span className="visually-hidden">Unread: </span>}
                    {i.link ? <Link to={i.link}>{i.subject}</Link> : i.subject} <span className="muted">{i.createdAt.slice(0, 10)}</span>
                  </span>
                  {!i.readAt && (
                    <button type="button" className="link" onClick={() => void markRead(i)} disabled={write.busy} aria-label={`Mark read: ${i.subject}`}>Mark read</button>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </Status>
    </section>
  );
}
