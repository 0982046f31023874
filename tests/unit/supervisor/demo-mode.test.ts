/** When start runs the demo, as a table: the setting and what the database holds. */
import { describe, expect, it } from 'vitest';
import { decideDemo } from '../../../bin/supervisor/demo-mode';

describe('decideDemo', () => {
  it.each([
    // setting, demo rigs, real rigs, removed, on
    ['auto', 0, 0, null, true], // a fresh install shows the demo
    ['auto', 48, 0, null, true],
    ['auto', 48, 3, null, true], // real rigs added: the demo keeps running (it used to switch off silently)
    ['auto', 0, 3, null, false],
    ['auto', 0, 0, 1000, false], // removed: it does not come back by itself
    ['auto', 0, 3, 1000, false],
    ['on', 0, 3, 1000, true],
    ['off', 48, 0, null, false],
    ['off', 0, 0, null, false],
  ] as const)('%s with %d demo and %d real rigs (removed at %s): on = %s', (setting, demoRigs, realRigs, removedAtMs, on) => {
    expect(decideDemo(setting, { demoRigs, realRigs, removedAtMs }).on).toBe(on);
  });

  it('says so when demo and real rigs run side by side, and how to keep or remove the demo', () => {
    expect(decideDemo('auto', { demoRigs: 48, realRigs: 1, removedAtMs: null }).lines).toEqual([
      "demo: 48 demo rigs keep running beside your 1 real rig, and the demo's made-up network and price data are used unless you set a source " +
        '(Settings → Network). Keep them, or remove them and their history with `npx hashwatt demo remove`; HASHWATT_DEMO=0 stops the simulator and leaves them offline',
    ]);
    expect(decideDemo('auto', { demoRigs: 48, realRigs: 0, removedAtMs: null }).lines).toEqual([]);
  });

  it('says what an explicit HASHWATT_DEMO=0 leaves behind', () => {
    expect(decideDemo('off', { demoRigs: 48, realRigs: 2, removedAtMs: null }).lines).toEqual([
      'demo off (HASHWATT_DEMO=0): its 48 rigs stay registered and show offline; remove them and their history with `npx hashwatt demo remove`',
    ]);
  });
});
