/**
 * Alert delivery benchmark: a storm of alerts (BENCH_ALERTS, default 1,000 rigs across 20 sites) firing in
 * one sweep into a real SQLite file with three webhook channels on loopback receivers, then resolving.
 * Prints JSON: time to store the evaluation, ticks and time until every delivery is accepted, how many
 * notifications that took (grouping by site), queue rows, and the worker's CPU and RSS.
 *   node --import tsx bench/alerts.ts
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { notifyTick } from '../collectors/notify-loop';
import { parsePrivateHosts } from '../lib/net/outbound-policy';
import { notifyNet } from '../lib/notify/net';
import type { AlertEvent, AlertState } from '../lib/alerts/types';
import { openDb } from '../lib/db/client';
import { migrateDb } from '../lib/db/migrate';
import { createChannelRow } from '../lib/db/mutations/alert-channels';
import { prepareSecretKey } from '../bin/supervisor/key-setup';
import { setNotifyPolicy } from '../lib/db/mutations/alert-settings';
import { writeAlertEvaluation } from '../lib/db/mutations/write-alerts';
import { parseChannelConfig } from '../lib/notify';
import { tempDir } from '../lib/util/temp-dir';

const alerts = Number(process.env.BENCH_ALERTS ?? 1000);
const sites = 20;
const channels = 3;

async function receiver(): Promise<{ url: string; requests: () => number; close: () => Promise<void> }> {
  let count = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      count++;
      res.writeHead(200).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen({ host: '127.0.204.1', port: 0 }, resolve));
  return {
    url: `http://127.0.204.1:${(server.address() as AddressInfo).port}/hook`,
    requests: () => count,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function storm(kind: 'firing' | 'resolved', atMs: number): { states: Map<string, AlertState>; events: AlertEvent[] } {
  const events: AlertEvent[] = [];
  for (let i = 1; i <= alerts; i++) {
    const key = `unprofitable-rig:rig:${i}`;
    events.push({
      kind,
      key,
      rule: 'unprofitable-rig',
      scope: 'rig',
      subjectId: i,
      siteId: (i % sites) + 1,
      alertId: `${key}:1`,
      atMs,
      value: -0.01,
      detail: 'profit -0.0100 USD/kWh',
    });
  }
  return { states: new Map(), events };
}

async function deliverAll(db: ReturnType<typeof openDb>, startMs: number) {
  const t0 = performance.now();
  let ticks = 0;
  for (;;) {
    const r = await notifyTick({ db, now: () => startMs, log: () => {}, net: notifyNet(parsePrivateHosts('127.0.204.1')) });
    ticks++;
    const pending = db.sqlite.prepare("select count(*) from alert_deliveries where status = 'pending'").pluck().get() as number;
    if (pending === 0 || ticks > 50 || (r.sent === 0 && r.failed === 0)) return { ticks, ms: Math.round(performance.now() - t0), pending };
  }
}

async function main() {
  const dir = tempDir('hashwatt-bench-alerts-');
  const db = openDb(`${dir.dir}/bench.db`);
  migrateDb(db);
  prepareSecretKey(db, { secretKey: null, dbPath: db.path }, Date.now()); // as hashwatt start: channel secrets are sealed
  const receivers = await Promise.all(Array.from({ length: channels }, receiver));
  for (const [i, r] of receivers.entries()) {
    const parsed = parseChannelConfig({ kind: 'webhook', url: r.url, secret: 'bench-secret-0123456789' });
    if (!parsed.ok) throw new Error(parsed.error.join('; '));
    createChannelRow(db, `hook ${i}`, true, parsed.value, Date.now());
  }
  setNotifyPolicy(db, { groupWaitMs: 0, cooldownMs: 0, renotifyMs: 0 }, Date.now());
  const names = {
    rigs: new Map(Array.from({ length: alerts }, (_, i) => [i + 1, `rig-${i + 1}`])),
    sites: new Map(Array.from({ length: sites }, (_, i) => [i + 1, `site ${i + 1}`])),
    pools: new Map(),
  };
  const channelIds = [1, 2, 3];
  const cpu0 = process.cpuUsage();

  const nowMs = Date.now();
  let t0 = performance.now();
  const fire = storm('firing', nowMs);
  writeAlertEvaluation(db, fire.states, fire.events, names, channelIds, nowMs);
  const storeFiringMs = Math.round(performance.now() - t0);
  const firing = await deliverAll(db, nowMs);

  t0 = performance.now();
  const clear = storm('resolved', nowMs + 60_000);
  writeAlertEvaluation(db, clear.states, clear.events, names, channelIds, nowMs + 60_000);
  const storeResolvedMs = Math.round(performance.now() - t0);
  const resolved = await deliverAll(db, nowMs + 60_000);

  const cpu = process.cpuUsage(cpu0);
  const result = {
    bench: 'alert-delivery',
    alerts,
    sites,
    channels,
    storeFiringMs,
    deliverFiringMs: firing.ms,
    deliverFiringTicks: firing.ticks,
    storeResolvedMs,
    deliverResolvedMs: resolved.ms,
    pendingAfter: firing.pending + resolved.pending,
    deliveriesQueued: db.sqlite.prepare('select count(*) from alert_deliveries').pluck().get(),
    notificationsSent: receivers.reduce((sum, r) => sum + r.requests(), 0),
    workerCpuMs: Math.round((cpu.user + cpu.system) / 1000),
    rssMb: Math.round(process.memoryUsage().rss / 1e6),
    node: process.version,
  };
  console.log(JSON.stringify(result, null, 2));
  await Promise.all(receivers.map((r) => r.close()));
  db.close();
  dir.cleanup();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
