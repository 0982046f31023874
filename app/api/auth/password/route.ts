import { NextResponse } from 'next/server';
import { parseCookies, SESSION_COOKIE } from '../../../../lib/auth/cookies';
import { hashPassword } from '../../../../lib/auth/password';
import { principalFrom } from '../../../../lib/auth/principal-header';
import { parsePasswordChange } from '../../../../lib/auth/user-input';
import { getAppDb } from '../../../../lib/db/app-db';
import { setUserPassword } from '../../../../lib/db/mutations/users';
import { getUserById } from '../../../../lib/db/queries/users';
import { limitedPasswordCheck, refusalMessage } from '../../../../lib/web/limited-password-check';
import { CLIENT_ADDRESS_HEADER } from '../../../../lib/web/request-facts';
import { jsonBody, problem, refused } from '../../request';

export const dynamic = 'force-dynamic';

/**
 * Changes the signed-in user's own password: `{ currentPassword, newPassword }`. Their other sessions
 * end; this one stays. API and kiosk tokens have no password (403). The current password is checked
 * behind the same limits as a sign-in (lib/auth/attempt-policy), so a borrowed session cannot guess it:
 * 429 with Retry-After past them.
 */
export async function POST(request: Request) {
  const who = principalFrom(request.headers);
  if (who?.via !== 'session' || who.userId === null)
    return problem(403, 'only a signed-in user can change their password (API and kiosk tokens have none)');
  const parsed = await jsonBody(request);
  if (parsed instanceof NextResponse) return parsed;
  const input = parsePasswordChange(parsed.body, who.name);
  if (!input.ok) return refused(input.error);
  const db = getAppDb();
  const user = getUserById(db, who.userId);
  if (!user) return problem(404, 'your user no longer exists');
  const clientAddress = request.headers.get(CLIENT_ADDRESS_HEADER) ?? '';
  const check = await limitedPasswordCheck(
    db,
    { kind: 'password', name: user.name, clientAddress },
    input.value.currentPassword,
    user.disabled ? null : user.passwordHash,
    Date.now,
  );
  if (check.outcome === 'refused') {
    const message = refusalMessage(check, 'password checks');
    return NextResponse.json(
      { ok: false, error: message, errors: [message] },
      { status: 429, headers: { 'Retry-After': String(check.retryAfterS) } },
    );
  }
  if (check.outcome === 'wrong') {
    const wrong = 'currentPassword: that is not your current password';
    return problem(400, wrong, [wrong]);
  }
  const keep = parseCookies(request.headers.get('cookie') ?? undefined).get(SESSION_COOKIE);
  setUserPassword(db, user.id, await hashPassword(input.value.newPassword), keep);
  return NextResponse.json({ ok: true });
}
