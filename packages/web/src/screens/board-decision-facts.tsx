import type { Decision } from '@handoff/contract';
import { Link } from 'react-router';

/** A decision's program and constraint (linked), due date (called out when past) and where it came from. */
export function DecisionFacts({ decision: d }: { decision: Decision }) {
  return (
    <p className="decision-facts muted">
      <Link to={`/programs/${encodeURIComponent(d.programKey)}`}>{d.programKey}</Link>
      {d.constraintRef && <> · <Link to={`/constraints?selected=${encodeURIComponent(d.constraintRef)}`}>{d.constraintRef}</Link></>}
      {' · '}due {d.dueDate}
      {d.overdue && <span className="tag bad">{d.daysOverdue} {d.daysOverdue === 1 ? 'day' : 'days'} overdue</span>}
      {' · '}{d.source === 'escalation' ? 'raised by escalation' : 'requested by hand'}
    </p>
  );
}
