/**
 * Seeds a database with a large fleet for measurement scripts (not a test): `rigCount` rigs over `siteCount`
 * sites, one sweep with readings for all of them and that sweep's economics, a network and a price.
 */
import type { Db } from '../../lib/db/client';
import { addRigs } from '../../lib/db/mutations/add-rigs';
import { recordSourceSuccess } from '../../lib/db/mutations/source-state';
import { writeEconomics } from '../../lib/db/mutations/write-economics';
import { writeSweep } from '../../lib/db/mutations/write-sweep';
import type { PollResult } from '../../lib/domain/sweep-record';
import { listRigViews } from '../../lib/db/queries/rigs';
import { listSites } from '../../lib/db/queries/sites';
import type { Reading } from '../../lib/domain/reading';
import { sweepEconomics } from '../../lib/economics/fleet-economics';
import { BENCH_NETWORK } from '../../bench/bench-network';

/** A plausible S19 Pro reading for rig `i` at sweep `sweep`. */
export function seedReading(i: number, sweep: number, tempMaxC = 60 + ((i + sweep) % 25)): Reading {
  const hashrateThs = 100 + (i % 5) * 10;
  const powerW = 3000 + (i % 4) * 150;
  return {
    driver: 'antminer',
    make: 'Bitmain',
    model: 'Antminer S19 Pro',
    firmware: 'seed',
    status: 'mining',
    hashrateThs,
    expectedHashrateThs: 110,
    powerW,
    powerSource: 'firmware',
    efficiencyJth: powerW / hashrateThs,
    boards: [0, 1, 2].map((index) => ({ index, hashrateThs: hashrateThs / 3, chips: 114, tempC: tempMaxC })),
    tempMaxC,
    fansRpm: [5400, 5400],
    pools: [{ url: 'stratum+tcp://pool:3333', user: 'seed', status: 'Alive', accepted: sweep, rejected: 0 }],
    uptimeS: sweep * 10,
    hardwareErrors: 0,
  };
}

/** Adds the fleet and one sweep with economics at `atMs`; returns the rigs. */
export function seedFleet(db: Db, rigCount: number, siteCount: number, atMs: number) {
  const per = Math.ceil(rigCount / siteCount);
  for (let s = 0; s < siteCount; s++) {
    const n = Math.min(per, rigCount - s * per);
    const devices = Array.from({ length: n }, (_, i) => ({
      address: `10.${s + 1}.${Math.floor(i / 250)}.${(i % 250) + 1}`,
      port: 4028,
      driver: 'antminer',
      model: 'Antminer S19 Pro',
      algorithm: 'sha256',
    }));
    addRigs(db, `Site ${s + 1}`, devices, { nowMs: atMs, currency: 'USD', defaultPorts: { antminer: 4028 } });
  }
  recordSourceSuccess(db, 'network', 'seed', BENCH_NETWORK, atMs);
  recordSourceSuccess(db, 'price', 'seed', { USD: 90_000 }, atMs);
  const rigs = listRigViews(db).map((r) => ({ id: r.id, siteId: r.siteId, name: r.name }));
  seedSweep(db, rigs, 1, atMs);
  return rigs;
}

/** One sweep of `rigs` (those in `failing` fail) and its economics. */
export function seedSweep(
  db: Db,
  rigs: readonly { id: number; siteId: number }[],
  sweep: number,
  atMs: number,
  failing: ReadonlySet<number> = new Set(),
): number {
  const results: PollResult[] = rigs.map((r, i) =>
    failing.has(r.id)
      ? { rigId: r.id, siteId: r.siteId, tsMs: atMs, ok: false, error: 'connect ECONNREFUSED' }
      : { rigId: r.id, siteId: r.siteId, tsMs: atMs, ok: true, reading: seedReading(i, sweep) },
  );
  const { sweepId } = writeSweep(db, { startedAtMs: atMs, durationMs: 400, results }, { staleAfterPolls: 1, offlineAfterPolls: 2 });
  const price = 0.06;
  const eco = sweepEconomics({
    network: BENCH_NETWORK,
    prices: { USD: 90_000 },
    fleetCurrency: 'USD',
    networkStale: false,
    priceStale: false,
    sites: listSites(db).map((s) => ({
      id: s.id,
      currency: 'USD',
      pue: s.pue,
      poolFeePct: s.poolFeePct,
      price: { pricePerKwh: price, dayAvgPricePerKwh: price, stale: false },
    })),
    rigs: results.flatMap((r) => (r.ok ? [{ id: r.rigId, siteId: r.siteId, reading: r.reading, poolFeePct: null }] : [])),
  });
  writeEconomics(db, sweepId, atMs, eco);
  return sweepId;
}
