/**
 * parseAxeos and identifyAxeos over the real Bitaxe/NerdQAxe captures; expected numbers were read off each
 * capture by hand (hashRate GH/s / 1000 = TH/s). Then the quirks protocols.md §1.9 lists, one test each.
 */
import { describe, expect, it } from 'vitest';
import { approx, board, fixtureText } from '../../support/driver-fixtures';
import { identifyAxeos } from '../../../collectors/drivers/axeos';
import { BITAXE_MODEL_BY_ASIC, parseAxeos } from '../../../collectors/drivers/axeos/parse';
import { DeviceError, type HttpProbeReply } from '../../../collectors/drivers/types';
import type { Reading } from '../../../lib/domain/reading';

const BITAXE_INFO = 'bitaxe-gamma-axeos-2.12.2-api-system-info.json';
const BITAXE_ASIC = 'bitaxe-gamma-axeos-api-system-asic.json';
const NERD_INFO = 'nerdqaxe-plusplus-nerdos-1.1.0b1-api-system-info.json';
const NERD_ASIC = 'nerdqaxe-plusplus-nerdos-api-system-asic.json';
const STATISTICS = 'bitaxe-axeos-api-system-statistics.docs.json';

const json = (name: string): Record<string, unknown> => JSON.parse(fixtureText(name)) as Record<string, unknown>;
const BITAXE_USER = 'bc1qnp980s5fpp8l94p5cvttmtdqy8rvrq74qly2yrfmzkdsntqzlc5qkc4rkq.bitaxe';

const BITAXE: Reading = {
  driver: 'axeos',
  make: 'Bitaxe',
  model: 'Bitaxe Gamma',
  firmware: 'AxeOS v2.12.2',
  status: 'mining',
  hashrateThs: 1072.2407227 / 1000,
  expectedHashrateThs: 1071 / 1000,
  powerW: 18.7522583,
  powerSource: 'firmware',
  efficiencyJth: 18.7522583 / (1072.2407227 / 1000),
  boards: [board(0, 1072.2407227 / 1000, 1, 60.125)],
  tempMaxC: 60.125, // temp (ASIC); temp2 -1 = none; vrTemp 62 is the regulator, not a chip
  fansRpm: [3915], // fan2rpm 0 = no second fan
  pools: [
    // isUsingFallbackStratum 1: the fallback pool is the one mining, with the session's shares
    { url: 'public-pool.io:21496', user: BITAXE_USER, status: 'Standby', accepted: 0, rejected: 0 },
    { url: 'solo.ckpool.org:3333', user: BITAXE_USER, status: 'Alive', accepted: 4768, rejected: 13 },
  ],
  uptimeS: 18574,
  hardwareErrors: 1415, // hashrateMonitor.asics[0].errorCount
};

const NERD: Reading = {
  driver: 'axeos',
  make: 'NerdMiner',
  model: 'NerdQAxe++',
  firmware: 'NerdOS v1.1.0-beta1',
  status: 'mining',
  hashrateThs: 5455.551 / 1000,
  expectedHashrateThs: null, // NerdOS sends no expectedHashrate
  powerW: 103, // an integer on NerdOS
  powerSource: 'firmware',
  efficiencyJth: 103 / (5455.551 / 1000),
  boards: [board(0, 5455.551 / 1000, 4, 59.875)],
  tempMaxC: 59.875, // asicTemps are all 0 (unread), vrTemp 55.9375 not a chip
  fansRpm: [1796, 1557], // fans[].rpm
  pools: [
    { url: '172.17.1.6:2018', user: 'abc.qaxe6', status: 'Alive', accepted: 3492, rejected: 3 },
    { url: 'solo.ckpool.org:3333', user: 'abc.qaxe6', status: 'Standby', accepted: 0, rejected: 0 },
  ],
  uptimeS: 43173,
  hardwareErrors: null,
};

