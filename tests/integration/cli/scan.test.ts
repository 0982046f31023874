/**
 * `hashwatt scan` over a loopback range with the simulator (127.0.121.x): the summary table, the progress
 * on stderr, --add registering rigs in a real SQLite file, unrecognised devices kept with their replies.
 */
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../collectors/simulator/simulator';
import { openDb } from '../../../lib/db/client';
import { runHashwatt } from '../../support/run-cli';
import { tempDir } from '../../support/temp';

const SUBNET = '127.0.121';
let sim: RunningSimulator;
let stranger: Server;
let dir: ReturnType<typeof tempDir>;

beforeAll(async () => {
  dir = tempDir();
  sim = await startSimulator({ miners: 4, subnet: SUBNET, httpPort: null, seed: 5, faults: false });
  stranger = createServer((socket) => {
    socket.on('data', () =>
      socket.end('{"STATUS":[{"STATUS":"S","Code":1,"Msg":"ok","Description":"FooMiner 9.9"}],"FOO":[{"bar":1}]}\u0000'),
    );
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => stranger.listen(4028, `${SUBNET}.9`, resolve));
});
afterAll(async () => {
  await sim?.stop();
  await new Promise((resolve) => stranger?.close(resolve));
  dir?.cleanup();
});

describe('hashwatt scan', () => {
  it('finds the simulated miners in a /28 and lists them in a table', async () => {
    const res = await runHashwatt(['scan', `${SUBNET}.0/28`, '--ports', '4028', '--timeout', '2']);
    expect(res.code).toBe(0);
    const lines = res.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^device\s+driver\s+make \/ model\s+firmware\s+hash rate\s+power\s+state$/);
    for (const rig of sim.manifest.rigs) {
      expect(res.stdout).toMatch(new RegExp(`^${rig.address.replace(/\./g, '\\.')}:4028\\s+${rig.driver}\\s`, 'm'));
    }
    expect(res.stdout).toMatch(/^127\.0\.121\.9:4028\s+—\s+—\s+—\s+—\s+—\s+unrecognised$/m);
    expect(lines.at(-1)).toMatch(/^scanned 14 addresses x 1 port\(s\) in [\d.]+ s: 4 recognised, 1 answered but not recognised$/);
    // Progress went to stderr (one line per tenth when not a terminal), never into the table.
    expect(res.stderr).toMatch(/\[#+\] 14\/14 addresses, 5 found/);
  });

  it('--add registers the recognised rigs once and keeps the unrecognised device with its raw replies', async () => {
    const db = join(dir.dir, 'scan.db');
    const first = await runHashwatt(['scan', `${SUBNET}.0/28`, '--ports', '4028', '--add', '--site', 'Lab Rack'], { HASHWATT_DB: db });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^created site "Lab Rack"/m);
    expect(first.stdout).toMatch(/^added 4 rig\(s\) to "Lab Rack": lab-rack-127-0-121-1, /m);
    expect(first.stdout).toMatch(/^kept 1 unrecognised device\(s\)/m);

    const again = await runHashwatt(['scan', `${SUBNET}.0/28`, '--ports', '4028', '--add', '--site', 'Lab Rack'], { HASHWATT_DB: db });
    expect(again.stdout).toMatch(/^added 0 rig\(s\) to "Lab Rack"$/m);
    expect(again.stdout).toMatch(/^skipped 127\.0\.121\.1:4028: already registered as lab-rack-127-0-121-1$/m);

    const conn = openDb(db, { readonly: true });
    try {
      const rigs = conn.sqlite
        .prepare('SELECT name, address, port, driver, model, algorithm, is_demo FROM rigs ORDER BY address')
        .all() as Array<Record<string, unknown>>;
      expect(rigs.map((r) => [r.address, r.driver, r.model, r.algorithm, r.is_demo])).toEqual(
        sim.manifest.rigs.map((r) => [r.address, r.driver, r.model, 'sha256', 0]),
      );
      const kept = conn.sqlite.prepare('SELECT address, port, protocol, raw_json FROM unrecognised_devices').all() as Array<
        Record<string, string>
      >;
      expect(kept).toHaveLength(1);
      expect(kept[0]).toMatchObject({ address: `${SUBNET}.9`, port: 4028, protocol: 'cgminer' });
      expect(JSON.parse(kept[0].raw_json)[0]).toMatchObject({ label: 'version' });
      expect(kept[0].raw_json).toContain('FooMiner 9.9');
    } finally {
      conn.close();
    }
  });

  it.each([
    [['scan', '10.0.0.0/8'], /scan at most 65536 \(a \/16\)/],
    [['scan', '10.0.0.0/24', '--ports', '4028,x'], /--ports: "x" is not a port/],
    [['scan', '10.0.0.0/24', '--add'], /--add needs --site NAME/],
    [['scan', '10.0.0.0/24', '--concurrency', '0'], /--concurrency "0" is not a whole number/],
  ])('refuses %j with exit code 2', async (args, message) => {
    const res = await runHashwatt(args);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(message);
  });
});
