/**
 * Issue 12, "one rig reporting a negative hash rate stops everything": evil devices as loopback cgminer
 * servers (a negative hash rate, 1e297 TH/s, 2.95e298 W, NaN strings, a reply nested 100,000 deep, a
 * 500 degC chip) next to the demo simulator's good rigs, polled by the real collector loop (runCollector)
 * into a real SQLite file with economics and alerts on. The loop keeps sweeping; the good rigs' economics
 * are stored; each evil rig shows why it was refused and nothing of it is in samples or fleet totals; a
 * negative reading stored by an older version is left out of the economics and logged once, not every sweep.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCollector, type CollectorOptions, type SweepInfo } from '../../../collectors/collector';
import { newAlertStepMemory } from '../../../collectors/alerts-step';
import { getDriver } from '../../../collectors/drivers';
import { CLASSIC_MIX } from '../../../collectors/simulator/fleet-plan';
import { startSimulator, type RunningSimulator } from '../../../collectors/simulator/simulator';
import { loadSourcesConfig } from '../../../collectors/sources/config';
import { refreshSources } from '../../../collectors/sources/runner';
import { addRigs } from '../../../lib/db/mutations/add-rigs';
import { setSiteTariff } from '../../../lib/db/mutations/site-settings';
import { latestEconomics } from '../../../lib/db/queries/economics';
import { getSourced } from '../../../lib/db/queries/source-state';
import { listRigViews } from '../../../lib/db/queries/rigs';
import { parseTariff } from '../../../lib/economics';
import type { Reading } from '../../../lib/domain/reading';
import { setUpDemo } from '../../../bin/supervisor/demo-setup';
import { createOnceLog } from '../../../lib/util/once-log';
import { nestedReply, startEvilWhatsminer, whatsminerSummary, type EvilDevice } from '../../support/evil-cgminer';
import { tempDb } from '../../support/temp';

const EVIL_SUBNET = '127.0.172';
/** name -> the summary it serves (raw JSON values), and whether every command gets it. */
const EVIL: Record<string, { summary: string; all?: boolean }> = {
  'evil-negative': { summary: whatsminerSummary({ 'MHS 1m': '-5e6', 'MHS av': '-5e6' }) },
  'evil-huge': { summary: whatsminerSummary({ 'MHS 1m': '1e303' }) },
  'evil-power': { summary: whatsminerSummary({ Power: '2.95e298' }) },
  'evil-nan': {
    summary: whatsminerSummary({ 'MHS 1m': '"NaN"', 'MHS 5m': '"nan"', 'MHS av': '"NaN"', 'MHS 5s': '"Infinity"', Power: '"nan"' }),
  },
  'evil-deep': { summary: nestedReply(100_000), all: true },
  'odd-sensors': { summary: whatsminerSummary({ 'Chip Temp Max': '500', Elapsed: '-5', 'Hardware Errors': '-1e300' }) },
};
const OLD_BAD = 'stored-by-old-version';

let sim: RunningSimulator;
let t: ReturnType<typeof tempDb>;
const devices: EvilDevice[] = [];
const logged: string[] = [];
const sweeps: SweepInfo[] = [];
let loop: Promise<void>;
let loopError: unknown = null;

