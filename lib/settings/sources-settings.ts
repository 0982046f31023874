/**
 * The network and price source settings as a validated document (app_settings 'sources'), edited on the
 * settings screen and read by the collector's sources loop on every refresh; without one, the
 * environment's settings apply. Pure: refusals name the field, the rule and the value; the bitcoind
 * password is shown as "<redacted>" and sending that back keeps the stored one while the node's URL
 * (origin) is the same. A cookie file path names a file on this server that is read and sent to the node
 * with every request, so only the environment sets it (HASHWATT_BITCOIND_COOKIE), and it is sent only to
 * the environment's node (HASHWATT_BITCOIND_URL): a stored document may repeat that pair, nothing else.
 *
 * Nothing public is contacted unless the operator chose it: with no source set (networkSource 'none', no
 * mempool URL, no fixed price) the collector fetches nothing and records why (NO_NETWORK_SOURCE).
 */
import { CURRENCIES, type Currency } from '../domain/network';
import { keepRedactedSecret, REDACTED, urlDestination } from './redacted-secret';
import { err, ok, type Parsed } from '../util/result';

/** app_settings key of the document. */
export const SOURCES_SETTINGS_KEY = 'sources';

/** Bitcoin Core connection: user/password, or a cookie file read on every refresh. */
export interface BitcoindSettings {
  url: string;
  user: string | null;
  password: string | null;
  cookiePath: string | null;
  /** Blocks in the fee average. */
  feeBlocks: number;
}

/** Where network state comes from: 'none' until the operator sets one. */
export type NetworkSourceKind = 'mempool' | 'bitcoind' | 'none';

/** Where network state and the BTC price come from, and how often. */
export interface SourcesSettings {
  networkSource: NetworkSourceKind;
  /** mempool-compatible API base, also the price source (no trailing slash); null: none set. */
  mempoolBaseUrl: string | null;
  /** Set when networkSource is 'bitcoind'. */
  bitcoind: BitcoindSettings | null;
  /** Operator's fixed BTC price in `currency`; when set, no price is fetched. */
  fixedBtcPrice: number | null;
  currency: Currency;
  intervalS: number;
  /** Per-request timeout. */
  timeoutMs: number;
}

/** What the network state says while no source is set (stored as the source's error, shown by the economics). */
export const NO_NETWORK_SOURCE = 'no network source configured: set one in Settings → Network or HASHWATT_MEMPOOL_URL';

/** What the BTC price says while neither a fixed price nor a mempool API is set. */
export const NO_PRICE_SOURCE =
  'no price source configured: set a mempool API or a fixed BTC price in Settings → Network, or HASHWATT_MEMPOOL_URL or HASHWATT_BTC_PRICE';

/** Source label stored beside an outcome when nothing is configured. */
export const UNCONFIGURED_SOURCE = 'none';

export const INTERVAL_S_RANGE = [5, 86_400] as const;
export const TIMEOUT_MS_RANGE = [100, 120_000] as const;
export const FEE_BLOCKS_RANGE = [1, 2016] as const;

/**
 * The cookie file the environment names and the node it belongs to: the only pair a stored document may
 * use. 'unchecked' skips the rule (re-validating the shape of a document the rule already passed).
 */
export type EnvCookie = { cookiePath: string; url: string } | null | 'unchecked';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const shown = (v: unknown) => (typeof v === 'number' ? String(v) : (JSON.stringify(v) ?? String(v)));

function httpUrl(v: unknown, field: string, errors: string[]): string {
  if (typeof v === 'string') {
    try {
      const url = new URL(v.trim());
      if (url.protocol === 'http:' || url.protocol === 'https:') return v.trim();
    } catch {
      // reported below
    }
  }
  errors.push(`${field} must be an http:// or https:// URL (got ${shown(v)})`);
  return '';
}

function wholeNumber(v: unknown, field: string, [min, max]: readonly [number, number], errors: string[]): number {
  if (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max) return v;
  errors.push(`${field} must be a whole number from ${min} to ${max} (got ${shown(v)})`);
  return min;
}

function optionalText(v: unknown, field: string, errors: string[]): string | null {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  errors.push(`${field} must be text (got ${shown(v)})`);
  return null;
}

function bitcoind(v: unknown, stored: BitcoindSettings | null, envCookie: EnvCookie, errors: string[]): BitcoindSettings | null {
  if (!isObj(v)) {
    errors.push('bitcoind settings are required when networkSource is bitcoind (url, and user and password or cookiePath)');
    return null;
  }
  const url = httpUrl(v.url, 'bitcoind.url', errors);
  const user = optionalText(v.user, 'bitcoind.user', errors);
  let password: string | null = null;
  const kept = keepRedactedSecret({
    field: 'bitcoind.password',
    given: v.password,
    stored: stored?.password,
    destination: urlDestination(url),
    storedDestination: urlDestination(stored?.url),
  });
  if (!kept.ok) errors.push(kept.error);
  else password = optionalText(kept.value, 'bitcoind.password', errors);
  const cookiePath = optionalText(v.cookiePath, 'bitcoind.cookiePath', errors);
  if (cookiePath !== null) cookieProblem(cookiePath, url, envCookie, errors);
  if (kept.ok) {
    if ((user === null) !== (password === null)) errors.push('bitcoind.user and bitcoind.password must be set together');
    else if (user === null && cookiePath === null)
      errors.push('bitcoind needs a user and password, or cookiePath (the path of the node’s .cookie file)');
  }
  return { url, user, password, cookiePath, feeBlocks: wholeNumber(v.feeBlocks ?? 144, 'bitcoind.feeBlocks', FEE_BLOCKS_RANGE, errors) };
}

