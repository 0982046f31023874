/**
 * The network and price source settings as a validated document (app_settings 'sources'), edited on the
 * settings screen and read by the collector's sources loop on every refresh; without one, the
 * environment's settings apply. Pure: refusals name the field, the rule and the value; the bitcoind
 * password is shown as "<redacted>" and sending that back keeps the stored one while the node's URL
 * (origin) is the same. A cookie file path names a file on this server that is read and sent to the node
 * with every request, so only the environment sets it (HASHWATT_BITCOIND_COOKIE), and it is sent only to
 * the environment's node (HASHWATT_BITCOIND_URL): a stored document may repeat that pair, nothing else.
 *
 * The messages are worded where the schema checks each field; zod-issues.ts lists them.
 *
 * Nothing public is contacted unless the operator chose it: with no source set (networkSource 'none', no
 * mempool URL, no fixed price) the collector fetches nothing and records why (NO_NETWORK_SOURCE).
 */
import { CURRENCIES, type Currency } from '../domain/network';
import { keepRedactedSecret, REDACTED, urlDestination } from './redacted-secret';
import { err, ok, type Parsed } from '../util/result';
import { z } from '../util/zod-browser';
import { asWritten, issueMessages } from '../util/zod-issues';

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

/** Refuses a field with a message. */
type Refuse = (message: string) => void;

/** A field any value may fill, read (or refused) by `read`; zod runs it for an absent field too. */
function readWith<T>(read: (raw: unknown, refuse: Refuse) => T) {
  return z
    .unknown()
    .optional()
    .transform((raw, ctx) => read(raw, (message) => ctx.addIssue({ code: 'custom', message })));
}

function httpUrl(v: unknown, field: string, refuse: Refuse): string {
  if (typeof v === 'string') {
    try {
      const url = new URL(v.trim());
      if (url.protocol === 'http:' || url.protocol === 'https:') return v.trim();
    } catch {
      // refused below
    }
  }
  refuse(`${field} must be an http:// or https:// URL (got ${shown(v)})`);
  return '';
}

function readWholeNumber(v: unknown, field: string, [min, max]: readonly [number, number], refuse: Refuse): number {
  if (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max) return v;
  refuse(`${field} must be a whole number from ${min} to ${max} (got ${shown(v)})`);
  return min;
}

const wholeNumber = (field: string, range: readonly [number, number]) =>
  readWith((raw, refuse) => readWholeNumber(raw, field, range, refuse));

function optionalText(v: unknown, field: string, refuse: Refuse): string | null {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  refuse(`${field} must be text (got ${shown(v)})`);
  return null;
}

/** A cookie path is the environment's, for the environment's node, or refused. */
function cookieProblem(cookiePath: string, url: string, envCookie: EnvCookie, refuse: Refuse): void {
  if (envCookie === 'unchecked') return;
  if (envCookie === null || cookiePath !== envCookie.cookiePath) {
    refuse(
      'bitcoind.cookiePath can be set only by HASHWATT_BITCOIND_COOKIE in the environment, not through the API (it names a file on this server, ' +
        'which is read and sent with every request): set it there, or give bitcoind.user and bitcoind.password',
    );
    return;
  }
  const node = urlDestination(envCookie.url);
  if (urlDestination(url) !== node) {
    refuse(
      `bitcoind.cookiePath (HASHWATT_BITCOIND_COOKIE) is sent only to the node of HASHWATT_BITCOIND_URL (${node}): use that URL, or give bitcoind.user and bitcoind.password for another node`,
    );
  }
}

/**
 * The bitcoind connection: its URL first (where a kept password and a cookie may go depend on it), then
 * how it signs in (user and password, or the environment's cookie), then the fee average's blocks.
 */
function bitcoindSchema(stored: BitcoindSettings | null, envCookie: EnvCookie) {
  return readWith((raw, refuse): BitcoindSettings | null => {
    if (!isObj(raw)) {
      refuse('bitcoind settings are required when networkSource is bitcoind (url, and user and password or cookiePath)');
      return null;
    }
    const url = httpUrl(raw.url, 'bitcoind.url', refuse);
    const user = optionalText(raw.user, 'bitcoind.user', refuse);
    const kept = keepRedactedSecret({
      field: 'bitcoind.password',
      given: raw.password,
      stored: stored?.password,
      destination: urlDestination(url),
      storedDestination: urlDestination(stored?.url),
    });
    if (!kept.ok) refuse(kept.error);
    const password = kept.ok ? optionalText(kept.value, 'bitcoind.password', refuse) : null;
    const cookiePath = optionalText(raw.cookiePath, 'bitcoind.cookiePath', refuse);
    if (cookiePath !== null) cookieProblem(cookiePath, url, envCookie, refuse);
    if (kept.ok) {
      if ((user === null) !== (password === null)) refuse('bitcoind.user and bitcoind.password must be set together');
      else if (user === null && cookiePath === null)
        refuse('bitcoind needs a user and password, or cookiePath (the path of the node’s .cookie file)');
    }
    const feeBlocks = readWholeNumber(raw.feeBlocks ?? 144, 'bitcoind.feeBlocks', FEE_BLOCKS_RANGE, refuse);
    return { url, user, password, cookiePath, feeBlocks };
  });
}

