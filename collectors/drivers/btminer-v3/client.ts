/**
 * The Whatsminer API v3 transport (protocols.md §1.7, port 4433): every message in both directions is a
 * uint32 little-endian byte length followed by that many bytes of JSON. One TCP connection carries a
 * poll's requests one after the other (the device serves at most 10 clients and closes idle connections
 * after 300 s), so a poll opens one connection, sends each request, reads exactly one frame per request,
 * and closes it.
 */
import { createConnection, type Socket } from 'node:net';
import { describeTarget } from '../tcp-exchange';
import type { CgminerReply } from '../cgminer-tcp/lenient-json';
import { closedError, quoted, socketError, stallError } from '../socket-errors';
import { DeviceError, type PollTarget } from '../types';
import { parseV3Frame, v3Label } from './envelope';

export { v3Label };

/** A frame longer than this is not an API v3 reply (the largest, get.device.info, is ~2 kB). */
export const MAX_FRAME_BYTES = 1024 * 1024;

/** One request as bytes on the wire: 4-byte LE length, then the JSON. */
export function encodeFrame(json: string): Buffer {
  const body = Buffer.from(json, 'utf8');
  const head = Buffer.alloc(4);
  head.writeUInt32LE(body.length, 0);
  return Buffer.concat([head, body]);
}

/**
 * Reassembles frames from TCP segments that may split anywhere, the length prefix included. Zero-length
 * frames are the protocol's heartbeat (`00 00 00 00`) and are skipped. A declared length over the cap is
 * refused at its 4-byte header, before any of it is waited for or allocated. Segments are kept as a list
 * and joined once per frame, so a reply cut into many tiny segments costs linear time. Pure: no I/O.
 */
export class FrameDecoder {
  private chunks: Buffer[] = [];
  private buffered = 0;

  constructor(private readonly maxBytes: number = MAX_FRAME_BYTES) {}

  /** Bytes received that do not yet form a whole frame. */
  get pendingBytes(): number {
    return this.buffered;
  }

  /** Adds a segment; returns the frames it completed. Throws DeviceError 'too-large' on an oversized length. */
  push(chunk: Buffer): Buffer[] {
    if (chunk.length > 0) {
      this.chunks.push(chunk);
      this.buffered += chunk.length;
    }
    const frames: Buffer[] = [];
    while (this.buffered >= 4) {
      if (this.chunks[0].length < 4) this.chunks = [Buffer.concat(this.chunks, this.buffered)];
      const length = this.chunks[0].readUInt32LE(0);
      if (length > this.maxBytes) {
        throw new DeviceError('too-large', `declares a frame of ${length} bytes, more than the ${this.maxBytes} an API v3 reply may have`);
      }
      if (this.buffered < 4 + length) break;
      const all = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.buffered);
      if (length > 0) frames.push(Buffer.from(all.subarray(4, 4 + length)));
      const rest = all.subarray(4 + length);
      this.chunks = rest.length > 0 ? [rest] : [];
      this.buffered = rest.length;
    }
    return frames;
  }
}

interface Pending {
  label: string;
  /** Bytes the device has sent since this request went out. */
  receivedBytes: number;
  resolve(text: string): void;
  reject(err: DeviceError): void;
  timer: NodeJS.Timeout;
}

/**
 * One kept-open API v3 connection to a device, used by one poll. Connects on the first request; each
 * request has its own target.timeoutMs (the first one includes the connect). After any transport error
 * the connection is dropped and every later request fails with that error, since a late reply would
 * otherwise be taken for the answer to the next request.
 */
export class BtminerV3Connection {
  private socket: Socket | null = null;
  private connected = false;
  private readonly decoder = new FrameDecoder();
  private pending: Pending | null = null;
  private broken: DeviceError | null = null;
  /** "10.0.0.5:4433", as used in every message. */
  readonly where: string;
  private readonly onAbort = () => this.fail(new DeviceError('aborted', `API v3 poll of ${this.where} aborted`));

  constructor(private readonly target: PollTarget) {
    this.where = describeTarget(target);
  }

