/**
 * SRBMiner-Multi (HTTP), TeamRedMiner (cgminer TCP) and PhoenixMiner (JSON-RPC TCP) against real sockets on
 * loopback: each simulated rig polled by its real driver and compared with sim.truth(), the simulated
 * replies compared with the captures' shape, the forced faults as DeviceErrors within the timeout, and
 * identify() on probe replies fetched from the simulator (split replies: gpu-tcp-split-replies.test.ts).
 * Subnet 127.0.115 only: the fleet on .1-.10, raw servers on .200.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator, type SimManifestRig } from '../../../collectors/simulator/simulator';
import { cgminerQuery } from '../../../collectors/drivers/cgminer-tcp/client';
import { deviceHttp } from '../../../collectors/drivers/http/client';
import { jsonrpcQuery, jsonrpcRequest } from '../../../collectors/drivers/jsonrpc-tcp/client';
import { identifyAntminer } from '../../../collectors/drivers/antminer';
import { identifyWhatsminer } from '../../../collectors/drivers/whatsminer';
import { identifyExcavator } from '../../../collectors/drivers/excavator';
import { identifyMiniz } from '../../../collectors/drivers/miniz';
import { identifyPhoenixMiner, phoenixminerDriver } from '../../../collectors/drivers/phoenixminer';
import { MINER_GETSTAT1 } from '../../../collectors/drivers/phoenixminer/parse';
import { identifySrbminer, srbminerDriver } from '../../../collectors/drivers/srbminer';
import { identifyTeamRedMiner, teamredminerDriver } from '../../../collectors/drivers/teamredminer';
import { DeviceError, type Driver, type HttpProbeReply, type PollTarget, type ProbeReplies } from '../../../collectors/drivers/types';
import { gpuFixtureText } from '../../support/gpu-fixtures';

const SUBNET = '127.0.115';
const T0 = Date.UTC(2025, 4, 6, 12, 0, 0);
const MIX = ['srbminer-rx6700', 'teamredminer-rx6800', 'phoenixminer-rx580', 'antminer-s19pro', 'whatsminer-m50s'];

let sim: RunningSimulator;
const rig = (driver: string): SimManifestRig => sim.manifest.rigs.find((r) => r.driver === driver)!;
const target = (r: { address: string; port: number; model?: string }, extra: Partial<PollTarget> = {}): PollTarget => ({
  address: r.address,
  port: r.port,
  timeoutMs: 2000,
  modelHint: r.model ?? null,
  ...extra,
});

beforeAll(async () => {
  sim = await startSimulator({ miners: 10, mix: MIX, subnet: SUBNET, httpPort: null, seed: 7, now: () => T0 });
});
afterAll(async () => {
  await sim.stop();
});

/** Relative closeness for the tiny TH/s of GPU rigs. */
function expectRel(actual: number | null, expected: number, rel: number) {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(Math.abs(expected) * rel);
}

