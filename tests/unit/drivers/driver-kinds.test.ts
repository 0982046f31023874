/** The driver descriptors (what the web knows) and the driver code (what the collector runs) stay one list. */
import { describe, expect, it } from 'vitest';
import { ALL_DRIVERS, DRIVER_IMPLEMENTATIONS, DRIVERS } from '../../../collectors/drivers';
import { GPU_AGENT_DEFAULT_PORT } from '../../../collectors/gpu-agent/reply';
import { DRIVER_DEFAULT_PORTS, DRIVER_KINDS, DRIVER_NAMES, driverKindInfo } from '../../../lib/domain/driver-kinds';

describe('driver descriptors and implementations', () => {
  it('give every descriptor exactly one implementation, and every implementation a descriptor', () => {
    const names = DRIVER_KINDS.map((d) => d.name);
    expect(new Set(names).size).toBe(names.length);
    expect(Object.keys(DRIVER_IMPLEMENTATIONS).sort()).toEqual([...names].sort());
    const implementations = Object.values(DRIVER_IMPLEMENTATIONS);
    expect(new Set(implementations).size).toBe(implementations.length);
    expect(Object.keys(DRIVERS).sort()).toEqual([...names].sort());
  });

  it("key each implementation by its own name, with the descriptor's label, protocol and default port", () => {
    for (const kind of DRIVER_KINDS) {
      const impl = DRIVER_IMPLEMENTATIONS[kind.name];
      expect([impl.name, impl.label, impl.protocol, impl.defaultPort]).toEqual([kind.name, kind.label, kind.protocol, kind.defaultPort]);
    }
  });

  it('give the gpu-agent driver the port the gpu-agent itself listens on by default', () => {
    expect(driverKindInfo('gpu-agent')?.defaultPort).toBe(GPU_AGENT_DEFAULT_PORT);
  });

  it("ask the drivers in the descriptors' order and offer the web their names and ports", () => {
    expect(ALL_DRIVERS.map((d) => d.name)).toEqual(DRIVER_NAMES);
    expect(Object.entries(DRIVER_DEFAULT_PORTS)).toEqual(ALL_DRIVERS.map((d) => [d.name, d.defaultPort]));
  });

  it('describe each driver for the web: ASIC or GPU, and a line on how it reads the device', () => {
    const gpu = DRIVER_KINDS.filter((d) => d.hardware === 'gpu').map((d) => d.name);
    expect(gpu.sort()).toEqual([
      'bminer',
      'dcgm',
      'excavator',
      'gminer',
      'gpu-agent',
      'lolminer',
      'miniz',
      'nanominer',
      'nbminer',
      'phoenixminer',
      'srbminer',
      'teamredminer',
      'trex',
    ]);
    for (const d of DRIVER_KINDS) expect(d.description.length).toBeGreaterThan(20);
    expect(driverKindInfo('toString')).toBeNull();
  });
});
