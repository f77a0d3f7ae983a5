import type { CalendarFeed, CalendarFeedPage, CreatedCalendarFeed } from '@handoff/contract';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client.js';
import { useApi } from '../api/use-api.js';
import { Status } from '../components/status.js';
import { Done, Field, Refusal, useWrite } from './settings-fields.js';

/** The secret URL of a feed just created: shown this once, with a copy button. */
function NewFeedUrl({ feed }: { feed: CreatedCalendarFeed }) {
  const [copied, setCopied] = useState<string | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(feed.url);
      setCopied('Copied.');
    } catch {
      setCopied('The browser would not copy it: select the URL and copy it by hand.');
    }
  }
  return (
    <div className="callout new-feed">
      <p><strong>Subscribe to this URL in your calendar now: it is shown only this once.</strong> Anyone with it can read the feed; revoke the feed if it leaks.</p>
      <label htmlFor="feed-url">Calendar feed URL</label>
      <input id="feed-url" className="secret" readOnly value={feed.url} onFocus={(e) => e.target.select()} />
      <p className="actions"><button type="button" onClick={() => void copy()}>Copy the URL</button>{copied && <span role="status">{copied}</span>}</p>
    </div>
  );
}

/**
 * The person's calendar feeds (an iCalendar URL of their deadlines and the decisions due to them): create one,
 * whose secret URL is shown once, and revoke one, after which its URL is refused.
 */
export function CalendarFeeds({ personId }: { personId: string }) {
  const feeds = useApi<CalendarFeedPage>(`/api/people/${personId}/calendar-feeds?limit=100`);
  const write = useWrite();
  const [label, setLabel] = useState('');
  const [created, setCreated] = useState<CreatedCalendarFeed | null>(null);
  const reload = feeds.state === 'ready' ? feeds.reload : () => {};

  async function create(e: FormEvent) {
    e.preventDefault();
    setCreated(null);
    const ok = await write.run('Feed created.', async () => {
      setCreated(await api<CreatedCalendarFeed>(`/api/people/${personId}/calendar-feeds`, { method: 'POST', body: label.trim() ? { label: label.trim() } : {} }));
    });
    if (ok) { setLabel(''); reload(); }
  }

  async function revoke(feed: CalendarFeed) {
    if (await write.run(`Revoked ${feed.label ?? 'the feed'}: its URL is refused from now on.`, () => api(`/api/calendar-feeds/${feed.id}/revoke`, { method: 'POST', body: {} }))) {
      if (created?.id === feed.id) setCreated(null);
      reload();
    }
  }

  return (
    <section aria-labelledby="calendar-heading">
      <h2 id="calendar-heading">My calendar feed</h2>
      <p className="muted">Your deadlines and the decisions due to you, in Outlook, Google Calendar or Apple Calendar.</p>
      <Done message={write.done} />
      <Refusal error={write.error} what="the feed" paths={['label']} />
      {created && <NewFeedUrl feed={created} />}
      <form className="inline" onSubmit={(e) => void create(e)} noValidate>
        <Field id="feed-label" label="Where you will use it (optional)" error={write.error} path="label">
          {(control) => <input {...control} value={label} onChange={(e) => setLabel(e.target.value)} placeholder="e.g. work Outlook" />}
        </Field>
        <button type="submit" disabled={write.busy}>Create a calendar feed</button>
      </form>
      <Status loaded={feeds} label="your calendar feeds">
        {(page) => page.items.length === 0 ? <p className="muted">You have no calendar feed yet.</p> : (
          <ul className="plain feeds">
            {page.items.map((f) => (
              <li key={f.id}>
                <span>
                  {f.label ?? 'Unlabelled feed'} <span className="muted">created {f.createdAt.slice(0, 10)}
                  {f.lastUsedAt ? `, last fetched ${f.lastUsedAt.slice(0, 10)}` : ', never fetched'}</span>
                  {f.revokedAt && <span className="tag">revoked {f.revokedAt.slice(0, 10)}</span>}
                </span>
                {!f.revokedAt && (
                  <button type="button" className="link" onClick={() => void revoke(f)} disabled={write.busy} aria-label={`Revoke ${f.label ?? 'the unlabelled feed'} created ${f.createdAt.slice(0, 10)}`}>Revoke</button>
                )}
              </li>
            ))}
          </ul>
        )}
      </Status>
    </section>
  );
}
