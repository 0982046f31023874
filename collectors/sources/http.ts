/**
 * The one way sources talk HTTP: fetch with a hard deadline that covers the whole reply (headers and
 * body), the body read as a stream and cut at a byte cap (a declared Content-Length over it is refused
 * unread), no redirect followed (a source is asked where the operator pointed it, and its credentials go
 * nowhere else), and a SourceError that says what went wrong and where, without ever printing a
 * credential or the reply itself: errors are shown to every user (the network panel), and a reply may
 * hold whatever the host behind the URL chose to send, so only its status and size are named.
 */
import { formatBytes } from '../../lib/format/units';
import { jsonNestsDeeperThan, MAX_JSON_DEPTH } from '../../lib/util/json-depth';
import { readCappedText } from '../../lib/util/read-capped';

/** What kind of failure: the operator's next step differs for each. */
export type SourceErrorKind = 'timeout' | 'unreachable' | 'http' | 'too-large' | 'garbage' | 'unexpected' | 'implausible' | 'config';

/**
 * The largest reply each kind of source may send, bytes. Network and price replies are a few kB; a
 * Bitcoin Core batch of 2016 getblockstats is about 250 kB; a pool's worker list grows with the fleet
 * (10,000 workers is about 2 MB); a real-time tariff feed may be a day of 5-minute prices.
 */
export const REPLY_MAX_BYTES = {
  mempool: 256 * 1024,
  bitcoind: 1024 * 1024,
  pool: 8 * 1024 * 1024,
  tariffFeed: 4 * 1024 * 1024,
} as const;

/** A failed fetch or parse. The message is one line and names the URL (credentials removed). */
export class SourceError extends Error {
  constructor(
    readonly kind: SourceErrorKind,
    readonly detail: string,
    /** Method and URL, e.g. "GET https://mempool.space/api/blocks/tip/height". */
    readonly where: string | null = null,
    readonly status: number | null = null,
  ) {
    super(where ? `${detail} (${where})` : detail);
    this.name = 'SourceError';
  }

  /** The same error located at `where`, for parser errors raised before the caller knew where it was. */
  at(where: string): SourceError {
    return this.where ? this : new SourceError(this.kind, this.detail, where, this.status);
  }
}

/** Options shared by every request. */
export interface HttpOptions {
  /** Deadline of the whole exchange: connecting, the headers and the last byte of the body. */
  timeoutMs: number;
  /** Largest reply accepted (default: REPLY_MAX_BYTES.mempool); a longer one is cut there. */
  maxBytes?: number;
  headers?: Record<string, string>;
  /** Injected in tests; defaults to the global fetch. */
  fetch?: typeof fetch;
}

