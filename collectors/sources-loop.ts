/**
 * Refreshes the external sources (network, price, pools, real-time tariff feeds) on their own cadence,
 * beside the sweeps. Each source fails alone: its last good value stays, flagged by age.
 */
import type { Db } from '../lib/db/client';
import type { MarketPolicy } from '../lib/db/queries/market';
import { recordSourceFailure, recordSourceSuccess } from '../lib/db/mutations/source-state';
import { listSites } from '../lib/db/queries/sites';
import { parseTariff } from '../lib/economics';
import { sleep } from '../lib/util/sleep';
import type { SourcesConfig } from './sources/config';
import { effectiveSourcesConfig } from './sources/effective-config';
import { refreshSources } from './sources/runner';
import { fetchTariffFeed } from './sources/tariff-feed';

export interface SourcesLoopDeps {
  db: Db;
  /** The environment's settings; a document stored from the settings screen replaces them while valid. */
  config: SourcesConfig;
  /** The staleness limits network and price readings are judged by (HASHWATT_*_STALE_AFTER_S). */
  limits?: Pick<MarketPolicy, 'networkStaleAfterMs' | 'priceStaleAfterMs'>;
  now?: () => number;
  fetch?: typeof fetch;
}

/** Fetches the feed of every site on a real-time tariff and stores it under `tariff:<site id>`. */
export async function refreshTariffFeeds(deps: SourcesLoopDeps): Promise<void> {
  const now = deps.now ?? Date.now;
  for (const site of listSites(deps.db)) {
    const parsed = site.tariffJson ? parseTariff(JSON.parse(site.tariffJson)) : null;
    if (!parsed?.ok || parsed.tariff.kind !== 'realtime') continue;
    const key = `tariff:${site.id}`;
    try {
      const value = await fetchTariffFeed(parsed.tariff, { timeoutMs: deps.config.timeoutMs, fetch: deps.fetch });
      recordSourceSuccess(deps.db, key, 'tariff-feed', value, now());
    } catch (err) {
      recordSourceFailure(deps.db, key, 'tariff-feed', err instanceof Error ? err.message : String(err), now());
    }
  }
}

/**
 * Refreshes every source now, then every `intervalS`, until `signal` aborts. The settings are read again
 * before each refresh, so a change on the settings screen applies at the next one.
 */
export async function runSourcesLoop(deps: SourcesLoopDeps, signal: AbortSignal): Promise<void> {
  let lastNote = '';
  const log = (line: string) => {
    if (line !== lastNote) console.error(line);
    lastNote = line;
  };
  while (!signal.aborted) {
    let intervalS = deps.config.intervalS;
    try {
      const config = effectiveSourcesConfig(deps.db, deps.config, log);
      intervalS = config.intervalS;
      await refreshSources({ db: deps.db, config, now: deps.now ?? Date.now, fetch: deps.fetch, limits: deps.limits });
      await refreshTariffFeeds({ ...deps, config });
    } catch (err) {
      // A database that cannot take the result (disk full, read-only) must not end the loop, or the collector.
      log(`sources: ${err instanceof Error ? err.message : String(err)}`);
    }
    await sleep(intervalS * 1000, signal);
  }
}
