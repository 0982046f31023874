/**
 * Antminer web UI (CGI) captures through the driver's parse entry (parseJsonReply, then parseAntminerWeb)
 * and identify(). Expected numbers were read off each capture by hand (rates are GH/s: / 1000 = TH/s).
 */
import { describe, expect, it } from 'vitest';
import { approx, board, fixtureText } from '../../support/driver-fixtures';
import { identifyAntminerWeb, antminerWebDriver } from '../../../collectors/drivers/antminer-web';
import { describeAntminerWeb, parseAntminerWeb } from '../../../collectors/drivers/antminer-web/parse';
import { parseJsonReply } from '../../../collectors/drivers/http/client';
import { DeviceError, type HttpProbeReply } from '../../../collectors/drivers/types';
import type { Reading } from '../../../lib/domain/reading';

/** A capture as the driver gets it: the body of a 200 through parseJsonReply. */
const cgi = (name: string) => parseJsonReply({ status: 200, headers: {}, text: fixtureText(name) }, `GET ${name}`, `http://miner/${name}`);

const STATS = 'antminer-s19proplus-http-stats.cgi.json';
const SUMMARY = 'antminer-s21-http-summary.cgi.json';
const SYSTEM_INFO = 'antminer-s19pro-http-get_system_info.cgi.json';
const MINER_CONF = 'antminer-s19-http-get_miner_conf.cgi.json';

function catchError(fn: () => unknown): DeviceError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DeviceError);
    return err as DeviceError;
  }
  throw new Error('expected a DeviceError');
}

const ROWS: Array<{ behaviour: string; replies: Record<string, string>; expected: Reading }> = [
  {
    behaviour: 'S19Pro+ stats.cgi: STATUS object, rate_unit GH/s, chain[] arrays, fan[], per-chain hw',
    replies: { stats: STATS },
    expected: {
      driver: 'antminer-web',
      make: 'Bitmain',
      model: 'Antminer S19Pro+',
      firmware: 'uart_trans.1.3, Sat Mar 11 14:02:23 CST 2023',
      status: 'mining',
      hashrateThs: 121056.23 / 1000,
      expectedHashrateThs: 120000.0 / 1000,
      powerW: null, // no S19Pro+ nameplate, stock firmware reports no power
      powerSource: null,
      efficiencyJth: null,
      boards: [
        board(0, 40044.21 / 1000, 120, 63), // temp_chip [32, 32, 63, 63]
        board(1, 39582.42 / 1000, 120, 66), // temp_chip [36, 36, 66, 66]
        board(2, 41429.6 / 1000, 120, 63), // temp_chip [33, 33, 63, 63]
      ],
      tempMaxC: 66,
      fansRpm: [3270, 3420, 3510, 3510],
      pools: [],
      uptimeS: 17065,
      hardwareErrors: 4 + 3 + 2, // chain[].hw, no summary.cgi
    },
  },
  {
    behaviour: 'S21 summary.cgi alone: totals, health flags all "s", hw_all, estimated power',
    replies: { summary: SUMMARY },
    expected: {
      driver: 'antminer-web',
      make: 'Bitmain',
      model: 'Antminer S21',
      firmware: 'uart_trans.1.3, Thu Jul 11 16:38:25 CST 2024',
      status: 'mining',
      hashrateThs: 206238.69 / 1000,
      expectedHashrateThs: 200000.0 / 1000,
      powerW: (3500 / 200) * (206238.69 / 1000), // nameplate S21: 200 TH/s at 3500 W
      powerSource: 'estimated',
      efficiencyJth: 3500 / 200,
      boards: [],
      tempMaxC: null,
      fansRpm: [],
      pools: [],
      uptimeS: 3817,
      hardwareErrors: 2,
    },
  },
  {
    behaviour: 'S21 summary.cgi + old get_miner_conf.cgi (leading blank lines): the configured pools',
    replies: { summary: SUMMARY, minerConf: MINER_CONF },
    expected: {
      driver: 'antminer-web',
      make: 'Bitmain',
      model: 'Antminer S21',
      firmware: 'uart_trans.1.3, Thu Jul 11 16:38:25 CST 2024',
      status: 'mining', // "bitmain-work-mode" "1" (sleep) is configured, but it hashes: the rate wins
      hashrateThs: 206238.69 / 1000,
      expectedHashrateThs: 200000.0 / 1000,
      powerW: (3500 / 200) * (206238.69 / 1000),
      powerSource: 'estimated',
      efficiencyJth: 3500 / 200,
      boards: [],
      tempMaxC: null,
      fansRpm: [],
      pools: [
        { url: 'aaa:700', user: 'aaa.248x75', status: 'Configured', accepted: 0, rejected: 0 },
        { url: 'bbb:6000', user: 'bbb.248x75', status: 'Configured', accepted: 0, rejected: 0 },
        { url: 'ccc:1314', user: 'ccc.248x75', status: 'Configured', accepted: 0, rejected: 0 },
      ],
      uptimeS: 3817,
      hardwareErrors: 2,
    },
  },
];

