/**
 * Realized money over a run of the demo fleet (real simulator over TCP and HTTP, the collector's own
 * sweeps, a real SQLite file): the realized kWh equals the integral of the per-sweep power of every rig
 * (within 0.1 %), cost equals each interval's kWh times the price in force then (the demo's time-of-use
 * and flat tariffs), GPU rigs count energy and cost with unknown revenue, and a sweep is counted once:
 * again after nothing new, and after a restart of the collector.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepOnce, type CollectorOptions } from '../../../collectors/collector';
import { getDriver } from '../../../collectors/drivers';
import { accumulateRealized } from '../../../collectors/realized-step';
import { startSimulator, type RunningSimulator } from '../../../collectors/simulator/simulator';
import { DEMO_MIX } from '../../../collectors/simulator/fleet-plan';
import { loadSourcesConfig } from '../../../collectors/sources/config';
import { refreshSources } from '../../../collectors/sources/runner';
import { listSites, siteTariff } from '../../../lib/db/queries/sites';
import { touPriceAt, type Tariff } from '../../../lib/economics';
import { setUpDemo } from '../../../bin/supervisor/demo-setup';
import { createOnceLog } from '../../../lib/util/once-log';
import { tempDb } from '../../support/temp';

const POLL_MS = 1000;
const CAP_MS = 3 * POLL_MS;
const HOUR = 3_600_000;
let sim: RunningSimulator;
let t: ReturnType<typeof tempDb>;
const market = { currency: 'USD', networkStaleAfterMs: 600_000, priceStaleAfterMs: 600_000 };
const options = (): CollectorOptions => ({
  db: t.db,
  getDriver,
  pollIntervalMs: POLL_MS,
  requestTimeoutMs: 800,
  concurrency: 8,
  policy: { staleAfterPolls: 2, offlineAfterPolls: 3 },
  market,
});

beforeAll(async () => {
  sim = await startSimulator({ miners: 32, subnet: '127.0.141', port: 4028, seed: 5, httpPort: 0, mix: DEMO_MIX });
  t = tempDb();
  setUpDemo(t.db, sim.manifest, Date.now());
  await refreshSources({
    db: t.db,
    now: Date.now,
    config: { ...loadSourcesConfig({ HASHWATT_MEMPOOL_URL: sim.manifest.services!.mempoolBaseUrl }), timeoutMs: 800 },
  });
}, 60_000);

afterAll(async () => {
  await sim?.stop();
  t?.cleanup();
});

/** The price a tariff charges at an instant (flat, or the band of that local hour): the test's own lookup. */
function priceAt(tariff: Tariff, atMs: number, timeZone: string): number {
  if (tariff.kind === 'flat') return tariff.pricePerKwh;
  if (tariff.kind === 'tou') return touPriceAt(tariff, atMs, timeZone);
  throw new Error('the demo has no real-time tariff');
}

/** Per site: kWh and cost integrated from the stored samples, interval by interval (hour boundaries split). */
function integrateSamples() {
  const out = new Map<number, { kwh: number; cost: number; gpuKwh: number }>();
  for (const site of listSites(t.db)) {
    const tariff = siteTariff(t.db, site.id)!;
    const acc = { kwh: 0, cost: 0, gpuKwh: 0 };
    const rigs = t.db.sqlite.prepare('select id from rigs where site_id = ?').all(site.id) as { id: number }[];
    for (const { id } of rigs) {
      const rows = t.db.sqlite.prepare('select ts_ms as ts, power_w as w from samples where rig_id = ? order by ts_ms').all(id) as {
        ts: number;
        w: number | null;
      }[];
      const status = t.db.sqlite.prepare('select reading_json from rig_status where rig_id = ?').get(id) as
        { reading_json: string | null } | undefined;
      const gpu = status?.reading_json ? ![undefined, 'sha256'].includes(JSON.parse(status.reading_json).algorithm) : false;
      for (let k = 1; k < rows.length; k++) {
        let from = Math.max(rows[k - 1].ts, rows[k].ts - CAP_MS);
        const to = rows[k].ts;
        while (from < to) {
          // Both demo zones are whole hours off UTC: local hour boundaries are UTC hour boundaries.
          const end = Math.min(to, (Math.floor(from / HOUR) + 1) * HOUR);
          const kwh = (((rows[k].w ?? 0) * site.pue) / 1000) * ((end - from) / HOUR);
          acc.kwh += kwh;
          acc.cost += kwh * priceAt(tariff, (from + end) / 2, site.timeZone);
          if (gpu) acc.gpuKwh += kwh;
          from = end;
        }
      }
    }
    out.set(site.id, acc);
  }
  return out;
}

