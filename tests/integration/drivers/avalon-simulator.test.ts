/**
 * The avalon driver against the simulator over real TCP on loopback: A1566 rigs compared with sim.truth(),
 * the joined pools+summary+stats request, identify() on the scanner's real probe replies, the scripted
 * overheat and lost board, the estats -> stats fallback (a one-off fake server), and the forced faults as
 * DeviceErrors within the timeout. Subnet 127.0.110 only.
 */
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fixtureText } from '../../support/driver-fixtures';
import { avalonDriver, identifyAvalon } from '../../../collectors/drivers/avalon';
import { parseAvalonJoined } from '../../../collectors/drivers/avalon/parse';
import { cgminerQuery } from '../../../collectors/drivers/cgminer-tcp/client';
import { probeCgminer } from '../../../collectors/detect/probe-replies';
import { DeviceError, type PollTarget } from '../../../collectors/drivers/types';
import { startSimulator, type RunningSimulator } from '../../../collectors/simulator/simulator';

const SUBNET = '127.0.110';
const T0 = Date.UTC(2025, 0, 1, 0, 0, 0);
const TIMEOUT_MS = 800;
let clockMs = T0;
let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({ miners: 2, mix: ['avalon-a1566'], subnet: SUBNET, httpPort: null, seed: 7, now: () => clockMs });
});
afterAll(() => sim.stop());
afterEach(async () => {
  clockMs = T0;
  for (const rig of sim.manifest.rigs) await sim.setFault(rig.name, null);
});

const rig = (i: number) => sim.manifest.rigs[i];
const target = (i: number, extra: Partial<PollTarget> = {}): PollTarget => ({
  address: rig(i).address,
  port: rig(i).port,
  timeoutMs: TIMEOUT_MS,
  ...extra,
});

async function pollError(t: PollTarget): Promise<{ error: DeviceError; ms: number }> {
  const start = Date.now();
  try {
    await avalonDriver.poll(t);
  } catch (err) {
    expect(err).toBeInstanceOf(DeviceError);
    expect((err as DeviceError).message).not.toBe('');
    return { error: err as DeviceError, ms: Date.now() - start };
  }
  throw new Error('poll succeeded');
}

describe('avalon driver vs the simulator', () => {
  it('the fleet is two A1566 on the avalon driver at 4028', () => {
    expect(sim.manifest.rigs.map((r) => [r.model, r.driver, r.port])).toEqual([
      ['Avalon A1566', 'avalon', 4028],
      ['Avalon A1566', 'avalon', 4028],
    ]);
  });

  it.each([0, 1])("rig %i reads as the simulator's truth, every command joined on one connection", async (i) => {
    const truth = sim.truth(rig(i).name);
    const labels: string[] = [];
    const r = await avalonDriver.poll(target(i, { recorder: (label) => labels.push(label) }));
    expect(labels).toEqual(['summary+version+estats+devs+pools']);
    expect({ driver: r.driver, make: r.make, model: r.model, status: r.status }).toEqual({
      driver: 'avalon',
      make: 'Canaan',
      model: 'Avalon A1566',
      status: truth.status,
    });
    expect(r.firmware).toBe('24102401_25462b2_9ddf522, cgminer 4.11.1');
    expect(r.hashrateThs).toBeCloseTo(truth.hashrate1mThs, 6); // summary "MHS 1m"
    expect(r.expectedHashrateThs).toBeCloseTo(185, 6); // GHSmm of three healthy boards
    expect(r.powerW).toBe(Math.round(truth.powerW)); // WALLPOWER, whole watts
    expect(r.powerSource).toBe('firmware');
    expect(r.tempMaxC).toBe(truth.tempMaxC);
    expect(r.boards).toHaveLength(3);
    expect(r.boards.every((b) => b.chips === 160 && (b.hashrateThs ?? 0) > 50)).toBe(true);
    expect(r.fansRpm).toHaveLength(4);
    expect(r.pools).toHaveLength(3);
    expect(r.pools[0]).toMatchObject({ user: `hashwattdemo.${rig(i).name}`, status: 'Alive' });
  });

  it('the joined pools+summary+stats request parses to the same reading', async () => {
    const joined = await cgminerQuery(target(0), 'pools+summary+stats');
    expect(Object.keys(joined.body)).toEqual(['pools', 'summary', 'stats', 'id']);
    const r = parseAvalonJoined(joined.body);
    expect(r.hashrateThs).toBeCloseTo(sim.truth(rig(0).name).hashrate1mThs, 6);
    expect(r.powerW).toBe(Math.round(sim.truth(rig(0).name).powerW));
    expect(r.model).toBe('Avalon A1566'); // from the MM ID0 Ver without a version reply
  });

  it("identify() recognises the scanner's probe replies", async () => {
    const outcome = await probeCgminer(target(1));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(identifyAvalon(outcome.value)).toEqual({
      driver: 'avalon',
      make: 'Canaan',
      model: 'Avalon A1566',
      firmware: '24102401_25462b2_9ddf522, cgminer 4.11.1',
    });
  });

  it.each([
    ['offline', 'refused'],
    ['silent', 'timeout'],
    ['garbage', 'garbage'],
    ['half', 'truncated'],
  ] as const)("forced '%s' gives '%s' within the timeout", async (fault, kind) => {
    await sim.setFault(rig(0).name, fault);
    const { error, ms } = await pollError(target(0));
    expect(error.kind).toBe(kind);
    expect(error.message).toContain(rig(0).address);
    expect(ms).toBeLessThan(TIMEOUT_MS + 400);
    // The other rig is unaffected.
    expect((await avalonDriver.poll(target(1))).status).toBe('mining');
  });

  it('an aborted poll ends with "aborted"', async () => {
    const controller = new AbortController();
    await sim.setFault(rig(0).name, 'silent');
    setTimeout(() => controller.abort(), 100);
    const { error, ms } = await pollError(target(0, { signal: controller.signal, timeoutMs: 5000 }));
    expect(error.kind).toBe('aborted');
    expect(ms).toBeLessThan(1000);
  });
});