describe('parseAntminerWeb on the captures', () => {
  it.each(ROWS)('$behaviour', ({ replies, expected }) => {
    const bodies = Object.fromEntries(Object.entries(replies).map(([k, name]) => [k, cgi(name)]));
    expect(parseAntminerWeb(bodies)).toEqual(approx(expected));
  });

  it('old firmware get_system_info.cgi names model and firmware build (S19 Pro, Release of Jun 1 2020)', () => {
    expect(describeAntminerWeb([], cgi(SYSTEM_INFO), null)).toEqual({
      model: 'Antminer S19 Pro',
      firmware: 'Release, Mon Jun 1 20:27:44 CST 2020',
    });
  });

  it('get_system_info.cgi alone has no hash rate: unexpected, naming what is missing', () => {
    const err = catchError(() => parseAntminerWeb({ systemInfo: cgi(SYSTEM_INFO), minerConf: cgi(MINER_CONF) }));
    expect([err.kind, err.message]).toEqual(['unexpected', 'web UI answered neither stats.cgi nor summary.cgi']);
  });

  it('INFO.type wins over get_system_info; the registered model is the last resort', () => {
    expect(describeAntminerWeb([cgi(SUMMARY)], cgi(SYSTEM_INFO), 'x').model).toBe('Antminer S21');
    expect(describeAntminerWeb([{ STATUS: {} }], null, 'Antminer S19 XP')).toEqual({ model: 'Antminer S19 XP', firmware: '' });
    expect(describeAntminerWeb([null], { minertype: 'S19j Pro' }, null).model).toBe('Antminer S19j Pro');
  });
});

describe('web UI quirks', () => {
  const statsRow = (fields: Record<string, unknown>) => ({ STATUS: { STATUS: 'S', Msg: 'stats' }, STATS: [fields] });

  it('STATUS as an array (a second firmware variant) reads the same as the object', () => {
    const obj = cgi(SUMMARY) as Record<string, unknown>;
    const arr = { ...obj, STATUS: [obj.STATUS] };
    expect(parseAntminerWeb({ summary: arr })).toEqual(parseAntminerWeb({ summary: obj }));
  });

  it('STATUS E is an api-error with the firmware message', () => {
    const err = catchError(() => parseAntminerWeb({ stats: { STATUS: { STATUS: 'E', Msg: 'busy' } } }));
    expect([err.kind, err.message]).toEqual(['api-error', 'stats.cgi answered STATUS E: busy']);
  });

  it.each([
    ['GH/s', 121000, 121],
    ['TH/s', 121, 121],
    ['MH/s', 121e6, 121],
    ['H/s', 121e12, 121],
    [undefined, 121000, 121],
  ])('rate_unit %j: %d -> %d TH/s', (unit, rate, ths) => {
    expect(parseAntminerWeb({ stats: statsRow({ rate_5s: rate, rate_unit: unit }) }).hashrateThs).toBeCloseTo(ths, 9);
  });

  it('chains with no chips and no rate are absent boards; the rest keep order; empty temp arrays are null', () => {
    const chain = [
      { index: 2, rate_real: 40000, asic_num: 108, temp_chip: [60, 61, 70, 71], temp_pcb: [50, 50, 60, 60] },
      { index: 1, rate_real: 0, asic_num: 0, temp_chip: [], temp_pcb: [] },
      { index: 0, rate_real: 41000, asic_num: 108, temp_chip: [], temp_pcb: [45, 46, 55, 56] },
    ];
    const r = parseAntminerWeb({ stats: statsRow({ rate_5s: 81000, chain }) });
    expect(r.boards).toEqual([board(0, 41, 108, 56), board(1, 40, 108, 71)]);
  });

  it.each([
    [
      'hot chips and a shortfall',
      { rate_5s: 50000, rate_ideal: 200000, chain: [{ asic_num: 108, rate_real: 50000, temp_chip: [80, 80, 96, 96] }] },
      {},
      null,
      'throttled',
    ],
    ['the temp health flag raised and a shortfall', { rate_5s: 50000, rate_ideal: 200000 }, { temp: 'e' }, null, 'throttled'],
    [
      'no hash and miner-mode 1 (sleep)',
      { rate_5s: 0, 'miner-mode': 1, fan: [3000], chain: [{ asic_num: 108, rate_real: 0 }] },
      {},
      null,
      'sleeping',
    ],
    [
      'no hash and work mode "1" in get_miner_conf.cgi',
      { rate_5s: 0, fan: [3000], chain: [{ asic_num: 108, rate_real: 0 }] },
      {},
      'conf',
      'sleeping',
    ],
    [
      'no hash, no board, no fan (powered down, KS5 doc example)',
      { rate_5s: 0, fan: [], chain: [{ asic_num: 0, rate_real: 0 }] },
      {},
      null,
      'sleeping',
    ],
    [
      'no hash with boards and fans running',
      { rate_5s: 0, fan: [3000], chain: [{ asic_num: 108, rate_real: 0 }] },
      { rate: 'e' },
      null,
      'error',
    ],
  ])('status: %s', (_what, stats, flags, conf, expected) => {
    const summary = {
      STATUS: { STATUS: 'S' },
      SUMMARY: [{ status: Object.entries(flags).map(([type, status]) => ({ type, status, code: 1, msg: '' })) }],
    };
    const replies = { stats: statsRow(stats), summary, minerConf: conf ? cgi(MINER_CONF) : null };
    expect(parseAntminerWeb(replies).status).toBe(expected);
  });

  it('pools.cgi rows with lower-case keys (and cgminer case) are pools; empty URLs are skipped', () => {
    const pools = {
      STATUS: { STATUS: 'S', Msg: 'pools' },
      POOLS: [
        { index: 0, url: 'stratum+tcp://a.example:3333', user: 'acct.w', status: 'Alive', accepted: 12, rejected: 1 },
        { URL: 'stratum+tcp://b.example:3333', User: 'acct.w', Status: 'Dead', Accepted: '3', Rejected: -4 },
        { url: '', user: '' },
      ],
    };
    expect(parseAntminerWeb({ summary: cgi(SUMMARY), pools }).pools).toEqual([
      { url: 'stratum+tcp://a.example:3333', user: 'acct.w', status: 'Alive', accepted: 12, rejected: 1 },
      { url: 'stratum+tcp://b.example:3333', user: 'acct.w', status: 'Dead', accepted: 3, rejected: 0 },
    ]);
  });

  it('a 404 page or non-JSON body is a clear error from the parse entry', () => {
    const reply = (status: number, text: string) => () =>
      parseJsonReply({ status, headers: {}, text }, 'GET /cgi-bin/stats.cgi', 'http://m/cgi-bin/stats.cgi');
    expect(catchError(reply(200, '<html>')).kind).toBe('garbage');
    expect(catchError(reply(401, '<h1>401</h1>')).kind).toBe('auth');
    expect(catchError(reply(200, fixtureText(STATS).slice(0, 500))).kind).toBe('truncated');
  });
});

