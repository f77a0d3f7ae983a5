import { createContext, useContext } from 'react';

/** Who is signed in, as /api/me says: the screens act as this person (acknowledging, deciding). */
export interface SessionInfo {
  readonly email: string;
  readonly personId: string | null;
  readonly personName: string | null;
}

export const SessionContext = createContext<SessionInfo | null>(null);

/** The signed-in person; screens are only shown once someone is. */
export function useSession(): SessionInfo {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in session');
  return session;
}
