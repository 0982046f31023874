/**
 * The simulator over real loopback sockets: cgminer framing (JSON + one NUL, then close), forced faults as a
 * collector meets them, the scripted flapping rig on an injected clock, clean stop, and a 1,000-miner fleet.
 * Subnets 127.0.77 and 127.0.78-81 are reserved for this file.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startSimulator, writeManifest, type RunningSimulator } from '../../collectors/simulator/simulator';
import { CLASSIC_MIX } from '../../collectors/simulator/fleet-plan';

const SUBNET = '127.0.77';
const PORT = 4028;
const T0 = Date.UTC(2025, 0, 1, 0, 0, 0); // start of a flap period: every rig online
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Exchange {
  data: Buffer;
  error: string | null;
  /** True when the server closed the connection before waitMs. */
  closed: boolean;
}

/** Sends `body`, optionally half-closes, and collects bytes until the server closes or waitMs passes. */
function exchange(host: string, body: string, opts: { halfClose?: boolean; waitMs?: number } = {}): Promise<Exchange> {
  const { halfClose = true, waitMs = 3000 } = opts;
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = connect({ host, port: PORT });
    let settled = false;
    const done = (error: string | null, closed: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ data: Buffer.concat(chunks), error, closed });
    };
    const timer = setTimeout(() => done(null, false), waitMs);
    socket.on('connect', () => (halfClose ? socket.end(body) : socket.write(body)));
    socket.on('data', (c) => chunks.push(c));
    socket.on('end', () => done(null, true));
    socket.on('error', (e: NodeJS.ErrnoException) => done(e.code ?? e.message, true));
  });
}

