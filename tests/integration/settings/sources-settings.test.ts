/**
 * Source settings stored from the settings screen steer the collector's sources loop on a real SQLite
 * file against a real loopback mempool-compatible server: the stored document wins over the
 * environment's settings, an invalid stored row falls back to them, and clearing restores them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSourcesConfig } from '../../../collectors/sources/config';
import { effectiveSourcesConfig } from '../../../collectors/sources/effective-config';
import { runSourcesLoop } from '../../../collectors/sources-loop';
import { clearSourcesSettings, setSourcesSettings } from '../../../lib/db/mutations/sources-settings';
import { getSourced } from '../../../lib/db/queries/source-state';
import { getStoredSourcesSettings, listSourceStates } from '../../../lib/db/queries/sources-settings';
import { appSettings } from '../../../lib/db/schema';
import type { BtcPrices, NetworkState } from '../../../lib/domain/network';
import type { SourcesSettings } from '../../../lib/settings/sources-settings';
import { tempDb } from '../../support/temp';
import { startCapturesServer, type FakeServer } from '../sources/fake-servers';

let server: FakeServer;
let t: ReturnType<typeof tempDb>;
const CAPTURES_MS = Date.UTC(2024, 2, 31, 3, 15, 6); // conversions.time of the captures
// The environment points at a port nothing listens on: only the stored settings can succeed.
const envConfig = loadSourcesConfig({ HASHWATT_MEMPOOL_URL: 'http://127.0.0.1:9/api', HASHWATT_SOURCE_TIMEOUT_MS: '500' });

beforeEach(async () => {
  server = await startCapturesServer();
  t = tempDb();
});
afterEach(async () => {
  t.cleanup();
  await server.close();
});

async function oneRefresh(): Promise<void> {
  const stop = new AbortController();
  // The captures' own time: the fake serves a tip and prices of that day, which the sanity checks judge by the clock.
  const loop = runSourcesLoop({ db: t.db, config: envConfig, now: () => CAPTURES_MS }, stop.signal);
  const deadline = Date.now() + 5000;
  while (getSourced(t.db, 'network').attemptedAtMs === null || getSourced(t.db, 'price').attemptedAtMs === null) {
    if (Date.now() > deadline) throw new Error('no refresh within 5 s');
    await new Promise((r) => setTimeout(r, 20));
  }
  stop.abort();
  await loop;
}

describe('stored source settings', () => {
  it('the sources loop uses the stored document: its mempool URL and its fixed price', async () => {
    const settings: SourcesSettings = { ...envConfig, mempoolBaseUrl: `${server.url}/api`, fixedBtcPrice: 50_000, currency: 'EUR' };
    setSourcesSettings(t.db, settings, 1000);
    expect(getStoredSourcesSettings(t.db)).toEqual({ settings, updatedAtMs: 1000, error: null });
    await oneRefresh();
    const network = getSourced<NetworkState>(t.db, 'network');
    expect(network.lastError).toBeNull();
    expect(network.value?.tipHeight).toBe(837044);
    expect(network.source).toBe(`mempool:${server.url}/api`);
    expect(getSourced<BtcPrices>(t.db, 'price')).toMatchObject({ value: { EUR: 50_000 }, source: 'config', lastError: null });
    expect(listSourceStates(t.db).map((s) => s.key)).toEqual(['network', 'price']);
  });

  it('without a stored document, or after clearing it, the environment applies', async () => {
    setSourcesSettings(t.db, { ...envConfig, mempoolBaseUrl: `${server.url}/api` }, 1000);
    expect(clearSourcesSettings(t.db, 2000)).toBe(true);
    expect(clearSourcesSettings(t.db, 3000)).toBe(false);
    await oneRefresh();
    const network = getSourced<NetworkState>(t.db, 'network');
    expect(network.value).toBeNull();
    expect(network.source).toBe('mempool:http://127.0.0.1:9/api');
    expect(network.lastError).not.toBeNull();
  });

  it('a stored row that no longer validates is reported and the environment applies', () => {
    t.db.orm
      .insert(appSettings)
      .values({ key: 'sources', valueJson: JSON.stringify({ ...envConfig, intervalS: 0 }), updatedAtMs: 5 })
      .run();
    expect(getStoredSourcesSettings(t.db).error).toBe(
      'the stored source settings are invalid: intervalS must be a whole number from 5 to 86400 (got 0)',
    );
    const lines: string[] = [];
    expect(effectiveSourcesConfig(t.db, envConfig, (l) => lines.push(l))).toBe(envConfig);
    expect(lines).toEqual([
      "sources: the stored source settings are invalid: intervalS must be a whole number from 5 to 86400 (got 0); using the environment's settings",
    ]);
  });

  it('refuses to store an invalid document', () => {
    expect(() => setSourcesSettings(t.db, { ...envConfig, timeoutMs: 5 }, 1)).toThrow(
      'invalid source settings: timeoutMs must be a whole number from 100 to 120000 (got 5)',
    );
    expect(getStoredSourcesSettings(t.db).settings).toBeNull();
  });
});
