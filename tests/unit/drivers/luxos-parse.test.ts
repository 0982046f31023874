/**
 * parseLuxos and identifyLuxos. The one real LuxOS capture is the Code 14 error reply; every other reply
 * here is unverified: a synthetic S19 XP shaped from protocols.md §1.5 and pyasic's luxminer backend
 * (summary "GHS 5s" in GH/s, Antminer-like STATS[1], POWER[0].Watts, FANS[].RPM, TEMPS[] corner sensors).
 */
import { describe, expect, it } from 'vitest';
import { approx, board, fixtureBody, fixtureText } from '../../support/driver-fixtures';
import { parseCgminerReply, replyStatus } from '../../../collectors/drivers/cgminer-tcp/lenient-json';
import { identifyLuxos, luxosDriver } from '../../../collectors/drivers/luxos';
import { parseLuxos, type LuxosReplies } from '../../../collectors/drivers/luxos/parse';
import type { ProbeReplies } from '../../../collectors/drivers/types';

const DESCRIPTION = 'LUXminer 2026.4.3.192353-6ab4e5077';
const status = (code: number, msg: string) => [{ Code: code, Description: DESCRIPTION, Msg: msg, STATUS: 'S', When: 1777894261 }];
const VERSION_ROW = { API: '3.7', LUXminer: '2026.4.3.192353-6ab4e5077', Miner: '2026.4.3.192353', Type: 'Antminer S19 XP' };

// unverified: synthetic replies (no capture), values chosen for hand-checkable results.
const S19XP = {
  version: { STATUS: status(22, 'LUXminer versions'), VERSION: [VERSION_ROW], id: 1 },
  summary: {
    STATUS: status(11, 'Summary'),
    SUMMARY: [{ Accepted: 5000, Elapsed: 86400, 'GHS 5s': 137903.87, 'GHS av': 140208.51, 'Hardware Errors': 12, Rejected: 3 }],
    id: 1,
  },
  stats: {
    STATUS: status(70, 'CGMiner stats'),
    STATS: [
      VERSION_ROW,
      {
        Elapsed: 86400,
        'GHS 5s': 137903.87,
        ID: 'BTM_SOC0',
        chain_acn1: 110,
        chain_acn2: 110,
        chain_acn3: 110,
        chain_acn4: 0,
        chain_hw1: 4,
        chain_hw2: 5,
        chain_hw3: 3,
        chain_hw4: 0,
        chain_rate1: '46026.54',
        chain_rate2: '46159.76',
        chain_rate3: '45717.58',
        chain_rate4: '',
        fan1: 5030,
        fan2: 4950,
        fan3: 5020,
        fan4: 5070,
        rate_unit: 'GH',
        temp_chip1: '62-65-71-74',
        temp_chip2: '63-66-72-75',
        temp_chip3: '63-66-71-75',
        temp_chip4: '0-0-0-0',
        total_rateideal: 140000,
      },
    ],
    id: 1,
  },
  pools: {
    STATUS: status(7, '1 Pool(s)'),
    POOLS: [{ Accepted: 5000, Rejected: 3, Status: 'Alive', URL: 'stratum+tcp://btc.pool-one.example:3333', User: 'acct.w1' }],
    id: 1,
  },
  power: { STATUS: status(0, 'Power'), POWER: [{ Watts: 2951 }], id: 1 },
  fans: { STATUS: status(202, '4 Fan(s)'), FANS: [5040, 4960, 5010, 0].map((RPM, ID) => ({ ID, RPM, Speed: 78 })), id: 1 },
  temps: {
    STATUS: status(201, '3 Temp(s)'),
    TEMPS: [
      { BottomLeft: 71, BottomRight: 62, ID: 0, TopLeft: 74, TopRight: 65 },
      { BottomLeft: 72, BottomRight: 63, ID: 1, TopLeft: 75, TopRight: 66 },
      { BottomLeft: 71, BottomRight: 63, ID: 2, TopLeft: 76, TopRight: 66 },
    ],
    id: 1,
  },
} satisfies Required<LuxosReplies>;

