/**
 * The axeos driver against the simulator over real HTTP on loopback: Bitaxe Gamma and NerdQAxe++ rigs
 * compared with sim.truth(), the simulated replies shaped key for key like the captures, identify() on the
 * real probe replies, and the forced faults as DeviceErrors within the timeout. Subnet 127.0.113 only.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fixtureText } from '../../support/driver-fixtures';
import { axeosDriver, identifyAxeos } from '../../../collectors/drivers/axeos';
import { identifyDcgm } from '../../../collectors/drivers/dcgm';
import { identifyGpuAgent } from '../../../collectors/drivers/gpu-agent';
import { deviceHttp } from '../../../collectors/drivers/http/client';
import { DeviceError, type PollTarget, type ProbeReplies } from '../../../collectors/drivers/types';
import { startSimulator, type RunningSimulator } from '../../../collectors/simulator/simulator';

const SUBNET = '127.0.113';
const T0 = Date.UTC(2025, 0, 1, 0, 0, 0);
const TIMEOUT_MS = 800;
let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({
    miners: 4,
    mix: ['bitaxe-gamma', 'nerdqaxe-plusplus'],
    subnet: SUBNET,
    httpPort: null,
    seed: 7,
    now: () => T0,
  });
});
afterAll(() => sim.stop());
afterEach(async () => {
  for (const rig of sim.manifest.rigs) await sim.setFault(rig.name, null);
});

const rig = (i: number) => sim.manifest.rigs[i];
const target = (i: number, extra: Partial<PollTarget> = {}): PollTarget => ({
  address: rig(i).address,
  port: rig(i).port,
  timeoutMs: TIMEOUT_MS,
  ...extra,
});

async function probeOf(i: number): Promise<ProbeReplies> {
  const reply = await deviceHttp(target(i), { path: '/api/system/info' });
  return { http: { '/api/system/info': { status: reply.status, wwwAuthenticate: null, json: JSON.parse(reply.text), text: reply.text } } };
}

describe('axeos driver vs the simulator', () => {
  it('the fleet is two Bitaxe Gamma and two NerdQAxe++ on the axeos driver', () => {
    expect(sim.manifest.rigs.map((r) => [r.model, r.driver, r.port])).toEqual([
      ['Bitaxe Gamma', 'axeos', 8080],
      ['Bitaxe Gamma', 'axeos', 8080],
      ['NerdQAxe++', 'axeos', 8080],
      ['NerdQAxe++', 'axeos', 8080],
    ]);
  });

  it.each([
    [0, 'Bitaxe', 'Bitaxe Gamma', 'AxeOS v2.12.2', 1, 1e-6],
    [1, 'Bitaxe', 'Bitaxe Gamma', 'AxeOS v2.12.2', 1, 1e-6],
    [2, 'NerdMiner', 'NerdQAxe++', 'NerdOS v1.1.0-beta1', 4, 0.5], // NerdOS sends whole watts
    [3, 'NerdMiner', 'NerdQAxe++', 'NerdOS v1.1.0-beta1', 4, 0.5],
  ])("rig %i reads as the simulator's truth", async (i, make, model, firmware, chips, powerTolW) => {
    const truth = sim.truth(rig(i).name);
    const r = await axeosDriver.poll(target(i));
    expect({ make: r.make, model: r.model, firmware: r.firmware, status: r.status, chips: r.boards[0].chips }).toEqual({
      make,
      model,
      firmware,
      status: truth.status,
      chips,
    });
    expect(r.hashrateThs).toBeCloseTo(truth.hashrateThs, 5);
    expect(Math.abs((r.powerW ?? NaN) - truth.powerW)).toBeLessThanOrEqual(powerTolW);
    expect(r.powerSource).toBe('firmware');
    expect(r.tempMaxC).toBe(truth.tempMaxC);
    expect(r.pools[0]).toMatchObject({
      url: expect.stringMatching(/^btc\.pool-(one|two)\.example:3333$/),
      status: 'Alive',
      user: `hashwattdemo.${rig(i).name}`,
    });
    expect(r.fansRpm.length).toBeGreaterThan(0);
  });

  it("simulated info replies have the captures' keys, in order, with the same JSON types", async () => {
    for (const [i, capture] of [
      [0, 'bitaxe-gamma-axeos-2.12.2-api-system-info.json'],
      [2, 'nerdqaxe-plusplus-nerdos-1.1.0b1-api-system-info.json'],
    ] as const) {
      const real = JSON.parse(fixtureText(capture)) as Record<string, unknown>;
      const simulated = JSON.parse((await deviceHttp(target(i), { path: '/api/system/info' })).text) as Record<string, unknown>;
      expect(Object.keys(simulated)).toEqual(Object.keys(real));
      const kind = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);
      expect(Object.fromEntries(Object.keys(real).map((k) => [k, kind(simulated[k])]))).toEqual(
        Object.fromEntries(Object.keys(real).map((k) => [k, kind(real[k])])),
      );
    }
    for (const [i, capture] of [
      [0, 'bitaxe-gamma-axeos-api-system-asic.json'],
      [2, 'nerdqaxe-plusplus-nerdos-api-system-asic.json'],
    ] as const) {
      const simulated = JSON.parse((await deviceHttp(target(i), { path: '/api/system/asic' })).text) as Record<string, unknown>;
      expect(Object.keys(simulated)).toEqual(Object.keys(JSON.parse(fixtureText(capture)) as object));
    }
  });

  it('identify() names both from their real probe replies, and the GPU drivers do not claim them', async () => {
    expect(identifyAxeos(await probeOf(0))).toEqual({ driver: 'axeos', make: 'Bitaxe', model: 'Bitaxe Gamma', firmware: 'AxeOS v2.12.2' });
    expect(identifyAxeos(await probeOf(2))).toEqual({
      driver: 'axeos',
      make: 'NerdMiner',
      model: 'NerdQAxe++',
      firmware: 'NerdOS v1.1.0-beta1',
    });
    for (const i of [0, 2]) {
      const probe = await probeOf(i);
      const moved = { http: { '/api/v1/gpus': probe.http!['/api/system/info'], '/metrics': probe.http!['/api/system/info'] } };
      expect([identifyGpuAgent(moved), identifyDcgm(moved)]).toEqual([null, null]);
    }
  });

  it('unknown paths are 404', async () => {
    expect((await deviceHttp(target(0), { path: '/api/system/nope' })).status).toBe(404);
  });
});

describe('faults', () => {
  it.each([
    ['offline', 'refused'],
    ['silent', 'timeout'],
    ['garbage', 'garbage'],
    ['half', 'truncated'],
  ] as const)('%s gives a %s DeviceError within the timeout, then recovers', async (fault, kind) => {
    await sim.setFault(rig(1).name, fault);
    const started = Date.now();
    const err = await axeosDriver.poll(target(1)).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 1000);
    expect(err).toBeInstanceOf(DeviceError);
    expect((err as DeviceError).kind).toBe(kind);
    expect((err as DeviceError).message).toContain(rig(1).address);
    await sim.setFault(rig(1).name, null);
    expect((await axeosDriver.poll(target(1))).hashrateThs).toBeGreaterThan(1);
  });

  it('an aborted poll is "aborted"', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(axeosDriver.poll(target(0, { signal: ac.signal }))).rejects.toMatchObject({ kind: 'aborted' });
  });
});

describe('an AxeOS without /api/system/asic, and one that wants a login', () => {
  const HOST = `${SUBNET}.60`;
  let status = 200;
  let server: Server;
  let port = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (status !== 200) {
        res.writeHead(status).end('Unauthorized');
      } else if (req.url === '/api/system/info') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(fixtureText('bitaxe-gamma-axeos-2.12.2-api-system-info.json'));
      } else res.writeHead(404).end('Not found');
    });
    await new Promise<void>((resolve) => server.listen({ host: HOST, port: 0 }, resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('a 404 on /api/system/asic costs nothing: the capture reads with its model from ASICModel', async () => {
    status = 200;
    const r = await axeosDriver.poll({ address: HOST, port, timeoutMs: TIMEOUT_MS });
    expect([r.model, r.hashrateThs, r.boards[0].chips]).toEqual(['Bitaxe Gamma', 1072.2407227 / 1000, 1]);
  });

  it('401 (client outside the allowed network) is "auth"', async () => {
    status = 401;
    await expect(axeosDriver.poll({ address: HOST, port, timeoutMs: TIMEOUT_MS })).rejects.toMatchObject({ kind: 'auth' });
  });
});