  /** Sends `request` as one frame and resolves with the JSON text of the next frame the device sends. */
  request(request: Record<string, unknown>, label: string): Promise<string> {
    if (this.target.signal?.aborted) {
      return Promise.reject(new DeviceError('aborted', `"${label}" to ${this.where} aborted before sending`));
    }
    if (this.broken) return Promise.reject(this.broken);
    if (this.pending) return Promise.reject(new Error(`btminer-v3: "${label}" sent while "${this.pending.label}" is pending`));
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        const received = this.pending?.receivedBytes ?? 0;
        this.fail(stallError(quoted(label), this.where, this.target.timeoutMs, this.connected, received));
      }, this.target.timeoutMs);
      this.pending = { label, receivedBytes: 0, resolve, reject, timer };
      const frame = encodeFrame(JSON.stringify(request));
      if (this.socket) {
        this.socket.write(frame);
        return;
      }
      this.open(frame);
    });
  }

  /** Closes the connection (idempotent); a pending request fails as aborted. */
  close(): void {
    this.target.signal?.removeEventListener('abort', this.onAbort);
    if (this.pending) this.fail(new DeviceError('aborted', `API v3 connection to ${this.where} closed`));
    this.broken ??= new DeviceError('aborted', `API v3 connection to ${this.where} already closed`);
    this.socket?.destroy();
    this.socket = null;
  }

  private open(firstFrame: Buffer): void {
    const socket = createConnection({ host: this.target.address, port: this.target.port });
    this.socket = socket;
    this.target.signal?.addEventListener('abort', this.onAbort, { once: true });
    socket.setNoDelay(true);
    socket.on('connect', () => {
      this.connected = true;
      socket.write(firstFrame);
    });
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('end', () => this.onClosed());
    socket.on('close', () => this.onClosed());
    socket.on('error', (err: NodeJS.ErrnoException) => this.fail(this.socketError(err)));
  }

  private onData(chunk: Buffer): void {
    if (this.pending) this.pending.receivedBytes += chunk.length;
    this.target.onReplyBytes?.(chunk.length);
    let frames: Buffer[];
    try {
      frames = this.decoder.push(chunk);
    } catch (err) {
      const e = err as DeviceError;
      this.fail(new DeviceError(e.kind, `reply to "${this.pending?.label ?? 'nothing'}" from ${this.where} ${e.message}`));
      return;
    }
    for (const frame of frames) {
      const p = this.pending;
      if (!p) {
        // A frame nobody asked for: the device is out of step with us, so nothing after it can be trusted.
        this.fail(new DeviceError('garbage', `${this.where} sent an API v3 frame without a request`));
        return;
      }
      this.pending = null;
      clearTimeout(p.timer);
      const text = frame.toString('utf8');
      this.target.recorder?.(p.label, text);
      p.resolve(text);
    }
  }

  private onClosed(): void {
    if (this.broken) return;
    const p = this.pending;
    if (p && p.receivedBytes === 0) {
      this.fail(closedError(quoted(p.label), this.where));
      return;
    }
    const message = p
      ? `${this.where} closed the API v3 connection before a whole reply frame to "${p.label}" (${this.decoder.pendingBytes} bytes of it received)`
      : `${this.where} closed the API v3 connection`;
    this.fail(new DeviceError('truncated', message));
  }

  /** Marks the connection broken, rejects the pending request, drops the socket. */
  private fail(err: DeviceError): void {
    if (!this.broken) this.broken = err;
    const p = this.pending;
    this.pending = null;
    if (p) {
      clearTimeout(p.timer);
      p.reject(err);
    }
    this.target.signal?.removeEventListener('abort', this.onAbort);
    this.socket?.destroy();
  }

  private socketError(err: NodeJS.ErrnoException): DeviceError {
    const p = this.pending;
    if (!p) return socketError(err, 'the next API v3 request', this.where, 0);
    return socketError(err, quoted(p.label), this.where, p.receivedBytes);
  }
}

/**
 * `{"cmd":cmd[,"param":param]}` over the connection, parsed: a CgminerReply whose body is the v3
 * envelope `{code, when, msg, desc}`. Throws DeviceError 'garbage'/'truncated' for a frame that is not a
 * JSON object, 'api-error' for code != 0 (with the device's msg), or the transport's error.
 */
export async function btminerV3Query(conn: BtminerV3Connection, cmd: string, param?: string): Promise<CgminerReply> {
  const request: Record<string, unknown> = { cmd };
  if (param !== undefined) request.param = param;
  const label = v3Label(cmd, param);
  const text = await conn.request(request, label);
  return parseV3Frame(text, label, conn.where);
}

/** Runs `fn` with a connection to the target that is closed afterwards, whatever happens. */
export async function withBtminerV3<T>(target: PollTarget, fn: (conn: BtminerV3Connection) => Promise<T>): Promise<T> {
  const conn = new BtminerV3Connection(target);
  try {
    return await fn(conn);
  } finally {
    conn.close();
  }
}
