import { NextResponse } from 'next/server';
import { getAppDb } from '../../../lib/db/app-db';
import { createSite } from '../../../lib/db/mutations/sites';
import { listSiteSettings } from '../../../lib/db/queries/sites';
import { parseNewSite } from '../../../lib/settings/site-input';
import { jsonBody, problem } from '../request';
import { visibleTo } from '../../../lib/auth/site-scope';
import { viewer } from '../../principal';
import { refusalReply } from '../reason-status';

export const dynamic = 'force-dynamic';

/** Every site the caller sees, with its time zone, currency, tariff, PUE, pool fee and rig count. */
export async function GET() {
  return NextResponse.json({ sites: visibleTo(await viewer(), listSiteSettings(getAppDb()), (s) => s.id) });
}

/** Adds a site: `{ name, timeZone?, currency?, pue?, poolFeePct? }`; 409 when the name is taken. */
export async function POST(request: Request) {
  const parsed = await jsonBody(request);
  if (parsed instanceof NextResponse) return parsed;
  const input = parseNewSite(parsed.body);
  if (!input.ok) return problem(400, 'invalid site', input.error);
  const db = getAppDb();
  const res = createSite(db, input.value, Date.now());
  if (!res.ok) return refusalReply(res.error);
  return NextResponse.json({ ok: true, site: listSiteSettings(db).find((s) => s.id === res.value) }, { status: 201 });
}
