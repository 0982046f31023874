/**
 * The TCP listener of one simulated Whatsminer API v3 device (protocols.md §1.7): uint32-LE length + JSON
 * frames both ways on a kept-open connection. Every request frame gets one reply frame from respond();
 * zero-length frames (heartbeats) get none; a connection idle for 300 s is closed, as the device does.
 * Faults, read per request: 'silent' never answers, 'garbage' writes bytes whose length prefix is absurd,
 * 'half' writes a frame cut in the middle and closes.
 */
import net from 'node:net';
import { garbageBytes } from './garbage';
import type { ListenerFault, SimListener } from './types';

/** How one device's listener answers. */
export interface BtminerV3ListenerOptions {
  host: string;
  port: number;
  /** The reply JSON text to one request's JSON text. */
  respond(request: string): string;
  fault(): ListenerFault;
  seed?: number;
}

/** Idle connections are closed after this long (vendor doc: 300 s). */
export const IDLE_CLOSE_MS = 300_000;
/** Requests are tiny; a larger announced length is a confused client and costs it the connection. */
const MAX_REQUEST_BYTES = 64 * 1024;
/** A 'silent' connection is held at most this long, so a forgotten fault cannot leak sockets forever. */
const SILENT_HOLD_MS = 120_000;

/** length prefix + JSON, as the device writes it. */
function frame(text: string): Buffer {
  const body = Buffer.from(text, 'utf8');
  const head = Buffer.alloc(4);
  head.writeUInt32LE(body.length, 0);
  return Buffer.concat([head, body]);
}

export class BtminerV3Listener implements SimListener {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  private queue: Promise<void> = Promise.resolve();
  private requests = 0;

  constructor(private readonly opts: BtminerV3ListenerOptions) {}

  get listening(): boolean {
    return this.server !== null;
  }

  setOpen(open: boolean): Promise<void> {
    const next = this.queue.then(() => (open ? this.doOpen() : this.doClose()));
    this.queue = next.catch(() => undefined);
    return next;
  }

  close(): Promise<void> {
    return this.setOpen(false);
  }

  private doOpen(): Promise<void> {
    if (this.server) return Promise.resolve();
    const server = net.createServer((socket) => this.handle(socket));
    return new Promise<void>((resolve, reject) => {
      const onError = (err: Error) => reject(err);
      server.once('error', onError);
      server.listen({ host: this.opts.host, port: this.opts.port }, () => {
        server.off('error', onError);
        server.on('error', () => undefined);
        this.server = server;
        resolve();
      });
    });
  }

  private doClose(): Promise<void> {
    const server = this.server;
    if (!server) return Promise.resolve();
    this.server = null;
    return new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const socket of this.sockets) socket.destroy();
    });
  }

  private handle(socket: net.Socket): void {
    this.sockets.add(socket);
    socket.setNoDelay(true);
    socket.on('error', () => undefined);
    let buffered = Buffer.alloc(0);
    let idle: NodeJS.Timeout = setTimeout(() => socket.destroy(), IDLE_CLOSE_MS);
    const touch = () => {
      clearTimeout(idle);
      idle = setTimeout(() => socket.destroy(), IDLE_CLOSE_MS);
    };
    socket.on('close', () => {
      clearTimeout(idle);
      this.sockets.delete(socket);
    });
    socket.on('data', (chunk: Buffer) => {
      touch();
      buffered = Buffer.concat([buffered, chunk]);
      while (buffered.length >= 4 && !socket.destroyed) {
        const length = buffered.readUInt32LE(0);
        if (length > MAX_REQUEST_BYTES) {
          socket.destroy();
          return;
        }
        if (buffered.length < 4 + length) break;
        const request = buffered.subarray(4, 4 + length).toString('utf8');
        buffered = buffered.subarray(4 + length);
        if (length > 0) this.answer(socket, request, () => clearTimeout(idle));
      }
    });
  }

  private answer(socket: net.Socket, request: string, stopIdle: () => void): void {
    this.requests++;
    const fault = this.opts.fault();
    if (fault === 'silent') {
      stopIdle();
      setTimeout(() => socket.destroy(), SILENT_HOLD_MS).unref();
      return;
    }
    if (fault === 'garbage') {
      const junk = Buffer.from(garbageBytes(this.opts.seed ?? 1, this.requests));
      junk[3] |= 0x80; // a length prefix of > 2 GiB: unmistakably not a frame
      socket.end(junk);
      return;
    }
    let reply: string;
    try {
      reply = this.opts.respond(request);
    } catch {
      socket.destroy(); // a bug in a reply costs one connection, not the simulator
      return;
    }
    const bytes = frame(reply);
    if (fault === 'half') {
      socket.end(bytes.subarray(0, 4 + Math.floor((bytes.length - 4) / 2)));
      return;
    }
    socket.write(bytes);
  }
}
