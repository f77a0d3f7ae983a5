import type { ActiveEscalationPage, ConstraintPage, DecisionPage, InboxPage } from '@handoff/contract';
import { Link } from 'react-router';
import { useApi } from '../api/use-api.js';
import { Empty, Status } from '../components/status.js';
import { useSession } from '../session.js';

/** What the signed-in person owns, what has escalated to them, the decisions waiting for them, and their inbox. */
export function MyWork() {
  const session = useSession();
  if (!session.personId) {
    return (
      <>
        <h1>My work</h1>
        <Empty><p>Your account is not linked to a person in the portfolio, so nothing is assigned to you. An admin can link it in Settings.</p></Empty>
      </>
    );
  }
  return <Lists personId={session.personId} decides={session.canDecide} />;
}

function Lists({ personId, decides }: { personId: string; decides: boolean }) {
  const owned = useApi<ConstraintPage>(`/api/constraints?owner=${personId}&active=true&limit=200`);
  const escalated = useApi<ActiveEscalationPage>(`/api/escalations?person=${personId}&limit=200`);
  const decisions = useApi<DecisionPage>(decides ? '/api/decisions?status=pending&limit=200' : null);
  const inbox = useApi<InboxPage>(`/api/people/${personId}/inbox?limit=20`);
  return (
    <>
      <h1>My work</h1>
      <section aria-labelledby="owned-heading">
        <h2 id="owned-heading">Constraints I own</h2>
        <Status loaded={owned} label="your constraints">
          {(page) => page.items.length === 0 ? <Empty><p>You own no open constraint.</p></Empty> : (
            <ul className="plain">
              {page.items.map((c) => (
                <li key={c.id}><Link to={`/constraints?selected=${c.ref}`}>{c.ref}</Link> {c.title} — due {c.deadline}{c.overdue && <span className="tag bad">{c.daysOverdue} d overdue</span>}{c.stale && <span className="tag">stale</span>}</li>
              ))}
            </ul>
          )}
        </Status>
      </section>
      <section aria-labelledby="escalated-heading">
        <h2 id="escalated-heading">Escalated to me</h2>
        <Status loaded={escalated} label="escalations">
          {(page) => page.items.length === 0 ? <Empty><p>Nothing has escalated to you.</p></Empty> : (
            <ul className="plain">
              {page.items.map((e) => (
                <li key={e.constraintId}><Link to={`/constraints?selected=${e.ref}`}>{e.ref}</Link> {e.title} — {e.state.levelName ?? 'escalating'}, owner {e.owner.name}, {e.daysOverdue} days overdue{e.state.acknowledgedAt ? ' (acknowledged)' : ''}</li>
              ))}
            </ul>
          )}
        </Status>
      </section>
      {decides && (
        <section aria-labelledby="decisions-heading">
          <h2 id="decisions-heading">Decisions waiting for the board</h2>
          <Status loaded={decisions} label="decisions">
            {(page) => page.items.length === 0 ? <Empty><p>No decision is pending.</p></Empty> : (
              <p>{page.items.length} pending — <Link to="/board">go to the board</Link>.</p>
            )}
          </Status>
        </section>
      )}
      <section aria-labelledby="inbox-heading">
        <h2 id="inbox-heading">Inbox</h2>
        <Status loaded={inbox} label="your inbox">
          {(page) => page.items.length === 0 ? <Empty><p>Your inbox is empty.</p></Empty> : (
            <>
              <p className="muted">{page.unreadCount} unread</p>
              <ul className="plain">
                {page.items.map((i) => (
                  <li key={i.id} className={i.readAt ? undefined : 'unread'}>
                    {i.link ? <Link to={i.link}>{i.subject}</Link> : i.subject} <span className="muted">{i.createdAt.slice(0, 10)}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </Status>
      </section>
    </>
  );
}
