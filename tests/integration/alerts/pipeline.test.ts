/**
 * The alert pipeline end to end without the web app: the demo simulator over real TCP into a real SQLite
 * file, the collector's alert step after each sweep, and the delivery worker sending to real loopback
 * receivers. Covers: a tariff raise firing exactly the rigs whose breakeven is below it and resolving when
 * it drops; a signed webhook per site; a channel that is down getting the alert once it is back; a restart
 * (new connection, fresh memory) neither losing queued deliveries nor firing twice; acknowledge stopping
 * re-notification; a test send through a request.
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newAlertStepMemory } from '../../../collectors/alerts-step';
import { sweepOnce, type CollectorOptions } from '../../../collectors/collector';
import { getDriver } from '../../../collectors/drivers';
import { notifyTick } from '../../../collectors/notify-loop';
import { CLASSIC_MIX } from '../../../collectors/simulator/fleet-plan';
import { startSimulator, type RunningSimulator } from '../../../collectors/simulator/simulator';
import { loadSourcesConfig } from '../../../collectors/sources/config';
import { refreshSources } from '../../../collectors/sources/runner';
import { RULE_KINDS, type ThresholdOverride } from '../../../lib/alerts';
import type { Db } from '../../../lib/db/client';
import { createChannelRow } from '../../../lib/db/mutations/alert-channels';
import { enqueueDeliveries } from '../../../lib/db/mutations/write-alerts';
import { getAlertRequest, recordAlertRequest } from '../../../lib/db/mutations/alert-requests';
import { setNotifyPolicy, setThresholdOverride } from '../../../lib/db/mutations/alert-settings';
import { setSiteTariff } from '../../../lib/db/mutations/site-settings';
import { listChannelViews } from '../../../lib/db/queries/alert-channels';
import { activeAlerts, listAlerts } from '../../../lib/db/queries/alerts';
import { latestEconomics } from '../../../lib/db/queries/economics';
import { listSites } from '../../../lib/db/queries/sites';
import { parseTariff } from '../../../lib/economics';
import { parseChannelConfig } from '../../../lib/notify';
import { setUpDemo } from '../../../bin/supervisor/demo-setup';
import { parsePrivateHosts } from '../../../lib/net/outbound-policy';
import { notifyNet } from '../../../lib/notify/net';
import { startReceiver, type Receiver, type RecordedRequest } from '../notify/receiver';
import { openTestDb, tempDb } from '../../support/temp';

const SECRET = 'a-webhook-secret-of-some-length';
const HOST = '127.0.97.251';
let sim: RunningSimulator;
let t: ReturnType<typeof tempDb>;
let db: Db;
let ops: Receiver;
let backup: Receiver;
let backupPort: number;
let clockMs = Date.now();
const memory = newAlertStepMemory();

function collector(): CollectorOptions {
  return {
    db,
    getDriver,
    pollIntervalMs: 1000,
    requestTimeoutMs: 500,
    concurrency: 8,
    policy: { staleAfterPolls: 2, offlineAfterPolls: 3 },
    market: { currency: 'USD', networkStaleAfterMs: 3_600_000, priceStaleAfterMs: 3_600_000 },
    alerts: memory,
  };
}
/** The receivers are the operator's LAN webhooks: their address is listed as HASHWATT_NOTIFY_PRIVATE_HOSTS would. */
const LAN = notifyNet(parsePrivateHosts(HOST));
const tick = (atMs: number) => notifyTick({ db, now: () => atMs, random: () => 0, log: () => {}, net: LAN });

function webhook(name: string, url: string) {
  const parsed = parseChannelConfig({ kind: 'webhook', url, secret: SECRET, timeoutMs: 1000 });
  if (!parsed.ok) throw new Error(parsed.error.join('; '));
  return createChannelRow(db, name, true, parsed.value, Date.now());
}

interface WebhookBody {
  groupKey: string;
  siteName: string;
  alerts: { alertId: string; state: string; rule: string; subject: string; title: string }[];
}
function verified(req: RecordedRequest): WebhookBody {
  const expected = `sha256=${createHmac('sha256', SECRET).update(req.body).digest('hex')}`;
  expect(req.headers['x-hashwatt-signature']).toBe(expected);
  const body = JSON.parse(req.body) as WebhookBody;
  expect(req.headers['x-hashwatt-alert-id']).toBe(body.alerts.map((a) => a.alertId).join(','));
  return body;
}