describe('avalon driver: scripted faults of a 12-rig fleet', () => {
  let big: RunningSimulator;
  beforeAll(async () => {
    await sim.stop(); // same addresses
    big = await startSimulator({ miners: 12, mix: ['avalon-a1566'], subnet: SUBNET, httpPort: null, seed: 7, now: () => clockMs });
  });
  afterAll(async () => {
    await big.stop();
    sim = await startSimulator({ miners: 2, mix: ['avalon-a1566'], subnet: SUBNET, httpPort: null, seed: 7, now: () => clockMs });
  });

  const of = (fault: string) => big.manifest.rigs.find((r) => r.fault === fault)!;
  const at = (r: { address: string; port: number }): PollTarget => ({ address: r.address, port: r.port, timeoutMs: TIMEOUT_MS });

  it('the overheating rig reads as throttled while the simulator throttles it', async () => {
    clockMs = T0 + 7 * 60_000; // minutes 6-8 of the 10-minute overheat cycle
    const hot = of('overheat');
    const truth = big.truth(hot.name);
    expect(truth.status).toBe('throttled');
    const r = await avalonDriver.poll(at(hot));
    expect(r.status).toBe('throttled');
    expect(r.tempMaxC).toBe(truth.tempMaxC);
    expect(r.hashrateThs).toBeCloseTo(truth.hashrate1mThs, 6);
  });

  it('the rig with a lost board reports two boards and two thirds of GHSmm', async () => {
    const lost = of('lost-board');
    const r = await avalonDriver.poll(at(lost));
    expect(r.boards).toHaveLength(2);
    expect(r.expectedHashrateThs).toBeCloseTo((185 * 2) / 3, 4); // GHSmm printed with 2 decimals
    expect(r.hashrateThs).toBeCloseTo(big.truth(lost.name).hashrate1mThs, 6);
    expect(r.status).toBe('mining');
  });
});

describe('avalon driver: firmware without estats', () => {
  let server: Server;
  const requests: string[] = [];
  beforeAll(async () => {
    const joined = JSON.parse(fixtureText('avalon-1047-pools+summary+stats.json')) as { summary: object[] };
    const replies: Record<string, string> = {
      summary: JSON.stringify(joined.summary[0]),
      version: fixtureText('avalon-a1566-version.json'),
      stats: fixtureText('avalon-a1566-stats.json'),
      devs: fixtureText('avalon-a1566-devs.json'),
      pools: fixtureText('avalon-a1566-pools.json'),
    };
    const invalid = '{"STATUS":[{"STATUS":"E","When":986,"Code":14,"Msg":"Invalid command","Description":"cgminer 4.11.1"}],"id":1}';
    server = createServer((socket) => {
      socket.on('error', () => undefined);
      socket.on('data', (chunk) => {
        const command = String((JSON.parse(chunk.toString('utf8')) as { command: string }).command);
        requests.push(command);
        socket.end(`${replies[command] ?? invalid}\u0000`);
      });
    });
    await new Promise<void>((resolve) => server.listen({ host: `${SUBNET}.250`, port: 0 }, resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('refuses the joined request (Invalid command), then falls back to stats when estats is rejected', async () => {
    const { port } = server.address() as AddressInfo;
    const r = await avalonDriver.poll({ address: `${SUBNET}.250`, port, timeoutMs: TIMEOUT_MS });
    expect(requests).toEqual(['summary+version+estats+devs+pools', 'summary', 'version', 'estats', 'stats', 'devs', 'pools']);
    expect(r.expectedHashrateThs).toBeCloseTo(201920.42 / 1000, 9); // GHSmm of the stats capture
    expect(r.powerW).toBe(3731);
    expect(r.hashrateThs).toBeCloseTo(28134393.97 / 1e6, 9); // the served summary's "MHS 1m"
  });
});
