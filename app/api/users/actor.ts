/** Who is changing users: the caller's user id (null for an API token) and the session cookie they came with. */
import { parseCookies, SESSION_COOKIE } from '../../../lib/auth/cookies';
import { principalFrom } from '../../../lib/auth/principal-header';
import type { Actor } from '../../../lib/db/mutations/manage-users';

export function actorOf(request: Request): Actor {
  const who = principalFrom(request.headers);
  const sessionToken = who?.via === 'session' ? parseCookies(request.headers.get('cookie') ?? undefined).get(SESSION_COOKIE) : undefined;
  return { userId: who?.userId ?? null, sessionToken };
}
