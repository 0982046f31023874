import { NextResponse } from 'next/server';
import { getAppDb } from '../../../lib/db/app-db';
import { createPool } from '../../../lib/db/mutations/pools';
import { listPoolViews } from '../../../lib/db/queries/pools';
import { parsePoolInput } from '../../../lib/settings/pool-input';
import { jsonBody, problem } from '../request';

export const dynamic = 'force-dynamic';

/** Every pool account the collector reads, secrets as "<redacted>", with its last fetch. */
export function GET() {
  return NextResponse.json({ pools: listPoolViews(getAppDb()) });
}

/** Adds a pool account: `{ name, kind, baseUrl?, credentials, feePct?, matchUrl }`; 409 when the name is taken. */
export async function POST(request: Request) {
  const parsed = await jsonBody(request);
  if (parsed instanceof NextResponse) return parsed;
  const input = parsePoolInput(parsed.body, null);
  if (!input.ok) return problem(400, 'invalid pool', input.errors);
  const db = getAppDb();
  const res = createPool(db, input.pool, Date.now());
  if (!res.ok) return problem(res.reason === 'conflict' ? 409 : 404, res.reason === 'conflict' ? res.message : 'pool not found');
  return NextResponse.json({ ok: true, pool: listPoolViews(db).find((p) => p.id === res.id) }, { status: 201 });
}
