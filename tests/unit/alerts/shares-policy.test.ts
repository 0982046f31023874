/** The no-shares tracker and the notification policy. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTIFY_POLICY, parseNotifyPolicy } from '../../../lib/alerts/policy';
import { trackShares } from '../../../lib/alerts/shares';

const rig = (id: number, ...accepted: number[]) => ({ id, reading: { pools: accepted.map((a) => ({ accepted: a })) } });

describe('trackShares', () => {
  it('takes a baseline at first sight, moves on a rise, keeps the time on a counter reset or an offline rig', () => {
    let seen = trackShares(new Map(), [rig(1, 10, 5), rig(2)], 1_000);
    expect([...seen]).toEqual([[1, { accepted: 15, atMs: 1_000 }]]); // rig 2 has no pools: not tracked
    seen = trackShares(seen, [rig(1, 10, 5)], 2_000);
    expect(seen.get(1)).toEqual({ accepted: 15, atMs: 1_000 });
    seen = trackShares(seen, [rig(1, 11, 5)], 3_000);
    expect(seen.get(1)).toEqual({ accepted: 16, atMs: 3_000 });
    seen = trackShares(seen, [rig(1, 0)], 4_000); // miner restarted
    expect(seen.get(1)).toEqual({ accepted: 0, atMs: 3_000 });
    seen = trackShares(seen, [{ id: 1, reading: null }], 5_000);
    expect(seen.get(1)).toEqual({ accepted: 0, atMs: 3_000 });
    expect(trackShares(seen, [], 6_000).size).toBe(0); // removed rig
  });
});

describe('parseNotifyPolicy', () => {
  it('applies a partial policy over the current one', () => {
    expect(parseNotifyPolicy({ cooldownMs: 0 })).toEqual({ ok: true, value: { ...DEFAULT_NOTIFY_POLICY, cooldownMs: 0 } });
  });
  it('names unknown fields and bad values', () => {
    expect(parseNotifyPolicy({ renotifyMs: -1, snooze: 1 })).toEqual({
      ok: false,
      error: ['renotifyMs must be 0 or more milliseconds', 'unknown field snooze (known: groupWaitMs, cooldownMs, renotifyMs)'],
    });
    expect(parseNotifyPolicy('often')).toEqual({ ok: false, error: ['the policy must be a JSON object'] });
  });
});
