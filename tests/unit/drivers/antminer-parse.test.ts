/**
 * parseAntminer over the real captures. Every expected number was read off the capture by hand
 * (GH/s / 1000 = TH/s), never computed with the code under test.
 */
import { describe, expect, it } from 'vitest';
import { approx, board, fixtureBody as body } from '../../support/driver-fixtures';
import { parseAntminer } from '../../../collectors/drivers/antminer/parse';
import { DeviceError } from '../../../collectors/drivers/types';
import type { PoolReading, Reading } from '../../../lib/domain/reading';

/** Numbers compared to 6 decimals (float division), everything else exactly. */

const S9_POOLS: PoolReading[] = [
  { url: 'stratum+tcp://ss.antpool.com:3333', user: 'xxx', status: 'Alive', accepted: 22673, rejected: 8 },
  { url: 'stratum+tcp://ss.antpool.com:443', user: 'xxx', status: 'Alive', accepted: 0, rejected: 0 },
];
const S17PRO_USER = 'CosmosCapitalFund.COSMOSxCNKxS17Px00001';
const S17PRO_POOLS: PoolReading[] = [
  { url: 'stratum+tcp://xxxxxx:3333', user: S17PRO_USER, status: 'Alive', accepted: 86241, rejected: 411 },
  { url: 'stratum+tcp://xxxxxx:3333', user: S17PRO_USER, status: 'Alive', accepted: 63, rejected: 0 },
  { url: 'stratum+tcp://stratum.slushpool.com:3333', user: S17PRO_USER, status: 'Alive', accepted: 196, rejected: 5 },
];
const S19_POOLS: PoolReading[] = [
  { url: 'stratum+tcp://aaa.com:9999#xnsub', user: 'aaa.bbb', status: 'Alive', accepted: 100129, rejected: 31 },
  { url: 'stratum+tcp://aaa.com:9999#xnsub', user: 'aaa.bbb', status: 'Alive', accepted: 0, rejected: 0 },
  { url: 'stratum+tcp://aaa.com:9999#xnsub', user: 'aaa.bbb', status: 'Alive', accepted: 0, rejected: 0 },
];

interface Row {
  behaviour: string;
  stats: string;
  version?: string;
  pools?: string;
  expected: Omit<Reading, 'driver' | 'make'>;
}

const NO_POWER = { powerW: null, powerSource: null, efficiencyJth: null } as const;

