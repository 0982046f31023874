/**
 * The simulated Braiins OS, LuxOS and Vnish replies have the real envelopes: the keys of the captured
 * replies in the same order with the same value types, sorted keys where the firmware sorts them, and
 * values that agree with the miner's state.
 */
import { describe, expect, it } from 'vitest';
import { fixtureText } from '../../support/driver-fixtures';
import { planFleet } from '../../../collectors/simulator/fleet-plan';
import { minerStateAt } from '../../../collectors/simulator/miner-state';
import { replyObject, replyText } from '../../../collectors/simulator/respond';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const SEED = 5;
const T = Date.UTC(2025, 5, 1, 12, 0, 0) + 250;
const WHEN = Math.floor(T / 1000);
const [BRAIINS, , LUXOS, , VNISH] = planFleet({ miners: 6, mix: ['braiins-s19jpro', 'luxos-s19xp', 'vnish-s19'] });
const capture = (name: string): Json => JSON.parse(fixtureText(name));
const ask = (rig: typeof BRAIINS, command: string): Json => replyObject(JSON.stringify({ command }), rig, SEED, T) as Json;
const state = (rig: typeof BRAIINS) => minerStateAt(rig, SEED, T);

/** Key order and JS value types of an object. */
function shape(obj: Json): Array<[string, string]> {
  return Object.entries(obj).map(([k, v]) => [k, Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v]);
}

/** True when every object inside `v` lists its keys in sorted order. */
function keysSorted(v: unknown): boolean {
  if (Array.isArray(v)) return v.every(keysSorted);
  if (v === null || typeof v !== 'object') return true;
  const keys = Object.keys(v);
  return keys.join('\u0000') === [...keys].sort().join('\u0000') && Object.values(v).every(keysSorted);
}

describe('Braiins OS (BOSer) replies', () => {
  it.each([
    ['summary', 'braiins-bosplus-s9-summary.json', 'SUMMARY'],
    ['devs', 'braiins-bosplus-s9-devs.json', 'DEVS'],
    ['pools', 'braiins-bosplus-s9-pools.json', 'POOLS'],
    ['fans', 'braiins-bosplus-s9-fans.json', 'FANS'],
    ['temps', 'braiins-bosplus-s9-temps.json', 'TEMPS'],
  ])('%s has the capture envelope and row shape (sorted keys, numbers as numbers)', (command, file, section) => {
    const real = capture(file);
    const sim = ask(BRAIINS, command);
    expect(Object.keys(sim)).toEqual(Object.keys(real));
    expect(shape(sim.STATUS[0])).toEqual(shape(real.STATUS[0]));
    expect(sim.STATUS[0]).toMatchObject({
      STATUS: 'S',
      When: WHEN,
      Code: real.STATUS[0].Code,
      Description: 'BOSer boser-openwrt 0.1.0-26ba61b9',
    });
    for (const row of sim[section]) expect(shape(row)).toEqual(shape(real[section][0]));
    expect(keysSorted(sim[section])).toBe(true);
  });

  it('MH/s values, chain IDs 1..3 and epoch share times agree with the miner state', () => {
    const s = state(BRAIINS);
    const summary = ask(BRAIINS, 'summary').SUMMARY[0];
    expect(summary['MHS 1m'] / 1e6).toBeCloseTo(s.hashrate1mThs, 9);
    expect(summary['MHS 5s'] / 1e6).toBeCloseTo(s.hashrateThs, 9);
    const devs = ask(BRAIINS, 'devs').DEVS;
    expect(devs.map((d: Json) => [d.ASC, d.ID])).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
    expect(devs[0]['Last Share Time']).toBe(WHEN - s.lastShareAgoS);
    expect(ask(BRAIINS, 'pools').POOLS[0]['Last Share Time']).toBe(WHEN - s.lastShareAgoS);
    expect(Math.max(...ask(BRAIINS, 'temps').TEMPS.map((t: Json) => t.Chip))).toBe(s.tempMaxC);
    expect(ask(BRAIINS, 'tunerstatus').TUNERSTATUS[0].ApproximateMinerPowerConsumption).toBe(Math.round(s.powerW));
    expect(ask(BRAIINS, 'devdetails').DEVDETAILS.map((d: Json) => d.Model)).toEqual(Array(3).fill('Bitmain Antminer S19j Pro'));
  });

  it('version names BOSer like the BOSminer+ capture names BOSminer+', () => {
    const real = capture('braiins-bosplus-s9-version.json');
    const sim = ask(BRAIINS, 'version');
    expect(Object.keys(sim)).toEqual(Object.keys(real));
    expect(Object.keys(sim.VERSION[0])).toEqual(['API', 'BOSer']);
    expect(sim.VERSION[0].API).toBe(real.VERSION[0].API);
  });

  it('answers a request that is not JSON exactly like the BOSer Code 23 capture (once complete)', () => {
    const real = JSON.parse(`${fixtureText('braiins-boser-s9-error-invalid-json.truncated.json')},"id":1}`) as Json;
    const sim = replyObject('summary', BRAIINS, SEED, T) as Json;
    expect({ ...sim, STATUS: [{ ...sim.STATUS[0], When: 0 }] }).toEqual({ ...real, STATUS: [{ ...real.STATUS[0], When: 0 }] });
  });
});

