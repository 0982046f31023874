'use client';
/** "alice · operator [Sign out]" at the end of the nav, the name linking to /account; signing out is a plain form post (works without JS). */
import { useSession } from './session-context';

export function UserMenu() {
  const session = useSession();
  if (!session) return null;
  return (
    <div className="user-menu" data-testid="user-menu">
      <a
        className="user-menu-name"
        href="/account"
        title={`Signed in as ${session.name} (${session.role}): your account`}
        data-testid="account-link"
      >
        {session.name} <span className="user-menu-role">· {session.role}</span>
      </a>
      {session.via === 'session' ? (
        <form method="post" action="/api/auth/logout">
          <button type="submit" className="user-menu-signout" data-testid="sign-out">
            Sign out
          </button>
        </form>
      ) : null}
    </div>
  );
}
