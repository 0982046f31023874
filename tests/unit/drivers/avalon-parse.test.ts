/**
 * parseAvalon over every Avalon capture; expected numbers were read off each capture by hand
 * (MH/s / 1e6 = TH/s, GH/s / 1000 = TH/s; WU x 4.294967296 / 60 = GH/s for the Avalon 7/8 modules).
 */
import { describe, expect, it } from 'vitest';
import { approx, board, fixtureBody as body } from '../../support/driver-fixtures';
import { parseAvalon, parseAvalonJoined, type AvalonReplies } from '../../../collectors/drivers/avalon/parse';
import { modelFromProd, splitVer } from '../../../collectors/drivers/avalon/describe';
import { DeviceError } from '../../../collectors/drivers/types';
import type { Reading } from '../../../lib/domain/reading';

const A1566_USER = 'pool_username.real_worker';
const A1566: Omit<Reading, 'driver' | 'make'> = {
  model: 'Avalon A1566', // PROD "AvalonMiner 15-194": the A15 generation's nameplate model
  firmware: '24102401_25462b2_9ddf522, cgminer 4.11.1',
  status: 'mining',
  hashrateThs: 197266944.16 / 1e6, // devs "MHS 1m" (no summary capture)
  expectedHashrateThs: 201920.42 / 1000, // GHSmm
  powerW: 3731, // WALLPOWER[3731]
  powerSource: 'firmware',
  efficiencyJth: 3731 / (197266944.16 / 1e6),
  // MGHS[59459.52 61407.83 63139.66] GH/s, 160 PVT_T values per board, MTmax[77 78 77]
  boards: [board(0, 59459.52 / 1000, 160, 77), board(1, 61407.83 / 1000, 160, 78), board(2, 63139.66 / 1000, 160, 77)],
  tempMaxC: 78, // TMax[78]
  fansRpm: [4275, 4282],
  pools: [
    { url: 'stratum+tcp://stratum.pool.io:3333', user: A1566_USER, status: 'Alive', accepted: 148, rejected: 1 },
    { url: 'stratum+tcp://stratum.pool.io:3334', user: A1566_USER, status: 'Alive', accepted: 0, rejected: 0 },
    { url: 'stratum+tcp://stratum.pool.io:3335', user: A1566_USER, status: 'Alive', accepted: 0, rejected: 0 },
  ],
  uptimeS: 975, // STATS[0].Elapsed
  hardwareErrors: 0, // devs "Hardware Errors"
};

// Avalon 7 (two AUC rows AV70/AV71, five modules each): WU and TMax per module, in STATS then MM ID order.
const AV7_WU = [75407.22, 37979.97, 70863.33, 67002.09, 64565.96, 75991.53, 58163.66, 61058.09, 72091.75, 71843.85];
const AV7_TMAX = [89, 80, 92, 87, 88, 84, 89, 87, 90, 78];
const AV7_GHSMM = [6836.48, 6801.85, 6844.33, 6844.12, 6822.16, 6839.72, 6824.96, 6798.86, 6805.02, 6826.01];
const AV8_WU = [183226.76, 156933.29, 153327.38];
const wuThs = (wu: number) => (wu * 4.294967296) / 60 / 1000;
const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

