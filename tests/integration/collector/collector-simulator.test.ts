/**
 * The collector against the demo simulator over real TCP on loopback, into a real SQLite file: what is
 * stored equals what the simulated miners report, and misbehaving devices never stop a sweep.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepOnce, type CollectorOptions } from '../../../collectors/collector';
import { getDriver } from '../../../collectors/drivers';
import { startSimulator, type RunningSimulator } from '../../../collectors/simulator/simulator';
import { CLASSIC_MIX } from '../../../collectors/simulator/fleet-plan';
import { upsertDemoFleet } from '../../../lib/db/mutations/upsert-demo-fleet';
import { listRigViews } from '../../../lib/db/queries/rigs';
import { tempDb } from '../../support/temp';

const FIXED_NOW_MS = Date.UTC(2026, 10, 24, 12, 0, 0);
let sim: RunningSimulator;
let t: ReturnType<typeof tempDb>;
let opts: CollectorOptions;

beforeAll(async () => {
  // A frozen simulator clock: every reply is the same until the test moves time, so "truth" is exact.
  sim = await startSimulator({ miners: 16, subnet: '127.0.92', port: 4028, seed: 7, now: () => FIXED_NOW_MS, mix: CLASSIC_MIX });
  t = tempDb();
  upsertDemoFleet(t.db, sim.manifest, Date.now());
  opts = {
    db: t.db,
    getDriver,
    pollIntervalMs: 1000,
    requestTimeoutMs: 400,
    concurrency: 8,
    policy: { staleAfterPolls: 2, offlineAfterPolls: 3 },
  };
});

afterAll(async () => {
  await sim?.stop();
  t?.cleanup();
});

describe('collector against the simulator', () => {
  it('stores, for every rig, the hash rate, power and temperature the miner reports', async () => {
    const info = await sweepOnce(opts);
    const rigs = listRigViews(t.db);
    expect(rigs).toHaveLength(16);
    const expectedOnline = rigs.filter((r) => sim.truth(r.name).online).length;
    expect(info?.ok).toBe(expectedOnline);
    for (const rig of rigs) {
      const truth = sim.truth(rig.name);
      if (!truth.online) {
        expect(rig.connectivity).toBe('offline');
        expect(rig.lastError).toMatch(/^refused: /);
        continue;
      }
      expect(rig.connectivity, rig.name).toBe('online');
      const r = rig.reading!;
      // Antminer's driver reads the 5 s rate (GH/s, 2 decimals), Whatsminer's the 1 min rate (MH/s, 2
      // decimals): allow that rounding only.
      const shownThs = rig.driver === 'whatsminer' ? truth.hashrate1mThs : truth.hashrateThs;
      expect(Math.abs(r.hashrateThs - shownThs), rig.name).toBeLessThan(1e-5);
      expect(r.status, rig.name).toBe(truth.status);
      expect(Math.abs((r.tempMaxC ?? NaN) - truth.tempMaxC), rig.name).toBeLessThanOrEqual(1);
      if (rig.driver === 'whatsminer') {
        expect(r.powerSource).toBe('firmware');
        expect(Math.abs((r.powerW ?? NaN) - truth.powerW), rig.name).toBeLessThanOrEqual(1);
      } else {
        expect(r.powerSource).toBe('estimated'); // stock Antminer firmware reports no power
        expect(r.powerW).toBeGreaterThan(0);
      }
    }
    const samples = t.db.sqlite.prepare('select count(*) from samples').pluck().get();
    expect(samples).toBe(expectedOnline);
  });

  it('finishes the sweep with a specific error for garbage, half replies, silence and refusals', async () => {
    const healthy = listRigViews(t.db)
      .filter((r) => r.connectivity === 'online')
      .map((r) => r.name);
    const [garbage, half, silent, offline] = healthy;
    await sim.setFault(garbage, 'garbage');
    await sim.setFault(half, 'half');
    await sim.setFault(silent, 'silent');
    await sim.setFault(offline, 'offline');
    try {
      const info = await sweepOnce(opts);
      expect(info?.failed).toBe(16 - healthy.length + 4);
      const byName = new Map(listRigViews(t.db).map((r) => [r.name, r]));
      expect(byName.get(garbage)!.lastError).toMatch(/^garbage: /);
      expect(byName.get(half)!.lastError).toMatch(/^truncated: /);
      expect(byName.get(silent)!.lastError).toMatch(/^timeout: /);
      expect(byName.get(offline)!.lastError).toMatch(/^refused: /);
      // One miss is not yet stale; the reading stays, and every other rig was stored normally.
      expect(byName.get(garbage)!.connectivity).toBe('online');
      for (const name of healthy.slice(4)) expect(byName.get(name)!.lastError, name).toBeNull();

      await sweepOnce(opts);
      expect(listRigViews(t.db).find((r) => r.name === silent)!.connectivity).toBe('stale');
      await sweepOnce(opts);
      expect(listRigViews(t.db).find((r) => r.name === offline)!.connectivity).toBe('offline');
    } finally {
      for (const name of [garbage, half, silent, offline]) await sim.setFault(name, null);
    }
    await sweepOnce(opts);
    const back = listRigViews(t.db).find((r) => r.name === offline)!;
    expect(back.connectivity).toBe('online');
    expect(back.lastError).toBeNull();
  });
});
