import { createContext, useContext } from 'react';

/** Who is signed in, as /api/me says: the screens act as this person (acknowledging, deciding). */
export interface SessionInfo {
  readonly email: string;
  readonly personId: string | null;
  readonly personName: string | null;
  /** The account's role (admin, executive, owner, contributor, viewer): which actions the screens offer. */
  readonly role: string;
  /** What the server says this account may do at workspace level (GET /api/me): screens offer only these actions. */
  readonly canDecide: boolean;
  readonly canAdmin: boolean;
}

export const SessionContext = createContext<SessionInfo | null>(null);

/** The signed-in person; screens are only shown once someone is. */
export function useSession(): SessionInfo {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in session');
  return session;
}
