/**
 * After a sweep commits: adds each polled rig's interval to the realized buckets (lib/realized), in one
 * IMMEDIATE transaction that also moves the rigs' cursors, so a sweep is counted once even across a
 * restart. Reads only small tables (rig_status, sites, pools, sources, cursors): no scan of samples.
 */
import type { Db } from '../lib/db/client';
import { addRealized, readRealizedCursors, type RealizedCursor } from '../lib/db/mutations/write-realized';
import { gpuRevenueBySite } from '../lib/db/queries/gpu-revenue';
import { listPools } from '../lib/db/queries/pools';
import { siteFeedValue } from '../lib/db/queries/site-price';
import { listSites, siteTariff } from '../lib/db/queries/sites';
import { getSourced } from '../lib/db/queries/source-state';
import { writeTransaction } from '../lib/db/transactions';
import type { BtcPrices, NetworkState } from '../lib/domain/network';
import type { Reading } from '../lib/domain/reading';
import { gpuRatePerMhsDay, MHS_PER_THS } from '../lib/economics/gpu';
import { poolFeeForRig } from '../lib/economics/pool-match';
import { realizedPieces, type RealizedRig, type RealizedSite } from '../lib/realized/accumulate';

/** An interval is counted up to this many poll intervals: a longer gap is an outage, not mining. */
export const REALIZED_CAP_POLLS = 3;

/** What a sweep added: rigs counted and pieces (rig x local hour) upserted. */
export interface RealizedOutcome {
  rigs: number;
  pieces: number;
}

interface StatusRow {
  rigId: number;
  siteId: number;
  lastPollMs: number | null;
  lastSeenMs: number | null;
  readingJson: string | null;
}

/** Counts the intervals of the rigs polled since their cursor; `fleetCurrency` for fleet totals. */
export function accumulateRealized(db: Db, fleetCurrency: string, pollIntervalMs: number): RealizedOutcome {
  const capMs = REALIZED_CAP_POLLS * pollIntervalMs;
  return writeTransaction(db, () => {
    const statuses = db.sqlite
      .prepare(
        `select s.rig_id as rigId, r.site_id as siteId, s.last_poll_ms as lastPollMs, s.last_seen_ms as lastSeenMs, s.reading_json as readingJson
         from rig_status s join rigs r on r.id = s.rig_id`,
      )
      .all() as StatusRow[];
    const cursors = readRealizedCursors(db);
    const pools = listPools(db);
    const rigs: RealizedRig[] = [];
    const moved: RealizedCursor[] = [];
    for (const s of statuses) {
      if (s.lastPollMs === null) continue;
      const prev = cursors.get(s.rigId);
      if (prev && prev.lastPollMs !== null && s.lastPollMs <= prev.lastPollMs) continue; // not polled since: nothing new
      // The poll answered when the rig was last seen at that very poll.
      const answered = s.lastSeenMs === s.lastPollMs && s.readingJson !== null;
      const reading = answered ? (JSON.parse(s.readingJson!) as Reading) : null;
      moved.push({ rigId: s.rigId, readingMs: answered ? s.lastPollMs : null, pollMs: s.lastPollMs });
      rigs.push({
        rigId: s.rigId,
        siteId: s.siteId,
        pollMs: s.lastPollMs,
        reading,
        poolFeePct: reading ? poolFeeForRig(reading, pools) : null,
        prevReadingMs: prev?.lastReadingMs ?? null,
        prevPollMs: prev?.lastPollMs ?? null,
      });
    }
    if (moved.length === 0) return { rigs: 0, pieces: 0 };
    const sites = new Map<number, RealizedSite>();
    for (const site of listSites(db)) {
      sites.set(site.id, {
        id: site.id,
        timeZone: site.timeZone,
        currency: site.currency,
        pue: site.pue,
        poolFeePct: site.poolFeePct,
        tariff: siteTariff(db, site.id),
        feed: siteFeedValue(db, site.id),
      });
    }
    const network = getSourced<NetworkState>(db, 'network').value;
    const prices = getSourced<BtcPrices>(db, 'price').value ?? {};
    // A GPU rig earns what the operator set for its algorithm at its site (per MH/s per day), else unknown.
    const gpuRevenue = gpuRevenueBySite(db);
    const otherRevenuePerDay = (reading: Reading, siteId: number): number | null => {
      const rate = gpuRatePerMhsDay(reading.algorithm, gpuRevenue.get(siteId));
      return rate === null ? null : Math.max(0, reading.hashrateThs) * MHS_PER_THS * rate;
    };
    const pieces = realizedPieces(rigs, sites, { network, prices, fleetCurrency, otherRevenuePerDay }, capMs);
    addRealized(db, pieces, moved, fleetCurrency);
    return { rigs: rigs.length, pieces: pieces.length };
  });
}