const ROWS: Array<{ behaviour: string; replies: () => AvalonReplies; joined?: boolean; expected: Omit<Reading, 'driver' | 'make'> }> = [
  {
    behaviour: 'A1566 (A15-194): version, estats, devs, pools',
    replies: () => ({
      version: body('avalon-a1566-version.json'),
      stats: body('avalon-a1566-estats.json'),
      devs: body('avalon-a1566-devs.json'),
      pools: body('avalon-a1566-pools.json'),
    }),
    expected: A1566,
  },
  {
    behaviour: 'A1566 with stats instead of estats (same reply)',
    replies: () => ({
      version: body('avalon-a1566-version.json'),
      stats: body('avalon-a1566-stats.json'),
      devs: body('avalon-a1566-devs.json'),
      pools: body('avalon-a1566-pools.json'),
    }),
    expected: A1566,
  },
  {
    behaviour: 'A1047 joined pools+summary+stats: summary "MHS 1m", PS all zero so no power, model from Ver',
    replies: () => body('avalon-1047-pools+summary+stats.json'),
    joined: true,
    expected: {
      model: 'Avalon A1047', // Ver[1047-20051101_85dc6f0_0332654]
      firmware: '20051101_85dc6f0_0332654, cgminer 4.11.1',
      status: 'mining',
      hashrateThs: 28134393.97 / 1e6,
      expectedHashrateThs: 37470.98 / 1000,
      powerW: null, // Vo[0] PS[0 0 0 0 0 0], no WALLPOWER, no A1047 nameplate
      powerSource: null,
      efficiencyJth: null,
      boards: [board(0, 12362.61 / 1000, 120, 61), board(1, 12812.16 / 1000, 120, 64)],
      tempMaxC: 64,
      fansRpm: [2896, 2927],
      pools: [
        { url: 'stratum+tcp://sha256.mining-dutch.nl:9996', user: 'xxx', status: 'Alive', accepted: 5, rejected: 0 },
        { url: 'stratum+tcp://sha256.antpool.com:3333', user: 'xxx', status: 'Alive', accepted: 0, rejected: 0 },
        { url: 'stratum+tcp://sha256.mining-dutch.nl:9996', user: 'xxx', status: 'Alive', accepted: 1, rejected: 0 },
      ],
      uptimeS: 155, // summary Elapsed
      hardwareErrors: 0,
    },
  },
  {
    behaviour: 'Avalon 7 stats alone: ten MM ID1..5 modules, one board each, rate from WU, hot but no window',
    replies: () => ({ stats: body('avalon-7xx-stats.json') }),
    expected: {
      model: 'Avalon A741', // Ver[7411706-3162860]
      firmware: '7411706-3162860, cgminer 4.10.0',
      status: 'mining',
      hashrateThs: total(AV7_WU.map(wuThs)),
      expectedHashrateThs: total(AV7_GHSMM) / 1000,
      powerW: null,
      powerSource: null,
      efficiencyJth: null,
      boards: AV7_WU.map((wu, i) => board(i, wuThs(wu), 88, AV7_TMAX[i])), // TA[88]
      tempMaxC: 92,
      fansRpm: [2550, 1440, 2700, 2580, 2430, 4440, 3900, 3150, 2760, 3810],
      pools: [],
      uptimeS: 118,
      hardwareErrors: 0 + 88 + 1 + 0 + 0 + 0 + 1 + 0 + 1 + 0, // HW[...] per module
    },
  },
  {
    behaviour: 'Avalon 8 stats alone: MM ID1..3 (841 and 821 modules), single Fan per module',
    replies: () => ({ stats: body('avalon-8xx-stats.json') }),
    expected: {
      model: 'Avalon A841', // first module Ver[8411803-14b0f10]
      firmware: '8411803-14b0f10, cgminer 4.10.0',
      status: 'mining',
      hashrateThs: total(AV8_WU.map(wuThs)),
      expectedHashrateThs: (13646.2 + 11609.65 + 11513.45) / 1000,
      powerW: null,
      powerSource: null,
      efficiencyJth: null,
      boards: [board(0, wuThs(183226.76), 104, 84), board(1, wuThs(156933.29), 104, 85), board(2, wuThs(153327.38), 104, 83)],
      tempMaxC: 85,
      fansRpm: [5730, 5850, 5610],
      pools: [],
      uptimeS: 63,
      hardwareErrors: 1,
    },
  },
];

describe('parseAvalon on captures', () => {
  it.each(ROWS)('$behaviour', (row) => {
    const replies = row.replies();
    const reading = row.joined ? parseAvalonJoined(replies as object) : parseAvalon(replies);
    expect(reading).toEqual(approx({ driver: 'avalon', make: 'Canaan', ...row.expected }));
  });

  it('version alone has no hash rate: "unexpected" naming what is missing', () => {
    try {
      parseAvalon({ version: body('avalon-a1566-version.json') });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(DeviceError);
      expect((err as DeviceError).kind).toBe('unexpected');
      expect((err as DeviceError).message).toMatch(/no hash rate.*MHS 1m/);
    }
  });
});

describe('Avalon model names', () => {
  it.each([
    ['AvalonMiner 15-194', 'Avalon A1566'],
    ['15-194', 'Avalon A1566'],
    ['AvalonMiner 1566-185', 'Avalon A1566'],
    ['AvalonMiner 1466', 'Avalon A1466'],
    ['AvalonMiner 14-150', 'Avalon A1466'],
    ['AvalonMiner 1047', 'Avalon A1047'],
    ['AvalonMiner 1246-90', 'Avalon A1246'],
    ['AvalonMiner 16-282', 'Avalon A16-282'],
    ['Avalon Nano 3', 'Avalon Nano 3'],
    ['AvalonMiner ', null],
  ])('PROD %j -> %j', (prod, expected) => {
    expect(modelFromProd(prod)).toBe(expected);
  });

  it.each([
    ['15-194-24102401_25462b2_9ddf522', 'Avalon A1566', '24102401_25462b2_9ddf522'],
    ['1047-20051101_85dc6f0_0332654', 'Avalon A1047', '20051101_85dc6f0_0332654'],
    ['7411706-3162860', 'Avalon A741', '7411706-3162860'],
    ['8211803-14b0f10', 'Avalon A821', '8211803-14b0f10'],
    ['custom', null, 'custom'],
  ])('Ver %j -> model %j, firmware %j', (ver, model, firmware) => {
    expect(splitVer(ver)).toEqual({ model, firmware });
  });

  it('falls back to the registered model, then to "Avalon"', () => {
    const stats = { STATS: [{ ID: 'AVA100', 'MM ID0': 'GHSspd[1000.00]' }] };
    expect(parseAvalon({ stats }, { modelHint: 'Avalon A1466' }).model).toBe('Avalon A1466');
    expect(parseAvalon({ stats }, { modelHint: 'A1466' }).model).toBe('Avalon A1466');
    expect(parseAvalon({ stats }).model).toBe('Avalon');
  });
});

