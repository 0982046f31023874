/**
 * parseWhatsminer over the real captures; expected numbers were read off each capture by hand
 * (MH/s / 1e6 = TH/s, "Factory GHS" / 1000 = TH/s).
 */
import { describe, expect, it } from 'vitest';
import { approx, board, fixtureBody as body } from '../../support/driver-fixtures';
import { DeviceError } from '../../../collectors/drivers/types';
import { parseWhatsminer, whatsminerModel, type WhatsminerReplies } from '../../../collectors/drivers/whatsminer/parse';
import type { Reading } from '../../../lib/domain/reading';

const M31S_USER = 'x.12x22';
const M31S_SLEEPING: Omit<Reading, 'driver' | 'make'> = {
  model: 'Whatsminer',
  firmware: '20200512.13.REL',
  status: 'mining',
  hashrateThs: 85.16347324,
  expectedHashrateThs: 86.472,
  powerW: 3230,
  powerSource: 'firmware',
  efficiencyJth: 3230 / 85.16347324,
  boards: [],
  tempMaxC: 99.79,
  fansRpm: [2370, 2430],
  pools: [],
  uptimeS: 29600,
  hardwareErrors: 800,
};

const ROWS: Array<{
  behaviour: string;
  replies: Record<keyof WhatsminerReplies, string | null>;
  modelHint?: string;
  expected: Omit<Reading, 'driver' | 'make'>;
}> = [
  {
    behaviour: 'M31S btminer: MHS 1m, Factory GHS, Power, a stopped exhaust fan, edevs boards',
    replies: {
      summary: 'whatsminer-m31s-summary.json',
      devdetails: null,
      edevs: 'whatsminer-m31s-edevs.json',
      pools: 'whatsminer-m31s-pools.json',
      status: null,
    },
    expected: {
      model: 'Whatsminer',
      firmware: '20201202.22.REL',
      status: 'mining', // 93 degC chip but 77.9 of 75.7 TH/s
      hashrateThs: 77.9094486,
      expectedHashrateThs: 75.697,
      powerW: 3553,
      powerSource: 'firmware',
      efficiencyJth: 3553 / 77.9094486,
      boards: [board(0, 24.72071863, 105, 77.44), board(1, 26.02662149, 105, 93), board(2, 25.86280506, 105, 89.17)],
      tempMaxC: 93,
      fansRpm: [5700, 0],
      pools: [
        { url: 'stratum+tcp://btc.ss.poolin.com:443', user: M31S_USER, status: 'Alive', accepted: 2296, rejected: 1 },
        { url: 'stratum+tcp://btc.ss.poolin.com:1883', user: M31S_USER, status: 'Alive', accepted: 0, rejected: 0 },
        { url: 'stratum+tcp://btc.ss.poolin.com:25', user: M31S_USER, status: 'Alive', accepted: 0, rejected: 0 },
      ],
      uptimeS: 33102,
      hardwareErrors: 0,
    },
  },
  {
    behaviour: "M20S: the \\' quirk in Firmware Version, devs boards, registered model used",
    replies: {
      summary: 'whatsminer-m20s-summary.json',
      devdetails: null,
      edevs: 'whatsminer-m20s-devs.json',
      pools: 'whatsminer-m20s-pools.json',
      status: null,
    },
    modelHint: 'M20S',
    expected: {
      model: 'Whatsminer M20S',
      firmware: '20200917.22.REL',
      status: 'mining',
      hashrateThs: 67.26644769,
      expectedHashrateThs: 67.051,
      powerW: 3491,
      powerSource: 'firmware',
      efficiencyJth: 3491 / 67.26644769,
      boards: [board(0, 22.07966563, 111, 87.7), board(1, 23.47092744, 111, 84.5), board(2, 21.71030501, 111, 87.2)],
      tempMaxC: 87.7,
      fansRpm: [4950, 4920],
      pools: [
        { url: 'stratum+tcp://us-east.stratum.slushpool.com:3333', user: '002m20s', status: 'Alive', accepted: 33825, rejected: 185 },
        { url: 'stratum+tcp://us-central01.miningrigrentals.com:50194', user: 'xxxx.yyyy', status: 'Alive', accepted: 0, rejected: 0 },
      ],
      uptimeS: 66295,
      hardwareErrors: 912,
    },
  },
  {
    behaviour: 'M3 on cgminer 4.9.2: no Power, no Factory GHS, no chip temps',
    replies: { summary: 'whatsminer-m3-summary.json', devdetails: null, edevs: null, pools: null, status: null },
    expected: {
      model: 'Whatsminer',
      firmware: 'cgminer 4.9.2',
      status: 'mining',
      hashrateThs: 12.23907972,
      expectedHashrateThs: null,
      powerW: null, // no M3 nameplate to estimate from
      powerSource: null,
      efficiencyJth: null,
      boards: [],
      tempMaxC: 85.5,
      fansRpm: [5730, 5880],
      pools: [],
      uptimeS: 43685,
      hardwareErrors: 394,
    },
  },
  {
    behaviour: 'M31S "sleeping" summary alone still shows a hashing miner',
    replies: { summary: 'whatsminer-m31s-sleeping-summary.json', devdetails: null, edevs: null, pools: null, status: null },
    expected: M31S_SLEEPING,
  },
  {
    behaviour: 'M31S with btminer status btmineroff "true" is sleeping',
    replies: {
      summary: 'whatsminer-m31s-sleeping-summary.json',
      devdetails: null,
      edevs: null,
      pools: null,
      status: 'whatsminer-m31s-status-sleeping.json',
    },
    expected: { ...M31S_SLEEPING, status: 'sleeping' },
  },
];

