/**
 * The HTTP transport of HTTP-speaking devices (AxeOS, GPU miner APIs, the gpu-agent, Antminer web CGI):
 * one request with a timeout, an abort signal and caps on the headers and the body, errors as DeviceErrors
 * naming the URL and saying what happened (refused, reset after N bytes, closed without a reply, over a
 * cap, not HTTP, incomplete at the deadline). node:http rather than fetch so a device that trickles bytes
 * or sends megabytes is cut off exactly.
 */
import { request as httpRequestRaw, type IncomingHttpHeaders } from 'node:http';
import type { Socket } from 'node:net';
import { MAX_REPLY_DEPTH, nestsDeeperThan, tooDeepError } from '../reply-depth';
import { closedError, snippet, socketError, stallError, tooLargeError } from '../socket-errors';
import { DeviceError, type PollTarget } from '../types';

/** Device replies are small (AxeOS info ~3 kB, Antminer stats.cgi ~18 kB); more is not a device API. */
export const MAX_HTTP_REPLY_BYTES = 1024 * 1024;
/** Device headers are a few hundred bytes; node's parser refuses more than this (HPE_HEADER_OVERFLOW). */
export const MAX_HTTP_HEADER_BYTES = 16 * 1024;

/** One HTTP request to a device. */
export interface DeviceHttpRequest {
  method?: 'GET' | 'POST' | 'PATCH';
  /** Path and query, e.g. "/api/system/info". */
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/** What came back (any status: the caller decides what a 401 or 404 means). */
export interface DeviceHttpReply {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

/** "http://10.0.0.5:80/api/system/info", or with [..] for IPv6. */
export function describeUrl(target: Pick<PollTarget, 'address' | 'port'>, path: string): string {
  const host = target.address.includes(':') ? `[${target.address}]` : target.address;
  return `http://${host}:${target.port}${path}`;
}

/** Sends one request; resolves with any HTTP status, rejects with a DeviceError on transport failure. */
export function deviceHttp(target: PollTarget, req: DeviceHttpRequest): Promise<DeviceHttpReply> {
  const method = req.method ?? 'GET';
  const url = describeUrl(target, req.path);
  const label = `${method} ${req.path}`;
  return new Promise<DeviceHttpReply>((resolve, reject) => {
    if (target.signal?.aborted) {
      reject(new DeviceError('aborted', `${label} to ${url} aborted before sending`));
      return;
    }
    let settled = false;
    let bodyBytes = 0;
    let connected = false;
    let socket: Socket | null = null;
    /** The first bytes off the wire, to show what a device that does not speak HTTP sent. */
    let head = Buffer.alloc(0);
    const chunks: Buffer[] = [];
    // Headers count: a device that trickles or floods them is cut like one that does so with its body.
    const wireBytes = () => socket?.bytesRead ?? 0;
    const finish = (err: DeviceError | null, reply?: DeviceHttpReply) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      target.signal?.removeEventListener('abort', onAbort);
      if (err) {
        r.destroy();
        reject(err);
      } else {
        target.recorder?.(label, reply!.text);
        resolve(reply!);
      }
    };
    const cutShort = () => new DeviceError('truncated', `reply to ${label} from ${url} cut short after ${wireBytes()} bytes`);
    const headers: Record<string, string> = { accept: 'application/json, */*', connection: 'close', ...req.headers };
    if (req.body !== undefined) headers['content-length'] = String(Buffer.byteLength(req.body));
    const r = httpRequestRaw(
      { host: target.address, port: target.port, path: req.path, method, headers, agent: false, maxHeaderSize: MAX_HTTP_HEADER_BYTES },
      (res) => {
        res.on('data', (chunk: Buffer) => {
          bodyBytes += chunk.length;
          if (bodyBytes > MAX_HTTP_REPLY_BYTES) {
            finish(tooLargeError(label, url, MAX_HTTP_REPLY_BYTES));
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => {
          if (!res.complete) {
            finish(cutShort());
            return;
          }
          finish(null, { status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') });
        });
        res.on('aborted', () => finish(cutShort()));
        res.on('error', () => finish(cutShort()));
      },
    );
    r.on('socket', (s: Socket) => {
      socket = s;
      s.once('connect', () => (connected = true));
      // Ahead of node's parser, which may fail on this very chunk: the snippet must already hold it.
      s.prependListener('data', (chunk: Buffer) => {
        if (head.length < 64) head = Buffer.concat([head, chunk.subarray(0, 64 - head.length)]);
        target.onReplyBytes?.(chunk.length);
      });
    });
    const onAbort = () => finish(new DeviceError('aborted', `${label} to ${url} aborted`));
    target.signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => finish(stallError(label, url, target.timeoutMs, connected, wireBytes())), target.timeoutMs);
    r.on('error', (err: NodeJS.ErrnoException) => {
      const code = err.code ?? 'socket error';
      if (code === 'HPE_HEADER_OVERFLOW') {
        finish(new DeviceError('too-large', `headers of the reply to ${label} from ${url} larger than ${MAX_HTTP_HEADER_BYTES} bytes`));
      } else if (code.startsWith('HPE_')) {
        finish(new DeviceError('garbage', `${url} answered ${label} with bytes that are not HTTP (${code}; starts ${snippet(head)})`));
      } else if (err.message === 'socket hang up') {
        // node's word for a close before a whole response head: with no byte at all, no reply.
        finish(wireBytes() === 0 ? closedError(label, url) : cutShort());
      } else {
        finish(socketError(err, label, url, wireBytes()));
      }
    });
    if (req.body !== undefined) r.write(req.body);
    r.end();
  });
}

/**
 * GET (or the given request) and parse the JSON body. Throws DeviceError 'auth' on 401/403, 'api-error'
 * on any other non-2xx, 'garbage' when the body is not JSON. Leading blank lines (Antminer
 * get_miner_conf.cgi) and a BOM are tolerated.
 */
export async function deviceJson(target: PollTarget, req: DeviceHttpRequest | string): Promise<unknown> {
  const r = typeof req === 'string' ? { path: req } : req;
  const reply = await deviceHttp(target, r);
  return parseJsonReply(reply, `${r.method ?? 'GET'} ${r.path}`, describeUrl(target, r.path));
}

/** The JSON body of a 2xx reply, or the DeviceError that says why there is none. Pure. */
export function parseJsonReply(reply: DeviceHttpReply, label: string, url: string): unknown {
  if (reply.status === 401 || reply.status === 403) {
    throw new DeviceError('auth', `${url} refused ${label} with HTTP ${reply.status} (credentials needed or wrong)`);
  }
  if (reply.status < 200 || reply.status > 299) {
    throw new DeviceError('api-error', `${url} answered ${label} with HTTP ${reply.status}`);
  }
  const text = reply.text.replace(/^\uFEFF/, '').trim();
  if (text === '') throw new DeviceError('unexpected', `${url} answered ${label} with an empty body`);
  if (nestsDeeperThan(text, MAX_REPLY_DEPTH)) throw tooDeepError(`${url}'s answer to ${label}`);
  try {
    return JSON.parse(text);
  } catch (err) {
    const head = JSON.stringify(text.slice(0, 40));
    const looksCut = /^[[{]/.test(text) && !/[\]}]$/.test(text);
    throw new DeviceError(
      looksCut ? 'truncated' : 'garbage',
      `${url} answered ${label} with ${looksCut ? 'JSON cut short' : 'a body that is not JSON'} (${(err as Error).message}; starts ${head})`,
    );
  }
}
