import { describe, expect, it } from 'vitest';
import { audienceOfAlerts, mayReceive, type PushSubscriber } from '../../../lib/notify/audience';

const north: PushSubscriber = { role: 'viewer', siteIds: [1], disabled: false };
const both: PushSubscriber = { role: 'operator', siteIds: [1, 2], disabled: false };
const every: PushSubscriber = { role: 'viewer', siteIds: null, disabled: false };
const gone: PushSubscriber = { role: 'admin', siteIds: null, disabled: true };

describe('who receives a push', () => {
  it.each([
    ["a site's alert", { siteId: 1 }, [true, true, true, false]],
    ["another site's alert", { siteId: 2 }, [false, true, true, false]],
    ['a fleet-wide alert', 'fleet', [false, false, true, false]],
    ['a message about no site (a test)', 'everyone', [true, true, true, false]],
    ['a notification that names no audience', undefined, [false, false, true, false]],
  ] as const)('%s', (_what, audience, expected) => {
    expect([north, both, every, gone].map((s) => mayReceive(s, audience))).toEqual(expected);
  });

  it("a group of one site's alerts is for that site; mixed or fleet-wide ones for the fleet", () => {
    expect(audienceOfAlerts([3, 3])).toEqual({ siteId: 3 });
    expect(audienceOfAlerts([3, 4])).toBe('fleet');
    expect(audienceOfAlerts([null])).toBe('fleet');
    expect(audienceOfAlerts([3, null])).toBe('fleet');
    expect(audienceOfAlerts([])).toBe('fleet');
  });
});
