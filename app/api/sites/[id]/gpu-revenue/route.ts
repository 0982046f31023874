import { NextResponse } from 'next/server';
import { problem, readSiteSetting } from '../../site-request';
import { getAppDb } from '../../../../../lib/db/app-db';
import { setSiteGpuRevenue } from '../../../../../lib/db/mutations/gpu-revenue';
import { parseSiteGpuRevenue } from '../../../../../lib/settings/gpu-revenue';

export const dynamic = 'force-dynamic';

/**
 * Sets what a site's GPU rigs earn: `{ "<algorithm>": <revenue per MH/s per day in the site currency> }`
 * (`{}` clears it: their revenue is then unknown again). Out-of-range figures are refused, each named.
 * GET /api/sites lists each site's figures.
 */
export async function PUT(request: Request, ctx: { params: Promise<{ id: string }> }) {
  const parsedRequest = await readSiteSetting(request, ctx);
  if (parsedRequest instanceof NextResponse) return parsedRequest;
  const { siteId, body } = parsedRequest;
  const db = getAppDb();
  const parsed = parseSiteGpuRevenue(body);
  if (!parsed.ok) return problem(400, 'invalid GPU revenue', parsed.error);
  setSiteGpuRevenue(db, siteId, parsed.value, Date.now());
  return NextResponse.json({ ok: true, siteId, gpuRevenuePerMhsDay: parsed.value });
}
