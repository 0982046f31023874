import { NextResponse } from 'next/server';
import { problem, readSiteSetting } from '../../site-request';
import { pathId } from '../../../request';
import { getAppDb } from '../../../../../lib/db/app-db';
import { clearSiteTariff, setSiteTariff } from '../../../../../lib/db/mutations/site-settings';
import { listSites, siteTariff } from '../../../../../lib/db/queries/sites';
import { apiTariffProblem } from '../../../../../lib/settings/tariff-input';
import { parseTariff, tariffWarnings } from '../../../../../lib/economics';

export const dynamic = 'force-dynamic';

/**
 * Sets a site's tariff (flat, time-of-use or real-time); an invalid tariff is refused with the reasons, and
 * so is a new `file:` feed (the command line sets those). `warnings` names prices that look like a unit slip.
 */
export async function PUT(request: Request, ctx: { params: Promise<{ id: string }> }) {
  const parsedRequest = await readSiteSetting(request, ctx);
  if (parsedRequest instanceof NextResponse) return parsedRequest;
  const { site, siteId, body } = parsedRequest;
  const db = getAppDb();
  const parsed = parseTariff(body);
  if (!parsed.ok) return problem(400, 'invalid tariff', parsed.error);
  const fileFeed = apiTariffProblem(parsed.value, siteTariff(db, siteId));
  if (fileFeed) return problem(400, 'invalid tariff', [fileFeed]);
  setSiteTariff(db, siteId, parsed.value, Date.now());
  // Kept, but said: a price above 1 per kWh is most often a price per MWh or in cents.
  return NextResponse.json({ ok: true, siteId, tariff: parsed.value, warnings: tariffWarnings(parsed.value, site.currency) });
}

/** Removes a site's tariff (its profit is then not computed until a new one is set). */
export async function DELETE(_request: Request, ctx: { params: Promise<{ id: string }> }) {
  const siteId = pathId((await ctx.params).id, 'site');
  if (siteId instanceof NextResponse) return siteId;
  const db = getAppDb();
  if (!listSites(db).some((s) => s.id === siteId)) return problem(404, `no site with id ${siteId}`);
  clearSiteTariff(db, siteId, Date.now());
  return NextResponse.json({ ok: true, siteId, tariff: null });
}
