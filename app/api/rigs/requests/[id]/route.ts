import { NextResponse } from 'next/server';
import { getAppDb } from '../../../../../lib/db/app-db';
import { getDeviceRequest } from '../../../../../lib/db/mutations/device-requests';
import { pathId, problem } from '../../../request';

export const dynamic = 'force-dynamic';

/** A probe or scan request: pending, running (with progress), then done with its result or failed with why. */
export async function GET(_request: Request, ctx: { params: Promise<{ id: string }> }) {
  const id = pathId((await ctx.params).id, 'request');
  if (id instanceof NextResponse) return id;
  const request = getDeviceRequest(getAppDb(), id);
  return request ? NextResponse.json({ request }) : problem(404, `no probe or scan request ${id}`);
}
