/** The queue's noise control, as stories: grouping by site, cooldown, quiet hours and retries. */
import { describe, expect, it } from 'vitest';
import { planDeliveries, type QueuedDelivery } from '../../../lib/notify/plan';

const T0 = Date.UTC(2026, 10, 24, 12, 0, 0);
const policy = { groupWaitMs: 30_000, cooldownMs: 120_000 };
const d = (id: number, groupKey: string, createdAtMs: number, attempts = 0, channelId = 1): QueuedDelivery => ({
  id,
  channelId,
  groupKey,
  createdAtMs,
  attempts,
});
const never = () => null;
const open = new Map([
  [1, {}],
  [2, {}],
]);

describe('planDeliveries', () => {
  it("waits 30 s after the first alert of a site, then sends that site's alerts together", () => {
    const due = [d(1, 'site:1', T0), d(2, 'site:1', T0 + 10_000), d(3, 'site:2', T0 + 5_000)];
    expect(planDeliveries(due, open, never, policy, T0 + 20_000).map((a) => a.kind)).toEqual(['wait', 'wait']);
    const at30 = planDeliveries(due, open, never, policy, T0 + 30_000);
    expect(at30).toEqual([
      { kind: 'send', channelId: 1, groupKey: 'site:1', deliveryIds: [1, 2] },
      { kind: 'wait', channelId: 1, groupKey: 'site:2', deliveryIds: [3], why: 'grouping' },
    ]);
  });

  it('holds a group notified less than the cooldown ago, then sends what came in between at once', () => {
    const due = [d(4, 'site:1', T0), d(5, 'site:1', T0 + 1_000)];
    const lastSent = () => T0 - 60_000;
    expect(planDeliveries(due, open, lastSent, policy, T0 + 40_000)[0]).toMatchObject({ kind: 'wait', why: 'cooldown' });
    expect(planDeliveries(due, open, lastSent, policy, T0 + 60_000)[0]).toMatchObject({ kind: 'send', deliveryIds: [4, 5] });
  });

  it('does not hold messages for hours when the clock went back past the last notification', () => {
    expect(planDeliveries([d(6, 'site:1', T0 - 60_000)], open, () => T0 + 3_600_000, policy, T0)[0]).toMatchObject({ kind: 'send' });
  });

  it('keeps groups of different channels apart', () => {
    const due = [d(1, 'site:1', T0, 0, 1), d(2, 'site:1', T0, 0, 2)];
    expect(planDeliveries(due, open, never, policy, T0 + 30_000).map((a) => [a.kind, a.channelId, a.deliveryIds])).toEqual([
      ['send', 1, [1]],
      ['send', 2, [2]],
    ]);
  });

  it('sends a retry as soon as it is due, ignoring grouping and cooldown', () => {
    expect(planDeliveries([d(7, 'fleet', T0, 2)], open, () => T0, policy, T0 + 1)[0]).toMatchObject({ kind: 'send', deliveryIds: [7] });
  });

  it('defers a channel in quiet hours to the end of them (local time of the channel)', () => {
    // 12:00 UTC is 13:00 in Berlin (CET in November): quiet 12:30-14:00 ends 13:00 UTC.
    const channels = new Map([[1, { quietHours: { start: '12:30', end: '14:00', timeZone: 'Europe/Berlin' } }]]);
    expect(planDeliveries([d(1, 'site:1', T0 - 60_000)], channels, never, policy, T0)).toEqual([
      { kind: 'defer', channelId: 1, groupKey: 'site:1', deliveryIds: [1], untilMs: Date.UTC(2026, 10, 24, 13, 0, 0), why: 'quiet hours' },
    ]);
  });

  it('leaves deliveries of a disabled or removed channel untouched', () => {
    expect(planDeliveries([d(1, 'site:1', T0, 0, 9)], open, never, policy, T0 + 60_000)).toEqual([]);
  });
});
