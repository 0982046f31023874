/**
 * The T-Rex, lolMiner, GMiner and NBMiner drivers against the simulator over real HTTP on loopback: each
 * simulated GPU rig polled by its driver and compared with sim.truth(), the simulated replies shaped key
 * for key like the newest captures, identify() on real probe replies (no driver claims another's), and
 * the forced faults as DeviceErrors within the timeout. Subnet 127.0.114 only.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { gpuFixtureText } from '../../support/gpu-fixtures';
import { ALL_DRIVERS } from '../../../collectors/drivers';
import { gminerDriver } from '../../../collectors/drivers/gminer';
import { deviceHttp, describeUrl } from '../../../collectors/drivers/http/client';
import { lolminerDriver } from '../../../collectors/drivers/lolminer';
import { nbminerDriver } from '../../../collectors/drivers/nbminer';
import { nbminerFromReply } from '../../../collectors/drivers/nbminer/parse';
import { trexDriver } from '../../../collectors/drivers/trex';
import { DeviceError, type Driver, type HttpProbeReply, type PollTarget, type ProbeReplies } from '../../../collectors/drivers/types';
import { planFleet } from '../../../collectors/simulator/fleet-plan';
import { minerStateAt } from '../../../collectors/simulator/miner-state';
import { startSimulator, type RunningSimulator } from '../../../collectors/simulator/simulator';

const SUBNET = '127.0.114';
const T0 = Date.UTC(2025, 0, 1, 0, 0, 0);
const SEED = 7;
const TIMEOUT_MS = 800;
const MIX = ['trex-rtx3070', 'lolminer-rtx3080', 'gminer-rtx3060ti', 'nbminer-rtx3090'];
const MINERS = 8; // two rigs of each family: rigs 2k and 2k+1 run MIX[k]

interface Family {
  driver: Driver;
  /** First of its two rigs. */
  rig: number;
  path: string;
  identity: { make: string; model: string; firmware: string };
  algorithm: string;
  gpus: number;
  /** Relative error of the replies' rounding: integer H/s (T-Rex, NBMiner), 0.01 MH/s (lolMiner, GMiner). */
  rateTol: number;
  /** Watts: T-Rex sums whole watts per GPU, the others send a rounded rig total. */
  powerTolW: number;
  /** Newest capture the replies are shaped after, and whether it escapes "/". */
  capture: string;
  escapesSlashes: boolean;
}

const FAMILIES: Family[] = [
  {
    driver: trexDriver,
    rig: 0,
    path: '/summary',
    identity: { make: 'NVIDIA', model: '8x RTX 3070', firmware: 'T-Rex 0.9.1' },
    algorithm: 'ethash',
    gpus: 8,
    rateTol: 1e-7,
    powerTolW: 8 * 0.5,
    capture: 'trex-0.9.1-summary.json',
    escapesSlashes: true,
  },
  {
    driver: lolminerDriver,
    rig: 2,
    path: '/summary',
    identity: { make: 'NVIDIA', model: '6x GeForce RTX 3080', firmware: 'lolMiner 1.0 a2' },
    algorithm: 'etchash',
    gpus: 6,
    rateTol: 1e-4,
    powerTolW: 0.5,
    capture: 'lolminer-1.0-summary.json',
    escapesSlashes: true,
  },
  {
    driver: gminerDriver,
    rig: 4,
    path: '/stat',
    identity: { make: 'NVIDIA', model: '8x NVIDIA GeForce RTX 3060 Ti', firmware: 'GMiner 1.34' },
    algorithm: 'kawpow',
    gpus: 8,
    rateTol: 3e-4,
    powerTolW: 8 * 0.5,
    capture: 'gminer-1.34-stat.json',
    escapesSlashes: true,
  },
  {
    driver: nbminerDriver,
    rig: 6,
    path: '/api/v1/status',
    identity: { make: 'NVIDIA', model: '4x GeForce RTX 3090', firmware: 'NBMiner 10.0' },
    algorithm: 'ethash',
    gpus: 4,
    rateTol: 1e-7,
    powerTolW: 0.5,
    capture: 'nbminer-10.0-api-v1-status.json',
    escapesSlashes: false,
  },
];

