/**
 * The collector's device-request worker against the demo simulator on loopback (127.0.74.x) and a real
 * SQLite file: a probe identifies a simulated miner, a scan reports progress and lists what answered, bad
 * or over-large requests fail with a specific error, and rows a crashed collector left running are failed.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTERRUPTED_ERROR, runDeviceRequestLoop } from '../../../collectors/device-requests-loop';
import { ALL_DRIVERS } from '../../../collectors/drivers';
import { startSimulator, type RunningSimulator } from '../../../collectors/simulator/simulator';
import { getDeviceRequest, recordDeviceRequest } from '../../../lib/db/mutations/device-requests';
import { deviceRequests, rigs, sites } from '../../../lib/db/schema';
import type { DeviceRequestView, ProbeResult, ScanResult } from '../../../lib/rigs/device-request-types';
import { tempDb } from '../../support/temp';

const SUBNET = '127.0.74';
const DAY_MS = 86_400_000;
let sim: RunningSimulator;
let t: ReturnType<typeof tempDb>;
let stop: AbortController;
let loop: Promise<void>;
let siteId: number;
let knownRigId: number;
let crashedId: number;
let oldDoneId: number;
let recentDoneId: number;
const logs: string[] = [];
const servers: Server[] = [];
const sockets = new Set<Socket>();

function listen(host: string, onData: ((s: Socket) => void) | null): Promise<void> {
  const srv = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    if (onData) socket.on('data', () => onData(socket));
  });
  servers.push(srv);
  return new Promise((resolve) => srv.listen(4028, host, resolve));
}

function insertRaw(kind: string, payload: unknown, extra: Partial<typeof deviceRequests.$inferInsert> = {}): number {
  return t.db.orm
    .insert(deviceRequests)
    .values({ kind, payloadJson: JSON.stringify(payload), createdAtMs: Date.now(), ...extra })
    .returning({ id: deviceRequests.id })
    .get().id;
}

async function settled(id: number, timeoutMs = 15_000): Promise<DeviceRequestView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = getDeviceRequest(t.db, id)!;
    if (r.status === 'done' || r.status === 'failed') return r;
    if (Date.now() > deadline) throw new Error(`request ${id} still ${r.status}`);
    await new Promise((res) => setTimeout(res, 20));
  }
}

beforeAll(async () => {
  sim = await startSimulator({ miners: 4, subnet: SUBNET, httpPort: null, seed: 3, faults: false });
  // .9 answers every command with a reply no driver knows; .30 accepts and never says a word.
  await listen(`${SUBNET}.9`, (s) =>
    s.end('{"STATUS":[{"STATUS":"S","Code":1,"Msg":"ok","Description":"FooMiner 9.9"}],"FOO":[{"bar":1}]}\u0000'),
  );
  await listen(`${SUBNET}.30`, null);
  t = tempDb();
  siteId = t.db.orm.insert(sites).values({ name: 'Lab', createdAtMs: Date.now() }).returning({ id: sites.id }).get().id;
  const second = sim.manifest.rigs[1];
  knownRigId = t.db.orm
    .insert(rigs)
    .values({ name: 'lab-known', siteId, address: second.address, port: second.port, driver: second.driver, createdAtMs: Date.now() })
    .returning({ id: rigs.id })
    .get().id;
  // What a collector that crashed mid-scan leaves behind, and two handled requests of different ages.
  crashedId = insertRaw(
    'scan',
    { range: `${SUBNET}.0/24`, ports: [4028], siteId },
    { status: 'running', progressJson: '{"done":10,"total":254,"found":0}' },
  );
  oldDoneId = insertRaw('probe', { address: '10.0.0.1', port: null, siteId }, { status: 'done', handledAtMs: Date.now() - 8 * DAY_MS });
  recentDoneId = insertRaw(
    'probe',
    { address: '10.0.0.1', port: null, siteId },
    { status: 'failed', handledAtMs: Date.now() - 6 * DAY_MS },
  );
  stop = new AbortController();
  loop = runDeviceRequestLoop(
    {
      db: t.db,
      drivers: ALL_DRIVERS,
      tickMs: 25,
      progressEveryMs: 0,
      timeoutMs: 1500,
      connectTimeoutMs: 500,
      scanConcurrency: 4,
      log: (l) => logs.push(l),
    },
    stop.signal,
  );
});

afterAll(async () => {
  stop?.abort();
  await loop;
  for (const s of sockets) s.destroy();
  await Promise.all(servers.map((s) => new Promise((res) => s.close(res))));
  await sim?.stop();
  t?.cleanup();
});

describe('device-request worker', { timeout: 30_000 }, () => {
  it('fails on start a request a crashed collector left running, and prunes handled ones after 7 days', async () => {
    const crashed = await settled(crashedId);
    expect(crashed).toMatchObject({ status: 'failed', error: INTERRUPTED_ERROR });
    expect(INTERRUPTED_ERROR).toBe('the collector stopped while this request was running (restart or crash); start it again');
    expect(getDeviceRequest(t.db, oldDoneId)).toBeNull();
    expect(getDeviceRequest(t.db, recentDoneId)).toMatchObject({ status: 'failed' });
  });

  it('a probe identifies a simulated miner by driver and model', async () => {
    const rig = sim.manifest.rigs[0];
    const { id } = recordDeviceRequest(t.db, { kind: 'probe', address: rig.address, port: null, siteId }, Date.now());
    const r = await settled(id);
    expect(r.status, r.error ?? '').toBe('done');
    const result = r.result as ProbeResult;
    expect(result).toMatchObject({ kind: 'probe', siteId });
    expect(result.device).toMatchObject({
      address: rig.address,
      port: rig.port,
      driver: rig.driver,
      model: rig.model,
      algorithm: 'sha256',
      pollError: null,
      knownRig: null,
    });
    expect(result.device.hashrateThs).toBeGreaterThan(0);
  });

  it('a probe of an address already registered names the rig', async () => {
    const rig = sim.manifest.rigs[1];
    const { id } = recordDeviceRequest(t.db, { kind: 'probe', address: rig.address, port: rig.port, siteId }, Date.now());
    const r = await settled(id);
    expect((r.result as ProbeResult).device.knownRig).toEqual({ id: knownRigId, name: 'lab-known' });
  });

  it('a scan reports its progress while it runs, then the hits, the unrecognised device and the silent addresses', async () => {
    const { id } = recordDeviceRequest(t.db, { kind: 'scan', range: `${SUBNET}.1-${SUBNET}.40`, ports: [4028], siteId }, Date.now());
    const seen: DeviceRequestView[] = [];
    for (let r = getDeviceRequest(t.db, id)!; r.status === 'pending' || r.status === 'running'; r = getDeviceRequest(t.db, id)!) {
      seen.push(r);
      await new Promise((res) => setTimeout(res, 15));
    }
    // The silent listener on .30 holds the scan for a timeout: progress is visible part-way.
    const partway = seen.filter((r) => r.status === 'running' && r.progress && r.progress.done > 0 && r.progress.done < 40);
    expect(partway.length).toBeGreaterThan(0);
    expect(partway.every((r) => r.progress!.total === 40)).toBe(true);

    const done = getDeviceRequest(t.db, id)!;
    expect(done.status, done.error ?? '').toBe('done');
    expect(done.progress).toEqual({ done: 40, total: 40, found: 5 });
    const result = done.result as ScanResult;
    expect(result).toMatchObject({ kind: 'scan', range: `${SUBNET}.1-${SUBNET}.40`, ports: [4028], addresses: 40, silentAddresses: 35 });
    expect(result.hits.map((h) => [h.address, h.port, h.driver, h.model])).toEqual(
      sim.manifest.rigs.map((r) => [r.address, r.port, r.driver, r.model]),
    );
    expect(result.hits.map((h) => h.knownRig?.name ?? null)).toEqual([null, 'lab-known', null, null]);
    expect(result.unrecognised).toEqual([{ address: `${SUBNET}.9`, port: 4028, protocol: 'cgminer' }]);
    const kept = t.db.sqlite.prepare('SELECT raw_json FROM unrecognised_devices WHERE address = ?').get(`${SUBNET}.9`) as {
      raw_json: string;
    };
    expect(kept.raw_json).toContain('FooMiner 9.9');
  });

  it.each([
    ['scan', { range: '10.0.0.x/24', ports: [4028], siteId: 1 }, 'range: "10.0.0.x/24": "10.0.0.x" is not an IPv4 address'],
    [
      'scan',
      { range: '10.0.0.0/16', ports: [4028], siteId: 1 },
      'range: "10.0.0.0/16" has 65536 addresses; scan at most 4096 (a /20) at a time',
    ],
    ['scan', { range: '10.0.0.0/24', ports: [0], siteId: 1 }, 'ports: 0 is not a port from 1 to 65535'],
    ['probe', { address: '10.0.0.256', siteId: 1 }, 'address: "10.0.0.256": 10.0.0.256 is not an IPv4 address (octet above 255)'],
    ['probe', { address: '10.0.0.5', siteId: 99 }, 'siteId: there is no site 99'],
    ['wipe', { siteId: 1 }, 'kind must be "probe" or "scan" (got "wipe")'],
  ])('a stored %s request %j fails with a specific error', async (kind, payload, error) => {
    const id = insertRaw(kind, payload);
    expect(await settled(id)).toMatchObject({ status: 'failed', error, result: null });
  });

  it('a probe of an address where nothing listens fails saying so', async () => {
    const { id } = recordDeviceRequest(t.db, { kind: 'probe', address: `${SUBNET}.99`, port: 4028, siteId }, Date.now());
    expect(await settled(id)).toMatchObject({
      status: 'failed',
      error: `${SUBNET}.99: refused: nothing answers on ${SUBNET}.99 port 4028 (connection refused)`,
    });
  });

  it('a probe of a device no driver knows fails saying so, and its replies are kept', async () => {
    const { id } = recordDeviceRequest(t.db, { kind: 'probe', address: `${SUBNET}.9`, port: 4028, siteId }, Date.now());
    const r = await settled(id);
    expect(r.status).toBe('failed');
    expect(r.error).toMatch(
      new RegExp(
        `^${SUBNET.replace(/\./g, '\\.')}\\.9:4028 answers over cgminer but no driver recognises it.*; its replies were kept for a support request$`,
      ),
    );
  });
});
