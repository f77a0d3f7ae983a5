import type { Me } from '@handoff/contract';
import { useCallback, useEffect, useState } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { ApiError, api, setCsrfToken, whenSignedOut } from './api/client.js';
import { Layout } from './components/layout.js';
import { Portfolio } from './screens/portfolio.js';
import { Board } from './screens/board.js';
import { Constraints } from './screens/constraints.js';
import { MyWork } from './screens/my-work.js';
import { Program } from './screens/program.js';
import { ProgramCreate } from './screens/program-create.js';
import { Review } from './screens/review.js';
import { Settings } from './screens/settings.js';
import { SignIn } from './screens/sign-in.js';
import { ConstraintLink, DecisionLink, ReadinessLink } from './screens/notification-links.js';
import { SessionContext, type SessionInfo } from './session.js';


type Session = { state: 'checking' } | { state: 'signed-out' } | { state: 'signed-in'; info: SessionInfo };

/** The app: asks the server who is signed in, shows the sign-in page until someone is, then the screens. */
export function App() {
  const [session, setSession] = useState<Session>({ state: 'checking' });
  const refresh = useCallback(async () => {
    try {
      const me = await api<Me>('/api/me');
      setCsrfToken(me.csrfToken);
      const account = me.account;
      if (!account) { setSession({ state: 'signed-out' }); return; }
      setSession({ state: 'signed-in', info: {
        email: account.email, personId: account.person?.id ?? null, personName: account.person?.name ?? null,
        role: account.role, canDecide: me.canDecide, canAdmin: me.canAdmin,
      } });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) setSession({ state: 'signed-out' });
      else throw error;
    }
  }, []);
  useEffect(() => {
    whenSignedOut(() => setSession({ state: 'signed-out' }));
    void refresh();
  }, [refresh]);

  async function signOut() {
    await api('/api/auth/sign-out', { method: 'POST' }).catch(() => undefined);
    setCsrfToken(null);
    setSession({ state: 'signed-out' });
  }

  if (session.state === 'checking') return <p className="muted" role="status">Loading…</p>;
  if (session.state === 'signed-out') return <SignIn onSignedIn={(csrf) => { setCsrfToken(csrf); void refresh(); }} />;
  return (
    <SessionContext.Provider value={session.info}>
    <BrowserRouter>
      <Layout who={session.info.personName ?? session.info.email} onSignOut={() => void signOut()}>
        <Routes>
          <Route path="/" element={<Portfolio />} />
          <Route path="/programs/new" element={<ProgramCreate />} />
          <Route path="/programs/:key" element={<Program />} />
          <Route path="/programs/:key/review" element={<Review />} />
          <Route path="/constraints" element={<Constraints />} />
          <Route path="/board" element={<Board />} />
          <Route path="/my-work" element={<MyWork />} />
          <Route path="/settings/*" element={<Settings />} />
          <Route path="/constraints/:ref" element={<ConstraintLink />} />
          <Route path="/decisions/:id" element={<DecisionLink />} />
          <Route path="/programs/:key/readiness" element={<ReadinessLink />} />
          <Route path="/sign-in" element={<Navigate to="/" replace />} />
          <Route path="*" element={<p>There is no page here. <a href="/">Back to the portfolio</a>.</p>} />
        </Routes>
      </Layout>
    </BrowserRouter>
    </SessionContext.Provider>
  );
}