const ROWS: Row[] = [
  {
    behaviour: 'S9 stock bmminer: "}{" quirk, chains on slots 6-8, junk temp2_7 -83, fans 5/6, 3rd pool empty',
    stats: 'antminer-s9-bmminer-stats.json',
    version: 'antminer-s9-bmminer-version.json',
    pools: 'antminer-s9-bmminer-pools.json',
    expected: {
      model: 'Antminer S9',
      firmware: 'V1.3.58, BMMiner 2.0.0, miner 30.0.1.3, Wed Jul 31 16:18:27 CST 2019',
      status: 'mining',
      hashrateThs: 13.88381,
      expectedHashrateThs: 13.86252,
      ...NO_POWER, // no S9 in the nameplate table
      boards: [board(0, 4.61885, 63, 62), board(1, 4.62455, 63, null), board(2, 4.64041, 63, 62)],
      tempMaxC: 62,
      fansRpm: [3720, 2400],
      pools: S9_POOLS,
      uptimeS: 293628,
      hardwareErrors: 3085 + 289 + 175165,
    },
  },
  {
    behaviour: 'S17 Pro stock: string GHS 5s, dash chip temps',
    stats: 'antminer-s17pro-stats.json',
    pools: 'antminer-s17pro-pools.json',
    expected: {
      model: 'Antminer S17 Pro',
      firmware: 'BMMiner 1.0.0, miner 19.10.1.3, Tue Aug 20 10:37:07 CST 2019',
      status: 'mining',
      hashrateThs: 54.99701,
      expectedHashrateThs: 53.619,
      ...NO_POWER,
      boards: [board(0, 17.96826, 48, 80), board(1, 18.418, 48, 75), board(2, 18.61075, 48, 63)],
      tempMaxC: 80,
      fansRpm: [2400, 3000, 3120, 2400],
      pools: S17PRO_POOLS,
      uptimeS: 253447,
      hardwareErrors: 731 + 1074 + 1080,
    },
  },
  {
    behaviour: 'S17+ asleep: "0.00" hash rate, no board enumerated, every fan stopped',
    stats: 'antminer-s17plus-sleeping-stats.json',
    expected: {
      model: 'Antminer S17+',
      firmware: 'BMMiner 1.0.0, miner 35.0.1.3, Tue Jun  2 10:31:07 CST 2020',
      status: 'sleeping',
      hashrateThs: 0,
      expectedHashrateThs: null, // total_rateideal 0.00
      ...NO_POWER,
      boards: [],
      tempMaxC: null,
      fansRpm: [],
      pools: [],
      uptimeS: 279,
      hardwareErrors: 0,
    },
  },
  {
    behaviour: 'S19 Pro stock: numeric GHS 5s, rate_unit GH, negative dash temps, empty chain 4, power estimated',
    stats: 'antminer-s19pro-stats.json',
    version: 'antminer-s19pro-version.json',
    expected: {
      model: 'Antminer S19 Pro',
      firmware: 'BMMiner 1.0.0, miner 49.0.1.3, Wed Oct 21 10:18:10 CST 2020',
      status: 'mining',
      hashrateThs: 110.78679,
      expectedHashrateThs: 111.859,
      // nameplate 3250 W / 110 TH/s = 29.545454.. J/TH, times 110.78679 TH/s
      powerW: expect.closeTo(3273.246068, 5) as unknown as number,
      powerSource: 'estimated',
      efficiencyJth: 29.545454545,
      boards: [board(0, 37.73524, 114, 27), board(1, 38.10907, 114, 25), board(2, 34.94248, 114, 26)],
      tempMaxC: 27,
      fansRpm: [5520, 5400, 5040, 5040],
      pools: [],
      uptimeS: 82852,
      hardwareErrors: 1527 + 2752 + 269,
    },
  },
  {
    behaviour: 'S19 asleep: GHS 5s 0, Mode 2, present chains at "0.00"',
    stats: 'antminer-s19-sleeping-stats.json',
    expected: {
      model: 'Antminer S19',
      firmware: 'BMMiner 1.0.0, miner 49.0.1.3, Fri Dec 11 11:15:40 CST 2020',
      status: 'sleeping',
      hashrateThs: 0,
      expectedHashrateThs: 63.919,
      ...NO_POWER, // nothing to estimate from at 0 TH/s
      boards: [board(0, 0, 76, 40), board(1, 0, 76, 40)],
      tempMaxC: 40,
      fansRpm: [1560, 1560, 600, 720],
      pools: [],
      uptimeS: 735,
      hardwareErrors: 0,
    },
  },
  {
    behaviour: 'S19 Pro overheating: GHS 5s 0 with chips at 96 degC is throttled, not asleep',
    stats: 'antminer-s19-overheating-stats.json',
    pools: 'antminer-s19-pools.json',
    expected: {
      model: 'Antminer S19 Pro',
      firmware: 'BMMiner 1.0.0, miner 49.0.1.3, Mon Oct 26 17:55:33 CST 2020',
      status: 'throttled',
      hashrateThs: 0,
      expectedHashrateThs: 111.859,
      ...NO_POWER,
      boards: [board(0, 0, 114, 96), board(1, 0, 114, 90), board(2, 0, 114, 88)],
      tempMaxC: 96,
      fansRpm: [6000, 5880, 6120, 6120],
      pools: S19_POOLS,
      uptimeS: 321734,
      hardwareErrors: 880 + 885 + 943,
    },
  },
  {
    behaviour: 'T15 stock: Mode "H", "-" sensor strings on empty slots',
    stats: 'antminer-t15-stats.json',
    expected: {
      model: 'Antminer T15',
      firmware: 'BMMiner 4.9.0, miner 27.10.1.3, Fri Dec 13 15:46:16 CST 2019',
      status: 'mining',
      hashrateThs: 21.61578,
      expectedHashrateThs: 21,
      ...NO_POWER,
      boards: [board(0, 8.04819, 60, 55), board(1, 6.57489, 60, 50), board(2, 6.99269, 60, 54)],
      tempMaxC: 55,
      fansRpm: [2880, 2880],
      pools: [],
      uptimeS: 13263,
      hardwareErrors: 7 + 17 + 6,
    },
  },
];

