/**
 * The braiins and luxos drivers, and the antminer driver on Vnish, against the simulator over real TCP on
 * loopback: readings agree with the simulated miner's truth, forced faults give the right DeviceError kind
 * within the timeout, and identify() recognises each family from the replies a scan collects.
 * Subnet 127.0.111 is reserved for this file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { antminerDriver, identifyAntminer } from '../../../collectors/drivers/antminer';
import { braiinsDriver, identifyBraiins } from '../../../collectors/drivers/braiins';
import { cgminerQuery } from '../../../collectors/drivers/cgminer-tcp/client';
import { identifyLuxos, luxosDriver } from '../../../collectors/drivers/luxos';
import { identifyWhatsminer } from '../../../collectors/drivers/whatsminer';
import { DeviceError, type Driver, type PollTarget, type ProbeReplies } from '../../../collectors/drivers/types';
import { startSimulator, type RunningSimulator, type SimManifestRig } from '../../../collectors/simulator/simulator';

const SUBNET = '127.0.111';
const T = Date.UTC(2025, 3, 2, 9, 30, 0);
const TIMEOUT_MS = 800;

let sim: RunningSimulator;
let rigs: Record<'braiins' | 'luxos' | 'vnish', [SimManifestRig, SimManifestRig]>;

beforeAll(async () => {
  // Two rigs per family, one site each: 0-1 Braiins OS S19j Pro, 2-3 LuxOS S19 XP, 4-5 Vnish S19.
  sim = await startSimulator({
    miners: 6,
    mix: ['braiins-s19jpro', 'luxos-s19xp', 'vnish-s19'],
    subnet: SUBNET,
    httpPort: null,
    seed: 7,
    now: () => T,
  });
  const r = sim.manifest.rigs;
  rigs = { braiins: [r[0], r[1]], luxos: [r[2], r[3]], vnish: [r[4], r[5]] };
});

afterAll(async () => {
  await sim?.stop();
});

const target = (rig: SimManifestRig, extra: Partial<PollTarget> = {}): PollTarget => ({
  address: rig.address,
  port: rig.port,
  timeoutMs: TIMEOUT_MS,
  ...extra,
});

describe('readings against the simulator truth', () => {
  it('manifest: each family names the driver that reads it', () => {
    expect([rigs.braiins[0], rigs.luxos[0], rigs.vnish[0]].map((r) => [r.driver, r.model, r.port])).toEqual([
      ['braiins', 'Antminer S19j Pro', 4028],
      ['luxos', 'Antminer S19 XP', 4028],
      ['antminer', 'Antminer S19', 4028],
    ]);
  });

  it('braiins: MHS 1m, tunerstatus power, chip temps, three boards with chips, nominal rate', async () => {
    for (const rig of rigs.braiins) {
      const truth = sim.truth(rig.name);
      const reading = await braiinsDriver.poll(target(rig));
      expect(reading).toMatchObject({ driver: 'braiins', make: 'Bitmain', model: 'Antminer S19j Pro', status: 'mining' });
      expect(reading.firmware).toBe('BOSer boser-openwrt 0.1.0-26ba61b9');
      expect(reading.hashrateThs).toBeCloseTo(truth.hashrate1mThs, 6);
      expect(reading.powerSource).toBe('firmware');
      expect(Math.abs(reading.powerW! - truth.powerW)).toBeLessThanOrEqual(0.5); // sent as whole watts
      expect(reading.tempMaxC).toBe(truth.tempMaxC);
      expect(reading.expectedHashrateThs).toBeCloseTo(rig.nameplateHashrateThs, 6);
      expect(reading.boards.map((b) => [b.index, b.chips])).toEqual([
        [0, 126],
        [1, 126],
        [2, 126],
      ]);
      expect(reading.fansRpm).toHaveLength(4);
      expect(reading.pools).toHaveLength(3);
      expect(reading.pools[0].user).toBe(`hashwattdemo.${rig.name}`);
    }
  });

  it('luxos: summary GHS 5s, POWER watts, TEMPS/stats temperatures, Antminer boards from stats', async () => {
    for (const rig of rigs.luxos) {
      const truth = sim.truth(rig.name);
      const reading = await luxosDriver.poll(target(rig));
      expect(reading).toMatchObject({ driver: 'luxos', make: 'Bitmain', model: 'Antminer S19 XP', status: 'mining' });
      expect(reading.firmware).toBe('LUXminer 2026.4.3.192353-6ab4e5077');
      expect(Math.abs(reading.hashrateThs - truth.hashrateThs)).toBeLessThan(1e-5); // GH/s to 2 decimals
      expect(reading.powerSource).toBe('firmware');
      expect(Math.abs(reading.powerW! - truth.powerW)).toBeLessThanOrEqual(0.5);
      expect(reading.tempMaxC).toBe(truth.tempMaxC);
      expect(reading.expectedHashrateThs).toBe(140);
      expect(reading.boards.map((b) => b.chips)).toEqual([110, 110, 110]);
      expect(reading.fansRpm).toHaveLength(4);
    }
  });

  it('reads need no LuxOS session and no privileged command: exactly the documented read commands go out', async () => {
    for (const [driver, rig, commands] of [
      [braiinsDriver, rigs.braiins[0], ['summary', 'version', 'devs', 'devdetails', 'pools', 'fans', 'temps', 'tunerstatus']],
      [luxosDriver, rigs.luxos[0], ['summary', 'version', 'stats', 'pools', 'power', 'fans', 'temps']],
    ] as const) {
      const sent: string[] = [];
      await driver.poll(target(rig, { recorder: (label) => sent.push(label) }));
      expect(sent).toEqual(commands);
    }
  });

  it('vnish: the existing antminer driver reads chain_consumption as firmware power', async () => {
    for (const rig of rigs.vnish) {
      const truth = sim.truth(rig.name);
      const reading = await antminerDriver.poll(target(rig));
      expect(reading).toMatchObject({
        driver: 'antminer',
        make: 'Bitmain',
        model: 'Antminer S19',
        status: 'mining',
        powerSource: 'firmware',
      });
      expect(reading.firmware).toMatch(/^vnish 1\.2\.6, Cgminer 4\.11\.1/);
      expect(Math.abs(reading.hashrateThs - truth.hashrateThs)).toBeLessThan(1e-5);
      expect(Math.abs(reading.powerW! - truth.powerW)).toBeLessThanOrEqual(0.5);
      expect(reading.tempMaxC).toBe(truth.tempMaxC);
      expect(reading.boards).toHaveLength(3);
    }
  });
});

describe('forced faults', () => {
  const cases: Array<[string, () => Driver, () => SimManifestRig]> = [
    ['braiins', () => braiinsDriver, () => rigs.braiins[1]],
    ['luxos', () => luxosDriver, () => rigs.luxos[1]],
    ['vnish (antminer driver)', () => antminerDriver, () => rigs.vnish[1]],
  ];

  /** Polls with the fault set, then clears it; returns the error and how long the poll took. */
  async function pollWith(fault: 'offline' | 'silent' | 'garbage' | 'half', driver: Driver, rig: SimManifestRig) {
    await sim.setFault(rig.name, fault);
    const started = Date.now();
    try {
      await driver.poll(target(rig));
      return { error: null, ms: Date.now() - started };
    } catch (err) {
      return { error: err, ms: Date.now() - started };
    } finally {
      await sim.setFault(rig.name, null);
    }
  }

  it.each(cases)('%s: offline -> refused, silent -> timeout, garbage -> garbage, half -> truncated', async (_name, driver, rig) => {
    for (const [fault, kind] of [
      ['offline', 'refused'],
      ['silent', 'timeout'],
      ['garbage', 'garbage'],
      ['half', 'truncated'],
    ] as const) {
      const { error, ms } = await pollWith(fault, driver(), rig());
      expect(error, fault).toBeInstanceOf(DeviceError);
      expect((error as DeviceError).kind, fault).toBe(kind);
      expect((error as DeviceError).message, fault).toContain(rig().address);
      // The first (required) command fails, so the poll ends within one timeout.
      expect(ms, fault).toBeLessThan(TIMEOUT_MS + 500);
    }
    // Cleared: the rig answers again.
    expect((await driver().poll(target(rig()))).hashrateThs).toBeGreaterThan(0);
  });

  it('an aborted poll ends with "aborted"', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(braiinsDriver.poll(target(rigs.braiins[0], { signal: controller.signal }))).rejects.toMatchObject({ kind: 'aborted' });
    await expect(luxosDriver.poll(target(rigs.luxos[0], { signal: controller.signal }))).rejects.toMatchObject({ kind: 'aborted' });
  });
});

