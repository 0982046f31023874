import { NextResponse } from 'next/server';
import { getAppDb } from '../../../../../lib/db/app-db';
import { getAlertRequest } from '../../../../../lib/db/mutations/alert-requests';
import { pathId, problem } from '../../../request';

export const dynamic = 'force-dynamic';

/** A recorded request and its outcome: pending until the collector handled it, then done or failed with the error. */
export async function GET(_request: Request, ctx: { params: Promise<{ id: string }> }) {
  const id = pathId((await ctx.params).id, 'request');
  if (id instanceof NextResponse) return id;
  const request = getAlertRequest(getAppDb(), id);
  return request ? NextResponse.json({ request }) : problem(404, `no request ${id}`);
}
