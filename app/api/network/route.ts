import { NextResponse } from 'next/server';
import { getAppConfig, marketPolicy } from '../../../lib/config';
import { getAppDb } from '../../../lib/db/app-db';
import { getMarketView } from '../../../lib/db/queries/market';

export const dynamic = 'force-dynamic';

/** The network state and BTC price with their sources, ages and last errors. */
export function GET() {
  const nowMs = Date.now();
  const market = getMarketView(getAppDb(), nowMs, marketPolicy(getAppConfig().config));
  return NextResponse.json({
    ...market,
    networkAgeMs: market.networkFetchedAtMs === null ? null : nowMs - market.networkFetchedAtMs,
    priceAgeMs: market.priceFetchedAtMs === null ? null : nowMs - market.priceFetchedAtMs,
  });
}
