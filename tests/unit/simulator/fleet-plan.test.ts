/**
 * The demo fleet's roster: stable names and addresses from the index alone, an even model mix, and the
 * scripted faults on rigs 5, 6 and 9.
 */
import { describe, expect, it } from 'vitest';
import { findNameplate } from '../../../lib/domain/nameplate';
import { DEMO_MIX, FAULT_INDEXES, planFleet, rigAddress, rigName } from '../../../collectors/simulator/fleet-plan';
import { SIM_FAMILIES } from '../../../collectors/simulator/families';

describe('fleet plan', () => {
  it('names rigs deterministically from the index, alternating sites', () => {
    expect([0, 1, 2, 3, 46, 47, 48].map(rigName)).toEqual([
      'rockdale-a01',
      'baie-comeau-a01',
      'rockdale-a02',
      'baie-comeau-a02',
      'rockdale-a24',
      'baie-comeau-a24',
      'rockdale-b01',
    ]);
    const names = planFleet({ miners: 1000 }).map((r) => r.name);
    expect(new Set(names).size).toBe(1000);
  });

  it('gives rig N the same identity whatever the fleet size', () => {
    const small = planFleet({ miners: 12 });
    const large = planFleet({ miners: 200 });
    expect(large.slice(0, 12).map((r) => [r.name, r.address, r.model.model, r.fault, r.idHash])).toEqual(
      small.map((r) => [r.name, r.address, r.model.model, r.fault, r.idHash]),
    );
  });

  it('numbers addresses 1..254 per third octet so 1,000 miners fit', () => {
    expect(rigAddress('127.0.1', 0)).toBe('127.0.1.1');
    expect(rigAddress('127.0.1', 253)).toBe('127.0.1.254');
    expect(rigAddress('127.0.1', 254)).toBe('127.0.2.1');
    expect(rigAddress('127.0.78', 999)).toBe('127.0.81.238');
    expect(() => rigAddress('127.0.255', 254)).toThrow(/does not fit/);
    expect(() => rigAddress('127.0', 0)).toThrow(/three octets/);
  });

  it('gives each site every model of the demo mix, every family at least once, nameplates from the shared table', () => {
    const rigs = planFleet({ miners: 48 });
    for (const site of ['rockdale', 'baie-comeau']) {
      const ids = new Set(rigs.filter((r) => r.site.slug === site).map((r) => r.model.id));
      expect([...ids].sort()).toEqual([...new Set(DEMO_MIX)].sort());
    }
    const families = new Set(rigs.map((r) => r.model.family));
    expect([...families].sort()).toEqual(Object.keys(SIM_FAMILIES).sort());
    for (const r of rigs.filter((x) => x.model.algorithm === 'sha256')) {
      const plate = findNameplate(r.model.model);
      expect(plate?.hashrateThs, r.model.model).toBe(r.model.nameplateHashrateThs);
      expect(plate?.powerW, r.model.model).toBe(r.model.nameplatePowerW);
    }
    expect(rigs.filter((r) => r.model.family === 'antminer').every((r) => r.port === 4028)).toBe(true);
    expect(rigs.find((r) => r.model.family === 'axeos')?.port).toBe(8080);
    expect(rigs.find((r) => r.model.family === 'whatsminer-v3')?.port).toBe(4433);
  });

  it('puts the scripted faults on rigs 5, 6 and 9 when there are at least 12 miners', () => {
    const rigs = planFleet({ miners: 48 });
    const faulty = rigs.filter((r) => r.fault).map((r) => [r.index, r.name, r.model.model, r.fault]);
    expect(faulty).toEqual([
      [5, 'baie-comeau-a03', 'Antminer S21', 'flapping'],
      [6, 'rockdale-a04', 'Whatsminer M60S', 'overheat'],
      [9, 'baie-comeau-a05', 'Antminer S19 Pro', 'lost-board'],
    ]);
    expect(Object.values(FAULT_INDEXES).sort()).toEqual([5, 6, 9]);
  });

  it('keeps small fleets and faults:false fleets healthy', () => {
    expect(planFleet({ miners: 11 }).some((r) => r.fault)).toBe(false);
    expect(planFleet({ miners: 48, faults: false }).some((r) => r.fault)).toBe(false);
  });

  it('rejects a negative or fractional miner count', () => {
    expect(() => planFleet({ miners: -1 })).toThrow(/non-negative integer/);
    expect(() => planFleet({ miners: 1.5 })).toThrow(/non-negative integer/);
  });
});
