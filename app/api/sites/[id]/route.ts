import { NextResponse } from 'next/server';
import { problem, readSiteRequest } from '../site-request';
import { getAppDb } from '../../../../lib/db/app-db';
import { setSiteEconomics, siteEconomicsErrors, type SiteEconomicsSettings } from '../../../../lib/db/mutations/site-settings';
import { listSites } from '../../../../lib/db/queries/sites';

export const dynamic = 'force-dynamic';

const FIELDS = ['pue', 'poolFeePct', 'currency'] as const;

/** Updates a site's PUE, default pool fee (percent) and/or currency: `{ pue?, poolFeePct?, currency? }`. */
export async function PATCH(request: Request, ctx: { params: Promise<{ id: string }> }) {
  const parsedRequest = await readSiteRequest(request, ctx);
  if (parsedRequest instanceof NextResponse) return parsedRequest;
  const { siteId, body } = parsedRequest;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return problem(400, 'the body must be a JSON object');
  const unknown = Object.keys(body).filter((k) => !(FIELDS as readonly string[]).includes(k));
  if (unknown.length > 0) return problem(400, `unknown field(s): ${unknown.join(', ')} (allowed: ${FIELDS.join(', ')})`);
  const settings = body as SiteEconomicsSettings;
  const errors = siteEconomicsErrors(settings);
  if (errors.length > 0) return problem(400, 'invalid site settings', errors);
  const db = getAppDb();
  if (!listSites(db).some((s) => s.id === siteId)) return problem(404, `no site with id ${siteId}`);
  setSiteEconomics(db, siteId, settings, Date.now());
  const site = listSites(db).find((s) => s.id === siteId)!;
  return NextResponse.json({ ok: true, site: { id: site.id, name: site.name, pue: site.pue, poolFeePct: site.poolFeePct, currency: site.currency } });
}