function realizedBySite() {
  const rows = t.db.sqlite
    .prepare(
      'select site_id as siteId, sum(kwh) as kwh, sum(cost) as cost, sum(kwh_revenue_unknown) as unknownKwh, sum(revenue) as revenue from realized_site_days group by site_id',
    )
    .all() as { siteId: number; kwh: number; cost: number; unknownKwh: number; revenue: number }[];
  return new Map(rows.map((r) => [r.siteId, r]));
}

function expectAgreement() {
  const expected = integrateSamples();
  const got = realizedBySite();
  expect(expected.size).toBe(2);
  for (const [siteId, e] of expected) {
    const g = got.get(siteId)!;
    expect(e.kwh).toBeGreaterThan(0);
    expect(Math.abs(g.kwh - e.kwh) / e.kwh).toBeLessThan(0.001);
    expect(Math.abs(g.cost - e.cost) / e.cost).toBeLessThan(0.001);
    expect(e.gpuKwh).toBeGreaterThan(0);
    expect(Math.abs(g.unknownKwh - e.gpuKwh) / e.gpuKwh).toBeLessThan(0.001);
    expect(g.revenue).toBeGreaterThan(0);
  }
}

describe('realized money over a demo run', () => {
  it('kWh is the integral of per-sweep power and cost is kWh times the price in force, per site', async () => {
    const opts = options();
    for (let i = 0; i < 8; i++) {
      const info = await sweepOnce(opts);
      expect(info?.economics).toMatchObject({ stored: expect.any(Number) });
      await new Promise((r) => setTimeout(r, 150));
    }
    expectAgreement();
    // Rig days add up to site days, site hours to site days.
    const rigSum = t.db.sqlite.prepare('select sum(kwh) as k from realized_rig_days').get() as { k: number };
    const hourSum = t.db.sqlite.prepare('select sum(kwh) as k from realized_site_hours').get() as { k: number };
    const daySum = t.db.sqlite.prepare('select sum(kwh) as k from realized_site_days').get() as { k: number };
    expect(rigSum.k).toBeCloseTo(daySum.k, 9);
    expect(hourSum.k).toBeCloseTo(daySum.k, 9);
  }, 60_000);

  it('counts a sweep once: again with nothing new adds nothing, a restarted collector goes on from its cursor', async () => {
    const before = realizedBySite();
    expect(accumulateRealized(t.db, 'USD', POLL_MS)).toEqual({ rigs: 0, pieces: 0 });
    expect(realizedBySite()).toEqual(before);
    // A new collector (fresh memory, as after kill -9 and start) sweeps twice: each interval once.
    const fresh = options();
    await sweepOnce(fresh);
    await sweepOnce(fresh);
    expectAgreement();
  }, 60_000);

  it('fails alone: a tariff that is not JSON counts energy as unpriced, a missing bucket table is logged once and the sweep goes on', async () => {
    const [broken] = listSites(t.db);
    t.db.sqlite.prepare('update sites set tariff_json = ? where id = ?').run('{"kind":', broken.id);
    const unpriced = () =>
      (t.db.sqlite.prepare('select sum(kwh_unpriced) as k from realized_site_days where site_id = ?').get(broken.id) as { k: number }).k;
    const before = unpriced();
    const opts = options();
    const info = await sweepOnce(opts);
    expect(info?.realized).toMatchObject({ rigs: expect.any(Number) });
    expect(unpriced()).toBeGreaterThan(before);

    t.db.sqlite.exec('drop table realized_site_hours');
    const logged: string[] = [];
    const withLog = { ...opts, problems: createOnceLog((l) => logged.push(l)) };
    const infos = [await sweepOnce(withLog), await sweepOnce(withLog)];
    for (const i of infos) {
      expect(i?.realized).toEqual({ error: 'no such table: realized_site_hours' });
      expect(i?.economics).toMatchObject({ stored: expect.any(Number) });
    }
    expect(logged.filter((l) => l.startsWith('collector: realized money'))).toEqual([
      'collector: realized money: no such table: realized_site_hours',
    ]);
  }, 60_000);
});
