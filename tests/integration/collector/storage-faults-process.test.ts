/**
 * Storage faults under a real collector process polling the simulator every second:
 * - a full disk (a small tmpfs filled to the last byte; needs root, see sweep-writer.test.ts for the same
 *   behaviour on `PRAGMA max_page_count` anywhere): it stays up, holds its sweeps in memory (the oldest
 *   dropped past HASHWATT_HELD_READINGS_MAX, the count logged), tells the alert channel from memory, and
 *   writes the held sweeps in order once the filler file is deleted. Before, it exited on SQLITE_FULL.
 * - its database file deleted: noticed within a sweep, a message naming the path, and nothing written
 *   into the unlinked file from then on. Before, writes went on into the unlinked file unnoticed.
 */
import { readdirSync, readlinkSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../collectors/simulator/simulator';
import { openDb } from '../../../lib/db/client';
import { prepareSecretKey } from '../../../bin/supervisor/key-setup';
import { migrateDb } from '../../../lib/db/migrate';
import { createChannelRow } from '../../../lib/db/mutations/alert-channels';
import { upsertDemoFleet } from '../../../lib/db/mutations/upsert-demo-fleet';
import { startCollector, storedSweeps, until, type CollectorProcess } from '../../support/collector-process';
import { CAN_MOUNT, smallDisk, type SmallDisk } from '../../support/small-disk';
import { tempDir } from '../../support/temp';
import { startReceiver, type Receiver } from '../notify/receiver';

const MINERS = 4;
let sim: RunningSimulator;
let receiver: Receiver;
/** The webhook receiver, an operator's LAN service: listed in HASHWATT_NOTIFY_PRIVATE_HOSTS for the collector. */
const RECEIVER_HOST = '127.0.213.200';

beforeAll(async () => {
  sim = await startSimulator({ miners: MINERS, subnet: '127.0.213', port: 4028, seed: 5, faults: false, httpPort: null });
  receiver = await startReceiver(RECEIVER_HOST);
});
afterAll(async () => {
  await sim?.stop();
  await receiver?.close();
});

/** A migrated database with the simulator's rigs and a webhook channel to the test's receiver. */
function prepareDb(path: string): void {
  const db = openDb(path);
  migrateDb(db);
  prepareSecretKey(db, { secretKey: null, dbPath: path }, Date.now()); // as hashwatt start does: the collector reads the key file
  upsertDemoFleet(db, sim.manifest, Date.now());
  createChannelRow(
    db,
    'ops webhook',
    true,
    { kind: 'webhook', url: `${receiver.baseUrl}/hook`, secret: 'a-webhook-secret-of-16+', timeoutMs: 3000 },
    Date.now(),
  );
  db.close();
}

const bodies = () => receiver.requests.map((r) => r.body).join('\n');

describe.runIf(CAN_MOUNT)('a full disk under a running collector', { timeout: 120_000 }, () => {
  let disk: SmallDisk;
  let collector: CollectorProcess;
  afterAll(async () => {
    await collector?.stop();
    disk?.cleanup();
  });

  it('holds sweeps in memory while it is full, tells the channel, and writes them in order when space returns', async () => {
    disk = smallDisk(8 * 1024);
    const dbPath = join(disk.dir, 'hashwatt.db');
    prepareDb(dbPath);
    // One reading per rig a sweep: at most 5 sweeps held.
    const rigs = sim.manifest.rigs.length;
    collector = startCollector(dbPath, { HASHWATT_HELD_READINGS_MAX: String(5 * rigs), HASHWATT_NOTIFY_PRIVATE_HOSTS: RECEIVER_HOST });
    await until('three stored sweeps', () => storedSweeps(dbPath).length >= 3);

    disk.fill();
    const fullAtMs = Date.now();
    const storedWhenFull = storedSweeps(dbPath).length;
    await collector.waitFor(new RegExp(`storage failing: ${dbPath}: database or disk is full \\(SQLITE_FULL\\); holding 1 sweep`));
    await collector.waitFor(new RegExp(`holding 4 sweeps \\(${4 * rigs} readings, at most ${5 * rigs}\\) in memory`));
    await new Promise((r) => setTimeout(r, 4000)); // past the bound: the oldest are dropped
    expect(collector.proc.exitCode).toBeNull();
    expect(storedSweeps(dbPath).length).toBeLessThanOrEqual(storedWhenFull + 1); // at most one committed as the disk filled
    await until('the "storage failing" notice at the webhook', () =>
      bodies().includes(`storage failing: ${dbPath}: database or disk is full`),
    );

    const freedAtMs = Date.now();
    disk.free();
    const [, wrote, dropped] = await collector.waitFor(/storage recovered: .* wrote (\d+) held sweeps in order \((\d+) dropped\)/);
    expect(Number(wrote)).toBe(4); // five held, the newest of them written as the live sweep
    expect(Number(dropped)).toBeGreaterThanOrEqual(2);
    // The held four, and maybe the live sweep of the moment the space came back, or one committed as the disk filled.
    const held = storedSweeps(dbPath).filter((s) => s.startedAtMs >= fullAtMs && s.startedAtMs < freedAtMs);
    expect(held.length).toBeGreaterThanOrEqual(4);
    expect(held.length).toBeLessThanOrEqual(6);
    expect(held.map((s) => s.startedAtMs)).toEqual([...held.map((s) => s.startedAtMs)].sort((a, b) => a - b));
    await until('the "storage recovered" notice', () => bodies().includes(`storage recovered: ${dbPath}`));
    const count = storedSweeps(dbPath).length;
    await until('sweeps after recovery', () => storedSweeps(dbPath).length > count + 1);
    expect(collector.proc.exitCode).toBeNull();
    expect(await collector.stop()).toBe(0);
  });
});

/** Size and modification time of the deleted files the process still has open, by descriptor target. */
function unlinkedFiles(pid: number): Map<string, string> {
  const out = new Map<string, string>();
  const fdDir = `/proc/${pid}/fd`;
  for (const fd of readdirSync(fdDir)) {
    let target: string;
    try {
      target = readlinkSync(join(fdDir, fd));
    } catch {
      continue;
    }
    if (!/hashwatt\.db(-wal|-shm)? \(deleted\)$/.test(target)) continue;
    const st = statSync(join(fdDir, fd));
    out.set(target, `${st.size} ${st.mtimeMs}`);
  }
  return out;
}

describe('a database file deleted under a running collector', { timeout: 60_000 }, () => {
  let dir: ReturnType<typeof tempDir>;
  let collector: CollectorProcess;
  afterAll(async () => {
    await collector?.stop();
    dir?.cleanup();
  });

  it('is noticed within a sweep, named, and nothing more is written into the unlinked file', async () => {
    dir = tempDir('hashwatt-deleted-');
    const dbPath = join(dir.dir, 'hashwatt.db');
    prepareDb(dbPath);
    collector = startCollector(dbPath, { HASHWATT_NOTIFY_PRIVATE_HOSTS: RECEIVER_HOST });
    await until('two stored sweeps', () => storedSweeps(dbPath).length >= 2);

    for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true });
    await collector.waitFor(
      new RegExp(`database file ${dbPath} was deleted or replaced while running; stopping writes: restore it or restart`),
      5000,
    );
    const atDetection = unlinkedFiles(collector.proc.pid!);
    expect([...atDetection.keys()].some((t) => t.endsWith('hashwatt.db-wal (deleted)'))).toBe(true);
    await new Promise((r) => setTimeout(r, 4000)); // four more sweeps
    expect(unlinkedFiles(collector.proc.pid!)).toEqual(atDetection);
    expect(collector.proc.exitCode).toBeNull();
    expect(collector.output()).toMatch(/holding \d+ sweeps/);
    // The other loops say it once, not at every tick.
    expect(collector.output().match(/^notify: .*deleted or replaced/gm)?.length ?? 0).toBeLessThanOrEqual(1);
    expect(collector.output().match(/^device requests: .*deleted or replaced/gm)?.length ?? 0).toBeLessThanOrEqual(1);
  });
});
