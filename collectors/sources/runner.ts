/**
 * One refresh of every external source: network, price and each configured pool account, concurrently
 * and independently. A success replaces the stored value and its fetch time; a failure records only the
 * attempt and a one-line error, so the last good value stays in place and ages into "stale". A network
 * or price reading that cannot be true (sanity.ts) counts as a failure, with the reason as its error.
 */
import type { Db } from '../../lib/db/client';
import { recordSourceFailure, recordSourceSuccess } from '../../lib/db/mutations/source-state';
import { getSourced } from '../../lib/db/queries/source-state';
import { listPools } from '../../lib/db/queries/pools';
import type { pools } from '../../lib/db/schema';
import { poolSecretKeys, unreadableSecretPaths, unreadableSecretText } from '../../lib/db/secret-fields';
import type { MarketPolicy } from '../../lib/domain/market-policy';
import type { BtcPrices, NetworkState } from '../../lib/domain/network';
import { NO_NETWORK_SOURCE, NO_PRICE_SOURCE, UNCONFIGURED_SOURCE } from '../../lib/settings/sources-settings';
import type { SourcesConfig } from './config';
import { describeError, redactUrl, REPLY_MAX_BYTES, SourceError } from './http';
import { fetchBitcoindNetwork } from './network/bitcoind';
import { readCookie, type BitcoindAuth } from './network/bitcoind-rpc';
import { fetchMempoolNetwork, fetchMempoolPrices } from './network/mempool';
import { poolAdapter } from './pools';
import { networkReadingProblem, priceReadingProblem, type SanityContext } from './sanity';
import { err, ok, type Result } from '../../lib/util/result';

/** What a refresh needs: the database, the clock, and optionally a fetch to inject in tests. */
export interface RefreshDeps {
  db: Db;
  now: () => number;
  fetch?: typeof fetch;
  config: SourcesConfig;
  /** Where to report a failure to store (the database itself failing); defaults to console.error. */
  log?: (line: string) => void;
  /** The staleness limits readings are judged by (default: 30 minutes each, as the settings' defaults). */
  limits?: Pick<MarketPolicy, 'networkStaleAfterMs' | 'priceStaleAfterMs'>;
}

const DEFAULT_LIMITS = { networkStaleAfterMs: 1_800_000, priceStaleAfterMs: 1_800_000 };

function sanityContext(deps: RefreshDeps): SanityContext {
  return { nowMs: deps.now(), ...DEFAULT_LIMITS, ...deps.limits };
}

/** Label stored beside a value: which source produced it (never with credentials). */
export function networkSourceLabel(config: SourcesConfig): string {
  if (config.networkSource === 'bitcoind' && config.bitcoind) return `bitcoind:${redactUrl(config.bitcoind.url)}`;
  if (config.networkSource === 'mempool' && config.mempoolBaseUrl) return `mempool:${redactUrl(config.mempoolBaseUrl)}`;
  return UNCONFIGURED_SOURCE;
}

/** Fetches one value and stores the outcome under `key`; never throws. */
async function refreshOne<T>(deps: RefreshDeps, key: string, source: string, fetchValue: () => Promise<T>): Promise<void> {
  let outcome: Result<T, string>;
  try {
    outcome = ok(await fetchValue());
  } catch (cause) {
    outcome = err(describeError(cause));
  }
  try {
    if (outcome.ok) recordSourceSuccess(deps.db, key, source, outcome.value, deps.now());
    else recordSourceFailure(deps.db, key, source, outcome.error, deps.now());
  } catch (err) {
    (deps.log ?? console.error)(`sources: cannot store ${key}: ${describeError(err)}`);
  }
}

async function bitcoindAuth(config: NonNullable<SourcesConfig['bitcoind']>): Promise<BitcoindAuth> {
  if (config.user !== null && config.password !== null) return { user: config.user, password: config.password };
  if (config.cookiePath !== null) return readCookie(config.cookiePath);
  throw new SourceError('config', 'bitcoind needs a user and password or a cookie file');
}

