import { NextResponse } from 'next/server';
import { getAppDb } from '../../../../../lib/db/app-db';
import { rigHistory } from '../../../../../lib/db/queries/rig-history';
import { HISTORY_RANGES, isHistoryRange } from '../../../../../lib/history/ranges';
import { pathId, problem } from '../../../request';
import { rigVisible } from '../../../../principal';

export const dynamic = 'force-dynamic';

/**
 * A rig's history: ?range=1h|24h|7d|30d|1y (default 24h). Points of hash rate (TH/s), power (W), hottest
 * temperature (degC) and profit per kWh (site currency), each { min, avg, max, n } or null.
 */
export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }) {
  const id = pathId((await ctx.params).id, 'rig');
  if (id instanceof NextResponse) return id;
  const range = new URL(request.url).searchParams.get('range') ?? '24h';
  if (!isHistoryRange(range)) return problem(400, `range must be one of ${HISTORY_RANGES.join(', ')} (got ${JSON.stringify(range)})`);
  const db = getAppDb();
  if (!(await rigVisible(db, id))) return problem(404, `no rig with id ${id}`);
  return NextResponse.json(rigHistory(db, id, range, Date.now()));
}