const FIELDS = ['networkSource', 'mempoolBaseUrl', 'bitcoind', 'fixedBtcPrice', 'currency', 'intervalS', 'timeoutMs'];

/** The document's fields in the order their messages have always come; `networkSource` is the one given. */
function sourcesSchema(networkSource: unknown, stored: SourcesSettings | null, envCookie: EnvCookie) {
  return z.object({
    networkSource: readWith((raw, refuse): NetworkSourceKind => {
      if (raw === 'mempool' || raw === 'bitcoind' || raw === 'none') return raw;
      refuse(`networkSource must be mempool, bitcoind or none (got ${shown(raw)})`);
      return 'mempool';
    }),
    currency: readWith((raw, refuse) => {
      const currency = typeof raw === 'string' ? raw.trim().toUpperCase() : raw;
      if (!(CURRENCIES as readonly unknown[]).includes(currency))
        refuse(`currency must be one of ${CURRENCIES.join(', ')} (got ${shown(raw)})`);
      return currency as Currency;
    }),
    fixedBtcPrice: readWith((raw, refuse) => {
      if (raw === undefined || raw === null) return null;
      if (typeof raw === 'number' && Number.isFinite(raw) && raw > 0) return raw;
      refuse(`fixedBtcPrice must be a positive number, or empty to fetch the price (got ${shown(raw)})`);
      return null;
    }),
    mempoolBaseUrl: readWith((raw, refuse) => {
      if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
        if (networkSource === 'mempool')
          refuse('mempoolBaseUrl is required when networkSource is mempool (e.g. https://mempool.space/api, or your own instance)');
        return null;
      }
      return httpUrl(raw, 'mempoolBaseUrl', refuse).replace(/\/+$/, '');
    }),
    bitcoind: networkSource === 'bitcoind' ? bitcoindSchema(stored?.bitcoind ?? null, envCookie) : readWith(() => null),
    intervalS: wholeNumber('intervalS', INTERVAL_S_RANGE),
    timeoutMs: wholeNumber('timeoutMs', TIMEOUT_MS_RANGE),
  });
}

/**
 * Validates a whole settings document. `stored` is what applies now (the stored document or the
 * environment's), whose bitcoind password a "<redacted>" keeps for the same node; `envCookie` is the only
 * cookie file (and node) the document may name (none by default).
 */
export function parseSourcesSettings(body: unknown, stored: SourcesSettings | null, envCookie: EnvCookie = null): Parsed<SourcesSettings> {
  if (!isObj(body)) return err(['the settings must be a JSON object']);
  // Unknown fields are named first, as they always were (zod would name them last).
  const unknown = Object.keys(body).filter((k) => !FIELDS.includes(k));
  const errors = unknown.length > 0 ? [`unknown field(s): ${unknown.join(', ')} (allowed: ${FIELDS.join(', ')})`] : [];
  const result = sourcesSchema(body.networkSource, stored, envCookie).safeParse(body);
  if (!result.success) errors.push(...issueMessages(result.error.issues, asWritten('the settings'), Number.MAX_SAFE_INTEGER));
  if (!result.success || errors.length > 0) return err(errors);
  const d = result.data;
  return ok({
    networkSource: d.networkSource,
    mempoolBaseUrl: d.mempoolBaseUrl,
    bitcoind: d.bitcoind,
    fixedBtcPrice: d.fixedBtcPrice,
    currency: d.currency,
    intervalS: d.intervalS,
    timeoutMs: d.timeoutMs,
  });
}

/** The settings as the API and the screen show them: the bitcoind password as "<redacted>". */
export function redactSourcesSettings(s: SourcesSettings): SourcesSettings {
  return s.bitcoind?.password ? { ...s, bitcoind: { ...s.bitcoind, password: REDACTED } } : s;
}
