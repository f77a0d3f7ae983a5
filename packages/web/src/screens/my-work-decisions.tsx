import type { DecisionPage, Person, ProgramPage } from '@handoff/contract';
import { Link } from 'react-router';
import { useApi } from '../api/use-api.js';
import { Empty, Status } from '../components/status.js';
import { DecisionFacts } from './board-decision-facts.js';

/**
 * The pending decisions waiting for the person: every one for a board member; for another executive, those of the
 * programs they sponsor (who the API notifies of a request). Shown to board members and executives only.
 */
export function DecisionsForMe({ personId, executive }: { personId: string; executive: boolean }) {
  const person = useApi<Person>(`/api/people/${personId}`);
  const sponsored = useApi<ProgramPage>(`/api/programs?sponsor=${personId}&limit=200`);
  const pending = useApi<DecisionPage>('/api/decisions?status=pending&limit=200');
  const board = person.state === 'ready' && person.data.boardMember;
  if (!executive && !board) return null;
  const mine = sponsored.state === 'ready' ? new Set(sponsored.data.items.map((p) => p.id)) : new Set<string>();
  return (
    <section aria-labelledby="decisions-heading">
      <h2 id="decisions-heading">Decisions waiting for me</h2>
      <Status loaded={pending} label="decisions">
        {(page) => {
          const items = board ? page.items : page.items.filter((d) => mine.has(d.programId));
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
