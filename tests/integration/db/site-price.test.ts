/**
 * The site's price now as the collector and every screen read it from the database (sitePriceNow): a
 * real-time feed's stored value carries its own time and whether the last read failed, so a feed that
 * keeps serving an old interval, or whose reads fail, is stale there too. Before, the stored time was
 * dropped and such a feed counted as fresh for as long as the fetch itself was recent.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { recordSourceFailure, recordSourceSuccess } from '../../../lib/db/mutations/source-state';
import { setSiteTariff } from '../../../lib/db/mutations/site-settings';
import { sitePriceNow } from '../../../lib/db/queries/site-price';
import { listSites } from '../../../lib/db/queries/sites';
import { parseTariff, type Tariff } from '../../../lib/economics';
import { tempDb } from '../../support/temp';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const NOW = Date.UTC(2026, 6, 1, 14, 30);
const MIN = 60_000;

function siteWithFeed() {
  const t = tempDb();
  cleanup = t.cleanup;
  t.db.sqlite
    .prepare(
      "insert into sites (name, time_zone, currency, pue, pool_fee_pct, created_at_ms) values ('Rockdale TX', 'America/Chicago', 'USD', 1, 2, 1)",
    )
    .run();
  const parsed = parseTariff({
    kind: 'realtime',
    url: 'https://grid.example/lmp.json',
    priceField: 'price',
    timeField: 'time',
    staleAfterS: 900,
    fallbackAfterS: 3600,
    fallbackPricePerKwh: 0.06,
  });
  if (!parsed.ok) throw new Error(parsed.error.join('; '));
  setSiteTariff(t.db, 1, parsed.value as Tariff, NOW - 60 * MIN);
  const price = () => sitePriceNow(t.db, listSites(t.db)[0], NOW);
  return { db: t.db, price };
}

describe('sitePriceNow with a real-time feed', () => {
  it('a fresh fetch of an old interval (its own time 20 min ago) is the last price, flagged stale', () => {
    const { db, price } = siteWithFeed();
    recordSourceSuccess(db, 'tariff:1', 'tariff-feed', { pricePerKwh: 0.035, atMs: NOW - 20 * MIN }, NOW - MIN);
    expect(price()).toEqual({ pricePerKwh: 0.035, dayAvgPricePerKwh: 0.035, stale: true, fallback: false });
  });

  it('a fresh interval is fresh; a failed read after it makes it stale at once; past the fallback time the fallback', () => {
    const { db, price } = siteWithFeed();
    recordSourceSuccess(db, 'tariff:1', 'tariff-feed', { pricePerKwh: 0.035, atMs: NOW - 5 * MIN }, NOW - 2 * MIN);
    expect(price()).toMatchObject({ pricePerKwh: 0.035, stale: false });
    recordSourceFailure(db, 'tariff:1', 'tariff-feed', 'GET https://grid.example/lmp.json: timed out', NOW - MIN);
    expect(price()).toMatchObject({ pricePerKwh: 0.035, stale: true, fallback: false });
    recordSourceSuccess(db, 'tariff:1', 'tariff-feed', { pricePerKwh: 0.035, atMs: NOW - 61 * MIN }, NOW - MIN);
    expect(price()).toEqual({ pricePerKwh: 0.06, dayAvgPricePerKwh: 0.06, stale: true, fallback: true });
  });
});