describe('parseAxeos on captures', () => {
  it.each([
    { behaviour: 'Bitaxe Gamma info + asic (model from asic deviceModel "Gamma")', info: BITAXE_INFO, asic: BITAXE_ASIC, expected: BITAXE },
    {
      behaviour: 'Bitaxe Gamma info alone (model from ASICModel BM1370, one ASIC in hashrateMonitor)',
      info: BITAXE_INFO,
      asic: null,
      expected: BITAXE,
    },
    { behaviour: 'NerdQAxe++ info + asic', info: NERD_INFO, asic: NERD_ASIC, expected: NERD },
    { behaviour: 'NerdQAxe++ info alone (deviceModel and asicCount are in info)', info: NERD_INFO, asic: null, expected: NERD },
  ])('$behaviour', ({ info, asic, expected }) => {
    const reading = parseAxeos({ info: json(info), asic: asic ? json(asic) : null });
    expect(reading).toEqual(approx(expected));
  });

  it('the statistics docs example is not system info: a clear "unexpected", never a reading', () => {
    // The driver does not poll /api/system/statistics (it needs statsFrequency > 0, and info has the same
    // figures); a device answering it at /api/system/info must not read as a Bitaxe at 0 TH/s.
    expect(() => parseAxeos({ info: json(STATISTICS) })).toThrow(/statistics table/);
    try {
      parseAxeos({ info: json(STATISTICS) });
    } catch (err) {
      expect((err as DeviceError).kind).toBe('unexpected');
    }
  });

  it('the /api/system/asic replies alone are not system info', () => {
    for (const name of [BITAXE_ASIC, NERD_ASIC]) {
      expect(() => parseAxeos({ info: json(name) })).toThrow(new DeviceError('unexpected', '/api/system/info has no "hashRate" (GH/s)'));
    }
  });
});

const probe = (body: unknown, status = 200): { http: Record<string, HttpProbeReply> } => ({
  http: { '/api/system/info': { status, wwwAuthenticate: null, json: body, text: JSON.stringify(body) } },
});

describe('identifyAxeos', () => {
  it.each([
    [BITAXE_INFO, { driver: 'axeos', make: 'Bitaxe', model: 'Bitaxe Gamma', firmware: 'AxeOS v2.12.2' }],
    [NERD_INFO, { driver: 'axeos', make: 'NerdMiner', model: 'NerdQAxe++', firmware: 'NerdOS v1.1.0-beta1' }],
  ])('%s', (name, identity) => {
    expect(identifyAxeos(probe(json(name)))).toEqual(identity);
  });

  it.each([
    ['the statistics docs example', () => json(STATISTICS)],
    ['the Bitaxe /api/system/asic reply', () => json(BITAXE_ASIC)],
    ['the NerdOS /api/system/asic reply', () => json(NERD_ASIC)],
    ['a JSON object without the ESP-Miner keys', () => ({ hashRate: 10, version: 'v1' })],
    ['a gpu-agent reply', () => ({ agent: 'hashwatt-gpu-agent', version: '0.1.0', gpus: [] })],
    ['a JSON array', () => [1, 2]],
    ['no JSON at all', () => null],
  ])('does not claim %s', (_what, body) => {
    expect(identifyAxeos(probe(body()))).toBeNull();
  });

  it('does not claim a 401 (outside the allowed network) or a cgminer-only probe', () => {
    expect(identifyAxeos(probe(json(BITAXE_INFO), 401))).toBeNull();
    expect(identifyAxeos({ cgminer: { version: { STATUS: [] }, stats: null, devdetails: null, summary: null } })).toBeNull();
    expect(identifyAxeos({})).toBeNull();
  });
});

