import { NextResponse } from 'next/server';
import { problem, readSiteRequest } from '../site-request';
import { getAppDb } from '../../../../lib/db/app-db';
import { deleteSite, updateSite } from '../../../../lib/db/mutations/sites';
import { listSiteSettings } from '../../../../lib/db/queries/sites';
import { parseSitePatch } from '../../../../lib/settings/site-input';
import { pathId } from '../../request';
import { refusalReply } from '../../reason-status';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

/** Changes any of a site's name, time zone, currency, PUE and default pool fee (percent). */
export async function PATCH(request: Request, ctx: Ctx) {
  const parsedRequest = await readSiteRequest(request, ctx);
  if (parsedRequest instanceof NextResponse) return parsedRequest;
  const { siteId, body } = parsedRequest;
  const input = parseSitePatch(body);
  if (!input.ok) return problem(400, 'invalid site settings', input.error);
  const db = getAppDb();
  const res = updateSite(db, siteId, input.value, Date.now());
  if (!res.ok) return refusalReply(res.error);
  return NextResponse.json({ ok: true, site: listSiteSettings(db).find((s) => s.id === siteId) });
}

/** Removes a site that has no rigs; 409 naming the rig count otherwise. */
export async function DELETE(_request: Request, ctx: Ctx) {
  const siteId = pathId((await ctx.params).id, 'site');
  if (siteId instanceof NextResponse) return siteId;
  const res = deleteSite(getAppDb(), siteId, Date.now());
  if (!res.ok) return refusalReply(res.error);
  return NextResponse.json({ ok: true });
}