describe('the real LuxOS capture (Code 14, STATUS keys sorted)', () => {
  const raw = fixtureText('luxos-error-invalid-command.json');

  it('is an "api-error" DeviceError naming the message and the code', () => {
    expect(() => parseCgminerReply(raw, 'power', '10.0.0.7:4028')).toThrow(
      expect.objectContaining({ name: 'DeviceError', kind: 'api-error', message: 'Invalid command (code 14)' }),
    );
  });

  it('sorted STATUS keys still give the envelope: letter, code, message, Description', () => {
    expect(replyStatus(JSON.parse(raw))).toEqual({ letter: 'E', code: 14, msg: 'Invalid command', description: DESCRIPTION });
  });

  it('is enough for identify: the Description names LUXminer', () => {
    const probe: ProbeReplies = { cgminer: { version: JSON.parse(raw), stats: null, devdetails: null, summary: null } };
    expect(identifyLuxos(probe)).toEqual({ driver: 'luxos', make: 'Bitmain', model: 'Antminer', firmware: DESCRIPTION });
  });
});

describe('parseLuxos (unverified shapes)', () => {
  it('reads the full S19 XP set: summary GHS 5s, stats boards and ideal rate, POWER watts, FANS, TEMPS', () => {
    expect(parseLuxos(S19XP)).toEqual(
      approx({
        driver: 'luxos',
        make: 'Bitmain',
        model: 'Antminer S19 XP',
        firmware: 'LUXminer 2026.4.3.192353-6ab4e5077',
        status: 'mining',
        hashrateThs: 137903.87 / 1000,
        expectedHashrateThs: 140000 / 1000,
        powerW: 2951,
        powerSource: 'firmware',
        efficiencyJth: 2951 / (137903.87 / 1000),
        boards: [board(0, 46026.54 / 1000, 110, 74), board(1, 46159.76 / 1000, 110, 75), board(2, 45717.58 / 1000, 110, 75)],
        tempMaxC: 76, // TEMPS ID 2 TopLeft
        fansRpm: [5040, 4960, 5010],
        pools: [{ url: 'stratum+tcp://btc.pool-one.example:3333', user: 'acct.w1', status: 'Alive', accepted: 5000, rejected: 3 }],
        uptimeS: 86400,
        hardwareErrors: 12,
      }),
    );
  });

  it('summary alone (every optional command failed): a reading with the registered model', () => {
    const reading = parseLuxos({ summary: S19XP.summary }, { modelHint: 'Antminer S19 XP' });
    expect(reading).toMatchObject({ model: 'Antminer S19 XP', firmware: DESCRIPTION, boards: [], fansRpm: [], expectedHashrateThs: null });
    // nameplate S19 XP: 3010 W at 140 TH/s
    expect([reading.powerW, reading.powerSource]).toEqual([expect.closeTo((3010 / 140) * 137.90387, 6), 'estimated']);
  });

  it('without POWER the model from VERSION Type gives the nameplate estimate; stats fans stand in for FANS', () => {
    const reading = parseLuxos({ summary: S19XP.summary, version: S19XP.version, stats: S19XP.stats });
    expect(reading.powerSource).toBe('estimated');
    expect(reading.fansRpm).toEqual([5030, 4950, 5020, 5070]);
    expect(reading.tempMaxC).toBe(75);
  });

  it('boards without stats chip temperatures take their TEMPS row (0-based ID order)', () => {
    const dev = { ...S19XP.stats.STATS[1], temp_chip1: '-', temp_chip2: '-', temp_chip3: '-' };
    const stats = { ...S19XP.stats, STATS: [VERSION_ROW, dev] };
    const reading = parseLuxos({ summary: S19XP.summary, stats, temps: S19XP.temps });
    expect(reading.boards.map((b) => b.tempC)).toEqual([74, 75, 76]);
  });

  it('a stats reply without a device block costs only the board fields', () => {
    const reading = parseLuxos({ ...S19XP, stats: { STATUS: status(70, 'CGMiner stats'), STATS: [VERSION_ROW] } });
    expect(reading).toMatchObject({
      hashrateThs: expect.closeTo(137903.87 / 1000, 9),
      boards: [],
      expectedHashrateThs: null,
      powerW: 2951,
    });
  });

  it.each([
    ['curtailed: no hash rate, idle control board', 'sleeping', { 'GHS 5s': 0 }, 150, 75],
    ['no hash rate while the boards draw power', 'error', { 'GHS 5s': 0 }, 3000, 75],
    ['hot chips and well below the ideal rate', 'throttled', { 'GHS 5s': 60000 }, 2000, 92],
    ['cool and below the ideal rate', 'mining', { 'GHS 5s': 60000 }, 2000, 70],
  ])('status: %s -> %s', (_what, expected, fields, watts, chipC) => {
    const temps = { ...S19XP.temps, TEMPS: [{ BottomLeft: chipC, ID: 0 }] };
    const dev = { ...S19XP.stats.STATS[1], temp_chip1: '-', temp_chip2: '-', temp_chip3: '-' };
    const reading = parseLuxos({
      summary: { ...S19XP.summary, SUMMARY: [fields] },
      stats: { ...S19XP.stats, STATS: [VERSION_ROW, dev] },
      power: { ...S19XP.power, POWER: [{ Watts: watts }] },
      temps,
    });
    expect(reading.status).toBe(expected);
  });

  it('throws "unexpected" without SUMMARY[0], without "GHS 5s", or with a negative one', () => {
    for (const summary of [{ STATUS: status(11, 'Summary') }, { SUMMARY: [{ Elapsed: 5 }] }, { SUMMARY: [{ 'GHS 5s': -3 }] }]) {
      expect(() => parseLuxos({ summary })).toThrow(expect.objectContaining({ kind: 'unexpected' }));
    }
  });
});

