import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { ApiError } from '../api/client.ts';
import type { StaffUser } from '../api/contract.ts';
import { currentStaffUser, signOut as endSession } from '../api/staff-session.ts';

type SessionState =
  { status: 'loading' } | { status: 'signed-out' } | { status: 'signed-in'; user: StaffUser } | { status: 'failed' };

interface Session {
  state: SessionState;
  refresh: () => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

/** Who is signed in, from GET /api/v1/me (the session itself is an httpOnly cookie the UI never reads). */
export function StaffSessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const refresh = useCallback(async () => {
    try {
      setState({ status: 'signed-in', user: await currentStaffUser() });
    } catch (error) {
      setState(error instanceof ApiError && error.status === 401 ? { status: 'signed-out' } : { status: 'failed' });
    }
  }, []);

  const signOut = useCallback(async () => {
    // Signed out here even when the server is unreachable: the cookie then simply expires on its own.
    await endSession().catch(() => undefined);
    setState({ status: 'signed-out' });
  }, []);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- refresh() asks /api/v1/me; it sets state only when the answer arrives
    void refresh();
  }, [refresh]);

  return <SessionContext.Provider value={{ state, refresh, signOut }}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside StaffSessionProvider');
  return session;
}

/** The signed-in user; only used below the shell, which renders pages only when someone is signed in. */
export function useStaffUser(): StaffUser {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useStaffUser without a signed-in user');
  return state.user;
}