/** A URL safe to print: user:password@ removed. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    return u.toString();
  } catch {
    return url.replace(/\/\/[^/@]*@/, '//');
  }
}

/** Joins a base URL and a path with exactly one slash between them. */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** A short text (a JSON-RPC error's message) for an error message, shortened and with secrets masked. */
export function snippet(text: string, secrets: readonly string[] = []): string {
  let s = text.replace(/\s+/g, ' ').trim();
  for (const secret of secrets) s = s.split(secret).join('***');
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

function errorCode(err: unknown): string {
  const e = err as { name?: string; code?: string; cause?: { code?: string; message?: string }; message?: string };
  return e.cause?.code ?? e.code ?? e.cause?.message ?? e.message ?? String(err);
}

const isTimeout = (err: unknown) => {
  const name = (err as { name?: string }).name;
  return name === 'TimeoutError' || name === 'AbortError';
};

/**
 * A raw exchange: status and body text, without judging the status (JSON-RPC puts errors in 500s). The
 * reply must be complete within `timeoutMs` and no larger than `maxBytes`; a slow trickle or an endless
 * body is cut at whichever comes first, and nothing past the cap is held.
 */
export async function request(
  url: string,
  init: { method: 'GET' | 'POST'; body?: string; contentType?: string },
  opts: HttpOptions,
): Promise<{ status: number; text: string }> {
  const where = `${init.method} ${redactUrl(url)}`;
  const maxBytes = opts.maxBytes ?? REPLY_MAX_BYTES.mempool;
  const headers: Record<string, string> = { accept: 'application/json, text/plain;q=0.9', ...opts.headers };
  if (init.contentType) headers['content-type'] = init.contentType;
  const doFetch = opts.fetch ?? fetch;
  const signal = AbortSignal.timeout(opts.timeoutMs);
  let res: Response;
  try {
    res = await doFetch(url, { method: init.method, headers, body: init.body, signal, redirect: 'manual' });
  } catch (err) {
    if (isTimeout(err)) throw new SourceError('timeout', `no answer within ${opts.timeoutMs} ms`, where);
    throw new SourceError('unreachable', `cannot reach the server: ${errorCode(err)}`, where);
  }
  const location = res.headers.get('location');
  if (res.status >= 300 && res.status <= 399 && location !== null) {
    await res.body?.cancel().catch(() => undefined);
    throw new SourceError(
      'http',
      `HTTP ${res.status} redirects to ${locationHost(location, url)}; redirects are not followed: set the URL it points to`,
      where,
      res.status,
    );
  }
  const tooLarge = (what: string) =>
    new SourceError('too-large', `the reply is larger than the ${formatBytes(maxBytes)} this source may send (${what})`, where, res.status);
  const declared = Number(res.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw tooLarge(`Content-Length ${declared}`);
  }
  const progress = { bytes: 0 };
  let read: Awaited<ReturnType<typeof readCappedText>>;
  try {
    read = await readCappedText(res.body, maxBytes, 'cancel', progress);
  } catch (err) {
    if (isTimeout(err) || signal.aborted)
      throw new SourceError('timeout', `the reply was not complete within ${opts.timeoutMs} ms (${progress.bytes} bytes came)`, where);
    throw new SourceError('unreachable', `the connection failed after ${progress.bytes} bytes of the reply: ${errorCode(err)}`, where);
  }
  if (!read.ok) throw tooLarge(`cut after ${read.error.bytes} bytes`);
  return { status: res.status, text: read.value.text };
}

/** Where a Location header points, as a host (a path or query may carry a token); "an invalid URL" when none. */
function locationHost(location: string, base: string): string {
  try {
    return new URL(location, base).host || 'an invalid URL';
  } catch {
    return 'an invalid URL';
  }
}

/** A non-2xx status as an error: the status, and for a refusal of credentials a fixed word, never the body. */
export function httpError(status: number, where: string): SourceError {
  const refused = status === 401 || status === 403 ? ': the server refused the credentials' : '';
  return new SourceError('http', `HTTP ${status}${refused}`, where, status);
}

/** GET a body as text; non-2xx statuses become SourceError('http'). */
export async function getText(url: string, opts: HttpOptions): Promise<string> {
  const { status, text } = await request(url, { method: 'GET' }, opts);
  if (status < 200 || status > 299) throw httpError(status, `GET ${redactUrl(url)}`);
  return text;
}

/** Parses a body as JSON, or throws SourceError('garbage') naming where it came from. */
export function parseJsonBody(text: string, where: string): unknown {
  // Parsing is iterative, but every reader after it recurses: refuse a reply no API nests this deep.
  if (jsonNestsDeeperThan(text, MAX_JSON_DEPTH))
    throw new SourceError('garbage', `JSON nested deeper than ${MAX_JSON_DEPTH} levels`, where);
  try {
    return JSON.parse(text);
  } catch {
    const kind = text.trim() === '' ? 'empty body' : `not JSON (${Buffer.byteLength(text)} bytes)`;
    throw new SourceError('garbage', kind, where);
  }
}

/** GET and parse JSON. */
export async function getJson(url: string, opts: HttpOptions): Promise<unknown> {
  return parseJsonBody(await getText(url, opts), `GET ${redactUrl(url)}`);
}

/** Runs a pure parser, locating its SourceErrors at `where` (parsers do not know where input came from). */
export function locate<T>(where: string, parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    throw err instanceof SourceError ? err.at(where) : new SourceError('unexpected', describeError(err), where);
  }
}

/** GET a body and run `parse` on it: JSON by default, raw text with `{ text: true }`. */
export async function getParsed<T>(url: string, opts: HttpOptions & { text: true }, parse: (body: string) => T): Promise<T>;
export async function getParsed<T>(url: string, opts: HttpOptions & { text?: false }, parse: (body: unknown) => T): Promise<T>;
export async function getParsed<T>(url: string, opts: HttpOptions & { text?: boolean }, parse: (body: never) => T): Promise<T> {
  const body = opts.text ? await getText(url, opts) : await getJson(url, opts);
  return locate(`GET ${redactUrl(url)}`, () => (parse as (b: unknown) => T)(body));
}

/** POST a body (JSON unless a content type is given) and parse the JSON reply; non-2xx are errors. */
export async function postJson(url: string, body: unknown, opts: HttpOptions & { contentType?: string }): Promise<unknown> {
  const contentType = opts.contentType ?? 'application/json';
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const res = await request(url, { method: 'POST', body: text, contentType }, opts);
  const where = `POST ${redactUrl(url)}`;
  if (res.status < 200 || res.status > 299) throw httpError(res.status, where);
  return parseJsonBody(res.text, where);
}

/** One line for the source_state table from anything thrown. */
export function describeError(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.replace(/\s+/g, ' ').trim().slice(0, 300);
}
