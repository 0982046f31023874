/**
 * Wall display memory benchmark: the web server (no collector, no simulator) on a temp database, /wall
 * open in headless Chromium, then hours of sweeps replayed into the database as fast as the page keeps
 * up (rig updates, sweep totals, economics and alerts, each through the tailer and socket.io as in
 * production). Prints JSON with the page's JS heap and DOM node count before and after, both after a
 * forced GC.
 *   node --import tsx bench/wall.ts   (BENCH_WALL_RIGS, BENCH_WALL_HOURS override the defaults)
 */
import { fileURLToPath } from 'node:url';
import { chromium, type CDPSession, type Page } from 'playwright';
import type { AlertEvent } from '../lib/alerts/types';
import { openDb, type Db } from '../lib/db/client';
import { migrateDb } from '../lib/db/migrate';
import { addRigs } from '../lib/db/mutations/add-rigs';
import { recordSourceSuccess } from '../lib/db/mutations/source-state';
import { writeAlertEvaluation } from '../lib/db/mutations/write-alerts';
import { writeEconomics } from '../lib/db/mutations/write-economics';
import { writeSweep } from '../lib/db/mutations/write-sweep';
import type { PollResult } from '../lib/domain/sweep-record';
import { currentCursor } from '../lib/db/queries/fleet';
import { listRigViews } from '../lib/db/queries/rigs';
import { listSites } from '../lib/db/queries/sites';
import type { Reading } from '../lib/domain/reading';
import { sweepEconomics } from '../lib/economics/fleet-economics';
import { buildWeb, hasCurrentWebBuild } from '../bin/supervisor/build';
import { startChild } from '../bin/supervisor/child';
import { tempDir } from '../lib/util/temp-dir';
import { BENCH_NETWORK } from './bench-network';
import { freePort } from '../tests/support/system';
import { CHROMIUM_FLAGS, chromiumPath } from '../tests/support/browser';
import { createApiToken } from '../lib/db/mutations/users';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const rigCount = Number(process.env.BENCH_WALL_RIGS ?? 48);
const simulatedHours = Number(process.env.BENCH_WALL_HOURS ?? 6);
const POLL_MS = 10_000;
const sweepsReplayed = Math.round((simulatedHours * 3_600_000) / POLL_MS);
/** One simulated hour before the first measurement: fills the page's one-hour history window. */
const warmUpSweeps = Math.round(3_600_000 / POLL_MS);
/** Sweeps written between waits for the page to catch up. */
const BATCH = 20;

function reading(i: number, sweep: number): Reading {
  const hashrateThs = 100 + (i % 5) * 10 + Math.sin(sweep / 7 + i) * 3;
  const powerW = 3000 + (i % 4) * 150 + Math.cos(sweep / 5 + i) * 40;
  return {
    driver: 'antminer',
    make: 'Bitmain',
    model: 'Antminer S19 Pro',
    firmware: 'bench',
    status: 'mining',
    hashrateThs,
    expectedHashrateThs: 110,
    powerW,
    powerSource: 'firmware',
    efficiencyJth: powerW / hashrateThs,
    boards: [0, 1, 2].map((index) => ({ index, hashrateThs: hashrateThs / 3, chips: 114, tempC: 60 + ((i + sweep) % 25) })),
    tempMaxC: 60 + ((i + sweep) % 25),
    fansRpm: [5400, 5400],
    pools: [{ url: 'stratum+tcp://pool:3333', user: 'bench', status: 'Alive', accepted: sweep, rejected: 0 }],
    uptimeS: sweep * 10,
    hardwareErrors: 0,
  };
}

/** Writes one sweep the way the collector does: the sweep, its economics, and every 20th an alert change. */
function replaySweep(
  db: Db,
  sweep: number,
  atMs: number,
  rigs: { id: number; siteId: number; name: string }[],
  sites: ReturnType<typeof listSites>,
): void {
  // Rigs drop out in turns (stale, then offline) and come back, so every state is exercised.
  const results: PollResult[] = rigs.map((r, i) =>
    (sweep + i * 13) % 120 < 8
      ? { rigId: r.id, siteId: r.siteId, tsMs: atMs, ok: false, error: 'connect ECONNREFUSED' }
      : { rigId: r.id, siteId: r.siteId, tsMs: atMs, ok: true, reading: reading(i, sweep) },
  );
  const { sweepId } = writeSweep(db, { startedAtMs: atMs, durationMs: 400, results }, { staleAfterPolls: 2, offlineAfterPolls: 6 });
  const price = 0.05 + 0.03 * Math.sin(sweep / 50); // some sweeps above some rigs' breakeven
  const eco = sweepEconomics({
    network: BENCH_NETWORK,
    prices: { USD: 90_000 },
    fleetCurrency: 'USD',
    networkStale: false,
    priceStale: false,
    sites: sites.map((s) => ({
      id: s.id,
      currency: 'USD',
      pue: s.pue,
      poolFeePct: s.poolFeePct,
      price: { pricePerKwh: price, dayAvgPricePerKwh: price, stale: false },
    })),
    rigs: results.flatMap((r) => (r.ok ? [{ id: r.rigId, siteId: r.siteId, reading: r.reading, poolFeePct: null }] : [])),
  });
  writeEconomics(db, sweepId, atMs, eco);
  if (sweep % 20 === 0) {
    // One alert fires on a rig and the one fired 100 sweeps earlier resolves: the active list churns.
    const rig = (n: number) => rigs[n % rigs.length];
    const event = (n: number, kind: 'firing' | 'resolved'): AlertEvent => ({
      kind,
      alertId: `bench-${n}`,
      atMs,
      value: -0.01,
      detail: 'bench',
      key: `unprofitable-rig:rig:${rig(n).id}:${n}`,
      rule: 'unprofitable-rig',
      scope: 'rig',
      subjectId: rig(n).id,
      siteId: rig(n).siteId,
      ...(kind === 'resolved' ? { reason: 'cleared' as const } : {}),
    });
    const events = [event(sweep, 'firing'), ...(sweep >= 100 ? [event(sweep - 100, 'resolved')] : [])];
    const names = {
      rigs: new Map(rigs.map((r) => [r.id, r.name])),
      sites: new Map(sites.map((s) => [s.id, s.name])),
      pools: new Map<number, string>(),
    };
    writeAlertEvaluation(db, new Map(), events, names, [], atMs);
  }
}

