/**
 * The one way sources talk HTTP: fetch with a hard timeout (AbortSignal.timeout covers the body too) and a
 * SourceError that says what went wrong and where, without ever printing a credential.
 */

/** What kind of failure: the operator's next step differs for each. */
export type SourceErrorKind = 'timeout' | 'unreachable' | 'http' | 'garbage' | 'unexpected' | 'config';

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
  timeoutMs: number;
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

/** The secrets a request carries (header values and URL password), to mask in anything echoed back. */
function secretsOf(url: string, headers: Record<string, string> | undefined): string[] {
  const out = Object.values(headers ?? {}).filter((v) => v.length >= 4);
  try {
    const u = new URL(url);
    if (u.password) out.push(decodeURIComponent(u.password));
  } catch {
    /* not a URL: nothing to add */
  }
  return out;
}

/** First line of a body for an error message, shortened and with secrets masked. */
export function snippet(text: string, secrets: readonly string[] = []): string {
  let s = text.replace(/\s+/g, ' ').trim();
  for (const secret of secrets) s = s.split(secret).join('***');
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

function errorCode(err: unknown): string {
  const e = err as { name?: string; code?: string; cause?: { code?: string; message?: string }; message?: string };
  return e.cause?.code ?? e.code ?? e.cause?.message ?? e.message ?? String(err);
}

/** A raw exchange: status and body text, without judging the status (JSON-RPC puts errors in 500s). */
export async function request(
  url: string,
  init: { method: 'GET' | 'POST'; body?: string; contentType?: string },
  opts: HttpOptions,
): Promise<{ status: number; text: string }> {
  const where = `${init.method} ${redactUrl(url)}`;
  const headers: Record<string, string> = { accept: 'application/json, text/plain;q=0.9', ...opts.headers };
  if (init.contentType) headers['content-type'] = init.contentType;
  const doFetch = opts.fetch ?? fetch;
  try {
    const res = await doFetch(url, {
      method: init.method,
      headers,
      body: init.body,
      signal: AbortSignal.timeout(opts.timeoutMs),
      redirect: 'follow',
    });
    return { status: res.status, text: await res.text() };
  } catch (err) {
    const name = (err as { name?: string }).name;
    if (name === 'TimeoutError' || name === 'AbortError') {
      throw new SourceError('timeout', `no answer within ${opts.timeoutMs} ms`, where);
    }
    throw new SourceError('unreachable', `cannot reach the server: ${errorCode(err)}`, where);
  }
}

function httpError(status: number, text: string, where: string, secrets: string[]): SourceError {
  const body = snippet(text, secrets);
  return new SourceError('http', `HTTP ${status}${body ? `: ${body}` : ''}`, where, status);
}

/** GET a body as text; non-2xx statuses become SourceError('http'). */
export async function getText(url: string, opts: HttpOptions): Promise<string> {
  const { status, text } = await request(url, { method: 'GET' }, opts);
  if (status < 200 || status > 299) throw httpError(status, text, `GET ${redactUrl(url)}`, secretsOf(url, opts.headers));
  return text;
}

/** Parses a body as JSON, or throws SourceError('garbage') naming where it came from. */
export function parseJsonBody(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const kind = text.trim() === '' ? 'empty body' : `not JSON: ${snippet(text)}`;
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
  if (res.status < 200 || res.status > 299) throw httpError(res.status, res.text, where, secretsOf(url, opts.headers));
  return parseJsonBody(res.text, where);
}

/** One line for the source_state table from anything thrown. */
export function describeError(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.replace(/\s+/g, ' ').trim().slice(0, 300);
}
