/**
 * The whatsminer-v3 driver over real loopback TCP: against the simulator's API v3 listener (values vs
 * sim.truth(), forced faults, identify on a real get.device.info reply) and against small framed test
 * servers that split frames into delayed segments, reuse one connection, send oversized or cut frames.
 * Subnet 127.0.112 is this brief's: simulated rigs on .1/.2 port 4433, test servers on .201 (port 0), a
 * bare listener on .203:4433.
 */
import net from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixtureText } from '../../support/driver-fixtures';
import { deviceInfoDocAsJson } from '../../support/whatsminer-v3-fixtures';
import { btminerV3Query, withBtminerV3 } from '../../../collectors/drivers/btminer-v3/client';
import { identifyWhatsminerV3, whatsminerV3Driver } from '../../../collectors/drivers/whatsminer-v3';
import { DeviceError, type PollTarget } from '../../../collectors/drivers/types';
import { BtminerV3Listener, IDLE_CLOSE_MS } from '../../../collectors/simulator/listeners/btminer-v3';
import { startSimulator, type RunningSimulator } from '../../../collectors/simulator/simulator';

const SUBNET = '127.0.112';
const SERVER_HOST = '127.0.112.201';
const T0 = Date.UTC(2025, 0, 1, 0, 0, 0);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const running: RunningSimulator[] = [];
const servers: net.Server[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
  await Promise.all(
    servers.splice(0).map(
      (s) =>
        new Promise((r) => {
          s.close(r);
          (s as net.Server & { sockets?: Set<net.Socket> }).sockets?.forEach((k) => k.destroy());
        }),
    ),
  );
});

async function startV3Fleet(): Promise<RunningSimulator> {
  const sim = await startSimulator({ miners: 2, mix: ['whatsminer-v3-m60s'], subnet: SUBNET, httpPort: null, seed: 7, now: () => T0 });
  running.push(sim);
  return sim;
}

async function pollError(target: PollTarget): Promise<{ error: DeviceError; ms: number }> {
  const t = Date.now();
  const error = await whatsminerV3Driver.poll(target).then(
    () => {
      throw new Error('expected the poll to fail');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DeviceError);
  return { error: error as DeviceError, ms: Date.now() - t };
}

describe('whatsminer-v3 driver against the simulator', () => {
  it('reads each simulated M60S like sim.truth() says, over one connection per poll', async () => {
    const sim = await startV3Fleet();
    for (const rig of sim.manifest.rigs) {
      expect(rig).toMatchObject({ port: 4433, driver: 'whatsminer-v3' });
      const labels: string[] = [];
      const reading = await whatsminerV3Driver.poll({
        address: rig.address,
        port: rig.port,
        timeoutMs: 2000,
        recorder: (l) => labels.push(l),
      });
      const truth = sim.truth(rig.name);
      expect(labels).toEqual(['get.miner.status summary', 'get.device.info', 'get.miner.status pools', 'get.miner.status edevs']);
      expect(reading).toMatchObject({ driver: 'whatsminer-v3', make: 'MicroBT', model: 'Whatsminer M60S', firmware: '20240722.07.51.REL' });
      expect(reading.hashrateThs).toBeCloseTo(truth.hashrate1mThs, 2); // hash-1min sent with 3 decimals
      expect(reading.powerW!).toBeCloseTo(truth.powerW, -1); // power-realtime: whole watts
      expect(reading.powerSource).toBe('firmware');
      expect(reading.tempMaxC).toBe(truth.tempMaxC);
      expect(reading.status).toBe(truth.status);
      expect(reading.expectedHashrateThs).toBe(186);
      expect(reading.boards.map((b) => [b.index, b.chips])).toEqual([
        [0, 245],
        [1, 245],
        [2, 245],
      ]);
      expect(reading.fansRpm).toHaveLength(2);
      expect(reading.pools.map((p) => p.status)).toEqual(['alive', 'alive', 'alive']);
      expect(reading.pools[0].user).toBe(`hashwattdemo.${rig.name}`);
      expect(reading.uptimeS).toBeGreaterThan(0);
    }
  });

  it('identify() on the real get.device.info probe reply', async () => {
    const sim = await startV3Fleet();
    const rig = sim.manifest.rigs[0];
    const body = await withBtminerV3(
      { address: rig.address, port: rig.port, timeoutMs: 2000 },
      async (conn) => (await btminerV3Query(conn, 'get.device.info')).body,
    );
    expect(identifyWhatsminerV3({ btminerV3: body })).toEqual({
      driver: 'whatsminer-v3',
      make: 'MicroBT',
      model: 'Whatsminer M60S',
      firmware: '20240722.07.51.REL',
    });
  });

  it('an unknown command is an api-error with the device message (code -2)', async () => {
    const sim = await startV3Fleet();
    const rig = sim.manifest.rigs[1];
    const err = await withBtminerV3({ address: rig.address, port: rig.port, timeoutMs: 2000 }, (conn) =>
      btminerV3Query(conn, 'get.frobnicate'),
    ).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'api-error', message: '"get.frobnicate" failed: invalid command (code -2, invalid command)' });
  });

  it.each([
    ['offline', 'refused'],
    ['silent', 'timeout'],
    // The simulator's junk starts with a length prefix above 2 GiB, refused at the header as too large.
    ['garbage', 'too-large'],
    ['half', 'truncated'],
  ] as const)("'%s' gives a %s DeviceError within the timeout, and the rig reads again once cleared", async (fault, kind) => {
    const sim = await startV3Fleet();
    const rig = sim.manifest.rigs[0];
    const target = { address: rig.address, port: rig.port, timeoutMs: 600 };
    await sim.setFault(rig.name, fault);
    const { error, ms } = await pollError(target);
    expect(error.kind).toBe(kind);
    expect(error.message).toContain(`${rig.address}:4433`);
    expect(ms).toBeLessThan(600 + 400);
    await sim.setFault(rig.name, null);
    expect((await whatsminerV3Driver.poll(target)).hashrateThs).toBeGreaterThan(100);
  });

  it('an abort ends a poll waiting on a silent device', async () => {
    const sim = await startV3Fleet();
    const rig = sim.manifest.rigs[0];
    await sim.setFault(rig.name, 'silent');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const { error, ms } = await pollError({ address: rig.address, port: rig.port, timeoutMs: 5000, signal: controller.signal });
    expect(error.kind).toBe('aborted');
    expect(ms).toBeLessThan(1000);
  });
});

