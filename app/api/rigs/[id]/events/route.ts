import { NextResponse } from 'next/server';
import { getAppDb } from '../../../../../lib/db/app-db';
import { rigTimeline } from '../../../../../lib/db/queries/rig-events';
import { pathId, problem } from '../../../request';
import { rigVisible } from '../../../../principal';

export const dynamic = 'force-dynamic';

/** A rig's timeline, newest first: ?limit=1..500 (100). State changes, restarts, alerts fired and resolved. */
export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }) {
  const id = pathId((await ctx.params).id, 'rig');
  if (id instanceof NextResponse) return id;
  const raw = new URL(request.url).searchParams.get('limit');
  const limit = Number(raw ?? 100);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500)
    return problem(400, `limit must be a whole number from 1 to 500 (got ${JSON.stringify(raw)})`);
  const db = getAppDb();
  if (!(await rigVisible(db, id))) return problem(404, `no rig with id ${id}`);
  return NextResponse.json({ events: rigTimeline(db, id, limit) });
}
