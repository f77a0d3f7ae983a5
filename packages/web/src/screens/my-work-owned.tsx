import type { Constraint, ConstraintPage } from '@handoff/contract';
import { Link } from 'react-router';
import { useApi } from '../api/use-api.js';
import { Empty, Status } from '../components/status.js';

/** Most urgent first: overdue ones by days overdue (most first), then by deadline (soonest first). */
function byUrgency(a: Constraint, b: Constraint): number {
  if (a.daysOverdue !== b.daysOverdue) return b.daysOverdue - a.daysOverdue;
  return a.deadline.localeCompare(b.deadline);
}

/** Where a constraint's escalation stands, as the API reports it. */
function EscalationTag({ c }: { c: Constraint }) {
  const e = c.escalation;
  if (!e) return null;
  if (e.pausedAt) return <span className="tag">escalation paused</span>;
  if (e.levelName) return <span className="tag">escalated: {e.levelName}{e.acknowledgedAt ? ', acknowledged' : ''}</span>;
  return null;
}

/** The open constraints the person owns, most urgent first, each linked to the library with its escalation level. */
export function OwnedConstraints({ personId }: { personId: string }) {
  const owned = useApi<ConstraintPage>(`/api/constraints?owner=${personId}&active=true&limit=200`);
  return (
    <section aria-labelledby="owned-heading">
      <h2 id="owned-heading">Constraints I own</h2>
      <Status loaded={owned} label="your constraints">
        {(page) => page.items.length === 0 ? <Empty><p>You own no open constraint.</p></Empty> : (
          <ul className="plain work-list">
            {[...page.items].sort(byUrgency).map((c) => (
              <li key={c.id}>
                <Link to={`/constraints?selected=${encodeURIComponent(c.ref)}`}>{c.ref}</Link> {c.title}{' '}
                <span className="muted">— due {c.deadline}</span>
                {c.overdue && <span className="tag bad">{c.daysOverdue} d overdue</span>}
                <EscalationTag c={c} />
                {c.stale && <span className="tag">stale</span>}
              </li>
            ))}
          </ul>
        )}
      </Status>
    </section>
  );
}
