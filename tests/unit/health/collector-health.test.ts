/** The health verdict from the heartbeat and the last sweep, as scenarios on a fixed clock. */
import { describe, expect, it } from 'vitest';
import { assessCollector, type CollectorHeartbeat } from '../../../lib/health/collector-health';

const NOW = 1_000_000;
const beat = (over: Partial<CollectorHeartbeat> = {}): CollectorHeartbeat => ({
  pid: 42,
  host: 'rack-1',
  startedAtMs: NOW - 60_000,
  pollIntervalMs: 10_000,
  stoppedAtMs: null,
  stopReason: null,
  ...over,
});
const judge = (heartbeat: CollectorHeartbeat | null, lastSweepEndMs: number | null) =>
  assessCollector({ nowMs: NOW, heartbeat, lastSweepEndMs, fallbackPollIntervalMs: 5_000 });

describe('assessCollector', () => {
  it('is ok while the last sweep is at most 3 of the collector’s poll intervals old', () => {
    expect(judge(beat(), NOW - 30_000)).toEqual({ ok: true, state: 'running', reason: null, lastSweepAgeMs: 30_000 });
  });

  it('is down when the last sweep is older than 3 poll intervals: not running, or cannot write', () => {
    expect(judge(beat(), NOW - 30_001)).toEqual({
      ok: false,
      state: 'stalled',
      reason: 'last sweep stored 30 s ago, more than 3 poll intervals of 10 s: no collector runs, or it cannot write (disk full?)',
      lastSweepAgeMs: 30_001,
    });
  });

  it('uses its own poll interval for a database whose collector wrote no heartbeat', () => {
    expect(judge(null, NOW - 14_000).ok).toBe(true);
    expect(judge(null, NOW - 16_000)).toMatchObject({
      ok: false,
      state: 'stalled',
      reason: expect.stringContaining('3 poll intervals of 5 s'),
    });
  });

  it('says "collector starting" until the first sweep after a (re)start, then stalled when it never comes', () => {
    expect(judge(beat({ startedAtMs: NOW - 2_000 }), NOW - 90_000)).toEqual({
      ok: false,
      state: 'starting',
      reason: 'collector starting (started 2 s ago, no sweep stored yet)',
      lastSweepAgeMs: 90_000,
    });
    expect(judge(beat({ startedAtMs: NOW - 2_000 }), null).state).toBe('starting');
    expect(judge(beat({ startedAtMs: NOW - 45_000 }), null)).toMatchObject({
      state: 'stalled',
      reason: 'collector started 45 s ago and has stored no sweep since (more than 3 poll intervals of 10 s)',
    });
  });

  it('is down at once when the collector stopped or died, whatever the age of the last sweep', () => {
    expect(judge(beat({ stoppedAtMs: NOW - 1_000, stopReason: 'exited (signal SIGKILL)' }), NOW - 1_500)).toEqual({
      ok: false,
      state: 'stopped',
      reason: 'collector exited (signal SIGKILL) 1 s ago; no collector runs',
      lastSweepAgeMs: 1_500,
    });
  });

  it('is down on a database no collector has written to', () => {
    expect(judge(null, null)).toEqual({
      ok: false,
      state: 'never-ran',
      reason: 'no collector has run on this database yet',
      lastSweepAgeMs: null,
    });
  });
});