describe('AxeOS quirks (protocols.md §1.9)', () => {
  const info = () => json(BITAXE_INFO);

  it('hash rates are GH/s: hashRate 1000 is 1 TH/s, expectedHashrate likewise', () => {
    const r = parseAxeos({ info: { ...info(), hashRate: 1000, expectedHashrate: 1200 } });
    expect([r.hashrateThs, r.expectedHashrateThs]).toEqual([1, 1.2]);
  });

  it('temp2 -1 means no second sensor; a real temp2 counts as a chip temperature', () => {
    expect(parseAxeos({ info: { ...info(), temp2: -1 } }).tempMaxC).toBe(60.125);
    expect(parseAxeos({ info: { ...info(), temp2: 71.5 } }).tempMaxC).toBe(71.5);
    expect(parseAxeos({ info: { ...info(), temp: 0, temp2: -1, vrTemp: undefined } }).tempMaxC).toBeNull();
  });

  it('vrTemp stands in only when no ASIC temperature is readable', () => {
    expect(parseAxeos({ info: { ...info(), temp: 0, temp2: -1 } }).tempMaxC).toBe(62);
  });

  it('fans: fanrpm/fan2rpm on AxeOS, fans[] on NerdOS (fanrpm2 spelling too), 0 RPM dropped', () => {
    expect(parseAxeos({ info: { ...info(), fan2rpm: 2500 } }).fansRpm).toEqual([3915, 2500]);
    const nerd = json(NERD_INFO);
    delete nerd.fans;
    expect(parseAxeos({ info: nerd }).fansRpm).toEqual([1796, 1557]);
  });

  it('power is firmware watts; without it the nameplate estimate is used', () => {
    const r = parseAxeos({ info: { ...info(), power: undefined, hashRate: 1200 } });
    // nameplate Bitaxe Gamma: 1.2 TH/s at 18 W
    expect([r.powerW, r.powerSource]).toEqual([expect.closeTo(18, 9), 'estimated']);
  });

  it('pool in use follows isUsingFallbackStratum', () => {
    const r = parseAxeos({ info: { ...info(), isUsingFallbackStratum: 0 } });
    expect(r.pools.map((p) => [p.status, p.accepted, p.rejected])).toEqual([
      ['Alive', 4768, 13],
      ['Standby', 0, 0],
    ]);
  });

  it('a disconnected NerdOS pool is Dead', () => {
    const nerd = json(NERD_INFO);
    (nerd.stratum as { pools: Array<Record<string, unknown>> }).pools[0].connected = false;
    expect(parseAxeos({ info: nerd }).pools[0].status).toBe('Dead');
  });

  it('overheat_mode is throttled; no hash rate is an error', () => {
    expect(parseAxeos({ info: { ...info(), overheat_mode: 1 } }).status).toBe('throttled');
    expect(parseAxeos({ info: { ...info(), hashRate: 0 } }).status).toBe('error');
  });

  it.each([
    ['BM1370', '601', 'Bitaxe Gamma'],
    ['BM1368', '401', 'Bitaxe Supra'],
    ['BM1366', '204', 'Bitaxe Ultra'],
    ['BM1397', '0.11', 'Bitaxe Max'],
    [undefined, '602', 'Bitaxe Gamma'],
    [undefined, '402', 'Bitaxe Supra'],
    ['BM9999', 'x', 'Bitaxe'],
  ])('ASICModel %j on board %j is %j (no /system/asic)', (asicModel, boardVersion, model) => {
    const r = parseAxeos({ info: { ...info(), ASICModel: asicModel, boardVersion } });
    expect(r.model).toBe(model);
  });

  it('the mapping table is the documented one', () => {
    expect(BITAXE_MODEL_BY_ASIC).toEqual({ BM1370: 'Bitaxe Gamma', BM1368: 'Bitaxe Supra', BM1366: 'Bitaxe Ultra', BM1397: 'Bitaxe Max' });
  });

  it('an unknown Bitaxe takes the registered model', () => {
    const r = parseAxeos({ info: { ...info(), ASICModel: 'BM9999', boardVersion: '' } }, { modelHint: 'Bitaxe Hex' });
    expect(r.model).toBe('Bitaxe Hex');
  });

  it('no hashRate, or not an object, is "unexpected"', () => {
    for (const body of [{ ...info(), hashRate: 'fast' }, [], 'text', null]) {
      expect(() => parseAxeos({ info: body })).toThrow(DeviceError);
    }
  });
});
