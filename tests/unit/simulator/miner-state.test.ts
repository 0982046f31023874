/**
 * Drifting miner state: bounded drift over simulated hours, determinism in (seed, time), and the scripted
 * faults behaving on schedule.
 */
import { describe, expect, it } from 'vitest';
import { planFleet, type RigPlan } from '../../../collectors/simulator/fleet-plan';
import {
  FLAP_OFFLINE_FROM_MS,
  FLAP_PERIOD_MS,
  OVERHEAT_PERIOD_MS,
  flappingOffline,
  minerStateAt,
  overheatAt,
} from '../../../collectors/simulator/miner-state';
import { walk } from '../../../collectors/simulator/prng';

const SEED = 7;
/** A block boundary of both fault cycles (multiple of 8 and 10 minutes since the epoch). */
const T0 = Date.UTC(2025, 0, 1, 0, 0, 0);
const MIN = 60_000;
const fleet = planFleet({ miners: 48 });
const rig = (index: number): RigPlan => fleet[index];
const healthy = fleet.filter((r) => r.fault === null);

describe('drift', () => {
  it('the random walk stays in [-1, 1] and actually moves', () => {
    let lo = Infinity;
    let hi = -Infinity;
    for (let t = T0; t < T0 + 48 * 3600_000; t += 13_000) {
      const v = walk(SEED, 42, t);
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    expect(lo).toBeGreaterThanOrEqual(-1);
    expect(hi).toBeLessThanOrEqual(1);
    expect(hi - lo).toBeGreaterThan(0.5);
  });

  it('keeps hash rate, efficiency, temperatures and fans in bounds over 24 simulated hours', () => {
    for (const r of healthy.slice(0, 8)) {
      // covers all four models
      const jthPlate = r.model.nameplatePowerW / r.model.nameplateHashrateThs;
      for (let t = T0; t < T0 + 24 * 3600_000; t += 127_000) {
        const s = minerStateAt(r, SEED, t);
        expect(s.status).toBe('mining');
        expect(s.online).toBe(true);
        expect(Math.abs(s.hashrateThs / r.model.nameplateHashrateThs - 1)).toBeLessThanOrEqual(0.03);
        for (const b of s.boards) {
          expect(Math.abs(b.hashrateThs / b.idealHashrateThs - 1)).toBeLessThanOrEqual(0.03);
          for (const c of b.chipTempsC) expect(c >= 60 && c <= 78).toBe(true);
          b.pcbTempsC.forEach((p, i) => expect(p).toBeLessThan(b.chipTempsC[i]));
        }
        expect(Math.abs(s.powerW / s.hashrateThs / jthPlate - 1)).toBeLessThanOrEqual(0.02);
        for (const f of s.fansRpm) expect(f >= 4500 && f <= 6500).toBe(true);
        expect(s.tempMaxC).toBeLessThanOrEqual(78);
      }
    }
  });

  it('counters grow with time and reset only when the rig reboots', () => {
    const r = rig(0);
    let prev = minerStateAt(r, SEED, T0);
    let reboots = 0;
    for (let t = T0 + 600_000; t < T0 + 40 * 86400_000; t += 600_000) {
      const s = minerStateAt(r, SEED, t);
      if (s.elapsedS < prev.elapsedS) {
        reboots++;
        expect(s.elapsedS).toBeLessThan(600);
      } else {
        expect(s.elapsedS - prev.elapsedS).toBe(600);
        expect(s.accepted).toBeGreaterThan(prev.accepted);
        expect(s.hardwareErrors).toBeGreaterThanOrEqual(prev.hardwareErrors);
      }
      prev = s;
    }
    expect(reboots).toBeGreaterThanOrEqual(1); // every 10-30 days
    expect(reboots).toBeLessThanOrEqual(4);
  });

  it('splits accepted shares over boards without losing any', () => {
    const s = minerStateAt(rig(3), SEED, T0 + 12345);
    expect(s.boards.reduce((a, b) => a + b.accepted, 0)).toBe(s.accepted);
  });
});

describe('determinism', () => {
  it('gives the same state for the same seed and time, and changes with time and seed', () => {
    const r = rig(2);
    const t = T0 + 3 * 3600_000 + 1234;
    expect(minerStateAt(r, SEED, t)).toEqual(minerStateAt(r, SEED, t));
    expect(minerStateAt(r, SEED, t + 5000).hashrateThs).not.toBe(minerStateAt(r, SEED, t).hashrateThs);
    expect(minerStateAt(r, SEED + 1, t).hashrateThs).not.toBe(minerStateAt(r, SEED, t).hashrateThs);
  });

  it('does not depend on which rigs exist beside it', () => {
    const alone = planFleet({ miners: 12 })[3];
    expect(minerStateAt(alone, SEED, T0 + 99_999)).toEqual(minerStateAt(rig(3), SEED, T0 + 99_999));
  });
});

describe('scripted faults', () => {
  it('overheat (rig 6): normal, heating past 90 degC, throttled to about half, cooling, on a 10-minute cycle', () => {
    const r = rig(6);
    const plate = r.model.nameplateHashrateThs;
    const at = (minute: number) => minerStateAt(r, SEED, T0 + minute * MIN);
    for (const m of [0.5, 2, 3.9]) {
      expect(at(m).status).toBe('mining');
      expect(at(m).tempMaxC).toBeLessThanOrEqual(78);
      expect(at(m).hashrateThs / plate).toBeGreaterThan(0.97);
    }
    expect(at(5.97).tempMaxC).toBeGreaterThan(90); // still full speed while it climbs
    expect(at(5.97).status).toBe('mining');
    for (const m of [6.1, 7, 7.9]) {
      const s = at(m);
      expect(s.status).toBe('throttled');
      expect(s.tempMaxC).toBeGreaterThan(90);
      expect(s.hashrateThs / plate).toBeGreaterThan(0.45);
      expect(s.hashrateThs / plate).toBeLessThan(0.55);
      expect(s.powerW).toBeLessThan(r.model.nameplatePowerW * 0.6); // power follows the hash rate down
      expect(Math.max(...s.fansRpm)).toBe(6500);
    }
    expect(at(9.99).status).toBe('mining');
    expect(at(9.99).tempMaxC).toBeLessThanOrEqual(79);
    // The same shape one cycle later.
    expect(minerStateAt(r, SEED, T0 + OVERHEAT_PERIOD_MS + 7 * MIN).status).toBe('throttled');
    expect(overheatAt(T0 + 7 * MIN)).toEqual({ heat: 1, throttled: true });
  });

  it('flapping (rig 5): online 6 minutes, off the network 2 minutes, every 8 minutes', () => {
    const r = rig(5);
    const online = (ms: number) => minerStateAt(r, SEED, T0 + ms).online;
    expect(online(0)).toBe(true);
    expect(online(FLAP_OFFLINE_FROM_MS - 1)).toBe(true);
    expect(online(FLAP_OFFLINE_FROM_MS)).toBe(false);
    expect(online(FLAP_PERIOD_MS - 1)).toBe(false);
    expect(online(FLAP_PERIOD_MS)).toBe(true);
    expect(flappingOffline(T0 + 7 * MIN)).toBe(true);
    // Only the flapping rig is affected.
    expect(minerStateAt(rig(4), SEED, T0 + 7 * MIN).online).toBe(true);
  });

  it('lost board (rig 9): slot 2 gone for good, about 2/3 of nameplate', () => {
    const r = rig(9);
    for (let t = T0; t < T0 + 6 * 3600_000; t += 301_000) {
      const s = minerStateAt(r, SEED, t);
      expect(s.boards.map((b) => b.present)).toEqual([true, false, true]);
      expect(s.boards[1]).toMatchObject({ chips: 0, hashrateThs: 0, hardwareErrors: 0 });
      const ratio = s.hashrateThs / r.model.nameplateHashrateThs;
      expect(ratio).toBeGreaterThan(0.64);
      expect(ratio).toBeLessThan(0.69);
      expect(s.status).toBe('mining');
    }
  });
});
