/**
 * Realized money of one sweep (pure): for each rig, the interval since its previous reading (capped, so
 * an outage is not billed as mining) split at the site's local hour boundaries (which are also the
 * time-of-use boundaries and the hour buckets), each piece priced at the price in force then, with
 * revenue at the network figures and BTC price of this sweep. GPU rigs (and any rig while the market is
 * unknown) count energy and cost, and their revenue is unknown: counted apart, never as zero.
 */
import type { BtcPrices } from '../domain/network';
import { hashesSha256, type Reading } from '../domain/reading';
import { priceInForce, type FeedValue, type Tariff } from '../economics';
import { blocksPerDay, networkInputProblem, SATS_PER_BTC, type NetworkInputs } from '../economics/hashprice';
import { localDay, localHourStartMs } from './local-time';
import { emptySums, type RealizedSums } from './sums';

const MS_PER_HOUR = 3_600_000;

/** A site as the accounts need it. */
export interface RealizedSite {
  id: number;
  timeZone: string;
  currency: string;
  pue: number;
  poolFeePct: number;
  /** Null: no tariff set (energy counted as unpriced). */
  tariff: Tariff | null;
  feed?: FeedValue | null;
}

/** One rig polled in the sweep, with where its accounting stood before. */
export interface RealizedRig {
  rigId: number;
  siteId: number;
  /** When this sweep polled it. */
  pollMs: number;
  /** Its reading at pollMs when it answered; null when the poll failed. */
  reading: Reading | null;
  /** The pool fee of the pool it points at (percent), null: the site's. */
  poolFeePct: number | null;
  /** The last reading and poll already counted (realized_cursors); null before the first. */
  prevReadingMs: number | null;
  prevPollMs: number | null;
}

/** The market of this sweep; network null when unknown (revenue is then unknown). */
export interface RealizedMarket {
  network: NetworkInputs | null;
  prices: BtcPrices;
  fleetCurrency: string;
  /**
   * Revenue per day in the site's currency of a rig that does not mine SHA-256 (a GPU rig), when the
   * operator set one for its algorithm; null or absent: unknown (its energy and cost still count).
   */
  otherRevenuePerDay?: (reading: Reading, siteId: number) => number | null;
}

/** One rig's share of one local hour of its site. */
export interface RealizedPiece {
  rigId: number;
  siteId: number;
  hourStartMs: number;
  day: string;
  currency: string;
  sums: RealizedSums;
  /** Cost and revenue in the fleet currency; kwhUnconverted when no BTC price converts them. */
  costFleet: number;
  revenueFleet: number;
  kwhUnconverted: number;
}

/** [fromMs, toMs) cut at local hour boundaries of `timeZone`. */
export function splitAtLocalHours(fromMs: number, toMs: number, timeZone: string): { fromMs: number; toMs: number; hourStartMs: number }[] {
  const out: { fromMs: number; toMs: number; hourStartMs: number }[] = [];
  let at = fromMs;
  while (at < toMs) {
    const hourStartMs = localHourStartMs(at, timeZone);
    const end = Math.min(toMs, hourStartMs + MS_PER_HOUR);
    out.push({ fromMs: at, toMs: end, hourStartMs });
    at = end;
  }
  return out;
}

const validPrice = (p: number | undefined): p is number => p !== undefined && Number.isFinite(p) && p > 0;

/**
 * The pieces of the sweep: each rig's counted interval split by local hour. `capMs` bounds an interval
 * (3 poll intervals). A rig whose reading is not newer than the last counted one adds nothing.
 */