/** Only the unprofitable-rig rule, firing and clearing at once: this file is about delivery. */
const ONLY_UNPROFITABLE_RIG: ThresholdOverride = Object.fromEntries(
  RULE_KINDS.map((rule) => [rule, rule === 'unprofitable-rig' ? { enabled: true, forMs: 0, clearForMs: 0 } : { enabled: false }]),
);

beforeAll(async () => {
  sim = await startSimulator({ miners: 16, subnet: '127.0.97', port: 4028, seed: 5, httpPort: 0, mix: CLASSIC_MIX });
  t = tempDb();
  db = t.db;
  setUpDemo(db, sim.manifest, Date.now());
  // The demo's sites pay time-of-use prices: at an evening peak some rigs would lose money before the test
  // raises the price, and fire on the first sweep. A flat price below every breakeven keeps the file
  // independent of the hour it runs at.
  const cheap = parseTariff({ kind: 'flat', pricePerKwh: 0.001 });
  if (!cheap.ok) throw new Error(cheap.error.join('; '));
  for (const site of listSites(db)) setSiteTariff(db, site.id, cheap.value, Date.now());
  await refreshSources({
    db,
    now: Date.now,
    config: { ...loadSourcesConfig({ HASHWATT_MEMPOOL_URL: sim.manifest.services!.mempoolBaseUrl }), timeoutMs: 5000 },
  });
  ops = await startReceiver(HOST);
  backup = await startReceiver(HOST);
  backupPort = Number(new URL(backup.baseUrl).port);
  await backup.close(); // the backup channel is down from the start
  setThresholdOverride(db, 'global', 0, ONLY_UNPROFITABLE_RIG, Date.now());
  setNotifyPolicy(db, { groupWaitMs: 0, cooldownMs: 0, renotifyMs: 60_000 }, Date.now());
  webhook('ops', `${ops.baseUrl}/hook`);
  webhook('backup', `http://${HOST}:${backupPort}/hook`);
});

afterAll(async () => {
  await sim?.stop();
  await ops?.close();
  await backup?.close();
  t?.cleanup();
});

/** Rig ids whose stored breakeven is below the price they pay, in the latest economics. */
function rigsBelowBreakeven(): number[] {
  const eco = latestEconomics(db);
  return Object.entries(eco.rigs)
    .filter(([, r]) => r.breakevenPricePerKwh !== null && r.pricePerKwh !== null && r.breakevenPricePerKwh < r.pricePerKwh)
    .map(([id]) => Number(id))
    .sort((a, b) => a - b);
}
const firingRigIds = () =>
  activeAlerts(db)
    .filter((a) => a.rule === 'unprofitable-rig')
    .map((a) => a.subjectId)
    .sort((a, b) => a - b);

