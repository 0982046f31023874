/** Push subscriptions belong to a person: the signed-in user of a session, never an API or kiosk token. */
import type { NextResponse } from 'next/server';
import { principalFrom } from '../../../lib/auth/principal-header';
import { problem } from '../request';

/** The caller's user id, or the 403 reply. */
export function pushUserId(request: Request): number | NextResponse {
  const who = principalFrom(request.headers);
  if (who === null || who.userId === null || who.userId === undefined) return problem(403, 'push subscriptions belong to a signed-in user');
  return who.userId;
}
