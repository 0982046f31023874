/** The per-(rule, subject) state machine on its own, step by step with literal times (ms). */
import { describe, expect, it } from 'vitest';
import { inactiveState, resolve, step, type AlertState, type StepEvent } from '../../../lib/alerts';

const KEY = 'temp-high:rig:7';
const timing = { forMs: 100, clearForMs: 50 };
const hot = { breached: true, value: 90, detail: 'hot' };
const cool = { breached: false, value: 70, detail: 'cool' };

/** Steps through [time, observation] pairs; returns each phase and every event. */
function walk(steps: [number, typeof hot][], t = timing, from: AlertState = inactiveState(KEY)) {
  let state = from;
  const phases: string[] = [];
  const events: StepEvent[] = [];
  for (const [nowMs, obs] of steps) {
    const out = step(state, obs, nowMs, t);
    state = out.state;
    phases.push(state.phase);
    events.push(...out.events);
  }
  return { phases, events, state };
}

describe('step', () => {
  it.each([
    ['a breach opens pending', [[0, hot]], ['pending'], 0],
    [
      'pending that clears before forMs goes back to inactive without an event',
      [
        [0, hot],
        [60, cool],
      ],
      ['pending', 'inactive'],
      0,
    ],
    [
      'pending for forMs fires',
      [
        [0, hot],
        [99, hot],
        [100, hot],
      ],
      ['pending', 'pending', 'firing'],
      1,
    ],
    [
      'firing holds through a clear shorter than clearForMs',
      [
        [0, hot],
        [100, hot],
        [110, cool],
        [159, cool],
        [160, hot],
      ],
      ['pending', 'firing', 'firing', 'firing', 'firing'],
      1,
    ],
    [
      'firing resolves after clearForMs of clear',
      [
        [0, hot],
        [100, hot],
        [110, cool],
        [160, cool],
      ],
      ['pending', 'firing', 'firing', 'resolved'],
      2,
    ],
    [
      'resolved then clear is inactive',
      [
        [0, hot],
        [100, hot],
        [110, cool],
        [160, cool],
        [170, cool],
      ],
      ['pending', 'firing', 'firing', 'resolved', 'inactive'],
      2,
    ],
  ] as [string, [number, typeof hot][], string[], number][])('%s', (_name, steps, phases, eventCount) => {
    const out = walk(steps);
    expect(out.phases).toEqual(phases);
    expect(out.events).toHaveLength(eventCount);
  });

  it('firing and its resolved carry the same id, built from the time the breach began', () => {
    const { events } = walk([
      [1000, hot],
      [1100, hot],
      [1200, cool],
      [1250, cool],
    ]);
    expect(events).toEqual([
      { kind: 'firing', alertId: 'temp-high:rig:7:1000', atMs: 1100, value: 90, detail: 'hot' },
      { kind: 'resolved', alertId: 'temp-high:rig:7:1000', atMs: 1250, value: 70, detail: 'cool', reason: 'cleared' },
    ]);
  });

  it('the next breach after a resolve is a new alert with a new id', () => {
    const { events } = walk([
      [0, hot],
      [100, hot],
      [150, cool],
      [200, cool],
      [300, hot],
      [400, hot],
    ]);
    expect(events.map((e) => `${e.kind} ${e.alertId}`)).toEqual([
      'firing temp-high:rig:7:0',
      'resolved temp-high:rig:7:0',
      'firing temp-high:rig:7:300',
    ]);
  });

  it('forMs 0 fires on the first breach; clearForMs 0 resolves on the first clear', () => {
    const { phases, events } = walk(
      [
        [5, hot],
        [6, cool],
      ],
      { forMs: 0, clearForMs: 0 },
    );
    expect(phases).toEqual(['firing', 'resolved']);
    expect(events.map((e) => [e.kind, e.atMs, e.alertId])).toEqual([
      ['firing', 5, 'temp-high:rig:7:5'],
      ['resolved', 6, 'temp-high:rig:7:5'],
    ]);
  });

  it('a breach inside the clear window restarts it', () => {
    const { phases } = walk([
      [0, hot],
      [100, hot],
      [110, cool],
      [150, hot],
      [160, cool],
      [200, cool],
      [210, cool],
    ]);
    expect(phases).toEqual(['pending', 'firing', 'firing', 'firing', 'firing', 'firing', 'resolved']);
  });

  it('resolve refuses a state that is not firing, naming the key', () => {
    expect(() => resolve(inactiveState(KEY), 0, 'maintenance', cool)).toThrow('resolve: alert temp-high:rig:7 is inactive, not firing');
  });
});
