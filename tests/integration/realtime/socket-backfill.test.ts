import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { io as connect, type Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../../lib/db/client';
import { upsertDemoFleet } from '../../../lib/db/mutations/upsert-demo-fleet';
import { writeSweep } from '../../../lib/db/mutations/write-sweep';
import type { PollResult } from '../../../lib/domain/sweep-record';
import { listRigViews } from '../../../lib/db/queries/rigs';
import type { Reading } from '../../../lib/domain/reading';
import type {
  Ack,
  Backfill,
  ClientToServerEvents,
  Delta,
  ServerToClientEvents,
  SummaryDelta,
  WatchReply,
} from '../../../lib/views/contracts';
import { attachRealtime } from '../../../lib/realtime/socket-server';
import { startTailer, type Tailer } from '../../../lib/realtime/tailer';
import { decodeCell } from '../../../lib/realtime/cells-wire';
import { applyDeltas } from '../../../lib/realtime/merge';
import type { FleetSnapshot } from '../../../lib/views/contracts';
import { tempDb } from '../../support/temp';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
const policy = { staleAfterPolls: 1, offlineAfterPolls: 2 };
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
/** Rigs by name: a1, a2 at site A; b1 at site B. */
let rig: Record<string, { id: number; siteId: number }>;
const clients: Client[] = [];

const device = (name: string, site: string, n: number) => ({
  name,
  site,
  address: `127.0.9.${n}`,
  port: 4028,
  driver: 'antminer',
  model: 'Antminer S21',
  nameplateHashrateThs: 200,
  nameplatePowerW: 3500,
});

beforeEach(async () => {
  t = tempDb();
  upsertDemoFleet(
    t.db,
    {
      sites: [
        { name: 'A', timeZone: 'UTC', currency: 'USD' },
        { name: 'B', timeZone: 'UTC', currency: 'USD' },
      ],
      rigs: [device('a1', 'A', 1), device('a2', 'A', 2), device('b1', 'B', 3)],
    },
    1,
  );
  rig = Object.fromEntries(listRigViews(t.db).map((r) => [r.name, { id: r.id, siteId: r.siteId }]));
  webDb = openDb(t.path);
  http = createServer();
  // A client asks to be a viewer of site B only with ?as=b (the real gate reads the session).
  realtime = attachRealtime(
    http,
    webDb,
    MARKET,
    (req) => ({ principal: req.url?.includes('as=b') ? { ...ADMIN, role: 'viewer', siteIds: [rig.b1.siteId] } : ADMIN }),
    undefined,
    () => tailer?.frame() ?? null,
  );
  tailer = startTailer(webDb, MARKET, realtime.broadcast, 50, undefined, realtime.watchedIds);
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

/** One sweep through the collector's connection (the tailer only learns of it through data_version); `down` fail. */
function collectorSweep(atMs: number, hashrateThs: number, down: string[] = []) {
  const results: PollResult[] = Object.entries(rig).map(([name, r]) =>
    down.includes(name)
      ? { rigId: r.id, siteId: r.siteId, tsMs: atMs, ok: false, error: 'connect ECONNREFUSED' }
      : { rigId: r.id, siteId: r.siteId, tsMs: atMs, ok: true, reading: reading(hashrateThs) },
  );
  writeSweep(t.db, { startedAtMs: atMs, durationMs: 10, results }, policy);
}

function client(as = ''): Client {
  const c: Client = connect(`${url}${as ? `?as=${as}` : ''}`, { transports: ['websocket'], forceNew: true });
  clients.push(c);
  return c;
}

function subscribe(c: Client, cursor: number, watch?: number[]): Promise<Ack<Backfill>> {
  return new Promise((resolve) => c.emit('subscribe', { room: 'fleet', cursor, ...(watch ? { watch } : {}) }, resolve));
}

function nextDeltas(c: Client): Promise<Delta[]> {
  return new Promise((resolve) => c.once('deltas', resolve));
}

const summaryIn = (deltas: readonly Delta[]) => deltas.find((d): d is SummaryDelta => d.kind === 'summary');
const cellStates = (s: SummaryDelta | undefined) => Object.fromEntries((s?.cells ?? []).map(decodeCell).map((c) => [c.name, c.state]));

describe('realtime over socket.io', () => {
  it('subscribes with every cell, then streams per sweep a summary with only the changed cells and the watched rigs', async () => {
    collectorSweep(5_000, 150); // ids 2 (sweep): every rig mining
    const watcher = client();
    const plain = client();
    const ack = await subscribe(watcher, 2, [rig.a1.id]);
    expect(ack.ok).toBe(true);
    if (!ack.ok) return;
    const full = summaryIn(ack.data.deltas);
    expect(full?.full).toBe(true);
    expect(full?.id).toBe(2);
    expect(cellStates(full)).toEqual({ a1: 'mining', a2: 'mining', b1: 'mining' });
    expect(full?.rigs.map((r) => r.name)).toEqual(['a1']);
    expect(full?.counts.mining).toBe(3);
    expect((await subscribe(plain, 2)).ok).toBe(true);

    const toWatcher = nextDeltas(watcher);
    const toPlain = nextDeltas(plain);
    collectorSweep(10_000, 190, ['a2']); // id 3: a2 goes stale, the others keep mining
    const [w, p] = await Promise.all([toWatcher, toPlain]);
    expect(w.map((d) => [d.id, d.kind])).toEqual([
      [3, 'sweep'],
      [3, 'summary'],
    ]);
    expect(cellStates(summaryIn(w))).toEqual({ a2: 'stale' }); // only the cell that changed
    expect(summaryIn(w)?.counts).toMatchObject({ mining: 2, stale: 1 });
    expect(summaryIn(w)?.rigs.map((r) => [r.name, r.reading?.hashrateThs])).toEqual([['a1', 190]]);
    expect(summaryIn(w)?.fleet.hashrateThs).toBe(380);
    expect(cellStates(summaryIn(p))).toEqual({ a2: 'stale' });
    expect(summaryIn(p)?.rigs).toEqual([]); // watches nothing: no full views
  });

  it('a browser that drops mid-stream and reconnects from its cursor gets no gap and no duplicate', async () => {
    collectorSweep(5_000, 150); // id 2
    const c = client();
    const first = await subscribe(c, 1);
    if (!first.ok) throw new Error(first.error);
    const empty = { cells: null, rigs: [], history: [], alerts: [], economics: { fleet: null, sites: {}, rigs: {} } };
    let snap = applyDeltas({ cursor: 1, ...empty } as unknown as FleetSnapshot, first.data.deltas).snapshot;
    expect(snap.cursor).toBe(2);
    const live = nextDeltas(c);
    collectorSweep(10_000, 160); // id 3
    snap = applyDeltas(snap, await live).snapshot;
    expect(snap.cursor).toBe(3);
    c.disconnect();
    collectorSweep(20_000, 170, ['b1']); // id 4: b1 stale
    collectorSweep(30_000, 180, ['b1']); // id 5
    collectorSweep(40_000, 185); // id 6: b1 back
    collectorSweep(50_000, 186, ['a1']); // id 7: a1 stale
    await new Promise((r) => setTimeout(r, 200)); // the tailer broadcast them to nobody meanwhile

    const again = client();
    const ack = await subscribe(again, snap.cursor);
    if (!ack.ok) throw new Error(ack.error);
    expect(ack.data.resync).toBe(false);
    // Exactly the sweeps missed, each once, then the economics and every cell at the log's end.
    expect(ack.data.deltas.map((d) => [d.id, d.kind])).toEqual([
      [4, 'sweep'],
      [5, 'sweep'],
      [6, 'sweep'],
      [7, 'sweep'],
      [7, 'economics'],
      [7, 'summary'],
    ]);
    expect(cellStates(summaryIn(ack.data.deltas))).toEqual({ a1: 'stale', a2: 'mining', b1: 'mining' });
    snap = applyDeltas(snap, ack.data.deltas).snapshot;
    // A replay of what it already has (a delta both live and in the backfill) changes nothing.
    expect(applyDeltas(snap, ack.data.deltas).snapshot).toBe(snap);
    expect(snap.history.map((h) => [h.tsMs, h.hashrateThs])).toEqual([
      [5_000, 450], // the first reply's summary point
      [10_000, 480],
      [20_000, 340],
      [30_000, 360],
      [40_000, 555],
      [50_000, 372],
    ]);
    const next = nextDeltas(again);
    collectorSweep(60_000, 187); // id 8: a1 back
    const after = await next;
    expect(after.map((d) => d.id)).toEqual([8, 8]);
    expect(cellStates(summaryIn(after))).toEqual({ a1: 'mining' });
    snap = applyDeltas(snap, after).snapshot;
    expect(snap.cells?.map((cell) => [cell.name, cell.state])).toEqual([
      ['a1', 'mining'],
      ['a2', 'mining'],
      ['b1', 'mining'],
    ]);
  });

  it("a viewer of one site gets only that site's cells, totals, counts and watched rigs", async () => {
    collectorSweep(5_000, 150);
    const c = client('b');
    const ack = await subscribe(c, 2, [rig.a1.id, rig.b1.id]);
    if (!ack.ok) throw new Error(ack.error);
    const full = summaryIn(ack.data.deltas);
    expect(Object.keys(cellStates(full))).toEqual(['b1']);
    expect(full?.sites.map((s) => s.name)).toEqual(['B']);
    expect(full?.fleet).toMatchObject({ hashrateThs: 150, rigsTotal: 1 });
    expect(full?.counts.mining).toBe(1);
    expect(full?.rigs.map((r) => r.name)).toEqual(['b1']); // a1 is another site's: not watched
    const incoming = nextDeltas(c);
    collectorSweep(10_000, 160, ['a2', 'b1']);
    const deltas = await incoming;
    expect(deltas.map((d) => d.kind)).toEqual(['summary']); // the whole-fleet chart point is not theirs
    expect(cellStates(summaryIn(deltas))).toEqual({ b1: 'stale' });
    expect(summaryIn(deltas)?.rigs.map((r) => r.name)).toEqual(['b1']);
    expect(summaryIn(deltas)?.counts).toMatchObject({ mining: 0, stale: 1 });
    const watch = await new Promise<Ack<WatchReply>>((resolve) => c.emit('watch', [rig.a1.id, rig.a2.id], resolve));
    expect(watch).toEqual({ ok: true, data: { rigs: [], economics: {} } });
  });

  it('watch replaces the watched rigs and refuses more than 500 or malformed ids', async () => {
    collectorSweep(5_000, 150);
    const c = client();
    await subscribe(c, 2);
    const reply = await new Promise<Ack<WatchReply>>((resolve) => c.emit('watch', [rig.a2.id], resolve));
    expect(reply.ok && reply.data.rigs.map((r) => r.name)).toEqual(['a2']);
    const incoming = nextDeltas(c);
    collectorSweep(10_000, 160);
    expect(summaryIn(await incoming)?.rigs.map((r) => r.name)).toEqual(['a2']);
    const tooMany = await new Promise<Ack<WatchReply>>((resolve) =>
      c.emit(
        'watch',
        Array.from({ length: 501 }, (_, i) => i + 1),
        resolve,
      ),
    );
    expect(tooMany).toEqual({ ok: false, error: 'watch takes at most 500 rigs (got 501)' });
    const bad = await new Promise<Ack<WatchReply>>((resolve) => c.emit('watch', ['1' as unknown as number], resolve));
    expect(bad).toEqual({ ok: false, error: 'watch needs an array of rig ids (positive integers)' });
  });

  it('asks for a resync when the cursor is ahead of the log (database replaced) or pruned', async () => {
    collectorSweep(10_000, 150);
    collectorSweep(20_000, 150);
    const ahead = await subscribe(client(), 999);
    expect(ahead.ok && ahead.data.resync).toBe(true);
    t.db.sqlite.prepare('delete from changes where id <= 2').run();
    const pruned = await subscribe(client(), 1);
    expect(pruned.ok && pruned.data.resync).toBe(true);
  });

  it('answers a malformed subscribe with a clear error and keeps the connection; a snapshot carries every cell', async () => {
    const c = client();
    const bad = await new Promise<Ack<Backfill>>((resolve) => c.emit('subscribe', { room: 'nope' as 'fleet', cursor: -1 }, resolve));
    expect(bad).toEqual({ ok: false, error: 'subscribe needs { room: "fleet", cursor: <non-negative integer> }' });
    const snap = await new Promise<Ack<FleetSnapshot>>((resolve) => c.emit('snapshot', {}, resolve));
    expect(snap.ok && snap.data.cells?.map((cell) => cell.name)).toEqual(['a1', 'a2', 'b1']);
    expect(snap.ok && snap.data.rigs).toEqual([]);
  });
});
