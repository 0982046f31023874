import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { io as connect, type Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../../lib/db/client';
import { upsertDemoFleet } from '../../../lib/db/mutations/upsert-demo-fleet';
import { writeSweep } from '../../../lib/db/mutations/write-sweep';
import { listRigViews } from '../../../lib/db/queries/rigs';
import type { Reading } from '../../../lib/domain/reading';
import type { Ack, Backfill, ClientToServerEvents, Delta, ServerToClientEvents } from '../../../lib/views/contracts';
import { attachRealtime } from '../../../lib/realtime/socket-server';
import { startTailer, type Tailer } from '../../../lib/realtime/tailer';
import { tempDb } from '../../support/temp';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
const policy = { staleAfterPolls: 2, offlineAfterPolls: 6 };
const MARKET = { currency: 'USD', networkStaleAfterMs: 60_000, priceStaleAfterMs: 60_000 };
const reading = (hashrateThs: number): Reading => ({
  driver: 'antminer',
  make: 'Bitmain',
  model: 'Antminer S21',
  firmware: 't',
  status: 'mining',
  hashrateThs,
  expectedHashrateThs: 200,
  powerW: 3500,
  powerSource: 'firmware',
  efficiencyJth: 3500 / hashrateThs,
  boards: [],
  tempMaxC: 60,
  fansRpm: [],
  pools: [],
  uptimeS: 1,
  hardwareErrors: 0,
});

const ADMIN = { role: 'admin', siteIds: null, name: 'a', via: 'session', userId: 1, tokenId: null } as const;
let t: ReturnType<typeof tempDb>;
let webDb: Db; // the web process's own connection, as in production
let http: Server;
let tailer: Tailer;
let realtime: ReturnType<typeof attachRealtime>;
let url: string;
let rigId: number;
const clients: Client[] = [];

beforeEach(async () => {
  t = tempDb();
  upsertDemoFleet(
    t.db,
    {
      sites: [{ name: 'S', timeZone: 'UTC', currency: 'USD' }],
      rigs: [
        {
          name: 'r1',
          site: 'S',
          address: '127.0.9.1',
          port: 4028,
          driver: 'antminer',
          model: 'Antminer S21',
          nameplateHashrateThs: 200,
          nameplatePowerW: 3500,
        },
      ],
    },
    1,
  );
  rigId = listRigViews(t.db)[0].id;
  webDb = openDb(t.path);
  http = createServer();
  realtime = attachRealtime(http, webDb, MARKET, () => ({ principal: ADMIN }));
  tailer = startTailer(webDb, MARKET, realtime.broadcast, 50);
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

afterEach(async () => {
  for (const c of clients.splice(0)) c.disconnect();
  tailer.stop();
  await new Promise<void>((r) => void realtime.io.close(() => r()));
  webDb.close();
  t.cleanup();
});

function collectorSweep(atMs: number, hashrateThs: number) {
  // Written through the collector's connection: the tailer only learns of it through data_version.
  writeSweep(
    t.db,
    { startedAtMs: atMs, durationMs: 10, results: [{ rigId, siteId: 1, tsMs: atMs, ok: true, reading: reading(hashrateThs) }] },
    policy,
  );
}

function client(): Client {
  const c: Client = connect(url, { transports: ['websocket'], forceNew: true });
  clients.push(c);
  return c;
}

function subscribe(c: Client, cursor: number): Promise<Ack<Backfill>> {
  return new Promise((resolve) => c.emit('subscribe', { room: 'fleet', cursor }, resolve));
}

function nextDeltas(c: Client): Promise<Delta[]> {
  return new Promise((resolve) => c.once('deltas', resolve));
}

describe('realtime over socket.io', () => {
  it('streams a committed sweep to a subscribed browser as rig and sweep deltas', async () => {
    const c = client();
    const ack = await subscribe(c, 1); // cursor 1: the page's snapshot included the rigs-changed row
    expect(ack).toEqual({ ok: true, data: { deltas: [], resync: false } });
    const incoming = nextDeltas(c);
    collectorSweep(10_000, 190);
    const deltas = await incoming;
    expect(deltas.map((d) => d.kind)).toEqual(['rig', 'sweep']);
    const sweep = deltas[1];
    expect(sweep.kind === 'sweep' && sweep.fleet.hashrateThs).toBe(190);
    const rig = deltas[0];
    expect(rig.kind === 'rig' && rig.rig.reading?.hashrateThs).toBe(190);
  });

  it('backfills exactly what a reconnecting browser missed, from its cursor', async () => {
    collectorSweep(10_000, 150); // ids 2 (rig), 3 (sweep)
    collectorSweep(20_000, 160); // ids 4, 5
    collectorSweep(30_000, 170); // ids 6, 7
    const ack = await subscribe(client(), 3);
    expect(ack.ok).toBe(true);
    if (!ack.ok) return;
    expect(ack.data.resync).toBe(false);
    expect(ack.data.deltas.map((d) => d.id)).toEqual([4, 5, 6, 7]);
    const sweeps = ack.data.deltas.filter((d) => d.kind === 'sweep');
    expect(sweeps.map((d) => d.kind === 'sweep' && d.point.hashrateThs)).toEqual([160, 170]);
  });

  it('asks for a resync when the cursor is ahead of the log (database replaced) or pruned', async () => {
    collectorSweep(10_000, 150);
    const ahead = await subscribe(client(), 999);
    expect(ahead.ok && ahead.data.resync).toBe(true);
    t.db.sqlite.prepare('delete from changes where id <= 2').run();
    const pruned = await subscribe(client(), 1);
    expect(pruned.ok && pruned.data.resync).toBe(true);
  });

  it('answers a malformed subscribe with a clear error and keeps the connection', async () => {
    const c = client();
    const bad = await new Promise<Ack<Backfill>>((resolve) => c.emit('subscribe', { room: 'nope' as 'fleet', cursor: -1 }, resolve));
    expect(bad).toEqual({ ok: false, error: 'subscribe needs { room: "fleet", cursor: <non-negative integer> }' });
    const snap = await new Promise<Awaited<Parameters<Parameters<ClientToServerEvents['snapshot']>[0]>[0]>>((resolve) =>
      c.emit('snapshot', resolve),
    );
    expect(snap.ok && snap.data.rigs.map((r) => r.name)).toEqual(['r1']);
  });
});