const PATHS = [...new Set(FAMILIES.map((f) => f.path))];
const MINE = FAMILIES.map((f) => f.driver);
/** Every driver that could be asked about a GPU miner's replies: these four and whatever the registry has. */
const CANDIDATES = [...MINE, ...ALL_DRIVERS.filter((d) => !MINE.some((m) => m.name === d.name))];

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ miners: MINERS, mix: MIX, subnet: SUBNET, httpPort: null, seed: SEED, now: () => T0 });
});
afterAll(() => sim.stop());
afterEach(async () => {
  for (const r of sim.manifest.rigs) await sim.setFault(r.name, null);
});

const rig = (i: number) => sim.manifest.rigs[i];
const target = (i: number, extra: Partial<PollTarget> = {}): PollTarget => ({
  address: rig(i).address,
  port: rig(i).port,
  timeoutMs: TIMEOUT_MS,
  ...extra,
});
/** The simulator's own state of rig i at T0 (for what truth() does not expose: uptime). */
const stateOf = (i: number) => minerStateAt(planFleet({ miners: MINERS, mix: MIX, subnet: SUBNET })[i], SEED, T0);

/** What the scanner collects: one GET of every probe path, JSON parsed when it is JSON. */
async function probeOf(i: number): Promise<ProbeReplies> {
  const http: Record<string, HttpProbeReply> = {};
  for (const path of PATHS) {
    const reply = await deviceHttp(target(i), { path });
    let json: unknown;
    try {
      json = JSON.parse(reply.text);
    } catch {
      json = null;
    }
    const auth = reply.headers['www-authenticate'];
    http[path] = { status: reply.status, wwwAuthenticate: Array.isArray(auth) ? auth.join(', ') : (auth ?? null), json, text: reply.text };
  }
  return { http };
}

