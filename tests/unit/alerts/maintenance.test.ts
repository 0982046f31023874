/** Maintenance mode silences a rig: no pending, no firing; a firing alert resolves at once as "maintenance". */
import { describe, expect, it } from 'vitest';
import { evaluateAlerts } from '../../../lib/alerts';
import { at, healthyRig, input, minutes, rigWith, runSweeps, settings, story } from './fixtures';

const hot = rigWith({ tempMaxC: 95 });
const other = rigWith({ tempMaxC: 95 }, { id: 2, name: 'baie-comeau-a02' });

describe('maintenance mode', () => {
  it('a rig overheating since 09:00 fires at 09:02; put in maintenance at 09:10 it resolves then, as "maintenance"', () => {
    const before = runSweeps(minutes('09:00', '09:09').map((t) => input(t, { rigs: [hot] })));
    const during = runSweeps(
      minutes('09:10', '10:00').map((t) => input(t, { rigs: [hot] })),
      settings({ maintenanceRigIds: [1] }),
      before.states,
    );
    expect(story([...before.events, ...during.events])).toEqual([
      '09:02 firing temp-high rig 1',
      '09:10 resolved temp-high rig 1 (maintenance)',
    ]);
    expect(during.events[0]).toMatchObject({ alertId: `temp-high:rig:1:${at('09:00')}`, detail: 'rig in maintenance' });
    expect(during.states.size).toBe(0);
  });

  it('a rig taken offline for maintenance never alerts, while another rig at the same site does', () => {
    const down = healthyRig({ connectivity: 'offline' });
    const { events } = runSweeps(
      minutes('09:00', '09:30').map((t) => input(t, { rigs: [down, other] })),
      settings({ maintenanceRigIds: [1] }),
    );
    expect(story(events)).toEqual(['09:02 firing temp-high rig 2']);
  });

  it('a pending alert is dropped silently when maintenance starts, and the window starts over afterwards', () => {
    const first = runSweeps([input(at('09:00'), { rigs: [hot] })]);
    expect(first.states.get('temp-high:rig:1')?.phase).toBe('pending');
    const paused = evaluateAlerts(first.states, input(at('09:01'), { rigs: [hot] }), settings({ maintenanceRigIds: [1] }));
    expect(paused).toEqual({ states: new Map(), events: [] });
    const after = runSweeps(
      minutes('09:05', '09:08').map((t) => input(t, { rigs: [hot] })),
      settings(),
      paused.states,
    );
    expect(story(after.events)).toEqual(['09:07 firing temp-high rig 1']);
  });
});
