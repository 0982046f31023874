import { NextResponse } from 'next/server';
import { getAppDb } from '../../../../../lib/db/app-db';
import { getDeviceRequest } from '../../../../../lib/db/mutations/device-requests';
import { pathId, problem } from '../../../request';
import { seesSite } from '../../../../../lib/auth/site-scope';
import { viewer } from '../../../../principal';

export const dynamic = 'force-dynamic';

/**
 * A probe or scan request: pending, running (with progress), then done with its result or failed with
 * why. Admins only (the route policy: whoever may ask for one); one for a site the caller does not see
 * is answered like an unknown id.
 */
export async function GET(_request: Request, ctx: { params: Promise<{ id: string }> }) {
  const id = pathId((await ctx.params).id, 'request');
  if (id instanceof NextResponse) return id;
  const request = getDeviceRequest(getAppDb(), id);
  return request && seesSite(await viewer(), request.siteId)
    ? NextResponse.json({ request })
    : problem(404, `no probe or scan request ${id}`);
}
