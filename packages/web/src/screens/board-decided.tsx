import type { Decision, DecisionPage } from '@handoff/contract';
import { useApi } from '../api/use-api.js';
import { Empty, Status } from '../components/status.js';
import { DecisionFacts } from './board-decision-facts.js';
import { AppliedEffect } from './board-effect.js';
import { useScrollToHash } from './notification-links.js';

/** Who decided what and when, and what it changed (a decided decision, or the one just recorded). */
export function DecidedSummary({ decision: d }: { decision: Decision }) {
  return (
    <p className="decided-summary">
      Decided by <strong>{d.decidedBy?.name ?? 'someone no longer on record'}</strong>
      {d.decidedAt && <> on <time dateTime={d.decidedAt}>{d.decidedAt.slice(0, 10)}</time></>}: {d.outcome ?? 'no outcome recorded'}.{' '}
      <AppliedEffect effect={d.effect} decision={d} />
    </p>
  );
}

/** One decided decision as a card: its facts and the decision taken. */
function DecidedCard({ decision: d }: { decision: Decision }) {
  const headingId = `decided-${d.id}`;
  return (
    <article aria-labelledby={headingId} className="card decided">
      <h2 id={headingId}>{d.title}</h2>
      <DecisionFacts decision={d} />
      <DecidedSummary decision={d} />
    </article>
  );
}

/** The decisions the board has taken (GET /api/decisions?status=decided). */
export function DecidedList() {
  const loaded = useApi<DecisionPage>('/api/decisions?status=decided&limit=200');
  useScrollToHash(loaded.state === 'ready');
  return (
    <Status loaded={loaded} label="decided decisions">
      {(page) => page.items.length === 0
        ? <Empty><p>The board has not decided anything yet.</p></Empty>
        : <ul className="decisions">{page.items.map((d) => <li key={d.id}><DecidedCard decision={d} /></li>)}</ul>}
    </Status>
  );
}
