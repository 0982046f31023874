/**
 * The HTTP transport of HTTP-speaking devices (AxeOS, GPU miner APIs, the gpu-agent, Antminer web CGI):
 * one request with a timeout, an abort signal and a size cap, errors as DeviceErrors naming the URL.
 * node:http rather than fetch so a device that trickles bytes or sends megabytes is cut off exactly.
 */
import { request as httpRequestRaw, type IncomingHttpHeaders } from 'node:http';
import { REFUSED_CODES } from '../socket-errors';
import { DeviceError, type PollTarget } from '../types';

/** Device replies are small (AxeOS info ~3 kB, Antminer stats.cgi ~18 kB); more is not a device API. */
export const MAX_HTTP_REPLY_BYTES = 1024 * 1024;

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
    let received = 0;
    const chunks: Buffer[] = [];
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
    const headers: Record<string, string> = { accept: 'application/json, */*', connection: 'close', ...req.headers };
    if (req.body !== undefined) headers['content-length'] = String(Buffer.byteLength(req.body));
    const r = httpRequestRaw(
      { host: target.address, port: target.port, path: req.path, method, headers, agent: false },
      (res) => {
        res.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (received > MAX_HTTP_REPLY_BYTES) {
            finish(new DeviceError('garbage', `reply to ${label} from ${url} larger than ${MAX_HTTP_REPLY_BYTES} bytes`));
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => {
          if (!res.complete) {
            finish(new DeviceError('truncated', `reply to ${label} from ${url} cut short after ${received} bytes`));
            return;
          }
          finish(null, { status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') });
        });
        res.on('aborted', () => finish(new DeviceError('truncated', `reply to ${label} from ${url} cut short after ${received} bytes`)));
        res.on('error', () => finish(new DeviceError('truncated', `reply to ${label} from ${url} cut short after ${received} bytes`)));
      },
    );
    const onAbort = () => finish(new DeviceError('aborted', `${label} to ${url} aborted`));
    target.signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => {
      const partial = received > 0 ? ` (${received} bytes received)` : '';
      finish(new DeviceError('timeout', `no complete reply to ${label} from ${url} within ${target.timeoutMs} ms${partial}`));
    }, target.timeoutMs);
    r.on('error', (err: NodeJS.ErrnoException) => {
      const code = err.code ?? 'socket error';
      if (code === 'HPE_INVALID_CONSTANT' || code.startsWith('HPE_')) {
        finish(new DeviceError('garbage', `${url} answered ${label} with bytes that are not HTTP (${code})`));
      } else if (REFUSED_CODES.has(code)) {
        finish(new DeviceError('refused', `connection to ${url} failed (${code})`));
      } else if (code === 'ETIMEDOUT') {
        finish(new DeviceError('timeout', `connection to ${url} timed out (ETIMEDOUT)`));
      } else {
        finish(new DeviceError('refused', `connection to ${url} failed (${code}: ${err.message})`));
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
