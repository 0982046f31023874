/**
 * Devices that misbehave on purpose, as real loopback TCP servers on 127.0.0.1 (ephemeral ports, so test
 * files never collide): each accepts a connection, waits for the first bytes of a request, then does one
 * bad thing. The transports, `hashwatt probe` and the sweep are pointed at them over real sockets. Every
 * server counts what it wrote, so a test can prove a client stopped reading early.
 */
import net from 'node:net';

/** What the device does once a request arrives. */
export type EvilMode =
  /** A reply without end: JSON-looking bytes as fast as the client reads them, up to 100 MB. */
  | { kind: 'too-large'; prefix?: string }
  /** Bytes that are neither JSON nor HTTP, then a normal close. */
  | { kind: 'garbage' }
  /** The first `afterBytes` bytes of `reply`, then a TCP reset (RST). */
  | { kind: 'reset'; reply: string | Buffer; afterBytes: number }
  /** Reads the request and closes without sending a byte. */
  | { kind: 'close' }
  /** One byte of `reply` every `everyMs`, forever (the reply repeats). */
  | { kind: 'trickle'; reply: string | Buffer; everyMs: number }
  /**
   * The right reply to each request, after `delayMs` (slow but valid); the connection is closed after it
   * (cgminer framing) unless `keepOpen` (Whatsminer API v3 frames, several requests per connection).
   */
  | { kind: 'slow'; delayMs: number; respond: (request: string) => string | Buffer; keepOpen?: boolean }
  /** A Whatsminer API v3 frame header declaring `length` bytes, then a few bytes of body, then silence. */
  | { kind: 'v3-frame'; length: number }
  /** An HTTP 200 status line followed by header lines without end. */
  | { kind: 'http-endless-headers' }
  /** An HTTP 200 with chunked encoding whose chunks never end. */
  | { kind: 'http-endless-body' };

/** A running evil device. */
export interface EvilDevice {
  address: string;
  port: number;
  /** Bytes written to all clients so far. */
  bytesWritten(): number;
  connections(): number;
  /** The first bytes of each request, as text. */
  requests: string[];
  close(): Promise<void>;
}

const HUNDRED_MB = 100 * 1024 * 1024;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts a device that misbehaves as `mode` says. */
export async function startEvilDevice(mode: EvilMode): Promise<EvilDevice> {
  let written = 0;
  let connections = 0;
  const requests: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer({ allowHalfOpen: true }, (socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined); // the client cutting us off is the point
    socket.setNoDelay(true);
    const write = (data: string | Buffer): boolean => {
      if (socket.destroyed) return false;
      written += Buffer.byteLength(data);
      return socket.write(data);
    };
    let started = false;
    socket.on('data', (chunk: Buffer) => {
      if (started && mode.kind !== 'slow') return;
      started = true;
      const request = chunk.toString('latin1');
      requests.push(request);
      void behave(mode, socket, request, write);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    address: '127.0.0.1',
    port: (server.address() as net.AddressInfo).port,
    bytesWritten: () => written,
    connections: () => connections,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

async function flood(
  socket: net.Socket,
  write: (d: string | Buffer) => boolean,
  first: string,
  filler: (i: number) => string,
): Promise<void> {
  let sent = 0;
  let i = 0;
  let ok = write(first);
  while (!socket.destroyed && sent < HUNDRED_MB) {
    if (!ok) {
      await new Promise<void>((resolve) => {
        socket.once('drain', resolve);
        socket.once('close', resolve);
      });
    }
    const piece = filler(i++);
    sent += piece.length;
    ok = write(piece);
  }
}

async function behave(mode: EvilMode, socket: net.Socket, request: string, write: (d: string | Buffer) => boolean): Promise<void> {
  switch (mode.kind) {
    case 'too-large': {
      const block = `{"x":"${'y'.repeat(64 * 1024 - 8)}"},`;
      await flood(socket, write, mode.prefix ?? '{"STATUS":[', () => block);
      socket.end();
      return;
    }
    case 'garbage':
      write(Buffer.from([0xfe, 0x00, 0x13, 0x37, 0x9a, 0xff, 0x42, 0x01, 0x7f, 0x80]));
      socket.end();
      return;
    case 'reset':
      write(Buffer.from(mode.reply).subarray(0, mode.afterBytes));
      await sleep(50); // let the bytes reach the client before the RST overtakes them
      socket.resetAndDestroy();
      return;
    case 'close':
      socket.end();
      return;
    case 'trickle': {
      const reply = Buffer.from(mode.reply);
      for (let i = 0; !socket.destroyed; i++) {
        write(reply.subarray(i % reply.length, (i % reply.length) + 1));
        await sleep(mode.everyMs);
      }
      return;
    }
    case 'slow': {
      await sleep(mode.delayMs);
      const reply = mode.respond(request);
      write(reply);
      if (!mode.keepOpen) socket.end();
      return;
    }
    case 'v3-frame': {
      const head = Buffer.alloc(4);
      head.writeUInt32LE(mode.length >>> 0, 0);
      write(Buffer.concat([head, Buffer.from('{"code":0,')]));
      return; // then silence: a client that waits for the declared length waits forever
    }
    case 'http-endless-headers':
      await flood(socket, write, 'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n', (i) => `X-Filler-${i}: ${'a'.repeat(200)}\r\n`);
      socket.end();
      return;
    case 'http-endless-body': {
      const chunk = `{"y":"${'z'.repeat(16 * 1024)}"},`;
      const framed = `${chunk.length.toString(16)}\r\n${chunk}\r\n`;
      await flood(socket, write, 'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n', () => framed);
      socket.end();
      return;
    }
  }
}