describe('identifyLuxos', () => {
  it('is the "luxos" cgminer driver on 4028', () => {
    expect([luxosDriver.name, luxosDriver.protocol, luxosDriver.defaultPort]).toEqual(['luxos', 'cgminer', 4028]);
  });

  it('claims a VERSION with a LUXminer key, naming the Antminer model from Type', () => {
    const probe: ProbeReplies = { cgminer: { version: { VERSION: [VERSION_ROW] }, stats: null, devdetails: null, summary: null } };
    expect(identifyLuxos(probe)).toEqual({ driver: 'luxos', make: 'Bitmain', model: 'Antminer S19 XP', firmware: DESCRIPTION });
  });

  it.each([
    ['stock S19 Pro', 'antminer-s19pro-version.json', 'antminer-s19pro-stats.json'],
    ['BOSminer+', 'braiins-bosplus-s9-version.json', null],
    ['Vnish S17+', null, 'vnish-s17plus-stats.json'],
    ['mskminer S19', 'mskminer-s19-version.json', 'mskminer-s19-stats.json'],
  ])('does not claim %s', (_what, version, stats) => {
    const probe: ProbeReplies = {
      cgminer: {
        version: version ? fixtureBody(version) : null,
        stats: stats ? fixtureBody(stats) : null,
        devdetails: null,
        summary: null,
      },
    };
    expect(identifyLuxos(probe)).toBeNull();
  });

  it('does not claim a Whatsminer summary, and answers null without cgminer replies', () => {
    const probe: ProbeReplies = {
      cgminer: { version: null, stats: null, devdetails: null, summary: fixtureBody('whatsminer-m31s-summary.json') },
    };
    expect(identifyLuxos(probe)).toBeNull();
    expect(identifyLuxos({})).toBeNull();
  });
});
