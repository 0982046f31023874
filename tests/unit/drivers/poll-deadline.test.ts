/**
 * A poll's deadline in the sweep is the per-request timeout times the requests its driver may send
 * (Driver.maxRequestsPerPoll), on a fake clock: a slow but valid device with many commands is read, a
 * driver that ignores its timeouts is cut at its own bound with a message saying how it is made up, and
 * its I/O is told to stop.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Reading } from '../../../lib/domain/reading';
import { plausibleReading } from '../../support/plausible-reading';
import type { Driver, PollTarget } from '../../../collectors/drivers/types';
import { pollOne, type SweepDeps, type SweepTarget } from '../../../collectors/sweep';

const TIMEOUT_MS = 500;
const READING = plausibleReading();
const RIG: SweepTarget = { id: 7, siteId: 1, name: 'rig-7', address: '10.0.0.5', port: 4028, driver: 'fake', model: null };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function fakeDriver(maxRequestsPerPoll: number, poll: (t: PollTarget) => Promise<Reading>): Driver {
  return { name: 'fake', label: 'Fake', protocol: 'cgminer', defaultPort: 4028, maxRequestsPerPoll, poll };
}

const deps = (driver: Driver): SweepDeps => ({
  getDriver: () => driver,
  now: () => Date.now(),
  requestTimeoutMs: TIMEOUT_MS,
  concurrency: 4,
});

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Runs pollOne and advances the fake clock until it settles; returns the result and the fake time taken. */
async function run(driver: Driver, limitMs = 60_000) {
  const started = Date.now();
  let result: Awaited<ReturnType<typeof pollOne>> | null = null;
  void pollOne(RIG, deps(driver)).then((r) => (result = r));
  while (result === null && Date.now() - started < limitMs) await vi.advanceTimersByTimeAsync(10);
  return { result: result!, ms: Date.now() - started };
}

describe('pollOne deadline', () => {
  it('reads a slow but valid device whose 8 requests each take 90 % of the timeout (7.2 timeouts in all)', async () => {
    const driver = fakeDriver(8, async () => {
      for (let i = 0; i < 8; i++) await sleep(TIMEOUT_MS * 0.9);
      return READING;
    });
    const { result, ms } = await run(driver);
    expect(result).toMatchObject({ rigId: 7, ok: true, reading: READING });
    expect(ms).toBe(8 * TIMEOUT_MS * 0.9);
  });

  it('cuts a driver that ignores its timeouts at its own bound, 2 requests x 500 ms, and aborts its I/O', async () => {
    let signal: AbortSignal | undefined;
    const driver = fakeDriver(2, (t) => {
      signal = t.signal;
      return new Promise<Reading>(() => undefined); // never settles, whatever the signal says
    });
    const { result, ms } = await run(driver);
    expect(result).toMatchObject({
      ok: false,
      error: 'timeout: poll of 10.0.0.5:4028 (fake) did not finish within 1000 ms (2 requests x 500 ms)',
    });
    expect(ms).toBe(1000);
    expect(signal?.aborted).toBe(true);
  });

  it('a one-request driver is cut after one timeout, not six', async () => {
    const driver = fakeDriver(1, () => new Promise<Reading>(() => undefined));
    const { result, ms } = await run(driver);
    expect(result).toMatchObject({
      ok: false,
      error: 'timeout: poll of 10.0.0.5:4028 (fake) did not finish within 500 ms (1 requests x 500 ms)',
    });
    expect(ms).toBe(500);
  });

  it('the sweep signal still aborts a poll at once, reported as the driver reports it', async () => {
    const controller = new AbortController();
    const driver = fakeDriver(
      4,
      (t) => new Promise<Reading>((_, reject) => t.signal?.addEventListener('abort', () => reject(new Error('stopped')))),
    );
    let result: Awaited<ReturnType<typeof pollOne>> | null = null;
    void pollOne(RIG, { ...deps(driver), signal: controller.signal }).then((r) => (result = r));
    await vi.advanceTimersByTimeAsync(100);
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(result).toMatchObject({ ok: false, error: 'unexpected: stopped' });
  });
});
