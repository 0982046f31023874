import { NextResponse } from 'next/server';
import { getAppDb } from '../../../lib/db/app-db';
import { createPool } from '../../../lib/db/mutations/pools';
import { listPools, listPoolViews } from '../../../lib/db/queries/pools';
import { parsePoolInput } from '../../../lib/settings/pool-input';
import { jsonBody, problem } from '../request';
import { seesWholeFleet, visibleTo } from '../../../lib/auth/site-scope';
import { poolIdsInUse } from '../../../lib/economics/pool-match';
import { listRigViews } from '../../../lib/db/queries/rigs';
import { viewer } from '../../principal';
import { refusalReply } from '../reason-status';

export const dynamic = 'force-dynamic';

/**
 * Every pool account the collector reads, secrets as "<redacted>", with its last fetch. A pool account
 * belongs to no site: a caller limited to some sites gets only the pools their rigs point at, without the
 * account's fetch state (it covers every site's workers).
 */
export async function GET() {
  const db = getAppDb();
  const views = listPoolViews(db);
  const who = await viewer();
  if (seesWholeFleet(who)) return NextResponse.json({ pools: views });
  const mine = visibleTo(who, listRigViews(db), (r) => r.siteId).map((r) => r.reading);
  const used = poolIdsInUse(mine, listPools(db));
  return NextResponse.json({ pools: views.filter((p) => used.has(p.id)).map((p) => ({ ...p, state: null })) });
}

/** Adds a pool account: `{ name, kind, baseUrl?, credentials, feePct?, matchUrl }`; 409 when the name is taken. */
export async function POST(request: Request) {
  const parsed = await jsonBody(request);
  if (parsed instanceof NextResponse) return parsed;
  const input = parsePoolInput(parsed.body, null);
  if (!input.ok) return problem(400, 'invalid pool', input.error);
  const db = getAppDb();
  const res = createPool(db, input.value, Date.now());
  if (!res.ok) return refusalReply(res.error);
  return NextResponse.json({ ok: true, pool: listPoolViews(db).find((p) => p.id === res.value) }, { status: 201 });
}