describe('identify() on the replies a scan collects', () => {
  /** What the scanner gathers on 4028: each of the four probe commands, null when it failed. */
  async function probe(rig: SimManifestRig): Promise<ProbeReplies> {
    const get = async (command: string) => {
      try {
        return (await cgminerQuery(target(rig), command)).body;
      } catch (err) {
        if (err instanceof DeviceError) return null;
        throw err;
      }
    };
    return {
      cgminer: {
        version: await get('version'),
        stats: await get('stats'),
        devdetails: await get('devdetails'),
        summary: await get('summary'),
      },
    };
  }

  /** Registry order: the firmware running on Antminer hardware before the stock Antminer driver. */
  const ORDERED = [identifyBraiins, identifyLuxos, identifyWhatsminer, identifyAntminer];
  const firstMatch = (p: ProbeReplies) => ORDERED.map((identify) => identify(p)).find((id) => id !== null) ?? null;

  it('Braiins OS: claimed by braiins only, model from devdetails', async () => {
    const p = await probe(rigs.braiins[0]);
    expect(identifyBraiins(p)).toEqual({
      driver: 'braiins',
      make: 'Bitmain',
      model: 'Antminer S19j Pro',
      firmware: 'BOSer boser-openwrt 0.1.0-26ba61b9',
    });
    expect([identifyLuxos(p), identifyWhatsminer(p), identifyAntminer(p)]).toEqual([null, null, null]);
  });

  it('LuxOS: claimed by luxos, which the registry asks before the stock Antminer driver', async () => {
    const p = await probe(rigs.luxos[0]);
    const expected = { driver: 'luxos', make: 'Bitmain', model: 'Antminer S19 XP', firmware: 'LUXminer 2026.4.3.192353-6ab4e5077' };
    expect(identifyLuxos(p)).toEqual(expected);
    expect([identifyBraiins(p), identifyWhatsminer(p)]).toEqual([null, null]);
    expect(firstMatch(p)).toEqual(expected);
  });

  it('Vnish: claimed by the antminer driver only, as an Antminer S19', async () => {
    const p = await probe(rigs.vnish[0]);
    expect(identifyAntminer(p)).toMatchObject({ driver: 'antminer', make: 'Bitmain', model: 'Antminer S19' });
    expect([identifyBraiins(p), identifyLuxos(p), identifyWhatsminer(p)]).toEqual([null, null, null]);
    expect(firstMatch(p)?.driver).toBe('antminer');
  });
});
