/**
 * One slow device costs only its own time: a sweep of a simulated fleet (127.0.131.x, real TCP and HTTP)
 * plus a slow but valid Braiins miner (real captures, each of its 8 replies after 80 % of the request
 * timeout) and a device that trickles one byte every 100 ms forever. The trickler fails with what happened
 * and every fast rig's result is written after one straggler grace (request timeout and a fifth), not held
 * back by the slow miner; the slow miner is read within its own bound (request timeout x its requests),
 * never polled twice at once, and its reading goes with a later sweep. Bounds are generous: this proves
 * "bounded", not "fast".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDriver } from '../../../collectors/drivers';
import { startSimulator, type RunningSimulator } from '../../../collectors/simulator/simulator';
import { createPollPool, stragglerGraceMs } from '../../../collectors/poll-pool';
import type { PollResult } from '../../../lib/domain/sweep-record';
import type { SweepTarget } from '../../../collectors/sweep';
import { fixtureText } from '../../support/driver-fixtures';
import { startEvilDevice, type EvilDevice } from '../../support/evil-devices';

const TIMEOUT_MS = 3000;
/** Above 75 % of the timeout, so 8 replies outlast the old fixed 6-timeout deadline; 600 ms spare each for a busy machine. */
const SLOW_REPLY_MS = 2400;
/** The Braiins driver sends at most 8 requests (summary and 7 optional commands): its poll's bound. */
const BRAIINS_BOUND_MS = 8 * TIMEOUT_MS;
const BRAIINS_CAPTURES: Record<string, string> = {
  summary: 'braiins-bosplus-s9-summary.json',
  version: 'braiins-bosplus-s9-version.json',
  devs: 'braiins-bosplus-s9-devs.json',
  pools: 'braiins-bosplus-s9-pools.json',
  fans: 'braiins-bosplus-s9-fans.json',
  temps: 'braiins-bosplus-s9-temps.json',
};
const INVALID = '{"STATUS":[{"STATUS":"E","When":1,"Code":14,"Msg":"Invalid command","Description":"BOSminer+ 0.2.0"}],"id":1}';

let sim: RunningSimulator;
let slow: EvilDevice;
let trickler: EvilDevice;
const fleet: SweepTarget[] = [];

beforeAll(async () => {
  sim = await startSimulator({ miners: 16, subnet: '127.0.131', httpPort: null, seed: 9, faults: false });
  sim.manifest.rigs.forEach((r, i) =>
    fleet.push({ id: i + 1, siteId: 1, name: r.name, address: r.address, port: r.port, driver: r.driver, model: r.model }),
  );
  slow = await startEvilDevice({
    kind: 'slow',
    delayMs: SLOW_REPLY_MS,
    respond: (request) => {
      const name = BRAIINS_CAPTURES[String((JSON.parse(request) as { command?: unknown }).command)];
      return `${name ? fixtureText(name) : INVALID}\u0000`;
    },
  });
  trickler = await startEvilDevice({ kind: 'trickle', reply: fixtureText('antminer-s19pro-stats.json'), everyMs: 100 });
});
afterAll(async () => {
  await sim?.stop();
  await slow?.close();
  await trickler?.close();
});

describe('a sweep with one slow but valid device', () => {
  it('writes the fleet after one grace, reports the trickler, and reads the slow miner with a later sweep', async () => {
    const targets: SweepTarget[] = [
      ...fleet,
      { id: 101, siteId: 1, name: 'slow-bos', address: slow.address, port: slow.port, driver: 'braiins', model: null },
      { id: 102, siteId: 1, name: 'trickler', address: trickler.address, port: trickler.port, driver: 'antminer', model: null },
    ];
    const pool = createPollPool();
    const deps = { getDriver, now: Date.now, requestTimeoutMs: TIMEOUT_MS, concurrency: 64 };
    const first = await pool.sweep(targets, deps);
    const byId = new Map(first.results.map((r) => [r.rigId, r]));

    for (const rig of fleet) expect(byId.get(rig.id), rig.name).toMatchObject({ ok: true });
    expect(byId.get(102)).toMatchObject({
      ok: false,
      error: expect.stringMatching(
        new RegExp(
          `^timeout: reply to "stats" from 127\\.0\\.0\\.1:${trickler.port} incomplete after ${TIMEOUT_MS} ms \\(\\d+ bytes received\\)$`,
        ),
      ),
    });
    expect(byId.has(101)).toBe(false); // still being read: a straggler, not a failure
    expect(first.durationMs).toBeLessThanOrEqual(stragglerGraceMs(TIMEOUT_MS) + 1000); // scheduling slack
    expect(pool.running().has(101)).toBe(true);

    // Later sweeps, as the collector runs them: the slow rig is not polled again while its poll runs.
    let slowResult: PollResult | undefined;
    while (!slowResult && Date.now() - first.startedAtMs < BRAIINS_BOUND_MS + 5000) {
      await new Promise((r) => setTimeout(r, 2000));
      const before = slow.requests.length;
      const wasRunning = pool.running().has(101);
      const next = await pool.sweep(targets, deps);
      slowResult = next.results.find((r) => r.rigId === 101);
      if (!slowResult) expect(wasRunning && pool.running().has(101)).toBe(true);
      else expect(before).toBe(8); // exactly one poll of 8 requests (summary and 7 optional commands)
    }
    // Slow but valid: 8 replies x 2.4 s = 19.2 s, more than 6 timeouts (the old fixed deadline), less than its own 8.
    expect(slowResult).toMatchObject({ ok: true, reading: { driver: 'braiins' } });
    expect(slowResult!.tsMs - first.startedAtMs).toBeGreaterThanOrEqual(8 * SLOW_REPLY_MS);
    expect(slowResult!.tsMs - first.startedAtMs).toBeLessThanOrEqual(BRAIINS_BOUND_MS + 1000);
  }, 60_000);
});
