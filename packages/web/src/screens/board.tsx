import type { Decision, DecisionPage } from '@handoff/contract';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useApi } from '../api/use-api.js';
import { Empty, Status } from '../components/status.js';
import { useSession } from '../session.js';
import { DecidedList, DecidedSummary } from './board-decided.js';
import { DecisionCard } from './board-decision-card.js';
import { BoardPack } from './board-pack.js';
import { RequestDecisionForm } from './board-request.js';
import './board.css';
import { useScrollToHash } from './notification-links.js';

/**
 * The board: pending decisions with their recommended action (overdue ones called out), recording a decision,
 * requesting one by hand, the decisions taken (`?view=decided`), and the board pack for a meeting date.
 */
export function Board() {
  const session = useSession();
  const [params] = useSearchParams();
  const decided = params.get('view') === 'decided';
  const [requesting, setRequesting] = useState(false);
  const [requested, setRequested] = useState<Decision | null>(null);
  // Executives and admins may ask the board (an owner who leads the program too, but only the server knows which).
  const mayRequest = session.role === 'executive' || session.canAdmin;
  return (
    <>
      <h1>Board</h1>
      <BoardPack />
      <nav className="board-views" aria-label="Decisions">
        <Link to="/board" aria-current={decided ? undefined : 'page'}>Pending</Link>
        <Link to="/board?view=decided" aria-current={decided ? 'page' : undefined}>Decided</Link>
      </nav>
      {decided ? <DecidedList /> : (
        <>
          {mayRequest && !requesting && (
            <p><button type="button" onClick={() => { setRequesting(true); setRequested(null); }}>Request a decision</button></p>
          )}
          {requesting && <RequestDecisionForm onCancel={() => setRequesting(false)} onRequested={(d) => { setRequesting(false); setRequested(d); }} />}
          {requested && <p className="ok-box" role="status">Requested “{requested.title}”: the board and the sponsor were notified; it is due {requested.dueDate}.</p>}
          <PendingList key={requested?.id ?? 'pending'} />
        </>
      )}
    </>
  );
}

/** The pending decisions, soonest due first (as the API orders them), with the one just recorded confirmed above. */
function PendingList() {
  const loaded = useApi<DecisionPage>('/api/decisions?status=pending&limit=200');
  useScrollToHash(loaded.state === 'ready');
  const [recorded, setRecorded] = useState<Decision | null>(null);
  const reload = loaded.state === 'ready' ? loaded.reload : () => {};
  return (
    <>
      {recorded && (
        <div className="ok-box" role="status">
          <p>Recorded “{recorded.title}”.</p>
          <DecidedSummary decision={recorded} />
        </div>
      )}
      <Status loaded={loaded} label="pending decisions">
        {(page) => {
          if (page.items.length === 0) return <Empty><p>No decision is waiting for the board.</p></Empty>;
          const overdue = page.items.filter((d) => d.overdue).length;
          return (
            <>
              {overdue > 0 && <p className="callout warn">{overdue === 1 ? '1 decision is' : `${overdue} decisions are`} past their due date.</p>}
              <ul className="decisions">
                {page.items.map((d) => <li key={d.id}><DecisionCard decision={d} reload={reload} onDecided={(taken) => { setRecorded(taken); reload(); }} /></li>)}
              </ul>
            </>
          );
        }}
      </Status>
    </>
  );
}