export function realizedPieces(
  rigs: readonly RealizedRig[],
  sites: ReadonlyMap<number, RealizedSite>,
  market: RealizedMarket,
  capMs: number,
): RealizedPiece[] {
  const pieces = new Map<string, RealizedPiece>();
  const networkOk = market.network !== null && networkInputProblem(market.network) === null;
  const fleetBtc = market.prices[market.fleetCurrency];

  for (const rig of rigs) {
    const site = sites.get(rig.siteId);
    if (!site) continue;
    const siteBtc = market.prices[site.currency];
    const toFleet = site.currency === market.fleetCurrency ? 1 : validPrice(fleetBtc) && validPrice(siteBtc) ? fleetBtc / siteBtc : null;
    const piece = (hourStartMs: number): RealizedPiece => {
      const key = `${rig.rigId}:${hourStartMs}`;
      let p = pieces.get(key);
      if (!p) {
        const day = localDay(hourStartMs, site.timeZone);
        p = {
          rigId: rig.rigId,
          siteId: site.id,
          hourStartMs,
          day,
          currency: site.currency,
          sums: emptySums(),
          costFleet: 0,
          revenueFleet: 0,
          kwhUnconverted: 0,
        };
        pieces.set(key, p);
      }
      return p;
    };
    const reading = rig.reading;
    const hashing = reading !== null && reading.hashrateThs > 0;

    // Uptime: the time since the previous poll, answered or not.
    if (rig.prevPollMs !== null && rig.pollMs > rig.prevPollMs) {
      for (const seg of splitAtLocalHours(Math.max(rig.prevPollMs, rig.pollMs - capMs), rig.pollMs, site.timeZone)) {
        const p = piece(seg.hourStartMs);
        const hours = (seg.toMs - seg.fromMs) / MS_PER_HOUR;
        p.sums.observedRigHours += hours;
        if (hashing) p.sums.upRigHours += hours;
      }
    }

    // Energy and money: the time since the previous reading, at this reading's power and hash rate.
    if (reading === null || rig.prevReadingMs === null || rig.pollMs <= rig.prevReadingMs) continue;
    const powerKw = ((reading.powerW ?? 0) * site.pue) / 1000;
    const sha256 = hashesSha256(reading);
    const otherPerDay = sha256 ? null : (market.otherRevenuePerDay?.(reading, site.id) ?? null);
    const revenueKnown = sha256 ? networkOk && validPrice(siteBtc) : otherPerDay !== null && Number.isFinite(otherPerDay);
    const feeFraction = (rig.poolFeePct ?? site.poolFeePct) / 100;
    const btcPerHour =
      revenueKnown && sha256
        ? (blocksPerDay(reading.hashrateThs, market.network!.difficulty) *
            (market.network!.subsidySats + market.network!.feesPerBlockSats) *
            (1 - feeFraction)) /
          SATS_PER_BTC /
          24
        : 0;
    for (const seg of splitAtLocalHours(Math.max(rig.prevReadingMs, rig.pollMs - capMs), rig.pollMs, site.timeZone)) {
      const p = piece(seg.hourStartMs);
      const hours = (seg.toMs - seg.fromMs) / MS_PER_HOUR;
      const kwh = powerKw * hours;
      const price = site.tariff ? priceInForce(site.tariff, site.feed, (seg.fromMs + seg.toMs) / 2, site.timeZone).pricePerKwh : null;
      const cost = price === null ? 0 : kwh * price;
      const s = p.sums;
      s.kwh += kwh;
      if (sha256) s.thsHours += reading.hashrateThs * hours;
      if (price === null) s.kwhUnpriced += kwh;
      s.cost += cost;
      const source = reading.powerSource ?? 'estimated';
      if (source === 'meter') s.kwhMeter += kwh;
      else if (source === 'firmware') s.kwhFirmware += kwh;
      else if (source === 'override') s.kwhOverride += kwh;
      else s.kwhEstimated += kwh;
      let revenue = 0;
      if (revenueKnown) {
        const btc = btcPerHour * hours;
        revenue = sha256 ? btc * siteBtc : (otherPerDay! * hours) / 24;
        s.btc += btc;
        s.revenue += revenue;
        // Losing money: the price in force above the rig's breakeven (revenue per kWh) in this piece.
        if (price !== null && kwh > 0 && reading.hashrateThs > 0 && price > revenue / kwh) s.losingRigHours += hours;
      } else {
        s.kwhRevenueUnknown += kwh;
        s.costRevenueUnknown += cost;
      }
      if (toFleet === null) p.kwhUnconverted += kwh;
      else {
        p.costFleet += cost * toFleet;
        p.revenueFleet += revenue * toFleet;
      }
    }
  }
  return [...pieces.values()];
}