describe('alert pipeline', { timeout: 60_000 }, () => {
  let siteId = 0;
  let firedIds: string[] = [];

  it('fires exactly the rigs whose breakeven is below a raised tariff and sends one signed notification per site', async () => {
    await sweepOnce(collector());
    const site = listSites(db)[0];
    siteId = site.id;
    // A price between two of the site's breakevens, so some of its rigs lose money and some do not.
    const breakevens = Object.entries(latestEconomics(db).rigs)
      .filter(([, r]) => r.currency === site.currency && r.breakevenPricePerKwh !== null)
      .map(([, r]) => r.breakevenPricePerKwh!)
      .sort((a, b) => a - b);
    expect(breakevens.length).toBeGreaterThan(2);
    let gap = 0;
    let price = 0;
    // At least three losers (one is acknowledged, one snoozed below) and at least one winner.
    for (let i = 3; i < breakevens.length; i++) {
      if (breakevens[i] - breakevens[i - 1] > gap)
        [gap, price] = [breakevens[i] - breakevens[i - 1], (breakevens[i] + breakevens[i - 1]) / 2];
    }
    const tariff = parseTariff({ kind: 'flat', pricePerKwh: Number(price.toFixed(4)) });
    if (!tariff.ok) throw new Error(tariff.error.join('; '));
    setSiteTariff(db, siteId, tariff.value, Date.now());

    await sweepOnce(collector());
    const expected = rigsBelowBreakeven();
    expect(expected.length).toBeGreaterThan(0);
    expect(firingRigIds()).toEqual(expected);
    firedIds = activeAlerts(db)
      .filter((a) => a.siteId === siteId)
      .map((a) => a.id);
    expect(firedIds.length).toBeGreaterThanOrEqual(3);

    const result = await tick(Date.now());
    expect(result.sent).toBeGreaterThan(0);
    const bodies = ops.requests.map(verified);
    const site1 = bodies.filter((b) => b.groupKey === `site:${siteId}`);
    expect(site1).toHaveLength(1); // grouped: one notification for the site, however many rigs
    expect(site1[0].siteName).toBe(site.name);
    expect(site1[0].alerts.map((a) => a.alertId).sort()).toEqual([...firedIds].sort());
    expect(site1[0].alerts.every((a) => a.state === 'firing' && a.rule === 'unprofitable-rig')).toBe(true);
  });

  it('keeps the alert for a channel that is down and delivers it once the channel is back', async () => {
    const down = listChannelViews(db).find((c) => c.name === 'backup')!;
    expect(down.queued).toBeGreaterThan(0);
    expect(down.lastError).toMatch(/refused|ECONNREFUSED/i);
    // Health is per channel: the working one does not show the other's error.
    expect(listChannelViews(db).find((c) => c.name === 'ops')).toMatchObject({
      queued: 0,
      lastError: null,
      lastDeliveredAtMs: expect.any(Number),
    });
    // Before the backoff (5 s step, half fixed with random 0: 2.5 s) nothing is retried.
    clockMs = Date.now();
    expect((await tick(clockMs + 1_000)).sent).toBe(0);
    backup = await startReceiver(HOST, backupPort);
    await tick(clockMs + 3_000);
    const got = backup.requests.map(verified).filter((b) => b.groupKey === `site:${siteId}`);
    expect(got).toHaveLength(1);
    expect(got[0].alerts.map((a) => a.alertId).sort()).toEqual([...firedIds].sort());
    const healthy = listChannelViews(db).find((c) => c.name === 'backup')!;
    expect(healthy).toMatchObject({ queued: 0, failed: 0, lastError: null });
  });

  it('survives a restart: a new connection and fresh memory neither fire again nor lose a queued delivery', async () => {
    const opsBefore = ops.requests.length;
    db.close();
    db = openTestDb(t.path);
    Object.assign(memory, newAlertStepMemory());
    const info = await sweepOnce(collector());
    expect(info?.alerts).toEqual({ events: 0 }); // the stored states say they are already firing
    expect(firingRigIds()).toEqual(rigsBelowBreakeven());
    await tick(Date.now());
    expect(ops.requests.length).toBe(opsBefore);
  });

  it('keeps a delivery whose send was cut off by shutdown, and sends it after the restart', async () => {
    // A receiver that never answers its first request (the send in flight when the collector stops).
    const bodies: string[] = [];
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        bodies.push(body);
        if (bodies.length > 1) res.writeHead(200).end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen({ host: HOST, port: 0 }, resolve));
    try {
      const channelId = webhook('flaky', `http://${HOST}:${(server.address() as AddressInfo).port}/hook`);
      enqueueDeliveries(db, [channelId], firedIds[0], 'firing', 'transition', `site:${siteId}`, Date.now());
      const stop = new AbortController();
      const inFlight = notifyTick({ db, random: () => 0, log: () => {}, net: LAN }, stop.signal);
      await expect.poll(() => bodies.length, { timeout: 5_000 }).toBe(1);
      stop.abort();
      await inFlight;
      expect(listChannelViews(db).find((c) => c.id === channelId)).toMatchObject({ queued: 1, failed: 0 });

      db.close();
      db = openTestDb(t.path);
      await tick(Date.now());
      expect(bodies).toHaveLength(2);
      expect(bodies[1]).toBe(bodies[0]); // the same message again: at least once, same alert id
      expect(listChannelViews(db).find((c) => c.id === channelId)).toMatchObject({ queued: 0, lastDeliveredAtMs: expect.any(Number) });
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('re-notifies a firing alert nobody acknowledged, and acknowledging stops it', async () => {
    const start = Date.now();
    const before = ops.requests.length;
    await tick(start + 61_000);
    const renotified = ops.requests.slice(before).map(verified);
    expect(renotified.flatMap((b) => b.alerts.map((a) => a.title)).every((title) => title.startsWith('Still firing: '))).toBe(true);
    expect(renotified.flatMap((b) => b.alerts.map((a) => a.alertId)).sort()).toEqual(expect.arrayContaining(firedIds));

    const request = recordAlertRequest(db, { kind: 'ack', alertId: firedIds[0], by: 'night shift' }, start);
    await tick(start + 62_000);
    expect(getAlertRequest(db, request.id)).toMatchObject({ status: 'done', error: null });
    expect(activeAlerts(db).find((a) => a.id === firedIds[0])).toMatchObject({ ackedBy: 'night shift', ackedAtMs: start + 62_000 });
    // Snoozed until +300 s: not re-sent at +125 s, re-sent once the snooze is over.
    const snoozed = firedIds[1];
    expect(snoozed).toBeDefined();
    recordAlertRequest(db, { kind: 'snooze', alertId: snoozed, untilMs: start + 300_000 }, start);
    await tick(start + 63_000);
    expect(activeAlerts(db).find((a) => a.id === snoozed)?.snoozedUntilMs).toBe(start + 300_000);
    const afterAck = ops.requests.length;
    await tick(start + 125_000);
    const again = ops.requests.slice(afterAck).flatMap((r) => verified(r).alerts.map((a) => a.alertId));
    expect(again).not.toContain(firedIds[0]);
    expect(again).not.toContain(snoozed);
    expect(again.length).toBeGreaterThan(0); // the others are still not acknowledged
    const afterSnooze = ops.requests.length;
    await tick(start + 301_000);
    expect(ops.requests.slice(afterSnooze).flatMap((r) => verified(r).alerts.map((a) => a.alertId))).toContain(snoozed);
  });

  it('answers a request that names a resolved or unknown alert with a specific error', async () => {
    const request = recordAlertRequest(db, { kind: 'ack', alertId: 'unprofitable-rig:rig:999:1', by: 'x' }, Date.now());
    await tick(Date.now());
    expect(getAlertRequest(db, request.id)).toMatchObject({ status: 'failed', error: 'no alert unprofitable-rig:rig:999:1' });
  });

  it('sends "resolved" with the same ids when the tariff drops', async () => {
    const tariff = parseTariff({ kind: 'flat', pricePerKwh: 0.001 });
    if (!tariff.ok) throw new Error(tariff.error.join('; '));
    setSiteTariff(db, siteId, tariff.value, Date.now());
    await sweepOnce(collector());
    expect(activeAlerts(db).filter((a) => a.siteId === siteId)).toEqual([]);
    const resolved = listAlerts(db, { status: 'resolved', limit: 100, siteIds: null }).filter((a) => firedIds.includes(a.id));
    expect(resolved).toHaveLength(firedIds.length);
    expect(resolved.every((a) => a.resolveReason === 'cleared')).toBe(true);
    const before = ops.requests.length;
    await tick(Date.now() + 400_000);
    const sent = ops.requests
      .slice(before)
      .map(verified)
      .filter((b) => b.groupKey === `site:${siteId}`);
    expect(sent).toHaveLength(1);
    expect(
      sent[0].alerts
        .filter((a) => a.state === 'resolved')
        .map((a) => a.alertId)
        .sort(),
    ).toEqual([...firedIds].sort());
  });

  it('sends a test notification on request and reports a channel that refuses it', async () => {
    const [opsChannel] = listChannelViews(db);
    const before = ops.requests.length;
    const ok = recordAlertRequest(db, { kind: 'test', channelId: opsChannel.id }, Date.now());
    const refusing = webhook('refusing', `${ops.baseUrl}/status/410`);
    const failed = recordAlertRequest(db, { kind: 'test', channelId: refusing }, Date.now());
    await tick(Date.now());
    expect(getAlertRequest(db, ok.id)).toMatchObject({ status: 'done', error: null });
    const test = verified(ops.requests[before]);
    expect(test.alerts[0]).toMatchObject({ rule: 'test', title: 'Test notification for channel "ops"' });
    expect(getAlertRequest(db, failed.id)?.status).toBe('failed');
    expect(getAlertRequest(db, failed.id)?.error).toMatch(/410/);
  });
});
