/**
 * Issue 12, at the process level: the collector process itself (collectors/main.ts, forked the way the
 * supervisor forks it) against a migrated database holding an evil rig (a loopback cgminer server
 * reporting a negative hash rate) with economics inputs in place keeps sweeping instead of exiting, and
 * stops cleanly when told. Before the fix the first sweep stored the sample, the economics threw
 * "hashrateThs must be >= 0" and the process exited with code 1.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addRigs } from '../../../lib/db/mutations/add-rigs';
import { setSiteTariff } from '../../../lib/db/mutations/site-settings';
import { recordSourceSuccess } from '../../../lib/db/mutations/source-state';
import { parseTariff } from '../../../lib/economics';
import type { NetworkState } from '../../../lib/domain/network';
import { startChild, type ChildHandle } from '../../../bin/supervisor/child';
import { startEvilWhatsminer, whatsminerSummary, type EvilDevice } from '../../support/evil-cgminer';
import { tempDb } from '../../support/temp';

const COLLECTOR = fileURLToPath(new URL('../../../collectors/main.ts', import.meta.url));
const EVIL = '127.0.173.1';

const NETWORK: NetworkState = {
  tipHeight: 900_000,
  subsidySats: 312_500_000,
  difficulty: 1.48e14,
  feesPerBlockSats: 3_600_000,
  networkHashrateThs: null,
  nextAdjustment: null,
  halving: { height: 1_050_000, blocksLeft: 150_000, estimatedDateMs: 0 },
};

let t: ReturnType<typeof tempDb>;
let device: EvilDevice;
let child: ChildHandle | undefined;

beforeAll(async () => {
  t = tempDb();
  const nowMs = Date.now();
  const { siteId } = addRigs(
    t.db,
    'Evil yard',
    [{ name: 'evil-negative', address: EVIL, port: 4028, driver: 'whatsminer', model: 'Whatsminer M30S', algorithm: 'sha256' }],
    {
      nowMs,
      currency: 'USD',
      defaultPorts: { whatsminer: 4028 },
    },
  );
  const tariff = parseTariff({ kind: 'flat', pricePerKwh: 0.05 });
  if (!tariff.ok) throw new Error(tariff.error.join('; '));
  setSiteTariff(t.db, siteId, tariff.value, nowMs);
  // Economics need a network state and a price: stored as a source would have, fresh.
  recordSourceSuccess(t.db, 'network', 'test', NETWORK, nowMs);
  recordSourceSuccess(t.db, 'price', 'test', { USD: 90_000 }, nowMs);
  device = await startEvilWhatsminer(EVIL, 4028, whatsminerSummary({ 'MHS 1m': '-5e6', 'MHS av': '-5e6' }));
});

afterAll(async () => {
  await child?.stop(5_000);
  await device?.close();
  t?.cleanup();
});

/** Sweeps committed so far (the test's own connection; the collector writes through its own). */
const sweepCount = () => t.db.sqlite.prepare('select count(*) from sweeps').pluck().get() as number;

describe('the collector process with an evil rig', () => {
  it('keeps sweeping over several sweeps, then stops cleanly on SIGTERM', async () => {
    child = startChild('collector', COLLECTOR, [], {
      ...process.env,
      HASHWATT_DB: t.path,
      HASHWATT_POLL_INTERVAL_S: '1',
      HASHWATT_REQUEST_TIMEOUT_MS: '500',
      // Sources are refused at once (nothing listens there): the stored network state and price stay.
      HASHWATT_MEMPOOL_URL: 'http://127.0.173.250:9/api',
      HASHWATT_SOURCE_TIMEOUT_MS: '500',
    });
    await child.ready;
    let exitedEarly: string | null = null;
    void child.exited.then((how) => (exitedEarly = how));
    const deadline = Date.now() + 45_000;
    while (sweepCount() < 4 && exitedEarly === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(exitedEarly, 'the collector exited by itself').toBeNull();
    expect(sweepCount()).toBeGreaterThanOrEqual(4);

    const status = t.db.sqlite
      .prepare("select last_error, reading_json from rig_status join rigs on rigs.id = rig_id where rigs.name = 'evil-negative'")
      .get() as {
      last_error: string;
      reading_json: string | null;
    };
    expect(status.last_error).toBe('implausible reading: hashrateThs = -5 (must be >= 0)');
    expect(status.reading_json).toBeNull();
    expect(t.db.sqlite.prepare('select count(*) from samples').pluck().get()).toBe(0);

    expect(await child.stop(10_000)).toBe('exit code 0');
  }, 90_000);
});
