import { NextResponse } from 'next/server';
import { getAppDb } from '../../../../lib/db/app-db';
import { deletePushSubscription, upsertPushSubscription } from '../../../../lib/db/mutations/push-subscriptions';
import { listUserPushSubscriptions } from '../../../../lib/db/queries/push-subscriptions';
import { pushEndpointHostProblem } from '../../../../lib/notify/webpush/endpoint-check';
import { parseEndpointBody, parseSubscription } from '../../../../lib/notify/webpush/subscription-input';
import { jsonBody, problem } from '../../request';
import { pushUserId } from '../push-user';

export const dynamic = 'force-dynamic';

const MAX_USER_AGENT_CHARS = 200;

/** The caller's own subscriptions (keys left out). */
export function GET(request: Request) {
  const userId = pushUserId(request);
  if (userId instanceof NextResponse) return userId;
  return NextResponse.json({ subscriptions: listUserPushSubscriptions(getAppDb(), userId) });
}

/**
 * Saves this browser's subscription (PushSubscription.toJSON()) for the caller, replacing one with the same
 * endpoint. The endpoint must be https and resolve to public addresses only (checked again at every send).
 */
export async function POST(request: Request) {
  const userId = pushUserId(request);
  if (userId instanceof NextResponse) return userId;
  const parsed = await jsonBody(request);
  if (parsed instanceof NextResponse) return parsed;
  const sub = parseSubscription(parsed.body);
  if (!sub.ok) return problem(400, 'invalid push subscription', sub.error);
  const hostProblem = await pushEndpointHostProblem(sub.value.endpoint);
  if (hostProblem) return problem(400, 'invalid push subscription', [hostProblem]);
  const userAgent = request.headers.get('user-agent')?.slice(0, MAX_USER_AGENT_CHARS) ?? null;
  upsertPushSubscription(getAppDb(), userId, sub.value, userAgent, Date.now());
  return NextResponse.json({ ok: true, endpoint: sub.value.endpoint }, { status: 201 });
}

/** Removes the caller's subscription of `{ endpoint }`. */
export async function DELETE(request: Request) {
  const userId = pushUserId(request);
  if (userId instanceof NextResponse) return userId;
  const parsed = await jsonBody(request);
  if (parsed instanceof NextResponse) return parsed;
  const body = parseEndpointBody(parsed.body);
  if (!body.ok) return problem(400, 'invalid unsubscribe', body.error);
  if (!deletePushSubscription(getAppDb(), userId, body.value)) return problem(404, 'you have no push subscription at that endpoint');
  return NextResponse.json({ ok: true });
}