beforeAll(async () => {
  sim = await startSimulator({ miners: 4, subnet: '127.0.171', port: 4028, seed: 21, httpPort: 0, mix: CLASSIC_MIX });
  t = tempDb();
  const nowMs = Date.now();
  setUpDemo(t.db, sim.manifest, nowMs);
  await refreshSources({
    db: t.db,
    now: Date.now,
    config: { ...loadSourcesConfig({ HASHWATT_MEMPOOL_URL: sim.manifest.services!.mempoolBaseUrl }), timeoutMs: 5000 },
  });
  // Economics need both; a loaded machine must not turn a slow simulator reply into a skipped test.
  expect(getSourced(t.db, 'network').value, getSourced(t.db, 'network').lastError ?? '').not.toBeNull();
  expect(getSourced(t.db, 'price').value, getSourced(t.db, 'price').lastError ?? '').not.toBeNull();

  const names = [...Object.keys(EVIL), OLD_BAD];
  const added = addRigs(
    t.db,
    'Evil yard',
    names.map((name, i) => ({
      name,
      address: `${EVIL_SUBNET}.${i + 1}`,
      port: 4028,
      driver: 'whatsminer',
      model: 'Whatsminer M30S',
      algorithm: 'sha256',
    })),
    { nowMs, currency: 'USD', defaultPorts: { whatsminer: 4028 } },
  );
  const tariff = parseTariff({ kind: 'flat', pricePerKwh: 0.05 });
  if (!tariff.ok) throw new Error(tariff.error.join('; '));
  setSiteTariff(t.db, added.siteId, tariff.value, nowMs);
  for (const [i, name] of Object.keys(EVIL).entries())
    devices.push(await startEvilWhatsminer(`${EVIL_SUBNET}.${i + 1}`, 4028, EVIL[name].summary, { all: EVIL[name].all }));

  // A version before the plausibility check stored this reading; its device is gone now (refused).
  const oldRig = t.db.sqlite.prepare('select id from rigs where name = ?').pluck().get(OLD_BAD) as number;
  const bad: Reading = {
    driver: 'whatsminer',
    make: 'MicroBT',
    model: 'Whatsminer M30S',
    firmware: '',
    status: 'mining',
    hashrateThs: -5,
    expectedHashrateThs: null,
    powerW: 3344,
    powerSource: 'firmware',
    efficiencyJth: null,
    boards: [],
    tempMaxC: null,
    fansRpm: [],
    pools: [],
    uptimeS: 100,
    hardwareErrors: null,
  };
  t.db.sqlite
    .prepare(
      'insert into rig_status (rig_id, connectivity, status, last_seen_ms, last_poll_ms, last_error, consecutive_failures, reading_json) values (?, ?, ?, ?, ?, null, 0, ?)',
    )
    .run(oldRig, 'online', 'mining', nowMs, nowMs, JSON.stringify(bad));

  const stop = new AbortController();
  const opts: CollectorOptions = {
    db: t.db,
    getDriver,
    pollIntervalMs: 250,
    requestTimeoutMs: 500,
    concurrency: 8,
    // The old rig's refusals must not make it stale before the economics of the first sweeps ran.
    policy: { staleAfterPolls: 50, offlineAfterPolls: 60 },
    market: { currency: 'USD', networkStaleAfterMs: 600_000, priceStaleAfterMs: 600_000 },
    alerts: newAlertStepMemory(),
    problems: createOnceLog((line) => logged.push(line)),
    onSweep: (info) => {
      sweeps.push(info);
      if (sweeps.length >= 5) stop.abort();
    },
  };
  loop = runCollector(opts, stop.signal).catch((err) => {
    loopError = err;
  });
  await Promise.race([loop, new Promise((resolve) => setTimeout(resolve, 60_000))]);
  stop.abort();
  await loop;
}, 120_000);

afterAll(async () => {
  for (const d of devices) await d.close();
  await sim?.stop();
  t?.cleanup();
});

const rig = (name: string) => listRigViews(t.db).find((r) => r.name === name)!;
const idOf = (name: string) => rig(name).id;

