import type { Constraint } from '@handoff/contract';
import { useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { Link } from 'react-router';
import { words } from './constraint-options.js';

/**
 * One page of the library as a table. Rows are selectable from the keyboard as well as by their ref link: one row
 * is in the tab order (roving), ↑/↓ (or j/k), Home and End move between rows, Enter or Space opens the focused one.
 * `linkTo(ref)` is the URL that selects a constraint; `onSelect(ref)` selects it.
 */
export function ConstraintTable({ items, selected, linkTo, onSelect }: {
  items: readonly Constraint[]; selected: string | null; linkTo: (ref: string) => string; onSelect: (ref: string) => void;
}) {
  const selectedIndex = items.findIndex((c) => c.ref === selected || c.id === selected);
  const [focused, setFocused] = useState<number | null>(null);
  const current = focused !== null && focused < items.length ? focused : Math.max(selectedIndex, 0);
  const body = useRef<HTMLTableSectionElement>(null);

  const focusRow = (index: number) => {
    const next = Math.min(Math.max(index, 0), items.length - 1);
    setFocused(next);
    body.current?.querySelectorAll<HTMLTableRowElement>('tr')[next]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTableRowElement>, index: number, ref: string) => {
    const moves: Record<string, number> = { ArrowDown: index + 1, j: index + 1, ArrowUp: index - 1, k: index - 1, Home: 0, End: items.length - 1 };
    const to = moves[e.key];
    if (to !== undefined) { e.preventDefault(); focusRow(to); return; }
    if ((e.key === 'Enter' || e.key === ' ') && e.target === e.currentTarget) { e.preventDefault(); onSelect(ref); }
  };
  const onClick = (e: MouseEvent<HTMLTableRowElement>, index: number, ref: string) => {
    setFocused(index);
    if (!(e.target instanceof Element && e.target.closest('a, button'))) onSelect(ref);
  };

  return (
    <>
      <p id="rows-hint" className="muted hint">Rows: ↑ ↓ to move, Enter to open, Escape to close the detail.</p>
      <table className="grid constraint-table" aria-describedby="rows-hint">
        <caption className="visually-hidden">Constraints</caption>
        <thead><tr><th scope="col">Ref</th><th scope="col">Title</th><th scope="col">Owner</th><th scope="col">Deadline</th><th scope="col">Status</th><th scope="col">Escalation</th></tr></thead>
        <tbody ref={body}>
          {items.map((c, i) => (
            <tr key={c.id} data-ref={c.ref} aria-selected={i === selectedIndex} tabIndex={i === current ? 0 : -1}
              onKeyDown={(e) => onKeyDown(e, i, c.ref)} onClick={(e) => onClick(e, i, c.ref)} onFocus={() => setFocused(i)}>
              <th scope="row"><Link to={linkTo(c.ref)}>{c.ref}</Link></th>
              <td>{c.title}{c.stale && <span className="tag">stale</span>}</td>
              <td>{c.owner.name}</td>
              <td>{c.deadline}{c.overdue && <span className="tag bad">{c.daysOverdue} d overdue</span>}</td>
              <td>{words(c.status)}</td>
              <td>{c.escalation?.levelName ?? '—'}{c.escalation?.pausedAt ? ' (paused)' : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
