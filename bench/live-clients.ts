/**
 * The browsers of the live bench, in their own process: BENCH_CLIENTS socket.io-client connections to
 * BENCH_ORIGIN, each signed in with the kiosk cookie (BENCH_COOKIE), subscribed from BENCH_CURSOR. Every
 * packet each one receives is recorded as [epoch ms, bytes] (whatever the event: the contract may change).
 * Tells the parent 'ready' (IPC) once all are subscribed; answers 'last-packet' with when any browser last
 * received one; on 'stop' sends the records and exits.
 */
import { io, type Socket } from 'socket.io-client';
import { epochMs } from './stats';

const origin = process.env.BENCH_ORIGIN!;
const cookie = process.env.BENCH_COOKIE!;
const count = Number(process.env.BENCH_CLIENTS ?? 1000);
const cursor = Number(process.env.BENCH_CURSOR ?? 0);

/** The contract's subscribe step (the one line to change when the live contract changes). */
function subscribe(socket: Socket): Promise<unknown> {
  return socket.timeout(60_000).emitWithAck('subscribe', { room: 'fleet', cursor });
}

const records: number[][] = []; // per client: ts, bytes, ts, bytes...
const errors = new Map<string, number>();
const sockets: Socket[] = [];
let lastPacketMs = 0;
let reconnects = 0;

function connect(i: number): Promise<void> {
  const packets: number[] = [];
  records[i] = packets;
  const socket = io(origin, { transports: ['websocket'], extraHeaders: { cookie }, forceNew: true, reconnectionDelay: 1000 });
  sockets.push(socket);
  socket.io.on('open', () => {
    socket.io.engine.on('packet', (packet: { type: string; data?: unknown }) => {
      if (packet.type !== 'message') return;
      const data = packet.data;
      const bytes =
        typeof data === 'string' ? Buffer.byteLength(data) : data instanceof ArrayBuffer || ArrayBuffer.isView(data) ? data.byteLength : 0;
      lastPacketMs = epochMs();
      packets.push(lastPacketMs, bytes);
    });
  });
  socket.on('connect_error', (err) => errors.set(err.message, (errors.get(err.message) ?? 0) + 1));
  let connects = 0;
  return new Promise((resolve) => {
    // A socket dropped (a server too busy to answer pings) reconnects and subscribes again, as the app does.
    socket.on('connect', () => {
      if (connects++ > 0) reconnects++;
      subscribe(socket).then(
        () => resolve(),
        (err: Error) => {
          errors.set(`subscribe: ${err.message}`, (errors.get(`subscribe: ${err.message}`) ?? 0) + 1);
          resolve();
        },
      );
    });
  });
}

async function main() {
  const t0 = performance.now();
  for (let i = 0; i < count; i += 50) {
    await Promise.all(Array.from({ length: Math.min(50, count - i) }, (_, k) => connect(i + k)));
  }
  // Only packets after 'ready' count: the subscribe acknowledgements are the backfill, not the live stream.
  for (const r of records) r.length = 0;
  process.send!({ type: 'ready', connectMs: Math.round(performance.now() - t0), connected: sockets.filter((s) => s.connected).length });
  process.on('message', (msg: { type?: string }) => {
    if (msg?.type === 'last-packet') process.send!({ type: 'last-packet', atMs: lastPacketMs });
    if (msg?.type !== 'stop') return;
    const connected = sockets.filter((s) => s.connected).length;
    for (const s of sockets) s.close();
    process.send!({ type: 'records', records, connected, reconnects, errors: Object.fromEntries(errors) }, () => process.exit(0));
  });
}

main().catch((err) => {
  console.error(`live-clients: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
