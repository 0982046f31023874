/**
 * What a /rigs page is cut from, read for the current viewer in one read transaction: the rigs of its
 * sites, their latest economics and the market quotes. Shared by the page and GET /api/rigs/page.
 */
import { visibleTo } from '../../lib/auth/site-scope';
import type { Principal } from '../../lib/auth/roles';
import type { Db } from '../../lib/db/client';
import { latestEconomics } from '../../lib/db/queries/economics';
import { lastSweepEndMs } from '../../lib/db/queries/fleet';
import { getMarketView } from '../../lib/db/queries/market';
import type { MarketPolicy } from '../../lib/domain/market-policy';
import { listRigViews } from '../../lib/db/queries/rigs';
import { readTransaction } from '../../lib/db/transactions';
import type { RigPageSource } from '../components/rigs/rig-page';

/** The viewer's rigs (only its sites'), economics and quotes, and when the last sweep ended. */
export function readRigPageSource(
  db: Db,
  who: Principal,
  nowMs: number,
  policy: MarketPolicy,
): RigPageSource & { updatedAtMs: number | null } {
  return readTransaction(db, () => {
    const market = getMarketView(db, nowMs, policy);
    return {
      rigs: visibleTo(who, listRigViews(db), (rig) => rig.siteId),
      economics: latestEconomics(db).rigs,
      currency: market.currency,
      prices: market.prices,
      updatedAtMs: lastSweepEndMs(db),
    };
  });
}
