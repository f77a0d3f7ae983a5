import type { Decision } from '@handoff/contract';
import { useEffect } from 'react';
import { Navigate, useParams } from 'react-router';
import { useApi } from '../api/use-api.js';
import { Status } from '../components/status.js';

/**
 * The links notifications carry (e-mail, chat, inbox: packages/server's `link` of each notification), each opening
 * the screen that shows what it is about.
 */

/** `/constraints/CLAIMS-12`: the library with that constraint selected. */
export function ConstraintLink() {
  const { ref = '' } = useParams();
  return <Navigate to={`/constraints?selected=${encodeURIComponent(ref)}`} replace />;
}

/** `/programs/CLAIMS/readiness` (a re-assessment is due): the program page at its readiness section. */
export function ReadinessLink() {
  const { key = '' } = useParams();
  return <Navigate to={`/programs/${encodeURIComponent(key)}#readiness-heading`} replace />;
}

/** `/decisions/{id}` (a board decision request): the board's pending or decided view, scrolled to that decision. */
export function DecisionLink() {
  const { id = '' } = useParams();
  const loaded = useApi<Decision>(`/api/decisions/${encodeURIComponent(id)}`);
  return (
    <Status loaded={loaded} label="the decision">
      {(d) => <Navigate to={d.status === 'pending' ? `/board#decision-${d.id}` : `/board?view=decided#decided-${d.id}`} replace />}
    </Status>
  );
}

/** Scrolls to the element the URL's fragment names once it is on the page (screens render after their data loads). */
export function useScrollToHash(ready: boolean): void {
  useEffect(() => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (!ready || id === '') return;
    const target = document.getElementById(id);
    if (!target) return;
    target.scrollIntoView({ block: 'start' });
    const focusable = target.closest('article, section') ?? target;
    if (focusable instanceof HTMLElement) {
      if (!focusable.hasAttribute('tabindex')) focusable.setAttribute('tabindex', '-1');
      focusable.focus({ preventScroll: true });
    }
  }, [ready]);
}