// Synthetic replies below isolate one rule each; their shape follows the captures.
const mm = (blob: string) => ({ STATUS: [{ STATUS: 'S', Code: 70 }], STATS: [{ STATS: 0, ID: 'AVA100', Elapsed: 10, 'MM ID0': blob }] });
const summary = (fields: Record<string, unknown>) => ({ STATUS: [{ STATUS: 'S', Code: 11 }], SUMMARY: [fields] });

describe('parseAvalon rules', () => {
  it('power: WALLPOWER, else a plausible last PS value, else the nameplate estimate', () => {
    const hash = summary({ 'MHS 1m': 185_000_000 });
    const version = { VERSION: [{ PROD: 'AvalonMiner 1566-185' }] };
    const wall = parseAvalon({ summary: hash, version, stats: mm('WALLPOWER[3400] PS[0 1 2 3 3300 5 3401]') });
    expect([wall.powerW, wall.powerSource]).toEqual([3400, 'firmware']);
    const ps = parseAvalon({ summary: hash, version, stats: mm('PS[0 1209 1187 297 3300 1188 3401]') });
    expect([ps.powerW, ps.powerSource]).toEqual([3401, 'firmware']);
    // 300 W for 185 TH/s is 1.6 J/TH: not wall power, so the A1566 nameplate (185 TH/s, 3420 W) is used.
    const junk = parseAvalon({ summary: hash, version, stats: mm('PS[0 0 0 0 0 0 300]') });
    expect([junk.powerW, junk.powerSource]).toEqual([expect.closeTo(3420, 6), 'estimated']);
  });

  it.each([
    ['SoftOFF set', summary({ 'MHS 1m': 100_000_000 }), 'SoftOFF[1] GHSmm[185000.00] TMax[60]', 'sleeping'],
    ['work state idle', summary({ 'MHS 1m': 0 }), 'SYSTEMSTATU[Work: In Idle, Hash Board: 3 ] TMax[40]', 'sleeping'],
    ['no hash rate, boards unpowered', summary({ 'MHS 1m': 0 }), 'WALLPOWER[120] TMax[40]', 'sleeping'],
    ['no hash rate, boards powered', summary({ 'MHS 1m': 0 }), 'WALLPOWER[3300] TMax[60]', 'error'],
    ['no hash rate, power unknown', summary({ 'MHS 1m': 0 }), 'TMax[60]', 'error'],
    ['hot and short of GHSmm', summary({ 'MHS 1m': 90_000_000 }), 'GHSmm[185000.00] TMax[95]', 'throttled'],
    ['hot at full rate', summary({ 'MHS 1m': 180_000_000 }), 'GHSmm[185000.00] TMax[95]', 'mining'],
    ['cool and short of GHSmm', summary({ 'MHS 1m': 90_000_000 }), 'GHSmm[185000.00] TMax[70]', 'mining'],
  ])('status: %s -> %s', (_what, s, blob, expected) => {
    expect(parseAvalon({ summary: s, stats: mm(blob) }).status).toBe(expected);
  });

  it('an average since start-up is not compared with GHSmm: a restarting hot miner is not "throttled"', () => {
    const reading = parseAvalon({ stats: mm('GHSavg[50000.00] GHSmm[185000.00] TMax[92]') });
    expect(reading.hashrateThs).toBeCloseTo(50, 9);
    expect(reading.status).toBe('mining');
  });

  it('hash-rate sources in order: summary, devs, GHSspd, GHSavg, MGHS, WU', () => {
    const blob = 'GHSspd[4000.00] GHSavg[3000.00] MGHS[1000.00 1000.00] WU[60000.00]';
    expect(parseAvalon({ summary: summary({ 'MHS 1m': 5e6 }), devs: { DEVS: [{ 'MHS 1m': 6e6 }] }, stats: mm(blob) }).hashrateThs).toBe(5);
    expect(parseAvalon({ devs: { DEVS: [{ 'MHS 1m': 6e6 }, { 'MHS 1m': 1e6 }] }, stats: mm(blob) }).hashrateThs).toBe(7);
    expect(parseAvalon({ stats: mm(blob) }).hashrateThs).toBe(4);
    expect(parseAvalon({ stats: mm('GHSavg[3000.00] MGHS[1000.00 1000.00]') }).hashrateThs).toBe(3);
    expect(parseAvalon({ stats: mm('MGHS[1000.00 1500.00]') }).hashrateThs).toBe(2.5);
    expect(parseAvalon({ stats: mm('WU[60000.00]') }).hashrateThs).toBeCloseTo(4.294967296, 9);
  });
});