async function metrics(cdp: CDPSession): Promise<{ heapMb: number; nodes: number }> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  const get = (name: string) => list.find((m) => m.name === name)?.value ?? NaN;
  return { heapMb: Math.round((get('JSHeapUsedSize') / 1_048_576) * 100) / 100, nodes: get('Nodes') };
}

/** Waits until the page has merged every change written so far (its data-cursor reaches the log's end). */
async function caughtUp(page: Page, cursor: number): Promise<void> {
  await page.waitForFunction((c) => Number(document.querySelector('[data-testid="wall"]')?.getAttribute('data-cursor')) >= c, cursor, {
    timeout: 60_000,
    polling: 50,
  });
}

async function main() {
  const t0 = performance.now();
  if (!hasCurrentWebBuild(ROOT)) await buildWeb(ROOT);
  const dir = tempDir('hashwatt-bench-wall-');
  const dbPath = `${dir.dir}/wall.db`;
  const db = openDb(dbPath);
  migrateDb(db);
  const startMs = Date.now() - (warmUpSweeps + sweepsReplayed) * POLL_MS;
  const half = Math.ceil(rigCount / 2);
  for (const [site, from, to] of [
    ['North', 0, half],
    ['South', half, rigCount],
  ] as const) {
    const devices = Array.from({ length: to - from }, (_, i) => ({
      address: `10.9.${site === 'North' ? 1 : 2}.${i + 1}`,
      port: 4028,
      driver: 'antminer',
      model: 'Antminer S19 Pro',
      algorithm: 'sha256',
    }));
    addRigs(db, site, devices, { nowMs: startMs, currency: 'USD', defaultPorts: { antminer: 4028 } });
  }
  recordSourceSuccess(db, 'network', 'bench', BENCH_NETWORK, startMs);
  recordSourceSuccess(db, 'price', 'bench', { USD: 90_000 }, startMs);
  const rigs = listRigViews(db).map((r) => ({ id: r.id, siteId: r.siteId, name: r.name }));
  const sites = listSites(db);
  replaySweep(db, 0, startMs, rigs, sites);
  // The display signs in as a TV does: a kiosk link, traded for a cookie on first load.
  const kiosk = createApiToken(db, 'kiosk', 'bench wall', 'viewer', null, startMs).token;

  const port = await freePort();
  const web = startChild('web', fileURLToPath(new URL('../server.ts', import.meta.url)), [], {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    HASHWATT_DB: dbPath,
    PORT: String(port),
    HASHWATT_POLL_INTERVAL_S: String(POLL_MS / 1000),
  });
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [...CHROMIUM_FLAGS, '--js-flags=--expose-gc'],
  });
  try {
    await web.ready;
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(`http://127.0.0.1:${port}/wall?rotate=2&kiosk=${kiosk}`);
    await page.waitForSelector('[data-testid="wall-status"]');

    const replay = async (from: number, count: number) => {
      for (let s = from; s < from + count; s += BATCH) {
        for (let k = s; k < Math.min(s + BATCH, from + count); k++) replaySweep(db, k, startMs + k * POLL_MS, rigs, sites);
        await caughtUp(page, currentCursor(db));
      }
    };
    await replay(1, warmUpSweeps);
    const before = await metrics(cdp);
    const r0 = performance.now();
    await replay(1 + warmUpSweeps, sweepsReplayed);
    const replayMs = performance.now() - r0;
    await page.waitForTimeout(2500); // a rotation step and a clock tick after the last delta
    const after = await metrics(cdp);
    const changeRows = currentCursor(db);
    console.log(
      JSON.stringify({
        bench: 'wall-memory',
        rigs: rigCount,
        sweepsReplayed,
        simulatedHours,
        warmUpSweeps,
        changeRows,
        heapBeforeMb: before.heapMb,
        heapAfterMb: after.heapMb,
        heapGrowthMb: Math.round((after.heapMb - before.heapMb) * 100) / 100,
        domNodesBefore: before.nodes,
        domNodesAfter: after.nodes,
        replayMs: Math.round(replayMs),
        wallMs: Math.round(performance.now() - t0),
      }),
    );
  } finally {
    await browser.close();
    await web.stop();
    db.close();
    dir.cleanup();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
