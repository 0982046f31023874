/**
 * Refreshes the external sources (network, price, pools, real-time tariff feeds) on their own cadence,
 * beside the sweeps. Each source fails alone: its last good value stays, flagged by age.
 */
import type { Db } from '../lib/db/client';
import type { MarketPolicy } from '../lib/domain/market-policy';
import { recordSourceFailure, recordSourceSuccess } from '../lib/db/mutations/source-state';
import { listSites } from '../lib/db/queries/sites';
import { parseTariff } from '../lib/economics';
import { createOnceLog } from '../lib/util/once-log';
import { sleep } from '../lib/util/sleep';
import type { EnvCookie } from '../lib/settings/sources-settings';
import type { SourcesConfig } from './sources/config';
import { effectiveSourcesConfig } from './sources/effective-config';
import { refreshSources } from './sources/runner';
import { fetchTariffFeed } from './sources/tariff-feed';

export interface SourcesLoopDeps {
  db: Db;
  /** The environment's settings; a document stored from the settings screen replaces them while valid. */
  config: SourcesConfig;
  /** The bitcoind cookie file the environment names (a stored document may use that one only); default none. */
  envCookie?: EnvCookie;
  /** The staleness limits network and price readings are judged by (HASHWATT_*_STALE_AFTER_S). */
  limits?: Pick<MarketPolicy, 'networkStaleAfterMs' | 'priceStaleAfterMs'>;
  now?: () => number;
  fetch?: typeof fetch;
}

/** A site's stored tariff, parsed; null when none is set or the stored text is not JSON (a row may hold anything). */
function storedTariff(tariffJson: string | null): ReturnType<typeof parseTariff> | null {
  if (!tariffJson) return null;
  try {
    return parseTariff(JSON.parse(tariffJson));
  } catch {
    return null;
  }
}

/** Fetches the feed of every site on a real-time tariff and stores it under `tariff:<site id>`. */
export async function refreshTariffFeeds(deps: SourcesLoopDeps): Promise<void> {
  const now = deps.now ?? Date.now;
  for (const site of listSites(deps.db)) {
    const parsed = storedTariff(site.tariffJson);
    if (!parsed?.ok || parsed.value.kind !== 'realtime') continue;
    const key = `tariff:${site.id}`;
    try {
      const value = await fetchTariffFeed(parsed.value, { timeoutMs: deps.config.timeoutMs, fetch: deps.fetch });
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
  const problems = createOnceLog(console.error);
  while (!signal.aborted) {
    let intervalS = deps.config.intervalS;
    // Nothing a source or the database does may end this loop: it would take the collector down with it.
    try {
      const config = effectiveSourcesConfig(
        deps.db,
        deps.config,
        (line) => problems.fail('sources: settings', line.replace(/^sources: /, '')),
        deps.envCookie ?? null,
      );
      intervalS = config.intervalS;
      await refreshSources({ db: deps.db, config, now: deps.now ?? Date.now, fetch: deps.fetch, limits: deps.limits });
      await refreshTariffFeeds({ ...deps, config });
      problems.ok('sources');
    } catch (err) {
      problems.fail('sources', err instanceof Error ? err.message : String(err));
    }
    await sleep(intervalS * 1000, signal);
  }
}
