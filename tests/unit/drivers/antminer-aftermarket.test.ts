/**
 * parseAntminer over aftermarket firmware that keeps the stock `stats` layout (protocols.md §1.6).
 * Expected numbers were read off each capture by hand.
 */
import { describe, expect, it } from 'vitest';
import { approx, board, fixtureBody as body } from '../../support/driver-fixtures';
import { parseAntminer } from '../../../collectors/drivers/antminer/parse';
import type { PoolReading, Reading } from '../../../lib/domain/reading';

const MSK_S19_POOL: PoolReading = {
  url: 'stratum+tcp://stratum.pool.io:3333',
  user: 'pool_username.real_worker',
  status: 'Alive',
  accepted: 10000,
  rejected: 100,
};

const ROWS: Array<{ behaviour: string; stats: string; version?: string; pools?: string; expected: Omit<Reading, 'driver' | 'make'> }> = [
  {
    behaviour: 'Hiveon S9: "}{" quirk; its "chain_power" "34.65 (AB)" is not watts, so no power',
    stats: 'hiveon-s9-stats.json',
    version: 'hiveon-s9-version.json',
    expected: {
      model: 'Antminer S9',
      firmware: 'Hiveon, BMMiner 2.0.0 rwglr, miner 30.0.1.3, Tue Nov 20 10:12:30 UTC 2019',
      status: 'mining',
      hashrateThs: 11.7814,
      expectedHashrateThs: 11.8503,
      powerW: null,
      powerSource: null,
      efficiencyJth: null,
      boards: [board(0, 3.91164, 63, 74), board(1, 3.9137, 63, 65), board(2, 3.95605, 63, 72)],
      tempMaxC: 74,
      fansRpm: [3840, 4920],
      pools: [],
      uptimeS: 69,
      hardwareErrors: 0,
    },
  },
  {
    behaviour: 'asicseer S9: chain_rate "0.00000" on empty slots; 87 degC chips at full rate still mining',
    stats: 'asicseer-s9-stats.json',
    version: 'asicseer-s9-version.json',
    expected: {
      model: 'Antminer S9',
      firmware: 'BMMiner 2.4.0-asicseer-1.1.9-f7b7, miner 30.0.1.3, Mon Nov 11 17:07:20 CST 2019',
      status: 'mining',
      hashrateThs: 13.40214,
      expectedHashrateThs: 13.46625,
      powerW: null,
      powerSource: null,
      efficiencyJth: null,
      boards: [board(0, 4.46765, 63, 87), board(1, 4.43133, 63, 74), board(2, 4.50315, 63, 86)],
      tempMaxC: 87,
      fansRpm: [2880, 3840],
      pools: [],
      uptimeS: 102,
      hardwareErrors: 2,
    },
  },
  {
    behaviour: 'mskminer S9: Type "Antminer S9 Pro (v5.1) ", chain_power "967.50 (AB)" as firmware watts',
    stats: 'mskminer-s9-stats.json',
    expected: {
      model: 'Antminer S9 Pro',
      firmware: 'v5.1, BMMiner 2.0.0 rwglr, miner 30.0.1.3, Mon Nov 25 09:56:24 PST 2019',
      status: 'mining',
      hashrateThs: 9.039731,
      expectedHashrateThs: 10.773,
      powerW: 967.5,
      powerSource: 'firmware',
      efficiencyJth: 967.5 / 9.039731,
      boards: [board(0, 2.85642, 63, 52), board(1, 3.05406, 63, 45), board(2, 3.12925, 63, 48)],
      tempMaxC: 52,
      fansRpm: [5280],
      pools: [],
      uptimeS: 16,
      hardwareErrors: 0,
    },
  },
  {
    behaviour: 'NiceHash S9 (vnish 3.8.6): "}{" quirk, chain_consumption6..8 summed as firmware power',
    stats: 'nicehash-s9-stats.json',
    expected: {
      model: 'Antminer S9',
      firmware: 'vnish 3.8.6, Cgminer 4.11.1, miner 26.0.1.3, Fri May  8 15:27:59 CST 2020',
      status: 'mining',
      hashrateThs: 12.79548,
      expectedHashrateThs: 12.9276,
      powerW: 495 * 3,
      powerSource: 'firmware',
      efficiencyJth: 1485 / 12.79548,
      boards: [board(0, 4.26448, 63, 80), board(1, 4.29832, 63, 71), board(2, 4.23267, 63, 78)],
      tempMaxC: 80,
      fansRpm: [5400, 5880],
      pools: [],
      uptimeS: 3617,
      hardwareErrors: 1 + 3 + 293,
    },
  },
  {
    behaviour: 'Vnish S17+: numeric chain_rate, chain_consumption1..3 summed as firmware power',
    stats: 'vnish-s17plus-stats.json',
    expected: {
      model: 'Antminer S17+',
      firmware: 'vnish 2.0.3, Cgminer 4.11.1, miner 35.0.1.3, Sat Aug 15 18:55:51 CST 2020',
      status: 'mining',
      hashrateThs: 77.45873,
      expectedHashrateThs: 79.968,
      powerW: 991 + 1013 + 987,
      powerSource: 'firmware',
      efficiencyJth: 2991 / 77.45873,
      boards: [board(0, 24.32687, 65, 81), board(1, 26.80028, 65, 80), board(2, 26.33157, 65, 76)],
      tempMaxC: 81,
      fansRpm: [6120, 6120, 5160, 5160],
      pools: [],
      uptimeS: 1201,
      hardwareErrors: 0,
    },
  },
  {
    behaviour: 'mskminer S19: Type "S19-88 v.2.6.0.39 ", total_power as firmware power, junk ideal rates on empty slots',
    stats: 'mskminer-s19-stats.json',
    version: 'mskminer-s19-version.json',
    pools: 'mskminer-s19-pools.json',
    expected: {
      model: 'Antminer S19-88',
      firmware: 'v.2.6.0.39, BMMiner 4.11.1 rwglr, miner 0.0.1.3, 10 Dec 2024 14:34:31 GMT',
      status: 'mining',
      hashrateThs: 99.98959,
      expectedHashrateThs: 99.67488,
      powerW: 3358,
      powerSource: 'firmware',
      efficiencyJth: 3358 / 99.98959,
      boards: [board(0, 34.08486, 88, 59), board(1, 32.30365, 88, 57), board(2, 33.60108, 88, 58)],
      tempMaxC: 59,
      fansRpm: [5010, 5160, 5070, 5040],
      pools: [MSK_S19_POOL, MSK_S19_POOL, MSK_S19_POOL],
      uptimeS: 1926,
      hardwareErrors: 0,
    },
  },
];

describe('parseAntminer on aftermarket firmware captures', () => {
  it.each(ROWS)('$behaviour', (row) => {
    const reading = parseAntminer({
      stats: body(row.stats),
      version: row.version ? body(row.version) : {},
      pools: row.pools ? body(row.pools) : null,
    });
    expect(reading).toEqual(approx({ driver: 'antminer', make: 'Bitmain', ...row.expected }));
  });
});