// ---- framed test servers -------------------------------------------------------------------------

interface FakeDevice {
  port: number;
  connections: number;
  requests: string[];
}

/** Requests are decoded here independently of the driver's FrameDecoder. */
async function fakeDevice(
  answer: (request: { cmd?: string; param?: string }, socket: net.Socket) => Promise<void> | void,
): Promise<FakeDevice> {
  const state: FakeDevice = { port: 0, connections: 0, requests: [] };
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    state.connections++;
    sockets.add(socket);
    socket.setNoDelay(true);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    let buf = Buffer.alloc(0);
    let chain = Promise.resolve();
    socket.on('data', (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      while (buf.length >= 4 && buf.length >= 4 + buf.readUInt32LE(0)) {
        const text = buf.subarray(4, 4 + buf.readUInt32LE(0)).toString('utf8');
        buf = buf.subarray(4 + buf.readUInt32LE(0));
        state.requests.push(text);
        chain = chain.then(() => answer(JSON.parse(text), socket));
      }
    });
  });
  (server as net.Server & { sockets?: Set<net.Socket> }).sockets = sockets;
  servers.push(server);
  await new Promise<void>((r) => server.listen({ host: SERVER_HOST, port: 0 }, r));
  state.port = (server.address() as net.AddressInfo).port;
  return state;
}

function frameOf(text: string): Buffer {
  const body = Buffer.from(text, 'utf8');
  const head = Buffer.alloc(4);
  head.writeUInt32LE(body.length, 0);
  return Buffer.concat([head, body]);
}

/** Writes bytes in segments cut at `cuts`, pausing between them so they arrive as separate reads. */
async function writeInSegments(socket: net.Socket, bytes: Buffer, cuts: number[]): Promise<void> {
  let at = 0;
  for (const cut of [...cuts, bytes.length]) {
    if (socket.destroyed) return;
    socket.write(bytes.subarray(at, cut));
    at = cut;
    await sleep(15);
  }
}

const DOC = {
  'get.miner.status summary': fixtureText('whatsminer-apiv3-docs-get.miner.status-summary.json'),
  'get.device.info': deviceInfoDocAsJson(),
};

