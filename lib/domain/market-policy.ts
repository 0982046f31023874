/** The market inputs' staleness policy: the fleet currency and how old network and price data may be. Pure. */

/** How old a source value may be before figures computed from it are flagged stale. */
export interface MarketPolicy {
  currency: string;
  networkStaleAfterMs: number;
  priceStaleAfterMs: number;
}

/** True when a value fetched at `fetchedAtMs` is too old (or missing) at `nowMs`. */
export function isStale(fetchedAtMs: number | null, nowMs: number, maxAgeMs: number): boolean {
  return fetchedAtMs === null || nowMs - fetchedAtMs > maxAgeMs;
}
