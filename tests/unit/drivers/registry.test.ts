import { describe, expect, it } from 'vitest';
import { ALL_DRIVERS, DRIVERS, getDriver } from '../../../collectors/drivers';

/** Every driver Hashwatt ships, with its protocol and default port (written out: a rename must show up here). */
const EXPECTED: Record<string, [string, number]> = {
  antminer: ['cgminer', 4028],
  braiins: ['cgminer', 4028],
  luxos: ['cgminer', 4028],
  whatsminer: ['cgminer', 4028],
  trex: ['http', 4067],
  lolminer: ['http', 4069],
  gminer: ['http', 4070],
  nbminer: ['http', 22333],
  axeos: ['http', 80],
  'gpu-agent': ['http', 9105],
  dcgm: ['http', 9400],
  avalon: ['cgminer', 4028],
  dragonmint: ['http', 80],
  innosilicon: ['http', 80],
  teamredminer: ['cgminer', 4028],
  srbminer: ['http', 21550],
  phoenixminer: ['jsonrpc', 3333],
  nanominer: ['http', 9090],
  miniz: ['jsonrpc', 20000],
  bminer: ['http', 1880],
  excavator: ['jsonrpc', 3456],
  'whatsminer-v3': ['btminer-v3', 4433],
  'antminer-web': ['http', 80],
};

describe('driver registry', () => {
  it('finds every driver by its stored name, with its protocol and default port', () => {
    expect(Object.keys(DRIVERS).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const [name, [protocol, port]] of Object.entries(EXPECTED)) {
      const d = getDriver(name);
      expect([d.name, d.protocol, d.defaultPort]).toEqual([name, protocol, port]);
      expect(d.label.length).toBeGreaterThan(3);
    }
  });

  it('asks firmware that runs on Antminer hardware before the stock Antminer driver', () => {
    const order = ALL_DRIVERS.map((d) => d.name);
    for (const name of ['braiins', 'luxos'].filter((n) => n in DRIVERS)) {
      expect(order.indexOf(name)).toBeLessThan(order.indexOf('antminer'));
    }
  });

  it('throws a clear error naming the unknown driver and the known ones', () => {
    expect(() => getDriver('frobminer')).toThrow(`unknown driver "frobminer" (known: ${Object.keys(EXPECTED).sort().join(', ')})`);
    expect(() => getDriver('toString')).toThrow('unknown driver "toString"');
  });
});
