/**
 * `hashwatt probe` against the simulator on loopback (127.0.120.x): readings of recognised devices, and
 * one clear line plus a non-zero exit, within the timeout, for everything that is not a readable miner.
 */
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../collectors/simulator/simulator';
import { runHashwatt } from '../../support/run-cli';

const SUBNET = '127.0.120';
const T0 = Date.UTC(2026, 10, 24, 12, 0, 0);
let sim: RunningSimulator;
let stranger: Server;

beforeAll(async () => {
  sim = await startSimulator({ miners: 4, subnet: SUBNET, httpPort: null, seed: 3, now: () => T0, faults: false });
  // A device that answers JSON no driver knows, on the cgminer port of an address the fleet does not use.
  stranger = createServer((socket) => {
    socket.on('data', () =>
      socket.end('{"STATUS":[{"STATUS":"S","Code":1,"Msg":"ok","Description":"FooMiner 9.9"}],"FOO":[{"bar":1}]}\u0000'),
    );
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => stranger.listen(4028, `${SUBNET}.200`, resolve));
});
afterAll(async () => {
  await sim?.stop();
  await new Promise((resolve) => stranger?.close(resolve));
});

const rig = (i: number) => sim.manifest.rigs[i];

describe('hashwatt probe', () => {
  it('identifies a stock Antminer and prints its reading as JSON', async () => {
    const res = await runHashwatt(['probe', rig(0).address, '--json']);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const out = JSON.parse(res.stdout);
    expect(out.endpoint).toBe(`${rig(0).address}:4028`);
    expect(out.identity).toMatchObject({ driver: 'antminer', make: 'Bitmain', model: 'Antminer S19 Pro' });
    const truth = sim.truth(rig(0).name);
    expect(out.reading.hashrateThs).toBeCloseTo(truth.hashrateThs, 1);
    expect(out.reading.powerSource).toBe('estimated');
    expect(out.reading.boards).toHaveLength(3);
    expect(out.raw).toBeUndefined();
  });

  it('identifies a Whatsminer, prints the readable table and, with --raw, what the miner said', async () => {
    const res = await runHashwatt(['probe', `${rig(2).address}:4028`, '--raw']);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(new RegExp(`^${rig(2).address.replace(/\./g, '\\.')}:4028  whatsminer  MicroBT Whatsminer M50S$`, 'm'));
    expect(res.stdout).toMatch(/^power\s+[\d,]+ W \(reported by the firmware\)$/m);
    expect(res.stdout).toMatch(/^--- summary \(\d+ bytes\) ---$/m);
    expect(res.stdout).toContain('"Factory GHS"');
  });

  it('reads with a named driver without detection', async () => {
    const res = await runHashwatt(['probe', rig(1).address, '--driver', 'antminer', '--json']);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout).reading.driver).toBe('antminer');
  });

  it('says nothing answers at an unused address, in one line, quickly', async () => {
    const res = await runHashwatt(['probe', `${SUBNET}.250`, '--timeout', '2']);
    expect(res.code).toBe(1);
    expect(res.stdout).toBe('');
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).toMatch(/^hashwatt probe: 127\.0\.120\.250:4028: refused: nothing answers on 127\.0\.120\.250 port/);
  });

  it('gives up on a silent miner within the timeout', async () => {
    await sim.setFault(rig(3).name, 'silent');
    try {
      const res = await runHashwatt(['probe', rig(3).address, '--timeout', '1.5']);
      expect(res.code).toBe(1);
      expect(res.stderr.trim().split('\n')).toHaveLength(1);
      expect(res.stderr).toMatch(/timeout: no reply within 1\.5 s/);
      // Node start-up plus the 1.5 s timeout; far below the 4 ports x commands x timeout it would otherwise take.
      expect(res.elapsedMs).toBeLessThan(6000);
    } finally {
      await sim.setFault(rig(3).name, null);
    }
  });

  it('reports garbage as an unrecognised device, not a crash', async () => {
    await sim.setFault(rig(1).name, 'garbage');
    try {
      const res = await runHashwatt(['probe', `${rig(1).address}:4028`, '--timeout', '2']);
      expect(res.code).toBe(1);
      expect(res.stderr.trim().split('\n')).toHaveLength(1);
      expect(res.stderr).toMatch(/answers over cgminer but no driver recognises it \(garbage: /);
      expect(res.stderr).not.toMatch(/\bat \S+:\d+:\d+/); // no stack trace
    } finally {
      await sim.setFault(rig(1).name, null);
    }
  });

  it('keeps what an unknown miner said: --raw shows its replies', async () => {
    const res = await runHashwatt(['probe', `${SUBNET}.200:4028`, '--raw', '--timeout', '2']);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/answers over cgminer but no driver recognises it; its raw replies are above/);
    expect(res.stdout).toMatch(/^--- version \(\d+ bytes\) ---$/m);
    expect(res.stdout).toContain('FooMiner 9.9');
  });

  it.each([
    [['probe'], /probe needs exactly one device/],
    [['probe', '10.0.0.999'], /octet above 255/],
    [['probe', '10.0.0.5', '--timeout', 'soon'], /--timeout "soon" is not a number of seconds/],
    [['probe', '10.0.0.5', '--driver', 'nope'], /unknown driver "nope" \(known: /],
    [['probe', 'http://10.0.0.5', '--driver', 'antminer'], /speaks cgminer over TCP: give the device as host\[:port\]/],
    [['probe', '10.0.0.5', '--user', 'root'], /--user and --password go together/],
  ])('refuses %j with exit code 2', async (args, message) => {
    const res = await runHashwatt(args);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(message);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
  });
});
