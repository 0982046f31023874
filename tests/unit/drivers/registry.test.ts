import { describe, expect, it } from 'vitest';
import { ALL_DRIVERS, DRIVERS, getDriver } from '../../../collectors/drivers';

/**
 * Every driver Hashwatt ships, with its protocol, default port and the most requests one poll sends (its
 * deadline is that many request timeouts), counted by hand from each poll(): a rename or a new count must
 * show up here (requests-per-poll.test.ts checks the counts against real polls of the simulator).
 */
const EXPECTED: Record<string, [string, number, number]> = {
  antminer: ['cgminer', 4028, 8],
  braiins: ['cgminer', 4028, 8],
  luxos: ['cgminer', 4028, 7],
  whatsminer: ['cgminer', 4028, 6],
  trex: ['http', 4067, 1],
  lolminer: ['http', 4069, 1],
  gminer: ['http', 4070, 1],
  nbminer: ['http', 22333, 1],
  axeos: ['http', 80, 2],
  'gpu-agent': ['http', 9105, 1],
  dcgm: ['http', 9400, 1],
  avalon: ['cgminer', 4028, 7],
  dragonmint: ['http', 80, 2],
  innosilicon: ['http', 80, 2],
  teamredminer: ['cgminer', 4028, 3],
  srbminer: ['http', 21550, 1],
  phoenixminer: ['jsonrpc', 3333, 1],
  nanominer: ['http', 9090, 1],
  miniz: ['jsonrpc', 20000, 1],
  bminer: ['http', 1880, 3],
  excavator: ['jsonrpc', 3456, 3],
  'whatsminer-v3': ['btminer-v3', 4433, 4],
  'antminer-web': ['http', 80, 7],
};

describe('driver registry', () => {
  it('finds every driver by its stored name, with its protocol and default port', () => {
    expect(Object.keys(DRIVERS).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const [name, [protocol, port, maxRequests]] of Object.entries(EXPECTED)) {
      const d = getDriver(name);
      expect([d.name, d.protocol, d.defaultPort, d.maxRequestsPerPoll]).toEqual([name, protocol, port, maxRequests]);
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
