/** The rig events timeline's reading of GET /api/rigs/{id}/events: newest first, malformed entries left out. */
import { describe, expect, it } from 'vitest';
import { EVENT_KIND_META, parseRigEvents } from '../../../app/components/rig-detail/rig-events';

describe('rig events reply', () => {
  it('keeps well-formed events, newest first', () => {
    const events = parseRigEvents({
      events: [
        { tsMs: 1_000, kind: 'state', title: 'Went offline', detail: 'no answer for 3 polls' },
        { tsMs: 3_000, kind: 'alert-resolved', title: 'Hot board resolved', detail: '' },
        { tsMs: 2_000, kind: 'restart', title: 'Restarted', detail: 'uptime went from 3 d to 12 s' },
      ],
    });
    expect(events.map((e) => [e.tsMs, e.kind, e.title])).toEqual([
      [3_000, 'alert-resolved', 'Hot board resolved'],
      [2_000, 'restart', 'Restarted'],
      [1_000, 'state', 'Went offline'],
    ]);
    expect(events[2].detail).toBe('no answer for 3 polls');
  });

  it('shows a kind it does not know as a plain event, and leaves out entries with no time or title', () => {
    const events = parseRigEvents({
      events: [
        { tsMs: 5, kind: 'firmware-upgrade', title: 'Firmware 2.1', detail: 7 },
        { tsMs: 'yesterday', kind: 'state', title: 'x', detail: '' },
        { tsMs: 4, kind: 'state', title: '', detail: '' },
        null,
        { tsMs: 3, kind: 'alert-firing', title: 'Rig offline' },
      ],
    });
    expect(events).toEqual([
      { tsMs: 5, kind: 'other', title: 'Firmware 2.1', detail: '' },
      { tsMs: 3, kind: 'alert-firing', title: 'Rig offline', detail: '' },
    ]);
    expect(EVENT_KIND_META[events[0].kind].label).toBe('Event');
  });

  it('reads an error reply or garbage as no events', () => {
    expect(parseRigEvents({ ok: false, error: 'no rig with id 9' })).toEqual([]);
    expect(parseRigEvents('<html>')).toEqual([]);
    expect(parseRigEvents(null)).toEqual([]);
  });
});
