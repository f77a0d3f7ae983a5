import type { ReactNode } from 'react';
import { NavLink, Navigate, Route, Routes } from 'react-router';
import { Empty } from '../components/status.js';
import { useSession } from '../session.js';
import { Accounts } from './settings-accounts.js';
import { Channels } from './settings-channels.js';
import { CriteriaLibrary } from './settings-criteria.js';
import { People } from './settings-people.js';
import { Policy } from './settings-policy.js';
import { Tokens } from './settings-tokens.js';
import './settings.css';

interface Section {
  readonly path: string;
  readonly title: string;
  /** The API lets only admins read it (docs/SECURITY.md), so others are not offered the section. */
  readonly adminOnly: boolean;
  readonly element: ReactNode;
}

const SECTIONS: readonly Section[] = [
  { path: 'policy', title: 'Escalation policy', adminOnly: false, element: <Policy /> },
  { path: 'criteria', title: 'Criteria library', adminOnly: false, element: <CriteriaLibrary /> },
  { path: 'people', title: 'People', adminOnly: false, element: <People /> },
  { path: 'channels', title: 'Notification channels', adminOnly: true, element: <Channels /> },
  { path: 'accounts', title: 'Accounts', adminOnly: true, element: <Accounts /> },
  { path: 'tokens', title: 'API tokens', adminOnly: true, element: <Tokens /> },
];

/**
 * Workspace settings, one section per deep link (`/settings/policy` …; `/settings` opens the first). Everyone
 * may read the policy, the criteria and the people; only admins see edit controls and the admin-only sections.
 */
export function Settings() {
  const { canAdmin } = useSession();
  const visible = SECTIONS.filter((s) => canAdmin || !s.adminOnly);
  return (
    <>
      <h1>Settings</h1>
      {!canAdmin && <p className="callout">You can read these settings; only an admin can change them.</p>}
      <div className="settings">
        <nav aria-label="Settings sections" className="settings-nav">
          <ul>{visible.map((s) => <li key={s.path}><NavLink to={`/settings/${s.path}`}>{s.title}</NavLink></li>)}</ul>
        </nav>
        <div className="settings-body">
          <Routes>
            <Route index element={<Navigate to={`/settings/${SECTIONS[0]?.path ?? ''}`} replace />} />
            {SECTIONS.map((s) => (
              <Route key={s.path} path={s.path} element={canAdmin || !s.adminOnly ? s.element : <AdminOnly title={s.title} />} />
            ))}
            <Route path="*" element={<Empty><p>There is no such settings section. Pick one from the list.</p></Empty>} />
          </Routes>
        </div>
      </div>
    </>
  );
}

function AdminOnly({ title }: { title: string }) {
  return (
    <section aria-labelledby="admin-only-heading">
      <h2 id="admin-only-heading">{title}</h2>
      <Empty><p>Only an admin can see {title.toLowerCase()}.</p></Empty>
    </section>
  );
}
