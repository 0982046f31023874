import { NextResponse } from 'next/server';
import { getAppDb } from '../../../../../lib/db/app-db';
import { setSiteTariff } from '../../../../../lib/db/mutations/site-settings';
import { listSites } from '../../../../../lib/db/queries/sites';
import { parseTariff } from '../../../../../lib/economics';

export const dynamic = 'force-dynamic';

function problem(status: number, error: string, errors?: string[]) {
  return NextResponse.json({ ok: false, error, ...(errors ? { errors } : {}) }, { status });
}

/** Sets a site's tariff (flat, time-of-use or real-time); an invalid tariff is refused with the reasons. */
export async function PUT(request: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  const siteId = Number(id);
  if (!Number.isInteger(siteId) || siteId <= 0) return problem(400, `site id ${JSON.stringify(id)} is not a positive integer`);
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return problem(400, 'the body is not valid JSON');
  }
  const db = getAppDb();
  const site = listSites(db).find((s) => s.id === siteId);
  if (!site) return problem(404, `no site with id ${siteId}`);
  const parsed = parseTariff(body);
  if (!parsed.ok) return problem(400, 'invalid tariff', parsed.errors);
  setSiteTariff(db, siteId, parsed.tariff, Date.now());
  return NextResponse.json({ ok: true, siteId, tariff: parsed.tariff });
}
