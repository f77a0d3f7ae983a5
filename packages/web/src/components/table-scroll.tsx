import type { ReactNode } from 'react';
import './table-scroll.css';

/**
 * A wide table's own horizontal scroll area: the page never scrolls sideways at tablet width, the table may.
 * Focusable and named, so a keyboard can scroll it and a screen reader announces what it holds.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>{children}</div>;
}
