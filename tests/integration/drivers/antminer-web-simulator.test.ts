/**
 * The antminer-web driver and the stock antminer driver's web fallback over real loopback HTTP with Digest
 * auth, against the simulator's 'antminer-web-s21' rigs (web UI only, HTTP 8080, root/root): values vs
 * sim.truth(), the 401 challenge and identify() on real probe replies, wrong credentials, forced faults.
 * Subnet 127.0.112 is this brief's: simulated rigs on .1/.2, nothing listens on their 4028.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { antminerDriver } from '../../../collectors/drivers/antminer';
import { antminerWebDriver, identifyAntminerWeb } from '../../../collectors/drivers/antminer-web';
import { deviceHttp } from '../../../collectors/drivers/http/client';
import { DigestSession } from '../../../collectors/drivers/http/digest';
import { DeviceError, type HttpProbeReply, type PollTarget } from '../../../collectors/drivers/types';
import { startSimulator, type RunningSimulator } from '../../../collectors/simulator/simulator';

const SUBNET = '127.0.112';
const T0 = Date.UTC(2025, 0, 1, 0, 0, 0);

const running: RunningSimulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
});

async function startWebFleet(): Promise<RunningSimulator> {
  const sim = await startSimulator({ miners: 2, mix: ['antminer-web-s21'], subnet: SUBNET, httpPort: null, seed: 7, now: () => T0 });
  running.push(sim);
  return sim;
}

async function failure(p: Promise<unknown>): Promise<{ error: DeviceError; ms: number }> {
  const t = Date.now();
  const error = await p.then(
    () => {
      throw new Error('expected the poll to fail');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DeviceError);
  return { error: error as DeviceError, ms: Date.now() - t };
}

async function probeReply(target: PollTarget, path: string, session?: DigestSession): Promise<HttpProbeReply> {
  const reply = session ? await session.request({ path }) : await deviceHttp(target, { path });
  const auth = reply.headers['www-authenticate'];
  let json: unknown;
  try {
    json = JSON.parse(reply.text);
  } catch {
    json = null;
  }
  return { status: reply.status, wwwAuthenticate: Array.isArray(auth) ? auth.join(', ') : (auth ?? null), json, text: reply.text };
}

describe('antminer-web driver against the simulator', () => {
  it('reads each simulated S21 web UI like sim.truth() says (digest root/root)', async () => {
    const sim = await startWebFleet();
    for (const rig of sim.manifest.rigs) {
      expect(rig).toMatchObject({ port: 8080, driver: 'antminer-web' });
      const labels: string[] = [];
      const reading = await antminerWebDriver.poll({
        address: rig.address,
        port: rig.port,
        timeoutMs: 2000,
        recorder: (l) => labels.push(l),
      });
      const truth = sim.truth(rig.name);
      // One 401 round trip, then the nonce is reused.
      expect(labels).toEqual(['GET /cgi-bin/stats.cgi', 'GET /cgi-bin/stats.cgi', 'GET /cgi-bin/summary.cgi', 'GET /cgi-bin/pools.cgi']);
      expect(reading).toMatchObject({ driver: 'antminer-web', make: 'Bitmain', model: 'Antminer S21', status: truth.status });
      expect(reading.firmware).toBe('uart_trans.1.3, Thu Jul 11 16:38:25 CST 2024');
      expect(reading.hashrateThs).toBeCloseTo(truth.hashrateThs, 4); // rate_5s in GH/s with 2 decimals
      expect(reading.expectedHashrateThs).toBe(200);
      expect(reading.tempMaxC).toBe(truth.tempMaxC);
      expect(reading.powerSource).toBe('estimated');
      expect(reading.powerW!).toBeCloseTo((3500 / 200) * reading.hashrateThs, 6);
      expect(reading.boards.map((b) => [b.index, b.chips])).toEqual([
        [0, 108],
        [1, 108],
        [2, 108],
      ]);
      expect(reading.fansRpm).toHaveLength(4);
      expect(reading.pools[0]).toMatchObject({ status: 'Alive', user: `hashwattdemo.${rig.name}` });
      expect(reading.pools[0].accepted).toBeGreaterThan(0);
      expect(reading.uptimeS).toBeGreaterThan(0);
    }
  });

  it('identify(): the bare probe gets the antMiner Digest challenge; an authorized one gets summary JSON', async () => {
    const sim = await startWebFleet();
    const rig = sim.manifest.rigs[0];
    const target = { address: rig.address, port: rig.port, timeoutMs: 2000 };
    const bare = await probeReply(target, '/cgi-bin/summary.cgi');
    expect(bare.status).toBe(401);
    expect(bare.wwwAuthenticate).toContain('Digest realm="antMiner Configuration"');
    expect(identifyAntminerWeb({ http: { '/cgi-bin/summary.cgi': bare } })).toEqual({
      driver: 'antminer-web',
      make: 'Bitmain',
      model: 'Antminer',
      firmware: '',
    });
    const authed = await probeReply(target, '/cgi-bin/summary.cgi', new DigestSession(target));
    expect(authed.status).toBe(200);
    expect(identifyAntminerWeb({ http: { '/cgi-bin/summary.cgi': authed } })).toMatchObject({ model: 'Antminer S21' });
  });

  it('old-firmware CGIs are served in the capture layout and read through digest', async () => {
    const sim = await startWebFleet();
    const rig = sim.manifest.rigs[1];
    const session = new DigestSession({ address: rig.address, port: rig.port, timeoutMs: 2000 });
    const conf = await session.request({ path: '/cgi-bin/get_miner_conf.cgi' });
    expect(conf.text.startsWith('\n\n{\n"pools" : [\n{\n"url" : ')).toBe(true);
    const info = await session.request({ path: '/cgi-bin/get_system_info.cgi' });
    expect(JSON.parse(info.text)).toMatchObject({ minertype: 'Antminer S21', firmware_type: 'Release' });
    expect((await session.request({ path: '/cgi-bin/nope.cgi' })).status).toBe(404);
  });

  it('wrong credentials are an auth DeviceError naming the user', async () => {
    const sim = await startWebFleet();
    const rig = sim.manifest.rigs[0];
    const { error } = await failure(
      antminerWebDriver.poll({
        address: rig.address,
        port: rig.port,
        timeoutMs: 2000,
        credentials: { username: 'root', password: 'admin' },
      }),
    );
    expect(error.kind).toBe('auth');
    expect(error.message).toContain('user "root"');
  });

  it.each([
    ['offline', 'refused'],
    ['silent', 'timeout'],
    ['garbage', 'garbage'],
    ['half', 'truncated'],
  ] as const)("'%s' gives a %s DeviceError within the timeout, and the rig reads again once cleared", async (fault, kind) => {
    const sim = await startWebFleet();
    const rig = sim.manifest.rigs[0];
    const target = { address: rig.address, port: rig.port, timeoutMs: 600 };
    await sim.setFault(rig.name, fault);
    const { error, ms } = await failure(antminerWebDriver.poll(target));
    expect(error.kind).toBe(kind);
    expect(ms).toBeLessThan(600 + 400);
    await sim.setFault(rig.name, null);
    expect((await antminerWebDriver.poll(target)).hashrateThs).toBeGreaterThan(150);
  });
});

describe('stock antminer driver: web UI fallback when the cgminer API is off', () => {
  it('port 4028 refused -> reads the web UI on webPort 8080', async () => {
    const sim = await startWebFleet();
    const rig = sim.manifest.rigs[0];
    const reading = await antminerDriver.poll({ address: rig.address, port: 4028, webPort: 8080, timeoutMs: 2000 });
    expect(reading).toMatchObject({ driver: 'antminer-web', make: 'Bitmain', model: 'Antminer S21' });
    expect(reading.hashrateThs).toBeCloseTo(sim.truth(rig.name).hashrateThs, 4);
  });

  it('web UI refused too: the original refusal, saying the fallback was tried', async () => {
    const sim = await startWebFleet();
    const rig = sim.manifest.rigs[0];
    await sim.setFault(rig.name, 'offline');
    const { error } = await failure(antminerDriver.poll({ address: rig.address, port: 4028, webPort: 8080, timeoutMs: 1000 }));
    expect(error.kind).toBe('refused');
    expect(error.message).toContain(`${rig.address}:4028`);
    expect(error.message).toContain('web UI fallback on port 8080 refused too');
  });

  it('other web errors are the poll error (wrong credentials -> auth)', async () => {
    const sim = await startWebFleet();
    const rig = sim.manifest.rigs[1];
    const target = { address: rig.address, port: 4028, webPort: 8080, timeoutMs: 2000, credentials: { username: 'root', password: 'x' } };
    expect((await failure(antminerDriver.poll(target))).error.kind).toBe('auth');
  });
});
