import { NextResponse } from 'next/server';
import { getAppDb } from '../../../../../lib/db/app-db';
import { recordAlertRequest } from '../../../../../lib/db/mutations/alert-requests';
import { jsonBody } from '../../../request';
import { principalFrom } from '../../../../../lib/auth/principal-header';
import { accepted, firingAlert } from '../../alert-request';

export const dynamic = 'force-dynamic';

/**
 * Acknowledges a firing alert (stops re-notification): recorded for the collector, in the signed-in
 * user's (or token's) name. The body may be empty or `{}`.
 */
export async function POST(request: Request, ctx: { params: Promise<{ id: string }> }) {
  const db = getAppDb();
  const alert = await firingAlert(db, (await ctx.params).id);
  if (alert instanceof NextResponse) return alert;
  const parsed = await jsonBody(request, {});
  if (parsed instanceof NextResponse) return parsed;
  const by = principalFrom(request.headers)?.name ?? 'api';
  return accepted(recordAlertRequest(db, { kind: 'ack', alertId: alert.id, by }, Date.now()));
}
