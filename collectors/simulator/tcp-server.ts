/**
 * The TCP listener of one simulated miner, framed like cgminer (protocols.md section 1.1): read one request,
 * answer with the JSON text plus one NUL byte, close. It must survive anything a client does (garbage,
 * early disconnects, never sending), because the collector's error handling is tested against it.
 */
import net from 'node:net';
import { isCompleteJson } from './cgminer-envelope';
import { PortListener } from './listeners/port-listener';
import { garbageBytes } from './listeners/garbage';

export type { ListenerFault } from './listeners/types';
import type { ListenerFault } from './listeners/types';

/** How one miner's listener answers. */
export interface MinerListenerOptions {
  host: string;
  port: number;
  /** The reply to one request body, without the trailing NUL. */
  respond: (request: string) => string;
  /** Read once per connection, so a fault set mid-poll does not cut a reply in two. */
  fault: () => ListenerFault;
  /** Seed for garbage bytes, so a failing test sees the same bytes again. */
  seed?: number;
  /** Appended to every reply: cgminer's NUL (default) or PhoenixMiner's newline. */
  terminator?: string;
}

/** Requests are tiny; anything bigger is a confused client and gets the Invalid JSON reply. */
const MAX_REQUEST_BYTES = 64 * 1024;
/** A partial non-JSON request (e.g. plain "summary" without a half-close) is answered after this pause. */
const SETTLE_MS = 300;
/** A client that connects and never sends is dropped after this long. */
const IDLE_MS = 10_000;
/** A 'silent' connection is held at most this long, so a forgotten fault cannot leak sockets forever. */
const SILENT_HOLD_MS = 120_000;

/** One miner's port: open() to accept, close() to refuse connections (ECONNREFUSED) like a rig gone dark. */
export class MinerListener extends PortListener {
  private connections = 0;

  constructor(private readonly opts: MinerListenerOptions) {
    super(opts);
  }

  protected createServer(): net.Server {
    return net.createServer({ allowHalfOpen: true }, (socket) => this.handle(socket));
  }

  private garbage(): Buffer {
    return garbageBytes(this.opts.seed ?? 1, this.connections);
  }

  private handle(socket: net.Socket): void {
    this.connections++;
    const fault = this.opts.fault();
    const chunks: Buffer[] = [];
    let size = 0;
    let answered = false;
    let settleTimer: NodeJS.Timeout | null = null;
    let idleTimer: NodeJS.Timeout | null = setTimeout(() => (size === 0 ? socket.destroy() : answer()), IDLE_MS);

    const clearTimers = () => {
      if (settleTimer) clearTimeout(settleTimer);
      if (idleTimer) clearTimeout(idleTimer);
      settleTimer = idleTimer = null;
    };
    socket.on('error', () => undefined); // resets from clients that leave early are normal
    socket.on('close', clearTimers);
    // No setNoDelay: each reply is one write followed by FIN, which Nagle never holds back (one syscall less per connection).

    const answer = () => {
      if (answered) return;
      answered = true;
      clearTimers();
      if (fault === 'silent') {
        idleTimer = setTimeout(() => socket.destroy(), SILENT_HOLD_MS);
        return;
      }
      if (socket.destroyed || !socket.writable) return;
      if (fault === 'garbage') {
        socket.end(this.garbage());
        return;
      }
      const request = size > MAX_REQUEST_BYTES ? '' : Buffer.concat(chunks).toString('utf8');
      let reply: string;
      try {
        reply = this.opts.respond(request);
      } catch {
        socket.destroy(); // a bug in a reply must cost one connection, not the simulator
        return;
      }
      socket.end(fault === 'half' ? reply.slice(0, Math.floor(reply.length / 2)) : reply + (this.opts.terminator ?? '\u0000'));
    };

    socket.on('data', (chunk: Buffer) => {
      if (answered) return;
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) return answer();
      chunks.push(chunk);
      if (isCompleteJson(Buffer.concat(chunks).toString('utf8'))) return answer();
      if (settleTimer) clearTimeout(settleTimer);
      settleTimer = setTimeout(answer, SETTLE_MS);
    });
    // The client half-closed: whatever arrived is the whole request.
    socket.on('end', answer);
  }
}
