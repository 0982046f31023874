/**
 * The HTTP server of one simulated HTTP device (AxeOS, GPU miner APIs, gpu-agent, Antminer web UI), with
 * the same forced faults as the TCP miners: 'silent' accepts and never answers, 'garbage' writes bytes
 * that are not HTTP, 'half' announces the full Content-Length and closes halfway through the body.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { SimHttpReply, SimHttpRequest } from '../families/types';
import { garbageBytes } from './garbage';
import { PortListener } from './port-listener';
import type { ListenerFault } from './types';

/** How one HTTP device answers. */
export interface HttpDeviceOptions {
  host: string;
  port: number;
  respond(request: SimHttpRequest): SimHttpReply;
  /** Read once per request. */
  fault(): ListenerFault;
  seed?: number;
}

const MAX_BODY_BYTES = 64 * 1024;
const SILENT_HOLD_MS = 120_000;

export class HttpDeviceListener extends PortListener {
  private requests = 0;

  constructor(private readonly opts: HttpDeviceOptions) {
    super(opts);
  }

  protected createServer(): Server {
    const server = createServer((req, res) => this.handle(req, res));
    server.keepAliveTimeout = 2_000;
    return server;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    this.requests++;
    const fault = this.opts.fault();
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY_BYTES) chunks.push(c);
    });
    req.on('error', () => undefined);
    req.on('end', () => {
      if (fault === 'silent') {
        setTimeout(() => res.destroy(), SILENT_HOLD_MS).unref();
        return;
      }
      if (fault === 'garbage') {
        res.socket?.end(garbageBytes(this.opts.seed ?? 1, this.requests));
        return;
      }
      const url = new URL(req.url ?? '/', 'http://device');
      let reply: SimHttpReply;
      try {
        reply = this.opts.respond({
          method: req.method ?? 'GET',
          path: url.pathname,
          query: url.searchParams,
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
      } catch {
        res.destroy(); // a bug in a reply costs one request, not the simulator
        return;
      }
      const json = typeof reply.body !== 'string';
      const text = json ? JSON.stringify(reply.body) : (reply.body as string);
      const bytes = Buffer.from(text, 'utf8');
      res.writeHead(reply.status, {
        'content-type': json ? 'application/json' : 'text/plain; charset=utf-8',
        'content-length': String(bytes.length),
        ...reply.headers,
      });
      if (fault === 'half') {
        res.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
        setTimeout(() => res.destroy(), 20);
        return;
      }
      res.end(bytes);
    });
  }
}
