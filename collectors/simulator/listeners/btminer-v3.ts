/**
 * The TCP listener of one simulated Whatsminer API v3 device (protocols.md §1.7): uint32-LE length + JSON
 * frames both ways on a kept-open connection. Every request frame gets one reply frame from respond();
 * zero-length frames (heartbeats) get none; a connection idle for 300 s is closed, as the device does.
 * Faults, read per request: 'silent' never answers, 'garbage' writes bytes whose length prefix is absurd,
 * 'half' writes a frame cut in the middle and closes.
 */
import net from 'node:net';
import { garbageBytes } from './garbage';
import { PortListener } from './port-listener';
import type { ListenerFault } from './types';

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

export class BtminerV3Listener extends PortListener {
  private requests = 0;

  constructor(private readonly opts: BtminerV3ListenerOptions) {
    super(opts);
  }

  protected createServer(): net.Server {
    return net.createServer((socket) => this.handle(socket));
  }

  private handle(socket: net.Socket): void {
    socket.setNoDelay(true);
    socket.on('error', () => undefined);
    let buffered = Buffer.alloc(0);
    let idle: NodeJS.Timeout = setTimeout(() => socket.destroy(), IDLE_CLOSE_MS);
    const touch = () => {
      clearTimeout(idle);
      idle = setTimeout(() => socket.destroy(), IDLE_CLOSE_MS);
    };
    socket.on('close', () => clearTimeout(idle));
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