describe('each simulated rig polled by its driver matches the truth', () => {
  it('srbminer: hashrate_total_now is the instant rate, per-GPU power adds up, temperatures and RPM fans', async () => {
    const r = rig('srbminer');
    expect(r).toMatchObject({ port: 21550, model: '6x RX 6700 XT', algorithm: 'ethash' });
    const truth = sim.truth(r.name);
    const reading = await srbminerDriver.poll(target(r));
    expectRel(reading.hashrateThs, truth.hashrateThs, 1e-9);
    expect(Math.abs((reading.powerW ?? 0) - truth.powerW)).toBeLessThanOrEqual(3); // 6 GPUs rounded to whole W
    expect(reading).toMatchObject({
      driver: 'srbminer',
      make: 'AMD',
      model: '6x Radeon RX 6700 XT',
      firmware: 'SRBMiner-Multi 0.1.8',
      status: truth.status,
      powerSource: 'firmware',
      tempMaxC: truth.tempMaxC,
      algorithm: 'ethash',
    });
    expect(reading.boards).toHaveLength(6);
    expect(reading.fansRpm).toHaveLength(6);
    expect(reading.fansRpm.every((rpm) => rpm > 1000)).toBe(true);
    expect(reading.pools[0]).toMatchObject({ url: 'ethash.pool-one.example:3333', status: 'Alive' });
  });

  it("teamredminer: the 120 s rate (the simulator's 1 min window), RPM fans, no power", async () => {
    const r = rig('teamredminer');
    expect(r.port).toBe(4028);
    const truth = sim.truth(r.name);
    const recorded: string[] = [];
    const reading = await teamredminerDriver.poll(target(r, { recorder: (label) => recorded.push(label) }));
    expectRel(reading.hashrateThs, truth.hashrate1mThs, 1e-6);
    expect(reading).toMatchObject({
      driver: 'teamredminer',
      make: 'GPU',
      model: '6x RX 6800',
      firmware: 'TeamRedMiner 0.3.8',
      status: truth.status,
      powerW: null,
      powerSource: null,
      tempMaxC: truth.tempMaxC,
      algorithm: 'ethash',
      hardwareErrors: 0,
    });
    expect(reading.fansRpm).toHaveLength(6);
    expect(reading.pools).toEqual([expect.objectContaining({ url: 'stratum+tcp://ethash.pool-one.example:3333', status: 'Alive' })]);
    expect(reading.uptimeS).toBeGreaterThan(0);
    expect(recorded).toEqual(['devs', 'summary', 'pools']);
  });

  it('phoenixminer: kH/s totals within rounding, temperatures, the registered model', async () => {
    const r = rig('phoenixminer');
    expect(r.port).toBe(3333);
    const truth = sim.truth(r.name);
    const raws: Array<[string, string]> = [];
    const reading = await phoenixminerDriver.poll(target(r, { recorder: (label, raw) => raws.push([label, raw]) }));
    expect(Math.abs(reading.hashrateThs - truth.hashrateThs)).toBeLessThanOrEqual(0.5e-9); // integer kH/s
    expect(reading).toMatchObject({
      driver: 'phoenixminer',
      model: '6x RX 580',
      firmware: 'PhoenixMiner 5.1c',
      status: truth.status,
      powerW: null,
      tempMaxC: truth.tempMaxC,
      algorithm: 'ethash',
      fansRpm: [],
    });
    expect(reading.boards).toHaveLength(6);
    expect(raws).toHaveLength(1);
    expect(raws[0][0]).toBe('miner_getstat1');
    expect(raws[0][1]).toMatch(/^\{"id":0,"jsonrpc":"2.0","result":\["PM 5\.1c - ETH", "/);
  });
});

describe("simulated replies have the captures' shape", () => {
  const shape = (o: Record<string, unknown>) => Object.entries(o).map(([k, v]) => [k, Array.isArray(v) ? 'array' : typeof v]);

  it('TeamRedMiner devs and pools rows: same keys, order and types as 0.3.8', async () => {
    const t = target(rig('teamredminer'));
    const devs = (await cgminerQuery(t, 'devs')).body as { DEVS: Array<Record<string, unknown>>; STATUS: unknown[] };
    const pools = (await cgminerQuery(t, 'pools')).body as { POOLS: Array<Record<string, unknown>> };
    const realDevs = JSON.parse(gpuFixtureText('teamredminer-0.3.8-devs.json'));
    const realPools = JSON.parse(gpuFixtureText('teamredminer-0.3.8-pools.json'));
    expect(Object.keys(devs)).toEqual(Object.keys(realDevs));
    expect(shape(devs.STATUS[0] as Record<string, unknown>)).toEqual(shape(realDevs.STATUS[0]));
    expect(shape(devs.DEVS[0])).toEqual(shape(realDevs.DEVS[0]));
    expect(shape(pools.POOLS[0])).toEqual(shape(realPools.POOLS[0]));
    expect(devs.DEVS).toHaveLength(6);
  });

  it('SRBMiner GET /: the 0.1.8 keys in order, gpu_devices rows plus the unverified power', async () => {
    const r = rig('srbminer');
    const reply = await deviceHttp(target(r), { path: '/' });
    expect(reply.status).toBe(200);
    const body = JSON.parse(reply.text);
    const real = JSON.parse(gpuFixtureText('srbminer-multi-0.1.8-root.json'));
    expect(shape(body)).toEqual(shape(real));
    expect(shape(body.gpu_devices[0])).toEqual([...shape(real.gpu_devices[0]), ['power', 'number']]);
    expect(shape(body.shares)).toEqual(shape(real.shares));
    expect(shape(body.pool)).toEqual(shape(real.pool));
    expect(Object.keys(body.gpu_hashrate[0])).toEqual(['GPU0', 'GPU1', 'GPU2', 'GPU3', 'GPU4', 'GPU5', 'total']);
    expect((await deviceHttp(target(r), { path: '/summary' })).status).toBe(404);
  });

  it('PhoenixMiner: nine strings, ";"-joined like the capture, then "\\n"', async () => {
    const raw = await jsonrpcRequest(target(rig('phoenixminer')), MINER_GETSTAT1, 'miner_getstat1');
    const result = JSON.parse(raw).result as string[];
    expect(result).toHaveLength(9);
    expect(result.every((s) => typeof s === 'string')).toBe(true);
    expect(result[3].split(';')).toHaveLength(6);
    expect(result[6].split(';')).toHaveLength(12);
    expect(result[5]).toBe('off;off;off;off;off;off');
  });
});

describe('forced faults reach the driver as the right DeviceError within the timeout', () => {
  const cases: Array<[string, Driver]> = [
    ['srbminer', srbminerDriver],
    ['teamredminer', teamredminerDriver],
    ['phoenixminer', phoenixminerDriver],
  ];
  const faults = [
    ['offline', 'refused'],
    ['silent', 'timeout'],
    ['garbage', 'garbage'],
    ['half', 'truncated'],
  ] as const;

  it.each(cases)('%s', async (driverName, driver) => {
    const r = rig(driverName);
    try {
      for (const [fault, kind] of faults) {
        await sim.setFault(r.name, fault);
        const started = Date.now();
        const err = await driver.poll(target(r, { timeoutMs: 600 })).then(
          () => null,
          (e: unknown) => e,
        );
        expect(err, `${driverName} ${fault}`).toBeInstanceOf(DeviceError);
        expect((err as DeviceError).kind, `${driverName} ${fault}: ${(err as Error).message}`).toBe(kind);
        expect((err as DeviceError).message).toContain(r.address);
        expect(Date.now() - started).toBeLessThan(600 + 400);
      }
    } finally {
      await sim.setFault(r.name, null);
    }
    expect((await driver.poll(target(r))).hashrateThs).toBeGreaterThan(0);
  });

  it.each(cases)('%s: an abort ends a poll that is waiting on a silent rig', async (driverName, driver) => {
    const r = rig(driverName);
    await sim.setFault(r.name, 'silent');
    try {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      const err = await driver.poll(target(r, { timeoutMs: 5000, signal: controller.signal })).catch((e: unknown) => e);
      expect((err as DeviceError).kind).toBe('aborted');
    } finally {
      await sim.setFault(r.name, null);
    }
  });
});

describe('identify() on probe replies fetched from the simulator', () => {
  /** The scanner's cgminer probe: version, stats, devdetails, summary; a failed request is null. */
  async function cgminerProbe(address: string, port: number): Promise<ProbeReplies> {
    const t: PollTarget = { address, port, timeoutMs: 2000 };
    const ask = (command: string) =>
      cgminerQuery(t, command).then(
        (r) => r.body,
        () => null,
      );
    return {
      cgminer: {
        version: await ask('version'),
        stats: await ask('stats'),
        devdetails: await ask('devdetails'),
        summary: await ask('summary'),
      },
    };
  }

  async function httpProbe(address: string, port: number, path: string): Promise<ProbeReplies> {
    const reply = await deviceHttp({ address, port, timeoutMs: 2000 }, { path });
    let json: unknown;
    try {
      json = JSON.parse(reply.text);
    } catch {
      json = null;
    }
    const probe: HttpProbeReply = {
      status: reply.status,
      wwwAuthenticate: (reply.headers['www-authenticate'] as string | undefined) ?? null,
      json,
      text: reply.text,
    };
    return { http: { [path]: probe } };
  }

  it('TeamRedMiner is claimed by its driver only; Antminer and Whatsminer replies are not claimed by it', async () => {
    const trm = rig('teamredminer');
    const probe = await cgminerProbe(trm.address, trm.port);
    expect(probe.cgminer?.summary).not.toBeNull();
    expect(probe.cgminer?.stats).toBeNull(); // Invalid command (unverified: no capture of TRM's stats)
    expect(identifyTeamRedMiner(probe)).toEqual({ driver: 'teamredminer', make: 'GPU', model: 'GPU rig', firmware: 'TeamRedMiner 0.3.8' });
    expect(identifyAntminer(probe)).toBeNull();
    expect(identifyWhatsminer(probe)).toBeNull();
    for (const driver of ['antminer', 'whatsminer']) {
      const other = rig(driver);
      const asic = await cgminerProbe(other.address, other.port);
      expect(identifyTeamRedMiner(asic)).toBeNull();
      expect((driver === 'antminer' ? identifyAntminer : identifyWhatsminer)(asic)?.driver).toBe(driver);
    }
  });

  it('SRBMiner from its GET / reply', async () => {
    const r = rig('srbminer');
    const probe = await httpProbe(r.address, r.port, '/');
    expect(identifySrbminer(probe)).toEqual({
      driver: 'srbminer',
      make: 'AMD',
      model: '6x Radeon RX 6700 XT',
      firmware: 'SRBMiner-Multi 0.1.8',
    });
    const notFound = await httpProbe(r.address, r.port, '/stats');
    expect(notFound.http?.['/stats'].status).toBe(404);
  });

  it('PhoenixMiner from its miner_getstat1 reply; miniZ and excavator do not claim it', async () => {
    const r = rig('phoenixminer');
    const probe: ProbeReplies = { jsonrpc: await jsonrpcQuery(target(r), MINER_GETSTAT1, 'miner_getstat1') };
    expect(identifyPhoenixMiner(probe)).toEqual({ driver: 'phoenixminer', make: 'GPU', model: '6x GPU', firmware: 'PhoenixMiner 5.1c' });
    expect(identifyMiniz(probe)).toBeNull();
    expect(identifyExcavator(probe)).toBeNull();
    const unknownMethod = await jsonrpcQuery(target(r), { id: 3, jsonrpc: '2.0', method: 'miner_restart' }, 'miner_restart').catch(
      (e: DeviceError) => e,
    );
    expect((unknownMethod as DeviceError).kind).toBe('api-error');
  });
});