describe('evil devices against the real collector loop', () => {
  it('keeps sweeping: five sweeps committed, the loop ended only when told to', () => {
    expect(loopError).toBeNull();
    expect(sweeps).toHaveLength(5);
    expect(sweeps.every((s) => s.alerts !== null && 'events' in s.alerts)).toBe(true);
  });

  it('gives each evil rig the error that says why its reading was refused', () => {
    expect(rig('evil-negative').lastError).toBe('implausible reading: hashrateThs = -5 (must be >= 0)');
    expect(rig('evil-huge').lastError).toBe(
      'implausible reading: hashrateThs = 1e+297 (must be <= 264: 3x the Whatsminer M30S nameplate of 88 TH/s)',
    );
    expect(rig('evil-power').lastError).toBe(
      'implausible reading: powerW = 2.95e+298 (must be <= 6688: 2x the Whatsminer M30S nameplate of 3344 W)',
    );
    expect(rig('evil-nan').lastError).toBe('unexpected: summary has no "MHS 1m"/"MHS av" hash rate');
    expect(rig('evil-deep').lastError).toBe(
      `garbage: reply to "summary" from ${EVIL_SUBNET}.5:4028 nests deeper than 64 levels (the limit for a device reply)`,
    );
    for (const name of ['evil-negative', 'evil-huge', 'evil-power', 'evil-nan', 'evil-deep']) {
      expect(rig(name).connectivity, name).toBe('offline'); // never seen: no reading was ever accepted
      expect(rig(name).reading, name).toBeNull();
    }
  });

  it('stores nothing of the refused readings, and keeps the rest of a reading with impossible sensors', () => {
    const refused = ['evil-negative', 'evil-huge', 'evil-power', 'evil-nan', 'evil-deep'].map(idOf);
    const count = t.db.sqlite
      .prepare(`select count(*) from samples where rig_id in (${refused.join(',')})`)
      .pluck()
      .get();
    expect(count).toBe(0);
    const odd = rig('odd-sensors');
    expect(odd.connectivity).toBe('online');
    expect(odd.reading!.hashrateThs).toBe(88);
    expect(odd.reading!.tempMaxC).toBe(70); // the board sensor; the 500 degC chip figure is left out
    expect(odd.reading!.uptimeS).toBeNull();
    expect(odd.reading!.hardwareErrors).toBeNull();
    expect(odd.reading!.warnings).toEqual([
      'uptimeS = -5 (must be >= 0): stored as unknown',
      'hardwareErrors = -1e+300 (must be >= 0): stored as unknown',
    ]);
  });

  it('sums only plausible readings into the fleet totals', () => {
    const last = t.db.sqlite.prepare('select hashrate_ths as h, power_w as p from sweeps order by id desc limit 1').get() as {
      h: number;
      p: number;
    };
    const online = listRigViews(t.db).filter((r) => r.connectivity === 'online' && r.reading && r.reading.hashrateThs >= 0);
    const good = online.filter((r) => r.name !== OLD_BAD);
    const expected = good.reduce((sum, r) => sum + r.reading!.hashrateThs, 0);
    expect(last.h).toBeLessThan(1e4);
    expect(good.length).toBeGreaterThanOrEqual(4); // the simulator's rigs and odd-sensors
    expect(Number.isFinite(last.p) && last.p < 1e6).toBe(true);
    expect(last.h).toBeCloseTo(expected, 6);
  });

  it("stores the good rigs' economics and leaves out the old negative reading, logged once", () => {
    const eco = latestEconomics(t.db);
    for (const r of listRigViews(t.db).filter((v) => v.connectivity === 'online' && v.name !== OLD_BAD)) {
      expect(eco.rigs[r.id], r.name).toBeDefined();
    }
    expect(eco.rigs[idOf(OLD_BAD)]).toBeUndefined();
    expect(eco.fleet!.revenuePerDay).toBeGreaterThan(0);
    const last = sweeps[sweeps.length - 1].economics!;
    expect('skippedRigs' in last && last.skippedRigs).toEqual([
      { rigId: idOf(OLD_BAD), name: OLD_BAD, reason: 'hashrateThs must be >= 0 (got -5)' },
    ]);
    const lines = logged.filter((l) => l.includes(OLD_BAD));
    expect(lines).toEqual([`collector: economics of rig "${OLD_BAD}": left out: hashrateThs must be >= 0 (got -5)`]);
  });
});