describe('identifyAntminerWeb', () => {
  const probe = (reply: Partial<HttpProbeReply>) => ({
    http: { '/cgi-bin/summary.cgi': { status: 200, wwwAuthenticate: null, json: null, text: '', ...reply } },
  });

  it('a 401 with the antMiner Digest realm', () => {
    const challenge = 'Digest realm="antMiner Configuration", nonce="abc", qop="auth"';
    expect(identifyAntminerWeb(probe({ status: 401, wwwAuthenticate: challenge }))).toEqual({
      driver: 'antminer-web',
      make: 'Bitmain',
      model: 'Antminer',
      firmware: '',
    });
  });

  it('the S21 summary.cgi capture (INFO + STATUS api_version)', () => {
    expect(identifyAntminerWeb(probe({ json: cgi(SUMMARY) }))).toEqual({
      driver: 'antminer-web',
      make: 'Bitmain',
      model: 'Antminer S21',
      firmware: 'uart_trans.1.3, Thu Jul 11 16:38:25 CST 2024',
    });
  });

  it.each([
    ['another digest realm', { status: 401, wwwAuthenticate: 'Digest realm="Vnish", nonce="a"' }],
    ['a Basic challenge', { status: 401, wwwAuthenticate: 'Basic realm="antMiner Configuration"' }],
    ['JSON without INFO', { json: { STATUS: { api_version: '1.0.0' } } }],
    ['JSON without api_version', { json: { STATUS: { STATUS: 'S' }, INFO: { type: 'x' } } }],
    ['get_system_info.cgi-like JSON', { json: cgi(SYSTEM_INFO) }],
    ['a 404', { status: 404, text: 'Not found' }],
  ])('null for %s', (_what, reply) => {
    expect(identifyAntminerWeb(probe(reply))).toBeNull();
  });

  it('null without an http probe of its path', () => {
    expect(identifyAntminerWeb({})).toBeNull();
    expect(identifyAntminerWeb({ http: {} })).toBeNull();
  });

  it('is registered as an http driver on port 80 probing summary.cgi', () => {
    expect(antminerWebDriver).toMatchObject({ name: 'antminer-web', protocol: 'http', defaultPort: 80, probePath: '/cgi-bin/summary.cgi' });
  });
});