function refreshNetwork(deps: RefreshDeps): Promise<void> {
  const { config } = deps;
  const source = networkSourceLabel(config);
  const http = { timeoutMs: config.timeoutMs, fetch: deps.fetch };
  return refreshOne<NetworkState>(deps, 'network', source, async () => {
    const stored = getSourced<NetworkState>(deps.db, 'network');
    // Only a value from this same source is a reference: after a change of source the next sane reading stands.
    const last = stored.source === source ? stored.value : null;
    let reading;
    if (config.networkSource === 'bitcoind' && config.bitcoind) {
      reading = await fetchBitcoindNetwork({
        ...http,
        maxBytes: REPLY_MAX_BYTES.bitcoind,
        url: config.bitcoind.url,
        auth: await bitcoindAuth(config.bitcoind),
        nowMs: deps.now(),
        feeBlocks: config.bitcoind.feeBlocks,
        // The stored fee average is reused only while it came from this same node and tip.
        previous: last,
      });
    } else if (config.networkSource === 'mempool' && config.mempoolBaseUrl) {
      reading = await fetchMempoolNetwork(config.mempoolBaseUrl, { ...http, nowMs: deps.now() });
    } else {
      // Nothing set: nothing public is contacted, and the economics say why.
      throw new SourceError('config', NO_NETWORK_SOURCE);
    }
    const problem = networkReadingProblem(reading, last, sanityContext(deps));
    if (problem) throw new SourceError('implausible', problem);
    return reading.state;
  });
}

function refreshPrice(deps: RefreshDeps): Promise<void> {
  const { config } = deps;
  if (config.fixedBtcPrice !== null) {
    const fixed: BtcPrices = { [config.currency]: config.fixedBtcPrice };
    return refreshOne(deps, 'price', 'config', async () => fixed);
  }
  const baseUrl = config.mempoolBaseUrl;
  if (baseUrl === null) {
    return refreshOne<BtcPrices>(deps, 'price', UNCONFIGURED_SOURCE, async () => {
      throw new SourceError('config', NO_PRICE_SOURCE);
    });
  }
  return refreshOne<BtcPrices>(deps, 'price', `mempool:${redactUrl(baseUrl)}`, async () => {
    const { prices, timeMs } = await fetchMempoolPrices(baseUrl, { timeoutMs: config.timeoutMs, fetch: deps.fetch });
    if (!(config.currency in prices)) throw new SourceError('unexpected', `the price source has no ${config.currency} price`);
    const problem = priceReadingProblem(prices, timeMs, sanityContext(deps));
    if (problem) throw new SourceError('implausible', problem);
    return prices;
  });
}

function credentialsOf(kind: string, json: string): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new SourceError('config', 'credentials_json is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new SourceError('config', 'credentials_json is not an object');
  const credentials = parsed as Record<string, unknown>;
  // A secret still sealed would be sent as the key itself: name it instead.
  const unreadable = unreadableSecretPaths(credentials, poolSecretKeys(kind, credentials));
  if (unreadable.length > 0)
    throw new SourceError('config', `the pool account cannot be used: ${unreadableSecretText(unreadable.join(', '))}`);
  return Object.fromEntries(Object.entries(credentials).map(([k, v]) => [k, typeof v === 'string' ? v : String(v)]));
}

function refreshPools(deps: RefreshDeps): Promise<void>[] {
  let rows: (typeof pools.$inferSelect)[];
  try {
    rows = listPools(deps.db);
  } catch (err) {
    (deps.log ?? console.error)(`sources: cannot read the pools table: ${describeError(err)}`);
    return [];
  }
  return rows.map((row) => {
    const adapter = poolAdapter(row.kind);
    const baseUrl = row.baseUrl.trim() || adapter?.defaultBaseUrl || '';
    return refreshOne(deps, `pool:${row.id}`, `${row.kind}:${redactUrl(baseUrl)}`, async () => {
      if (!adapter) throw new SourceError('config', `unknown pool kind ${JSON.stringify(row.kind)}`);
      const ref = { baseUrl, credentials: credentialsOf(row.kind, row.credentialsJson) };
      return adapter.fetchAccount(ref, {
        timeoutMs: deps.config.timeoutMs,
        fetch: deps.fetch,
        nowMs: deps.now(),
        maxBytes: REPLY_MAX_BYTES.pool,
      });
    });
  });
}

/** Refreshes network, price and every pool account at once; resolves when all are stored. Never throws. */
export async function refreshSources(deps: RefreshDeps): Promise<void> {
  await Promise.all([refreshNetwork(deps), refreshPrice(deps), ...refreshPools(deps)]);
}
