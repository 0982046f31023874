import { NextResponse } from 'next/server';
import { parseNotifyPolicy } from '../../../../lib/alerts/policy';
import { getAppDb } from '../../../../lib/db/app-db';
import { setNotifyPolicy } from '../../../../lib/db/mutations/alert-settings';
import { getNotifyPolicy } from '../../../../lib/db/queries/alert-settings';
import { jsonBody, problem } from '../../request';

export const dynamic = 'force-dynamic';

export function GET() {
  return NextResponse.json({ policy: getNotifyPolicy(getAppDb()) });
}

/** Changes any of groupWaitMs, cooldownMs, renotifyMs. */
export async function PUT(request: Request) {
  const parsed = await jsonBody(request);
  if (parsed instanceof NextResponse) return parsed;
  const db = getAppDb();
  const result = parseNotifyPolicy(parsed.body, getNotifyPolicy(db));
  if (!result.ok) return problem(400, 'invalid notification policy', result.error);
  setNotifyPolicy(db, result.value, Date.now());
  return NextResponse.json({ ok: true, policy: result.value });
}