describe('parseAntminer on stock firmware captures', () => {
  it.each(ROWS)('$behaviour', (row) => {
    const reading = parseAntminer({
      stats: body(row.stats),
      version: row.version ? body(row.version) : {},
      pools: row.pools ? body(row.pools) : null,
    });
    expect(reading).toEqual(approx({ driver: 'antminer', make: 'Bitmain', ...row.expected }));
  });
});

describe('parseAntminer edge cases', () => {
  it('prefers firmware Type over the registered model, and uses the hint when Type is missing', () => {
    const stats = body('antminer-s19pro-stats.json');
    expect(parseAntminer({ stats, version: {} }, { modelHint: 'Antminer S19' }).model).toBe('Antminer S19 Pro');
    const noType = { STATS: [{ BMMiner: '1.0.0' }, { ID: 'BTM_SOC0', 'GHS 5s': '95000.00' }] };
    const reading = parseAntminer({ stats: noType, version: {} }, { modelHint: 'Antminer S19' });
    expect(reading.model).toBe('Antminer S19');
    // nameplate 3250 W / 95 TH/s at exactly 95 TH/s
    expect(reading.powerW).toBeCloseTo(3250, 6);
  });

  it('takes "chain_power" with a unit as firmware power (S21 mock "3250 W")', () => {
    const stats = { STATS: [{ Type: 'Antminer S21' }, { ID: 'BTM_SOC0', 'GHS 5s': 200000, chain_power: '3250 W' }] };
    const reading = parseAntminer({ stats, version: {} });
    expect([reading.powerW, reading.powerSource, reading.efficiencyJth]).toEqual([3250, 'firmware', 16.25]);
  });

  it('reports error when hash rate is 0 with boards missing but fans running', () => {
    const stats = { STATS: [{ Type: 'Antminer S19' }, { 'GHS 5s': '0.00', chain_acn1: 0, chain_rate1: '', fan1: 4000 }] };
    expect(parseAntminer({ stats, version: {} }).status).toBe('error');
  });

  it('reports throttled when hot chips hash below 80% of the ideal rate', () => {
    const stats = {
      STATS: [
        { Type: 'Antminer S19 Pro' },
        {
          'GHS 5s': '80000.00',
          total_rateideal: 110000,
          rate_unit: 'GH',
          chain_acn1: 114,
          chain_rate1: '80000.00',
          temp_chip1: '70-80-85-88',
        },
      ],
    };
    expect(parseAntminer({ stats, version: {} }).status).toBe('throttled');
  });

  it('falls back to summary "Hardware Errors" when stats has no chain_hw', () => {
    const stats = { STATS: [{ Type: 'Antminer S19' }, { 'GHS 5s': 95000, Elapsed: 10 }] };
    const summary = { STATUS: [{ STATUS: 'S' }], SUMMARY: [{ 'Hardware Errors': 42 }] };
    expect(parseAntminer({ stats, version: {}, summary }).hardwareErrors).toBe(42);
  });

  it('throws "unexpected" for a stats reply without a device block or hash rate', () => {
    expect(() => parseAntminer({ stats: { STATS: [] }, version: {} })).toThrow(DeviceError);
    try {
      parseAntminer({ stats: { STATS: [{ Type: 'x' }, { ID: 'BTM_SOC0' }] }, version: {} });
      expect.unreachable();
    } catch (err) {
      expect((err as DeviceError).kind).toBe('unexpected');
    }
  });
});
