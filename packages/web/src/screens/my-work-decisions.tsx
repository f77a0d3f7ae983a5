import type { DecisionPage, Person } from '@handoff/contract';
import { Link } from 'react-router';
import { useApi } from '../api/use-api.js';
import { Empty, Status } from '../components/status.js';
import { DecisionFacts } from './board-decision-facts.js';

/**
 * The pending decisions waiting for the person, as the API answers `waitingFor` (every one for a board member,
 * those of the programs they sponsor otherwise). Shown only when there are some, or to board members and executives.
 */
export function DecisionsForMe({ personId, executive }: { personId: string; executive: boolean }) {
  const person = useApi<Person>(`/api/people/${personId}`);
  const pending = useApi<DecisionPage>(`/api/decisions?waitingFor=${encodeURIComponent(personId)}&limit=200`);
  const board = person.state === 'ready' && person.data.boardMember;
  const some = pending.state === 'ready' && pending.data.items.length > 0;
  if (!executive && !board && !some) return null;
  return (
    <section aria-labelledby="decisions-heading">
      <h2 id="decisions-heading">Decisions waiting for me</h2>
      <Status loaded={pending} label="decisions">
        {(page) => {
          const items = page.items;
          if (items.length === 0) return <Empty><p>No decision is waiting for you.</p></Empty>;
          return (
            <>
              <p>{items.length} pending{board ? ' for the board' : ' in the programs you sponsor'} — <Link to="/board">record them on the board</Link>.</p>
              <ul className="plain work-list">
                {items.map((d) => <li key={d.id}><strong>{d.title}</strong><DecisionFacts decision={d} /></li>)}
              </ul>
            </>
          );
        }}
      </Status>
    </section>
  );
}