/** Parses a cgminer reply, insisting on exactly one trailing NUL. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function parseReply(data: Buffer): any {
  expect(data.length).toBeGreaterThan(2);
  expect(data[data.length - 1]).toBe(0);
  expect(data.subarray(0, -1).includes(0)).toBe(false);
  return JSON.parse(data.subarray(0, -1).toString('utf8'));
}

let clockMs = T0;
const running: RunningSimulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
  clockMs = T0;
});

async function start(miners = 12, subnet = SUBNET): Promise<RunningSimulator> {
  const sim = await startSimulator({ miners, subnet, port: PORT, seed: 3, now: () => clockMs, mix: CLASSIC_MIX });
  running.push(sim);
  return sim;
}

describe('simulator over TCP', () => {
  it('answers stats with JSON plus exactly one NUL, then closes', async () => {
    const sim = await start();
    const rig = sim.manifest.rigs[0];
    expect(rig).toMatchObject({ name: 'rockdale-a01', address: `${SUBNET}.1`, port: PORT, driver: 'antminer' });
    const ex = await exchange(rig.address, '{"command":"stats"}');
    expect(ex.closed).toBe(true);
    const reply = parseReply(ex.data);
    expect(reply.STATUS[0]).toMatchObject({ STATUS: 'S', Code: 70, When: Math.floor(T0 / 1000) });
    expect(Number(reply.STATS[1]['GHS 5s']) / 1000).toBeCloseTo(sim.truth(rig.name).hashrateThs, 4);
  });

  it('answers as soon as a complete JSON request arrives, without waiting for a half-close', async () => {
    const sim = await start();
    const ex = await exchange(sim.manifest.rigs[2].address, '{"command":"summary"}', { halfClose: false });
    expect(ex.closed).toBe(true);
    expect(parseReply(ex.data).SUMMARY[0]['MHS 5s']).toBeGreaterThan(1e8);
  });

  it('answers unknown commands with STATUS E and non-JSON with Invalid JSON', async () => {
    const sim = await start();
    const [antminer, , whatsminer] = sim.manifest.rigs;
    for (const rig of [antminer, whatsminer]) {
      expect(parseReply((await exchange(rig.address, '{"command":"frobnicate"}')).data).STATUS[0]).toMatchObject({ STATUS: 'E', Code: 14 });
      expect(parseReply((await exchange(rig.address, 'summary')).data).STATUS[0]).toMatchObject({
        STATUS: 'E',
        Code: 23,
        Msg: 'Invalid JSON',
      });
      // Plain text and no half-close: answered after a short pause rather than never.
      const open = await exchange(rig.address, 'summary', { halfClose: false });
      expect(parseReply(open.data).STATUS[0].Code).toBe(23);
    }
    expect(parseReply((await exchange(whatsminer.address, '{"cmd":"summary"}')).data).STATUS[0]).toMatchObject({ Code: 24 });
  });

  it('survives clients that leave early or send garbage, and keeps serving', async () => {
    const sim = await start();
    const host = sim.manifest.rigs[1].address;
    for (let i = 0; i < 20; i++) {
      const s = connect({ host, port: PORT });
      s.on('error', () => undefined);
      s.on('connect', () => (i % 2 ? s.destroy() : s.end(Buffer.from([0xff, 0x00, 0x7b, 0x22]))));
    }
    await sleep(200);
    expect(parseReply((await exchange(host, '{"command":"version"}')).data).VERSION[0].Type).toBe('Antminer S19 Pro');
  });

  it("'offline' refuses connections until cleared", async () => {
    const sim = await start();
    const rig = sim.manifest.rigs[3];
    await sim.setFault(rig.name, 'offline');
    expect((await exchange(rig.address, '{"command":"summary"}')).error).toBe('ECONNREFUSED');
    expect(sim.truth(rig.name).online).toBe(false);
    await sim.setFault(rig.name, null);
    expect(parseReply((await exchange(rig.address, '{"command":"summary"}')).data).STATUS[0].Code).toBe(11);
    expect(sim.truth(rig.name).online).toBe(true);
  });

  it("'silent' accepts but sends nothing for at least a second", async () => {
    const sim = await start();
    const rig = sim.manifest.rigs[0];
    await sim.setFault(rig.name, 'silent');
    const ex = await exchange(rig.address, '{"command":"stats"}', { waitMs: 1000 });
    expect(ex).toMatchObject({ error: null, closed: false });
    expect(ex.data.length).toBe(0);
  });

  it("'garbage' answers bytes that are not JSON; 'half' answers half a reply without the NUL", async () => {
    const sim = await start();
    const rig = sim.manifest.rigs[0];
    await sim.setFault(rig.name, 'garbage');
    const junk = await exchange(rig.address, '{"command":"stats"}');
    expect(junk.closed).toBe(true);
    expect(junk.data.length).toBeGreaterThan(0);
    expect(() => JSON.parse(junk.data.toString('utf8'))).toThrow();
    await sim.setFault(rig.name, 'half');
    const half = await exchange(rig.address, '{"command":"stats"}');
    expect(half.closed).toBe(true);
    expect(half.data.toString('utf8')).toMatch(/^\{"STATUS":\[/);
    expect(half.data.includes(0)).toBe(false);
    expect(() => JSON.parse(half.data.toString('utf8'))).toThrow();
  });

  it('the scripted flapping rig drops off the network in minutes 6-8 of its cycle and comes back', async () => {
    const sim = await start();
    const flapping = sim.manifest.rigs.find((r) => r.fault === 'flapping')!;
    expect(flapping.name).toBe('baie-comeau-a03');
    clockMs = T0 + 6 * 60_000 + 1000;
    await sleep(600); // the flap check runs every 250 ms
    expect(sim.truth(flapping.name).online).toBe(false);
    expect((await exchange(flapping.address, '{"command":"summary"}')).error).toBe('ECONNREFUSED');
    expect(parseReply((await exchange(sim.manifest.rigs[4].address, '{"command":"summary"}')).data).STATUS[0].Code).toBe(11);
    clockMs = T0 + 8 * 60_000 + 1000;
    await sleep(600);
    expect(parseReply((await exchange(flapping.address, '{"command":"summary"}')).data).STATUS[0].Code).toBe(11);
  });

  it('truth follows the scripted overheat and lost board', async () => {
    const sim = await start();
    const hot = sim.manifest.rigs.find((r) => r.fault === 'overheat')!;
    const lost = sim.manifest.rigs.find((r) => r.fault === 'lost-board')!;
    clockMs = T0 + 7 * 60_000;
    expect(sim.truth(hot.name)).toMatchObject({ status: 'throttled', online: true });
    expect(sim.truth(hot.name).tempMaxC).toBeGreaterThan(90);
    expect(sim.truth(lost.name).hashrateThs / lost.nameplateHashrateThs).toBeLessThan(0.7);
    expect(() => sim.truth('nobody')).toThrow(/no miner named/);
  });

  it('stop() frees the ports so the same subnet can be started again', async () => {
    const first = await start();
    await first.stop();
    expect((await exchange(first.manifest.rigs[0].address, '{"command":"stats"}')).error).toBe('ECONNREFUSED');
    const second = await start();
    expect(parseReply((await exchange(second.manifest.rigs[0].address, '{"command":"stats"}')).data).STATUS[0].Code).toBe(70);
  });

  it('refuses to start on an address that is already taken, releasing what it bound', async () => {
    await start(3);
    await expect(startSimulator({ miners: 3, subnet: SUBNET, port: PORT })).rejects.toThrow(
      /cannot listen on 127\.0\.77\.1:4028 \(EADDRINUSE\)/,
    );
  });
});

describe('manifest', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  it('is written atomically as JSON, leaving no temp file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hashwatt-sim-'));
    dirs.push(dir);
    const sim = await start();
    const path = join(dir, 'nested', 'simulator-manifest.json');
    await writeManifest(path, sim.manifest);
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(sim.manifest);
    expect(await readdir(join(dir, 'nested'))).toEqual(['simulator-manifest.json']);
    expect(sim.manifest.sites.map((s) => s.name)).toEqual(['Rockdale TX', 'Baie-Comeau QC']);
  });
});

describe('a 1,000-miner fleet', () => {
  it('binds all 1,000 listeners and a miner near the end answers', async () => {
    const sim = await start(1000, '127.0.78');
    expect(sim.manifest.rigs).toHaveLength(1000);
    const rig = sim.manifest.rigs[997];
    expect(rig.address).toBe('127.0.81.236');
    const reply = parseReply((await exchange(rig.address, '{"command":"summary"}')).data);
    expect(reply.STATUS[0].STATUS).toBe('S');
    expect(parseReply((await exchange(sim.manifest.rigs[999].address, '{"command":"pools"}')).data).POOLS).toHaveLength(3);
  });
});
