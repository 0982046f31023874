/**
 * One HTTP(S) request to a checked destination: the host is resolved through a checked resolver first and
 * the connection goes to exactly the address that was judged (the socket's `lookup` answers with it), so
 * a name that resolves to a public address when checked cannot rebind to a private one before the
 * connect. One deadline covers the whole exchange (resolving, connecting, the headers and the body); the
 * reply is read up to a byte cap and the connection dropped there. No redirect is followed.
 */
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';
import { bareHost, OutboundRefused, type ResolvedAddress, type Resolve } from './checked-resolve';

/** What to send and under which limits. */
export interface CheckedRequestOptions {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string | Uint8Array;
  /** Deadline of the whole exchange. */
  timeoutMs: number;
  signal?: AbortSignal;
  /** Reply bytes kept at most; the connection is dropped once more arrive. */
  maxReplyBytes: number;
  /** A checked resolver (checked-resolve.ts): it decides where the request may go. */
  resolve: Resolve;
  /** Certificates to trust instead of the system's (tests: their own self-signed one). */
  ca?: string | Buffer | (string | Buffer)[];
  /** Schemes allowed (default http and https). */
  protocols?: readonly ('http:' | 'https:')[];
}

/** The reply: its status, headers and up to maxReplyBytes of its body. */
export interface CheckedReply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** True when the body went on past the cap (what is in `body` is its start). */
  truncated: boolean;
}

export type RequestFailureKind = 'refused' | 'timeout' | 'aborted' | 'network';

/** Why no reply came: the destination is forbidden, the deadline passed, the caller cancelled, or the network failed. */
export class RequestFailed extends Error {
  constructor(
    message: string,
    readonly kind: RequestFailureKind,
    /** The system error code (ECONNREFUSED, CERT_HAS_EXPIRED...) when there is one. */
    readonly code?: string,
  ) {
    super(message);
    this.name = 'RequestFailed';
  }
}

/** A lookup that answers with the address already checked, whatever form Node asks in. */
function fixedLookup(target: ResolvedAddress): LookupFunction {
  return ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  }) as unknown as LookupFunction;
}

function errorCode(err: unknown): string | undefined {
  let current: unknown = err;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Sends the request and reads the reply within the deadline and the byte cap. */
export async function checkedRequest(opts: CheckedRequestOptions): Promise<CheckedReply> {
  const url = new URL(opts.url);
  const protocols = opts.protocols ?? ['http:', 'https:'];
  if (!(protocols as readonly string[]).includes(url.protocol)) {
    throw new RequestFailed(
      `${url.protocol} URLs are not allowed here (only ${protocols.map((p) => p.slice(0, -1)).join(' or ')})`,
      'refused',
    );
  }
  if (opts.signal?.aborted) throw new RequestFailed('cancelled', 'aborted');

  let settle: { reject: (err: RequestFailed) => void } | null = null;
  let onStop: ((err: RequestFailed) => void) | null = null;
  const stop = (err: RequestFailed) => {
    onStop?.(err);
    settle?.reject(err);
  };
  const timer = setTimeout(() => stop(new RequestFailed(`no complete reply within ${opts.timeoutMs} ms`, 'timeout')), opts.timeoutMs);
  const onAbort = () => stop(new RequestFailed('cancelled', 'aborted'));
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  const stopped = new Promise<never>((_, reject) => (settle = { reject }));
  stopped.catch(() => undefined);
  try {
    let target: ResolvedAddress;
    try {
      target = (await Promise.race([opts.resolve(url.hostname), stopped]))[0];
    } catch (err) {
      if (err instanceof RequestFailed) throw err;
      if (err instanceof OutboundRefused) throw new RequestFailed(err.message, err.reason === 'policy' ? 'refused' : 'network');
      throw new RequestFailed(`cannot resolve ${bareHost(url.hostname)}`, 'network', errorCode(err));
    }
    return await new Promise<CheckedReply>((resolve, reject) => {
      const host = bareHost(url.hostname);
      const client = url.protocol === 'https:' ? https : http;
      const req = client.request({
        method: opts.method,
        protocol: url.protocol,
        hostname: host,
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        headers: opts.headers,
        agent: false,
        lookup: fixedLookup(target),
        ...(url.protocol === 'https:' ? { ca: opts.ca, servername: isIP(host) ? undefined : host } : {}),
      } as https.RequestOptions);
      onStop = (err) => {
        req.destroy(err);
        reject(err);
      };
      req.on('error', (err) => {
        if (err instanceof RequestFailed) return reject(err);
        const code = errorCode(err);
        reject(new RequestFailed(`cannot reach ${url.host}${code ? ` (${code})` : ''}`, 'network', code));
      });
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        let bytes = 0;
        let truncated = false;
        res.on('data', (chunk: Buffer) => {
          if (truncated) return;
          const room = opts.maxReplyBytes - bytes;
          if (chunk.length > room) {
            if (room > 0) chunks.push(chunk.subarray(0, room));
            bytes = opts.maxReplyBytes;
            truncated = true;
            // Enough read: drop the connection rather than hold or drain the rest.
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), truncated });
            req.destroy();
            return;
          }
          chunks.push(chunk);
          bytes += chunk.length;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), truncated }));
        res.on('error', (err) => {
          const code = errorCode(err);
          reject(
            new RequestFailed(`the reply from ${url.host} broke off after ${bytes} bytes${code ? ` (${code})` : ''}`, 'network', code),
          );
        });
      });
      req.end(opts.body === undefined ? undefined : Buffer.from(opts.body));
    });
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onAbort);
  }
}
