/** The heartbeat row on a real SQLite file: a stop marks only the collector that wrote it. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordCollectorStart, recordCollectorStop } from '../../../lib/db/mutations/collector-heartbeat';
import { getCollectorHeartbeat } from '../../../lib/db/queries/collector-heartbeat';
import { tempDb } from '../../support/temp';

let t: ReturnType<typeof tempDb>;
beforeEach(() => (t = tempDb()));
afterEach(() => t.cleanup());

describe('collector heartbeat', () => {
  it('records a start, and a stop of that same collector only', () => {
    expect(getCollectorHeartbeat(t.db)).toBeNull();
    recordCollectorStart(t.db, { pid: 10, host: 'a', startedAtMs: 100, pollIntervalMs: 10_000 });
    expect(recordCollectorStop(t.db, { pid: 11, host: 'a' }, 'exited (code 1)', 200)).toBe(false);
    expect(getCollectorHeartbeat(t.db)).toEqual({
      pid: 10,
      host: 'a',
      startedAtMs: 100,
      pollIntervalMs: 10_000,
      stoppedAtMs: null,
      stopReason: null,
    });
    expect(recordCollectorStop(t.db, { pid: 10, host: 'a' }, 'exited (signal SIGKILL)', 300)).toBe(true);
    // The first word on its death stays: a later "stopped" of the same process does not overwrite it.
    expect(recordCollectorStop(t.db, { pid: 10, host: 'a' }, 'stopped', 400)).toBe(false);
    expect(getCollectorHeartbeat(t.db)).toMatchObject({ stoppedAtMs: 300, stopReason: 'exited (signal SIGKILL)' });
    recordCollectorStart(t.db, { pid: 12, host: 'a', startedAtMs: 500, pollIntervalMs: 1000 });
    expect(getCollectorHeartbeat(t.db)).toMatchObject({ pid: 12, startedAtMs: 500, stoppedAtMs: null });
  });
});
