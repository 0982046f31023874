import { NextResponse } from 'next/server';
import { can } from '../../../../../lib/auth/roles';
import { getAppDb } from '../../../../../lib/db/app-db';
import { getAlertRequestWithPayload } from '../../../../../lib/db/mutations/alert-requests';
import { getAlert } from '../../../../../lib/db/queries/alerts';
import { viewer } from '../../../../principal';
import { pathId, problem } from '../../../request';

export const dynamic = 'force-dynamic';

/**
 * A recorded request and its outcome: pending until the collector handled it, then done or failed with
 * the error. Only for whom may make it: an acknowledgement or snooze for those who may act on its alert's
 * site, a channel's test send for admins; anyone else gets the same 404 as for an unknown id.
 */
export async function GET(_request: Request, ctx: { params: Promise<{ id: string }> }) {
  const id = pathId((await ctx.params).id, 'request');
  if (id instanceof NextResponse) return id;
  const db = getAppDb();
  const found = getAlertRequestWithPayload(db, id);
  const who = await viewer();
  const allowed =
    found !== null &&
    (found.request.kind === 'test' ? can(who, 'configure') : can(who, 'acknowledge', getAlert(db, found.request.alertId)?.siteId ?? null));
  return allowed ? NextResponse.json({ request: found.view }) : problem(404, `no request ${id}`);
}
