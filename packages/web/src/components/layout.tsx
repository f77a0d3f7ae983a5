import type { ReactNode } from 'react';
import { NavLink } from 'react-router';

/** The page frame: a skip link, the main navigation, and the screen. */
export function Layout({ who, onSignOut, children }: { who: string; onSignOut: () => void; children: ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="top">
        <span className="brand">Handoff</span>
        <nav aria-label="Main">
          <NavLink to="/" end>Portfolio</NavLink>
          <NavLink to="/constraints">Constraints</NavLink>
          <NavLink to="/board">Board</NavLink>
          <NavLink to="/my-work">My work</NavLink>
          <NavLink to="/settings">Settings</NavLink>
        </nav>
        <span className="who">{who}</span>
        <button type="button" className="link" onClick={onSignOut}>Sign out</button>
      </header>
      <main id="main" tabIndex={-1}>{children}</main>
    </>
  );
}
