import { NextResponse } from 'next/server';
import { parseCookies, SESSION_COOKIE } from '../../../../lib/auth/cookies';
import { hashPassword, verifyPassword } from '../../../../lib/auth/password';
import { principalFrom } from '../../../../lib/auth/principal-header';
import { parsePasswordChange } from '../../../../lib/auth/user-input';
import { getAppDb } from '../../../../lib/db/app-db';
import { setUserPassword } from '../../../../lib/db/mutations/users';
import { getUserById } from '../../../../lib/db/queries/users';
import { jsonBody, problem, refused } from '../../request';

export const dynamic = 'force-dynamic';

/**
 * Changes the signed-in user's own password: `{ currentPassword, newPassword }`. Their other sessions
 * end; this one stays. API and kiosk tokens have no password (403).
 */
export async function POST(request: Request) {
  const who = principalFrom(request.headers);
  if (who?.via !== 'session' || who.userId === null) return problem(403, 'only a signed-in user can change their password (API and kiosk tokens have none)');
  const parsed = await jsonBody(request);
  if (parsed instanceof NextResponse) return parsed;
  const input = parsePasswordChange(parsed.body, who.name);
  if (!input.ok) return refused(input.errors);
  const db = getAppDb();
  const user = getUserById(db, who.userId);
  if (!user) return problem(404, 'your user no longer exists');
  if (!(await verifyPassword(input.value.currentPassword, user.passwordHash))) {
    const wrong = 'currentPassword: that is not your current password';
    return problem(400, wrong, [wrong]);
  }
  const keep = parseCookies(request.headers.get('cookie') ?? undefined).get(SESSION_COOKIE);
  setUserPassword(db, user.id, await hashPassword(input.value.newPassword), keep);
  return NextResponse.json({ ok: true });
}
