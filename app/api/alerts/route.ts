import { NextResponse } from 'next/server';
import { getAppDb } from '../../../lib/db/app-db';
import { listAlerts, type AlertStatusFilter } from '../../../lib/db/queries/alerts';
import { problem } from '../request';
import { visibleSiteIds } from '../../principal';

export const dynamic = 'force-dynamic';

const STATUSES: AlertStatusFilter[] = ['active', 'resolved', 'all'];

/**
 * Alerts of the caller's sites, newest first: ?status=active|resolved|all (default all), ?limit=1..500
 * (100), ?beforeMs=&beforeId= (the last alert's firingAtMs and id) to page back.
 */
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const status = (params.get('status') ?? 'all') as AlertStatusFilter;
  if (!STATUSES.includes(status))
    return problem(400, `status must be one of ${STATUSES.join(', ')} (got ${JSON.stringify(params.get('status'))})`);
  const limit = Number(params.get('limit') ?? 100);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500)
    return problem(400, `limit must be a whole number from 1 to 500 (got ${JSON.stringify(params.get('limit'))})`);
  const beforeRaw = params.get('beforeMs');
  const beforeMs = beforeRaw === null ? undefined : Number(beforeRaw);
  if (beforeMs !== undefined && !Number.isInteger(beforeMs))
    return problem(400, `beforeMs must be epoch milliseconds (got ${JSON.stringify(beforeRaw)})`);
  const beforeId = params.get('beforeId') ?? undefined;
  if (beforeId !== undefined && beforeMs === undefined)
    return problem(400, 'beforeId needs beforeMs: pass the firingAtMs and id of the last alert of the previous page');
  return NextResponse.json({ alerts: listAlerts(getAppDb(), { status, limit, beforeMs, beforeId, siteIds: await visibleSiteIds() }) });
}
