/**
 * A slow device costs only its own time: a sweep waits for its polls until all have started and one
 * request timeout and a fifth more have passed; a poll still running then is a straggler whose result is
 * handed to the next sweep, and its rig is not polled again while it runs. Fake drivers, real timers.
 */
import { describe, expect, it } from 'vitest';
import type { Driver } from '../../../collectors/drivers/types';
import { createPollPool, stragglerGraceMs } from '../../../collectors/poll-pool';
import type { SweepDeps, SweepTarget } from '../../../collectors/sweep';
import type { Reading } from '../../../lib/domain/reading';
import { plausibleReading } from '../../support/plausible-reading';

const TIMEOUT_MS = 100;
const reading = (driver: string): Reading => plausibleReading({ driver, tempMaxC: 60, uptimeS: 100 });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A driver answering after `delayMs`, counting its polls. */
function fakeDriver(name: string, delayMs: number, maxRequestsPerPoll = 8) {
  const driver: Driver & { polls: number } = {
    name,
    label: name,
    protocol: 'cgminer',
    defaultPort: 4028,
    maxRequestsPerPoll,
    polls: 0,
    async poll() {
      driver.polls++;
      await sleep(delayMs);
      return reading(name);
    },
  };
  return driver;
}

const target = (id: number, driver: string): SweepTarget => ({
  id,
  siteId: 1,
  name: `rig-${id}`,
  address: '10.0.0.1',
  port: 4028,
  driver,
  model: null,
});

function depsFor(drivers: Driver[], concurrency = 8): SweepDeps {
  const byName = new Map(drivers.map((d) => [d.name, d]));
  return { getDriver: (n) => byName.get(n)!, now: Date.now, requestTimeoutMs: TIMEOUT_MS, concurrency };
}

describe('poll pool', () => {
  it('the grace is one request timeout and a fifth', () => {
    expect(stragglerGraceMs(3000)).toBe(3600);
    expect(stragglerGraceMs(100)).toBe(120);
  });

  it('writes the fast rigs without waiting for a slow one, and hands the slow one to the next sweep', async () => {
    const fast = fakeDriver('fast', 10);
    const slow = fakeDriver('slow', 400); // 4 timeouts: valid, within its 8-request deadline
    const deps = depsFor([fast, slow]);
    const pool = createPollPool();
    const targets = [target(1, 'fast'), target(2, 'fast'), target(3, 'slow')];

    const first = await pool.sweep(targets, deps);
    expect(first.results.map((r) => r.rigId).sort()).toEqual([1, 2]);
    expect(first.durationMs).toBeLessThan(400); // not held back by the slow rig
    expect([...pool.running()]).toEqual([3]);

    const second = await pool.sweep(targets, deps); // while rig 3's poll still runs: not polled again
    expect(slow.polls).toBe(1);
    expect(second.results.map((r) => r.rigId).sort()).toEqual([1, 2]);

    await sleep(400);
    const third = await pool.sweep(targets, deps);
    const slowResult = third.results.find((r) => r.rigId === 3);
    expect(slowResult).toMatchObject({ ok: true, reading: { driver: 'slow' } });
    expect(third.results.filter((r) => r.rigId === 3)).toHaveLength(1);
    expect(fast.polls).toBe(6);
  });

  it('waits for every poll when all finish within the grace', async () => {
    const a = fakeDriver('a', 20);
    const b = fakeDriver('b', 90); // under one timeout: part of its own sweep
    const record = await createPollPool().sweep([target(1, 'a'), target(2, 'b')], depsFor([a, b]));
    expect(record.results.map((r) => r.rigId).sort()).toEqual([1, 2]);
  });

  it('counts the grace from the last poll started, so a fleet larger than the concurrency is not cut short', async () => {
    const d = fakeDriver('d', 60);
    const targets = Array.from({ length: 6 }, (_, i) => target(i + 1, 'd'));
    // 2 at a time: three waves of 60 ms = 180 ms, longer than the 120 ms grace, all in this sweep.
    const record = await createPollPool().sweep(targets, depsFor([d], 2));
    expect(record.results).toHaveLength(6);
  });
});