/** A cookie path is the environment's, for the environment's node, or refused. */
function cookieProblem(cookiePath: string, url: string, envCookie: EnvCookie, errors: string[]): void {
  if (envCookie === 'unchecked') return;
  if (envCookie === null || cookiePath !== envCookie.cookiePath) {
    errors.push(
      'bitcoind.cookiePath can be set only by HASHWATT_BITCOIND_COOKIE in the environment, not through the API (it names a file on this server, ' +
        'which is read and sent with every request): set it there, or give bitcoind.user and bitcoind.password',
    );
    return;
  }
  const node = urlDestination(envCookie.url);
  if (urlDestination(url) !== node) {
    errors.push(
      `bitcoind.cookiePath (HASHWATT_BITCOIND_COOKIE) is sent only to the node of HASHWATT_BITCOIND_URL (${node}): use that URL, or give bitcoind.user and bitcoind.password for another node`,
    );
  }
}

const FIELDS = ['networkSource', 'mempoolBaseUrl', 'bitcoind', 'fixedBtcPrice', 'currency', 'intervalS', 'timeoutMs'];

/**
 * Validates a whole settings document. `stored` is what applies now (the stored document or the
 * environment's), whose bitcoind password a "<redacted>" keeps for the same node; `envCookie` is the only
 * cookie file (and node) the document may name (none by default).
 */
export function parseSourcesSettings(body: unknown, stored: SourcesSettings | null, envCookie: EnvCookie = null): Parsed<SourcesSettings> {
  if (!isObj(body)) return err(['the settings must be a JSON object']);
  const errors: string[] = [];
  const unknown = Object.keys(body).filter((k) => !FIELDS.includes(k));
  if (unknown.length > 0) errors.push(`unknown field(s): ${unknown.join(', ')} (allowed: ${FIELDS.join(', ')})`);
  const networkSource = body.networkSource;
  if (networkSource !== 'mempool' && networkSource !== 'bitcoind' && networkSource !== 'none') {
    errors.push(`networkSource must be mempool, bitcoind or none (got ${shown(networkSource)})`);
  }
  const currency = typeof body.currency === 'string' ? body.currency.trim().toUpperCase() : body.currency;
  if (!(CURRENCIES as readonly unknown[]).includes(currency))
    errors.push(`currency must be one of ${CURRENCIES.join(', ')} (got ${shown(body.currency)})`);
  let fixedBtcPrice: number | null = null;
  if (body.fixedBtcPrice !== undefined && body.fixedBtcPrice !== null) {
    if (typeof body.fixedBtcPrice === 'number' && Number.isFinite(body.fixedBtcPrice) && body.fixedBtcPrice > 0)
      fixedBtcPrice = body.fixedBtcPrice;
    else errors.push(`fixedBtcPrice must be a positive number, or empty to fetch the price (got ${shown(body.fixedBtcPrice)})`);
  }
  const blankUrl =
    body.mempoolBaseUrl === undefined ||
    body.mempoolBaseUrl === null ||
    (typeof body.mempoolBaseUrl === 'string' && body.mempoolBaseUrl.trim() === '');
  if (blankUrl && networkSource === 'mempool') {
    errors.push('mempoolBaseUrl is required when networkSource is mempool (e.g. https://mempool.space/api, or your own instance)');
  }
  const settings: SourcesSettings = {
    networkSource: networkSource === 'bitcoind' || networkSource === 'none' ? networkSource : 'mempool',
    mempoolBaseUrl: blankUrl ? null : httpUrl(body.mempoolBaseUrl, 'mempoolBaseUrl', errors).replace(/\/+$/, ''),
    bitcoind: networkSource === 'bitcoind' ? bitcoind(body.bitcoind, stored?.bitcoind ?? null, envCookie, errors) : null,
    fixedBtcPrice,
    currency: currency as Currency,
    intervalS: wholeNumber(body.intervalS, 'intervalS', INTERVAL_S_RANGE, errors),
    timeoutMs: wholeNumber(body.timeoutMs, 'timeoutMs', TIMEOUT_MS_RANGE, errors),
  };
  return errors.length > 0 ? err(errors) : ok(settings);
}

/** The settings as the API and the screen show them: the bitcoind password as "<redacted>". */
export function redactSourcesSettings(s: SourcesSettings): SourcesSettings {
  return s.bitcoind?.password ? { ...s, bitcoind: { ...s.bitcoind, password: REDACTED } } : s;
}
