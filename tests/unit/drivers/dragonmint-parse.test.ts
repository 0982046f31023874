/**
 * parseDragonmint and identifyDragonmint over the DragonMint T1 `/api/summary` capture; expected numbers
 * were read off the capture by hand (per-board "MHS 1m" / 1e6 = TH/s).
 */
import { describe, expect, it } from 'vitest';
import { approx, board, fixtureText } from '../../support/driver-fixtures';
import { identifyDragonmint } from '../../../collectors/drivers/dragonmint';
import { dragonmintModel, parseDragonmint } from '../../../collectors/drivers/dragonmint/parse';
import { DeviceError, type ProbeReplies } from '../../../collectors/drivers/types';
import type { Reading } from '../../../lib/domain/reading';

const summary = () => JSON.parse(fixtureText('dragonmint-t1-http-api-summary.json')) as Record<string, unknown>;
const overview = () => JSON.parse(fixtureText('innosilicon-t2-http-api-overview.json')) as Record<string, unknown>;
const USER = 'brndnmtthws.dragon-0ade5';

const T1: Omit<Reading, 'driver' | 'make'> = {
  model: 'DragonMint T1', // DEVS Name "DT1"
  firmware: '', // only /api/overview carries it
  status: 'mining',
  hashrateThs: (4830953.1 + 4784555.03 + 4976618.15) / 1e6, // "MHS 1m" of ASC 0, 1, 2
  expectedHashrateThs: null,
  powerW: null, // no power in the API, no DragonMint nameplate
  powerSource: null,
  efficiencyJth: null,
  boards: [board(0, 4830953.1 / 1e6, null, 72), board(1, 4784555.03 / 1e6, null, 67), board(2, 4976618.15 / 1e6, null, 67)],
  tempMaxC: 72,
  fansRpm: [], // HARDWARE "Fan duty": 59 is a percentage
  pools: [
    { url: 'stratum+tcp://us-east.stratum.slushpool.com:3333', user: USER, status: 'Alive', accepted: 1030, rejected: 6 },
    {
      url: 'stratum+tcp://pool.ckpool.org:3333',
      user: '3GWdXx9dfLPvSe7d8UnxjnDnSAJodTTbrt.dragon-0ade5',
      status: 'Alive',
      accepted: 0,
      rejected: 0,
    },
  ],
  uptimeS: 4792, // "Device Elapsed"
  hardwareErrors: 6600 + 2380 + 7976,
};

function kindOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DeviceError);
    expect((err as DeviceError).message).not.toBe('');
    return (err as DeviceError).kind;
  }
  return 'no error';
}

describe('parseDragonmint on the capture', () => {
  it.each([
    ['summary alone', () => ({ summary: summary() }), T1],
    // Synthetic overview in the shape of the T2 capture (the DragonMint UI answers the same /api/overview).
    [
      'summary + overview',
      () => ({ summary: summary(), overview: { success: true, type: 'T1', version: { platform_v: 't1_20180612_031240' } } }),
      { ...T1, firmware: 't1_20180612_031240' },
    ],
  ])('%s', (_what, replies, expected) => {
    expect(parseDragonmint(replies())).toEqual(approx({ driver: 'dragonmint', make: 'Halong', ...expected }));
  });
});

describe('parseDragonmint rules', () => {
  const devs = (rows: Array<Record<string, unknown>>) => ({ success: true, DEVS: rows });

  it.each([
    ['"success": false', { success: false, msg: 'unauthorized' }, 'api-error'],
    ['not an object', [1, 2, 3], 'unexpected'],
    ['no DEVS rows', { success: true, DEVS: [] }, 'unexpected'],
    ['rows without a hash rate', devs([{ ASC: 0, Temperature: 60 }]), 'unexpected'],
  ])('%s -> %s', (_what, body, kind) => {
    expect(kindOf(() => parseDragonmint({ summary: body }))).toBe(kind);
  });

  it('boards sorted by ASC; "Hash Rate" and "MHS av" are later fallbacks', () => {
    const r = parseDragonmint({
      summary: devs([
        { ASC: 1, 'Hash Rate': 2e6 },
        { ASC: 0, 'MHS av': 1e6, Temperature: 0 },
      ]),
    });
    expect(r.boards).toEqual([board(0, 1, null, null), board(1, 2, null, null)]);
    expect(r.hashrateThs).toBe(3);
  });

  it.each([
    [
      'every board disabled, no hash rate',
      [
        { 'MHS 1m': 0, Enabled: 'N' },
        { 'MHS 1m': 0, Enabled: 'N' },
      ],
      'sleeping',
    ],
    ['enabled boards, no hash rate', [{ 'MHS 1m': 0, Enabled: 'Y' }], 'error'],
    ['hashing', [{ 'MHS 1m': 4e6, Enabled: 'Y' }], 'mining'],
  ])('status: %s -> %s', (_what, rows, expected) => {
    expect(parseDragonmint({ summary: devs(rows) }).status).toBe(expected);
  });

  it.each([
    [['DT1'], null, null, 'DragonMint T1'],
    [['X'], { type: 'B29' }, null, 'DragonMint B29'],
    [['X'], { type: 'T2' }, 'T1', 'DragonMint T1'],
    [[], null, 'DragonMint B52', 'DragonMint B52'],
    [[], null, null, 'DragonMint'],
  ])('model from names %j, overview %j, hint %j -> %j', (names, ov, hint, expected) => {
    expect(dragonmintModel(names, ov, hint)).toBe(expected);
  });
});

describe('identifyDragonmint', () => {
  const probe = (http: Record<string, unknown>): ProbeReplies => ({
    http: Object.fromEntries(
      Object.entries(http).map(([path, json]) => [path, { status: 200, wwwAuthenticate: null, json, text: JSON.stringify(json) }]),
    ),
  });

  it('claims the /api/summary capture (DEVS named DT1)', () => {
    expect(identifyDragonmint(probe({ '/api/summary': summary() }))).toEqual({
      driver: 'dragonmint',
      make: 'Halong',
      model: 'DragonMint T1',
      firmware: '',
    });
  });

  it('claims a summary with DEVS next to an overview of a DragonMint type', () => {
    const s = { success: true, DEVS: [{ ASC: 0, Name: 'X', 'MHS 1m': 1 }] };
    const ov = { success: true, type: 'B52', version: { platform_v: 'b52_2018' } };
    expect(identifyDragonmint(probe({ '/api/summary': s, '/api/overview': ov }))).toEqual({
      driver: 'dragonmint',
      make: 'Halong',
      model: 'DragonMint B52',
      firmware: 'b52_2018',
    });
  });

  it.each([
    ['the Innosilicon T2 overview alone', { '/api/overview': overview() }],
    ['a summary that says success false', { '/api/summary': { ...summary(), success: false } }],
    ['a summary without DT names and no overview', { '/api/summary': { success: true, DEVS: [{ Name: 'SM' }] } }],
    ['a non-JSON page', { '/api/summary': null }],
  ])('does not claim %s', (_what, http) => {
    expect(identifyDragonmint(probe(http))).toBeNull();
  });

  it('does not claim cgminer probes', () => {
    expect(identifyDragonmint({ cgminer: { version: null, stats: null, devdetails: null, summary: summary() } })).toBeNull();
  });
});
