/**
 * Bitcoin Core JSON-RPC 1.0 over HTTP POST with basic auth (rpcuser/rpcpassword or the `.cookie` file's
 * `__cookie__:<hex>`). Single calls and batches (a JSON array: one round trip for many getblockstats).
 */
import { describeValue } from '../../../lib/util/describe-value';
import { readFileCapped } from '../../../lib/util/read-file-capped';
import { httpError, locate, parseJsonBody, redactUrl, request, snippet, SourceError, type HttpOptions } from '../http';
import { record } from '../parse';
import { err, ok, type Result } from '../../../lib/util/result';

/** Credentials for the node: from the operator's settings or the cookie file's contents. */
export interface BitcoindAuth {
  user: string;
  password: string;
}

/** One call of a batch. */
export interface RpcCall {
  method: string;
  params: unknown[];
}

/** A batch element's outcome: Core answers each element separately, errors included. */
export type RpcOutcome = Result<unknown, string>;

/** Splits cookie file contents ("__cookie__:<hex>", maybe with a newline) into basic-auth credentials. */
export function parseCookie(contents: string): BitcoindAuth {
  const line = contents.trim();
  const colon = line.indexOf(':');
  if (colon < 1 || colon === line.length - 1) {
    throw new SourceError('config', 'bitcoind cookie file does not hold "user:password" (expected __cookie__:<hex>)');
  }
  return { user: line.slice(0, colon), password: line.slice(colon + 1) };
}

/** A cookie is "__cookie__:" and 64 hex digits; a file much larger is not one (or is /dev/zero). */
const COOKIE_MAX_BYTES = 4096;

/** Reads the cookie file; Core rewrites it on every start, so read it on every refresh. */
export async function readCookie(path: string): Promise<BitcoindAuth> {
  let read: Awaited<ReturnType<typeof readFileCapped>>;
  try {
    read = await readFileCapped(path, COOKIE_MAX_BYTES);
  } catch (err) {
    throw new SourceError('config', `cannot read the bitcoind cookie file ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  if (!read.ok)
    throw new SourceError('config', `the bitcoind cookie file ${path} is larger than ${COOKIE_MAX_BYTES} bytes: not a cookie file`);
  return parseCookie(read.value);
}

/** The outcome inside one JSON-RPC envelope `{result, error, id}`; `error` may be an object or a string. */
export function rpcOutcome(envelope: unknown): RpcOutcome {
  const o = record(envelope, 'JSON-RPC reply');
  if (!('result' in o) && !('error' in o)) throw new SourceError('unexpected', 'JSON-RPC reply has neither result nor error');
  if (o.error !== null && o.error !== undefined) {
    const e = o.error as { code?: unknown; message?: unknown };
    const error =
      typeof o.error === 'object'
        ? `RPC error ${String(e.code ?? '?')}: ${String(e.message ?? describeValue(o.error))}`
        : `RPC error: ${String(o.error)}`;
    return err(snippet(error));
  }
  return ok(o.result);
}

/** The result of a single-call envelope, or a SourceError naming the method. */
export function rpcResult(envelope: unknown, method: string): unknown {
  const out = rpcOutcome(envelope);
  if (!out.ok) throw new SourceError('unexpected', `${method}: ${out.error}`);
  return out.value;
}

function basic(auth: BitcoindAuth): string {
  return `Basic ${Buffer.from(`${auth.user}:${auth.password}`, 'utf8').toString('base64')}`;
}

/** POSTs `body` and returns the parsed JSON; Core's RPC errors arrive as HTTP 500/404 with a JSON body. */
async function post(url: string, auth: BitcoindAuth, body: unknown, opts: HttpOptions): Promise<unknown> {
  const where = `POST ${redactUrl(url)}`;
  const res = await request(
    url,
    { method: 'POST', body: JSON.stringify(body), contentType: 'application/json' },
    {
      ...opts,
      headers: { ...opts.headers, authorization: basic(auth) },
    },
  );
  if (res.status === 401 || res.status === 403) {
    throw new SourceError('http', `HTTP ${res.status}: bitcoind refused the RPC user/password or cookie`, where, res.status);
  }
  try {
    return parseJsonBody(res.text, where);
  } catch (err) {
    if (res.status >= 200 && res.status <= 299) throw err;
    throw httpError(res.status, where);
  }
}

/** One call; throws on transport errors and on an RPC error. */
export async function rpcCall(url: string, auth: BitcoindAuth, call: RpcCall, opts: HttpOptions): Promise<unknown> {
  const reply = await post(url, auth, { jsonrpc: '1.0', id: 'hashwatt', method: call.method, params: call.params }, opts);
  return locate(`POST ${redactUrl(url)}`, () => rpcResult(reply, call.method));
}

/** A batch in one request; per-element outcomes in call order (Core may answer out of order: ids match). */
export async function rpcBatch(url: string, auth: BitcoindAuth, calls: RpcCall[], opts: HttpOptions): Promise<RpcOutcome[]> {
  if (calls.length === 0) return [];
  const where = `POST ${redactUrl(url)}`;
  const reply = await post(
    url,
    auth,
    calls.map((c, id) => ({ jsonrpc: '1.0', id, method: c.method, params: c.params })),
    opts,
  );
  return locate(where, () => {
    if (!Array.isArray(reply)) {
      // A non-array reply to a batch is a whole-request error (old nodes, proxies).
      const single = rpcOutcome(reply);
      throw new SourceError('unexpected', single.ok ? 'batch reply is not an array' : single.error);
    }
    const byId = new Map<number, RpcOutcome>();
    for (const element of reply) byId.set(Number(record(element, 'JSON-RPC batch element').id), rpcOutcome(element));
    return calls.map((c, id) => byId.get(id) ?? err(`no reply for ${c.method}`));
  });
}
