import { NextResponse } from 'next/server';
import { getAppConfig } from '../../../../../lib/config';
import { getAppDb } from '../../../../../lib/db/app-db';
import { realizedReport } from '../../../../../lib/db/queries/realized-report';
import { pathId, problem } from '../../../request';
import { rigVisible, viewer } from '../../../../principal';
import { reportReply } from '../../../reports/reply';

export const dynamic = 'force-dynamic';

/** A rig's realized money per day (or ?period=week|month) in its site's time zone: JSON, or ?format=csv. */
export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }) {
  const id = pathId((await ctx.params).id, 'rig');
  if (id instanceof NextResponse) return id;
  const db = getAppDb();
  if (!(await rigVisible(db, id))) return problem(404, `no rig with id ${id}`);
  const params = new URL(request.url).searchParams;
  const outcome = realizedReport(
    db,
    (await viewer()).siteIds,
    { kind: 'rig', rigId: id },
    params,
    Date.now(),
    getAppConfig().config.currency,
  );
  return reportReply(outcome, params, `hashwatt-rig-${id}`);
}