describe('whatsminer-v3 transport against framed test servers', () => {
  it('reassembles replies whose length prefix and JSON arrive in small delayed segments, all on one connection', async () => {
    const dev = await fakeDevice(async (req, socket) => {
      const key = [req.cmd, req.param].filter(Boolean).join(' ') as keyof typeof DOC;
      const text = DOC[key] ?? JSON.stringify({ code: -1, when: 1, msg: 'not in this test', desc: req.cmd });
      await writeInSegments(socket, frameOf(text), [1, 3, 4, 9, 60]); // prefix split 1+2+1, then the JSON in pieces
    });
    const reading = await whatsminerV3Driver.poll({ address: SERVER_HOST, port: dev.port, timeoutMs: 3000 });
    expect(dev.connections).toBe(1);
    expect(dev.requests.map((r) => JSON.parse(r))).toEqual([
      { cmd: 'get.miner.status', param: 'summary' },
      { cmd: 'get.device.info' },
      { cmd: 'get.miner.status', param: 'pools' },
      { cmd: 'get.miner.status', param: 'edevs' },
    ]);
    // The doc captures' values (read by hand in the unit tests): optional pools/edevs failed with code -1.
    expect(reading).toMatchObject({ model: 'Whatsminer M30S++', hashrateThs: 102.072, powerW: 3268, tempMaxC: 100.3, pools: [] });
  });

  it('a length prefix above 1 MiB is too large, without waiting for the bytes', async () => {
    const dev = await fakeDevice((_req, socket) => {
      const head = Buffer.alloc(4);
      head.writeUInt32LE(1024 * 1024 + 1, 0);
      socket.write(head);
    });
    const { error, ms } = await pollError({ address: SERVER_HOST, port: dev.port, timeoutMs: 2000 });
    expect(error.kind).toBe('too-large');
    expect(error.message).toContain('declares a frame of 1048577 bytes, more than the 1048576');
    expect(ms).toBeLessThan(1000);
  });

  it('a connection closed mid-frame is truncated; mid-prefix too', async () => {
    for (const cut of [2, 40]) {
      const dev = await fakeDevice((_req, socket) => {
        socket.end(frameOf(DOC['get.miner.status summary']).subarray(0, cut));
      });
      const { error } = await pollError({ address: SERVER_HOST, port: dev.port, timeoutMs: 2000 });
      expect(error.kind).toBe('truncated');
    }
  });

  it('a device that stops answering after the summary still gives a reading; later optional requests are skipped', async () => {
    const dev = await fakeDevice((req, socket) => {
      if (req.param === 'summary') socket.write(frameOf(DOC['get.miner.status summary']));
      // everything else: silence
    });
    const t = Date.now();
    const reading = await whatsminerV3Driver.poll({ address: SERVER_HOST, port: dev.port, timeoutMs: 300 });
    expect(reading.hashrateThs).toBe(102.072);
    expect(dev.requests).toHaveLength(2); // summary, then device info timed out: pools and edevs not sent
    expect(Date.now() - t).toBeLessThan(300 * 2 + 300);
  });

  it('a heartbeat frame before the reply is skipped', async () => {
    const dev = await fakeDevice((_req, socket) => {
      socket.write(Buffer.concat([Buffer.alloc(4), frameOf(DOC['get.miner.status summary'])]));
    });
    expect((await whatsminerV3Driver.poll({ address: SERVER_HOST, port: dev.port, timeoutMs: 1000 })).hashrateThs).toBe(102.072);
  });
});

describe('simulator btminer-v3 listener', () => {
  it('keeps a connection open across requests and closes it after 300 s idle', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const listener = new BtminerV3Listener({
      host: '127.0.112.203',
      port: 4433,
      respond: (r) => JSON.stringify({ code: 0, msg: JSON.parse(r) }),
      fault: () => null,
    });
    try {
      await listener.setOpen(true);
      const socket = net.connect({ host: '127.0.112.203', port: 4433 });
      const received: Buffer[] = [];
      let closed = false;
      socket.on('data', (c) => received.push(c));
      socket.on('close', () => (closed = true));
      await new Promise<void>((r) => socket.once('connect', () => r()));
      const until = async (cond: () => boolean) => {
        for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setImmediate(r));
        expect(cond()).toBe(true);
      };
      for (const n of [1, 2]) {
        socket.write(frameOf(JSON.stringify({ cmd: `c${n}` })));
        await until(
          () => Buffer.concat(received).length > 0 && Buffer.concat(received).length === 4 + Buffer.concat(received).readUInt32LE(0),
        );
        expect(JSON.parse(Buffer.concat(received).subarray(4).toString())).toEqual({ code: 0, msg: { cmd: `c${n}` } });
        received.length = 0;
      }
      vi.advanceTimersByTime(IDLE_CLOSE_MS - 1000);
      await new Promise((r) => setImmediate(r));
      expect(closed).toBe(false);
      vi.advanceTimersByTime(2000);
      await until(() => closed);
    } finally {
      vi.useRealTimers();
      await listener.close();
    }
  });
});
