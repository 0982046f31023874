import { NextResponse } from 'next/server';
import { getAppConfig } from '../../../../lib/config';
import { getAppDb } from '../../../../lib/db/app-db';
import { realizedHistory } from '../../../../lib/db/queries/realized-history';
import { viewer } from '../../../principal';
import { refusalReply } from '../../reason-status';

export const dynamic = 'force-dynamic';

/**
 * Realized history for charts: ?site=<id>|fleet (default fleet: the caller's sites) &range=24h|7d|30d|1y
 * (default 24h). Points per hour (24 h, 7 d) or local day (30 d, 1 y): mean hash rate (TH/s), mean power
 * incl. PUE (kW), profit per kWh and price paid per kWh.
 */
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const out = realizedHistory(
    getAppDb(),
    (await viewer()).siteIds,
    params.get('site') ?? 'fleet',
    params.get('range') ?? '24h',
    Date.now(),
    getAppConfig().config.currency,
  );
  return out.ok ? NextResponse.json(out.value) : refusalReply(out.error);
}
