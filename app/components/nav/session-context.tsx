'use client';
/**
 * Who is signed in, for client components (the nav's user menu, which links to show). Provided once by
 * the root layout from the principal the server's gate attached to the request.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { can, type Action } from '../../../lib/auth/roles';

export interface SessionView {
  name: string;
  role: 'admin' | 'operator' | 'viewer' | 'kiosk';
  via: 'session' | 'api' | 'kiosk';
}

const SessionContext = createContext<SessionView | null>(null);

export function SessionProvider({ session, children }: { session: SessionView | null; children: ReactNode }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

/** The signed-in person, or null on public pages. */
export function useSession(): SessionView | null {
  return useContext(SessionContext);
}

/**
 * Whether the signed-in principal's role allows `action` (the server checks every request, and the site
 * too; this only keeps controls that would answer 403 off the screen).
 */
export function useCan(action: Action): boolean {
  const session = useSession();
  return session !== null && can({ role: session.role, siteIds: null }, action);
}