describe('parseWhatsminer on captures', () => {
  it.each(ROWS)('$behaviour', (row) => {
    const load = (name: string | null) => (name ? body(name) : null);
    const replies: WhatsminerReplies = {
      summary: body(row.replies.summary!),
      devdetails: load(row.replies.devdetails),
      edevs: load(row.replies.edevs),
      pools: load(row.replies.pools),
      status: load(row.replies.status),
    };
    const reading = parseWhatsminer(replies, { modelHint: row.modelHint ?? null });
    expect(reading).toEqual(approx({ driver: 'whatsminer', make: 'MicroBT', ...row.expected }));
  });
});

// Synthetic replies below: no devdetails capture exists; its shape follows protocols.md §1.7.
const summary = (fields: Record<string, unknown>) => ({ STATUS: [{ STATUS: 'S', Code: 11 }], SUMMARY: [fields] });

describe('parseWhatsminer rules', () => {
  it('names the model from devdetails and estimates power from the nameplate when Power is absent', () => {
    const devdetails = { STATUS: [{ STATUS: 'S' }], DEVDETAILS: [{ DEVDETAILS: 0, Name: 'SM', ID: 0, Model: 'M60S_VK30' }] };
    const reading = parseWhatsminer({ summary: summary({ 'MHS 1m': 186_000_000 }), devdetails }, { modelHint: 'M30S' });
    expect(reading.model).toBe('Whatsminer M60S');
    // nameplate M60S: 186 TH/s, 3422 W, at exactly 186 TH/s
    expect([reading.powerW, reading.powerSource]).toEqual([expect.closeTo(3422, 6), 'estimated']);
  });

  it.each([
    ['M60S_VK30', null, 'Whatsminer M60S'],
    ['M31S+V40', null, 'Whatsminer M31S+'],
    ['M30S++_VH70', null, 'Whatsminer M30S++'],
    [null, 'Whatsminer M50S', 'Whatsminer M50S'],
    [null, 'M50S', 'Whatsminer M50S'],
    [null, null, 'Whatsminer'],
  ])('model %j with hint %j is %j', (model, hint, expected) => {
    const devdetails = model ? { DEVDETAILS: [{ Model: model }] } : null;
    expect(whatsminerModel(devdetails, hint)).toBe(expected);
  });

  it.each([
    ['hot chips well below factory rate', { 'MHS 1m': 50_000_000, 'Factory GHS': 86000, 'Chip Temp Max': 95, Power: 3000 }, 'throttled'],
    ['no hash rate with hot chips', { 'MHS 1m': 0, 'Chip Temp Max': 96, Power: 3000 }, 'throttled'],
    ['no hash rate while the boards draw power', { 'MHS 1m': 0, 'Chip Temp Max': 60, Power: 3200 }, 'error'],
    ['no hash rate with the boards off', { 'MHS 1m': 0, 'Chip Temp Max': 40, Power: 120 }, 'sleeping'],
    ['cool and below factory rate', { 'MHS 1m': 50_000_000, 'Factory GHS': 86000, 'Chip Temp Max': 70 }, 'mining'],
  ])('status: %s -> %s', (_what, fields, expected) => {
    expect(parseWhatsminer({ summary: summary(fields) }).status).toBe(expected);
  });

  it('falls back to "MHS av" when the 1 min and 5 min windows are missing', () => {
    expect(parseWhatsminer({ summary: summary({ 'MHS av': 12_000_000, 'MHS 5s': 14_000_000 }) }).hashrateThs).toBe(12);
  });

  it('throws "unexpected" without SUMMARY[0] or a hash rate', () => {
    for (const s of [{ STATUS: [{ STATUS: 'S' }] }, summary({ Elapsed: 5 })]) {
      try {
        parseWhatsminer({ summary: s });
        expect.unreachable();
      } catch (err) {
        expect(err).toBeInstanceOf(DeviceError);
        expect((err as DeviceError).kind).toBe('unexpected');
      }
    }
  });
});
