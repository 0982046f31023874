import { NextResponse } from 'next/server';
import { getAppDb } from '../../../../../lib/db/app-db';
import { recordAlertRequest } from '../../../../../lib/db/mutations/alert-requests';
import { jsonBody, problem } from '../../../request';
import { accepted, firingAlert } from '../../alert-request';
import { describeValue } from '../../../../../lib/util/describe-value';

export const dynamic = 'force-dynamic';

const MAX_SNOOZE_MS = 30 * 24 * 3_600_000;

/** Snoozes a firing alert until `untilMs` (epoch ms, within 30 days), or unsnoozes with `untilMs: null`. */
export async function POST(request: Request, ctx: { params: Promise<{ id: string }> }) {
  const db = getAppDb();
  const alert = await firingAlert(db, (await ctx.params).id);
  if (alert instanceof NextResponse) return alert;
  const parsed = await jsonBody(request);
  if (parsed instanceof NextResponse) return parsed;
  const untilMs = (parsed.body as { untilMs?: unknown } | null)?.untilMs;
  const nowMs = Date.now();
  if (
    untilMs !== null &&
    (typeof untilMs !== 'number' || !Number.isInteger(untilMs) || untilMs <= nowMs || untilMs > nowMs + MAX_SNOOZE_MS)
  ) {
    return problem(400, `untilMs must be epoch milliseconds in the next 30 days, or null to unsnooze (got ${describeValue(untilMs)})`);
  }
  return accepted(recordAlertRequest(db, { kind: 'snooze', alertId: alert.id, untilMs }, nowMs));
}