describe('LuxOS replies', () => {
  it('an unknown command gives the Code 14 capture byte for byte (but the time)', () => {
    const real = fixtureText('luxos-error-invalid-command.json').replace(/"When":\d+/, `"When":${WHEN}`);
    expect(replyText('{"command":"frobnicate"}', LUXOS, SEED, T)).toBe(real);
  });

  it.each(['version', 'summary', 'stats', 'pools', 'power', 'fans', 'temps', 'nonsense'])('%s has sorted keys everywhere', (command) => {
    const sim = ask(LUXOS, command);
    expect(keysSorted(sim)).toBe(true);
    expect(sim.STATUS[0].Description).toBe('LUXminer 2026.4.3.192353-6ab4e5077');
  });

  it('GHS 5s, POWER watts and TEMPS corners agree with the miner state', () => {
    const s = state(LUXOS);
    expect(ask(LUXOS, 'summary').SUMMARY[0]['GHS 5s'] / 1000).toBeCloseTo(s.hashrateThs, 4);
    expect(ask(LUXOS, 'stats').STATS[1]).toMatchObject({ rate_unit: 'GH', total_rateideal: 140000 });
    expect(ask(LUXOS, 'power').POWER[0].Watts).toBe(Math.round(s.powerW));
    const corners = ask(LUXOS, 'temps').TEMPS.flatMap((t: Json) => [t.TopLeft, t.TopRight, t.BottomLeft, t.BottomRight]);
    expect(Math.max(...corners)).toBe(s.tempMaxC);
    expect(ask(LUXOS, 'version').VERSION[0]).toMatchObject({ LUXminer: '2026.4.3.192353-6ab4e5077', Type: 'Antminer S19 XP' });
  });
});

describe('Vnish replies', () => {
  it('stats has the Vnish S17+ capture keys in the capture order with the same value types', () => {
    const real = capture('vnish-s17plus-stats.json');
    const sim = ask(VNISH, 'stats');
    expect(Object.keys(sim)).toEqual(Object.keys(real));
    expect(shape(sim.STATUS[0])).toEqual(shape(real.STATUS[0]));
    expect(shape(sim.STATS[0])).toEqual(shape(real.STATS[0]));
    expect(shape(sim.STATS[1])).toEqual(shape(real.STATS[1]));
    expect(sim.STATS[0].Type).toBe('Antminer S19 (vnish 1.2.6)');
    expect(sim.STATUS[0].Description).toBe(real.STATUS[0].Description);
  });

  it('chain_consumption{N} sums to the miner power; "GHS 5s" is its hash rate as a string', () => {
    const s = state(VNISH);
    const dev = ask(VNISH, 'stats').STATS[1];
    expect(dev.chain_consumption1 + dev.chain_consumption2 + dev.chain_consumption3).toBe(Math.round(s.powerW));
    expect(Number(dev['GHS 5s']) / 1000).toBeCloseTo(s.hashrateThs, 4);
    expect([dev.chain_acn1, dev.chain_acs1.replace(/ /g, '').length]).toEqual([76, 76]);
  });
});