describe('GPU miner drivers vs the simulator', () => {
  it('the fleet is two rigs of each family, on each driver and its demo port', () => {
    expect(sim.manifest.rigs.map((r) => [r.driver, r.port, r.algorithm])).toEqual(
      FAMILIES.flatMap((f) => [
        [f.driver.name, f.driver.defaultPort, f.algorithm],
        [f.driver.name, f.driver.defaultPort, f.algorithm],
      ]),
    );
  });

  it.each(
    FAMILIES.flatMap((f) => [
      { f, i: f.rig, n: 'first' },
      { f, i: f.rig + 1, n: 'second' },
    ]),
  )('$f.driver.name: the $n rig reads as the truth', async ({ f, i }) => {
    const truth = sim.truth(rig(i).name);
    const r = await f.driver.poll(target(i));
    expect({ driver: r.driver, make: r.make, model: r.model, firmware: r.firmware, algorithm: r.algorithm, status: r.status }).toEqual({
      driver: f.driver.name,
      ...f.identity,
      algorithm: f.algorithm,
      status: truth.status,
    });
    expect(Math.abs(r.hashrateThs - truth.hashrateThs) / truth.hashrateThs).toBeLessThan(f.rateTol);
    expect(Math.abs((r.powerW ?? NaN) - truth.powerW)).toBeLessThanOrEqual(f.powerTolW);
    expect(r.powerSource).toBe('firmware');
    const truthJth = truth.powerW / truth.hashrateThs; // ~2e6 J/TH of the GPU algorithm
    expect(Math.abs((r.efficiencyJth ?? NaN) - truthJth) / truthJth).toBeLessThan(0.01);
    expect(r.tempMaxC).toBe(truth.tempMaxC);
    expect(r.boards).toHaveLength(f.gpus);
    expect(r.boards.every((b, k) => b.index === k && b.chips === null && (b.hashrateThs ?? 0) > 0)).toBe(true);
    const perGpuSum = r.boards.reduce((a, b) => a + (b.hashrateThs ?? 0), 0);
    expect(Math.abs(perGpuSum - r.hashrateThs) / r.hashrateThs).toBeLessThan(1e-3);
    expect(r.fansRpm).toEqual([]);
    expect(r.pools).toHaveLength(1);
    expect(r.pools[0]).toMatchObject({ status: 'Alive', user: `hashwattdemo.${rig(i).name}` });
    expect(r.pools[0].url).toContain(`${f.algorithm}.pool-`);
    expect(r.pools[0].accepted).toBeGreaterThan(0);
    if (f.driver !== nbminerDriver) expect(r.uptimeS).toBe(stateOf(i).elapsedS);
  });

  it("NBMiner: start_time turns into the rig's uptime on the simulator's clock", async () => {
    const reply = await deviceHttp(target(6), { path: '/api/v1/status' });
    const r = nbminerFromReply(reply, describeUrl(target(6), '/api/v1/status'), { nowMs: T0 });
    expect(r.uptimeS).toBe(stateOf(6).elapsedS);
  });

  it.each(FAMILIES)("$driver.name replies have the newest capture's keys, in order, with its JSON types", async (f) => {
    const text = (await deviceHttp(target(f.rig), { path: f.path })).text;
    const real: unknown = JSON.parse(gpuFixtureText(f.capture));
    const simulated: unknown = JSON.parse(text);
    const kind = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);
    /** Every object of `a`, paired with `b`'s at the same place (arrays by their first element). */
    const compare = (a: unknown, b: unknown, where: string): void => {
      if (Array.isArray(a)) {
        if (a.length > 0) compare(a[0], (b as unknown[])[0], `${where}[0]`);
        return;
      }
      if (kind(a) !== 'object') return;
      const rec = a as Record<string, unknown>;
      const sim_ = b as Record<string, unknown>;
      // Keys the capture has come in its order; the simulator may add marked ones (T-Rex power, fan_speed).
      expect(
        Object.keys(sim_).filter((k) => k in rec),
        where,
      ).toEqual(Object.keys(rec).filter((k) => k in sim_));
      const missing = Object.keys(rec).filter((k) => !(k in sim_));
      // NBMiner v10 was dual mining: the simulator mines one coin, without the *2 fields.
      expect(
        missing.filter((k) => !/2(_raw)?$/.test(k)),
        where,
      ).toEqual([]);
      for (const k of Object.keys(rec).filter((key) => key in sim_)) {
        expect(kind(sim_[k]), `${where}.${k}`).toBe(kind(rec[k]));
        compare(rec[k], sim_[k], `${where}.${k}`);
      }
    };
    compare(real, simulated, f.capture);
    expect(text.includes('\\/')).toBe(f.escapesSlashes);
  });

  it('identify() names each rig from its real probe replies, and no other driver claims them', async () => {
    for (const f of FAMILIES) {
      for (const i of [f.rig, f.rig + 1]) {
        const probe = await probeOf(i);
        expect(probe.http![f.path].status).toBe(200);
        const claims = CANDIDATES.map((d) => [d.name, d.identify?.(probe) ?? null] as const).filter(([, id]) => id !== null);
        expect(claims).toEqual([[f.driver.name, { driver: f.driver.name, ...f.identity }]]);
      }
    }
  });

  it('only GET of the real path answers 200; other paths and methods are 404', async () => {
    for (const f of FAMILIES) {
      for (const path of [...PATHS.filter((p) => p !== f.path), '/', `${f.path}/x`]) {
        expect((await deviceHttp(target(f.rig), { path })).status, `${f.driver.name} GET ${path}`).toBe(404);
      }
      expect((await deviceHttp(target(f.rig), { path: f.path, method: 'POST', body: '{}' })).status).toBe(404);
    }
  });
});

describe('faults', () => {
  it.each(
    FAMILIES.flatMap((f) =>
      (
        [
          ['offline', 'refused'],
          ['silent', 'timeout'],
          ['garbage', 'garbage'],
          ['half', 'truncated'],
        ] as const
      ).map(([fault, kind]) => ({ f, fault, kind })),
    ),
  )('$f.driver.name: $fault gives a $kind DeviceError within the timeout, then recovers', async ({ f, fault, kind }) => {
    const i = f.rig + 1;
    await sim.setFault(rig(i).name, fault);
    const started = Date.now();
    const err = await f.driver.poll(target(i)).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 1000);
    expect(err).toBeInstanceOf(DeviceError);
    expect((err as DeviceError).kind).toBe(kind);
    expect((err as DeviceError).message).toContain(rig(i).address);
    await sim.setFault(rig(i).name, null);
    expect((await f.driver.poll(target(i))).hashrateThs).toBeGreaterThan(0);
  });

  it.each(FAMILIES)('$driver.name: a poll aborted while the rig is silent is "aborted"', async (f) => {
    const i = f.rig + 1;
    await sim.setFault(rig(i).name, 'silent');
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    const started = Date.now();
    await expect(f.driver.poll(target(i, { signal: ac.signal, timeoutMs: 5000 }))).rejects.toMatchObject({ kind: 'aborted' });
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
