import type { ActiveEscalationPage } from '@handoff/contract';
import { Link } from 'react-router';
import { useApi } from '../api/use-api.js';
import { Empty, Status } from '../components/status.js';
import { useSession } from '../session.js';
import { CalendarFeeds } from './my-work-calendar.js';
import { DecisionsForMe } from './my-work-decisions.js';
import { Inbox } from './my-work-inbox.js';
import { OwnedConstraints } from './my-work-owned.js';
import './my-work.css';

/**
 * What the signed-in person owns (most urgent first), what has escalated to them, the decisions waiting for them,
 * their inbox and their calendar feed. An account not linked to a person is told so.
 */
export function MyWork() {
  const session = useSession();
  if (!session.personId) {
    return (
      <>
        <h1>My work</h1>
        <Empty>
          <p>Your account ({session.email}) is not linked to a person in the portfolio, so nothing is assigned to you and there is no inbox or calendar feed to show.</p>
          <p>{session.canAdmin ? 'You can link it under Settings → Accounts.' : 'Ask an admin to link it to your person under Settings → Accounts.'}</p>
        </Empty>
      </>
    );
  }
  return (
    <>
      <h1>My work</h1>
      <div className="my-work">
        <OwnedConstraints personId={session.personId} />
        <Escalated personId={session.personId} />
        <DecisionsForMe personId={session.personId} executive={session.role === 'executive'} />
        <Inbox personId={session.personId} />
        <CalendarFeeds personId={session.personId} />
      </div>
    </>
  );
}

/** The constraints whose escalation has reached the person, each linked to the library (where it is acknowledged). */
function Escalated({ personId }: { personId: string }) {
  const escalated = useApi<ActiveEscalationPage>(`/api/escalations?person=${personId}&limit=200`);
  return (
    <section aria-labelledby="escalated-heading">
      <h2 id="escalated-heading">Escalated to me</h2>
      <Status loaded={escalated} label="escalations">
        {(page) => page.items.length === 0 ? <Empty><p>Nothing has escalated to you.</p></Empty> : (
          <ul className="plain work-list">
            {page.items.map((e) => (
              <li key={e.constraintId}>
                <Link to={`/constraints?selected=${encodeURIComponent(e.ref)}`}>{e.ref}</Link> {e.title}{' '}
                <span className="muted">— owner {e.owner.name}</span>
                <span className="tag">{e.state.levelName ?? 'escalating'}</span>
                {e.daysOverdue > 0 && <span className="tag bad">{e.daysOverdue} d overdue</span>}
                {e.state.acknowledgedAt
                  ? <span className="tag">acknowledged{e.state.acknowledgedBy ? ` by ${e.state.acknowledgedBy.name}` : ''}</span>
                  : <span className="tag">not acknowledged</span>}
              </li>
            ))}
          </ul>
        )}
      </Status>
    </section>
  );
}
